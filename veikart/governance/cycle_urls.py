"""Public cycle pages of governance (see urls.py)."""

urlpatterns: list = []
