"""Workspace report pages of governance (see workspace_urls.py): the annual report's workflow."""

from django.urls import path

from . import report_views

urlpatterns: list = [
    path("arsrapport/", report_views.ws_report_list, name="report-list"),
    path("arsrapport/<int:pk>/", report_views.ws_report, name="report"),
    path("arsrapport/<int:pk>/fortellinger/", report_views.ws_report_narratives, name="report-narratives"),
    path("arsrapport/<int:pk>/godkjenn/", report_views.ws_report_approve, name="report-approve"),
    path("arsrapport/<int:pk>/publiser/", report_views.ws_report_publish, name="report-publish"),
]
