"""Workspace cycle pages of governance (see workspace_urls.py)."""

urlpatterns: list = []
