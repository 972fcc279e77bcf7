"""The workspace URLs of frozen portfolio snapshots (inside ``ws-reporting``)."""

from django.urls import path

from veikart.reporting import snapshot_views as views

urlpatterns = [
    path("oyeblikksbilder/", views.snapshot_list, name="snapshot-list"),
    path("oyeblikksbilder/ny/", views.snapshot_create, name="snapshot-create"),
    path("oyeblikksbilder/sammenlign/", views.snapshot_compare, name="snapshot-compare"),
    path("oyeblikksbilder/<int:pk>/", views.snapshot_page, name="snapshot"),
    path("oyeblikksbilder/<int:pk>/eksport.<str:fmt>", views.snapshot_export, name="snapshot-export"),
]
