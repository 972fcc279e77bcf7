"""Public meeting pages of governance (see urls.py)."""

urlpatterns: list = []
