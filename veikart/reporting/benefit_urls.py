"""The workspace URLs of benefit links and the portfolio's flags (inside ``ws-reporting``)."""

from django.urls import path

from veikart.reporting import benefit_views as views

urlpatterns = [
    path("tiltak/<int:item_pk>/indikatorer/", views.benefit_links, name="benefit-links"),
    path("tiltak/<int:item_pk>/indikatorer/<int:pk>/endre/", views.benefit_link_edit, name="benefit-link-edit"),
    path("tiltak/<int:item_pk>/indikatorer/<int:pk>/fjern/", views.benefit_link_remove, name="benefit-link-remove"),
    path("flagg/", views.portfolio_flags, name="portfolio-flags"),
]
