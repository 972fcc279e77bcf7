"""Public report pages of governance (see urls.py)."""

urlpatterns: list = []
