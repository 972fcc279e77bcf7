"""The workspace URLs of the status report spreadsheet (inside ``ws-reporting``)."""

from django.urls import path

from veikart.reporting import bulk_views as views

urlpatterns = [
    path("regneark/", views.bulk_upload, name="bulk"),
    path("regneark/statusrapporter.xlsx", views.bulk_download, name="bulk-download"),
]
