"""Status reporting in the workspace, under ``/forvaltning/rapportering/``."""

from django.urls import path

from veikart.reporting import benefit_urls, bulk_urls, snapshot_urls, workspace_portfolio_urls
from veikart.reporting import workspace_views as views

app_name = "ws-reporting"
url_prefix = "rapportering/"

urlpatterns = [
    path("", views.own_reports, name="own-reports"),
    path("tiltak/<int:item_pk>/periode/<int:period_pk>/", views.report_edit, name="report-edit"),
    path("rapporter/", views.review, name="review"),
    path("rapporter/<int:pk>/", views.report_page, name="report"),
    path("rapporter/<int:pk>/godkjenn/", views.report_approve, name="report-approve"),
    path("rapporter/<int:pk>/send-tilbake/", views.report_return, name="report-return"),
    path("rapporter/<int:pk>/korriger/", views.report_correct, name="report-correct"),
    path("perioder/", views.period_list, name="period-list"),
    path("perioder/ny/", views.period_create, name="period-create"),
    path("perioder/<int:pk>/<slug:action>/", views.period_action, name="period-action"),
]

# Frozen portfolio snapshots: their own module.
urlpatterns += snapshot_urls.urlpatterns

# Benefit links and the portfolio's flags: their own module.
urlpatterns += benefit_urls.urlpatterns
# The period's reports as a spreadsheet, down and up: their own module.
urlpatterns += bulk_urls.urlpatterns

# The portfolio overview and the saved views: their own module.
urlpatterns += workspace_portfolio_urls.urlpatterns
