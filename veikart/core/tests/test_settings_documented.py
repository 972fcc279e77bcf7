"""Every environment variable the settings read is documented, so the docs cannot fall behind."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_environment_variable_is_documented():
    settings_source = (ROOT / "config" / "settings.py").read_text()
    variables = set(re.findall(r'env_(?:str|bool|int|list|date)\("([A-Z_]+)"', settings_source))
    documentation = (ROOT / "docs" / "configuration.md").read_text()
    assert variables, "no variables found: has the settings module changed shape?"
    missing = sorted(name for name in variables if f"`{name}`" not in documentation)
    assert not missing, f"document these in docs/configuration.md: {missing}"


def test_deployment_checks_pass_with_production_values():
    import os
    import subprocess
    import sys

    # The browser tests allow async-unsafe ORM calls in their own process only.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DEBUG": "false",
        "TESTING": "false",
        "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-0123456789abcdef",
        "ALLOWED_HOSTS": "veikart.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_refuse_to_start_without_a_secret_key_in_production():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "TESTING"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
