"""Public document pages of governance (see urls.py)."""

urlpatterns: list = []
