"""Workspace report pages of governance (see workspace_urls.py)."""

urlpatterns: list = []
