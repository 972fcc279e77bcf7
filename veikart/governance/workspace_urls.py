"""Workspace pages of governance under ``/forvaltning/styring/`` (namespace ``ws-governance``)."""

from . import workspace_cycle_urls, workspace_meeting_urls, workspace_report_urls

app_name = "ws-governance"
url_prefix = "styring/"

urlpatterns = [
    *workspace_cycle_urls.urlpatterns,
    *workspace_report_urls.urlpatterns,
    *workspace_meeting_urls.urlpatterns,
]
