"""Public report pages of governance (see urls.py): the annual reports."""

from django.urls import path

from . import report_views

urlpatterns: list = [
    path("arsrapport/", report_views.report_list, name="annual-report-list"),
    path("arsrapport/<int:year>/", report_views.report_detail, name="annual-report"),
    path("arsrapport/<int:year>/arsrapport-<int:pdf_year>.pdf", report_views.report_pdf, name="annual-report-pdf"),
]
