"""The workspace URLs of the portfolio overview and its saved views (inside ``ws-reporting``)."""

from django.urls import path

from veikart.reporting import workspace_portfolio as views

urlpatterns = [
    path("portefolje/", views.portfolio, name="portfolio"),
    path("portefolje/eksport.<str:fmt>", views.portfolio_export, name="portfolio-export"),
    path("portefolje/visninger/", views.view_save, name="view-save"),
    path("portefolje/visninger/<int:pk>/", views.view_open, name="view-open"),
    path("portefolje/visninger/<int:pk>/slett/", views.view_delete, name="view-delete"),
]
