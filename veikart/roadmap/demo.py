"""Demo roadmap content (filled in below)."""


def load(*, demo_passwords: bool = False) -> None:
    return None
