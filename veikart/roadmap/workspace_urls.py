"""The roadmap's workspace pages, under ``/forvaltning/veikart/``: its items, and the reference data
(phases, groupings, user groups) under ``referansedata/``."""

from django.urls import path

from veikart.roadmap import workspace_items
from veikart.roadmap import workspace_reference as reference

app_name = "ws-roadmap"
url_prefix = "veikart/"

urlpatterns = [
    path("tiltak/", workspace_items.item_list, name="item-list"),
    path("tiltak/ny/", workspace_items.item_create, name="item-create"),
    path("tiltak/<int:pk>/", workspace_items.item_page, name="item"),
    path("tiltak/<int:pk>/send-til-publisering/", workspace_items.item_submit, name="item-submit"),
    path("tiltak/<int:pk>/publiser/", workspace_items.item_publication, {"publish": True}, name="item-publish"),
    path("tiltak/<int:pk>/avpubliser/", workspace_items.item_publication, {"publish": False}, name="item-unpublish"),
    path("referansedata/faser/", reference.phase_list, name="phase-list"),
    path("referansedata/faser/ny/", reference.phase_create, name="phase-create"),
    path("referansedata/faser/<int:pk>/", reference.phase_edit, name="phase-edit"),
    path("referansedata/faser/<int:pk>/slett/", reference.phase_delete, name="phase-delete"),
    path("referansedata/grupperinger/", reference.grouping_list, name="grouping-list"),
    path("referansedata/grupperinger/ny/", reference.grouping_create, name="grouping-create"),
    path("referansedata/grupperinger/<int:pk>/", reference.grouping_edit, name="grouping-edit"),
    path("referansedata/grupperinger/<int:pk>/slett/", reference.grouping_delete, name="grouping-delete"),
    path("referansedata/brukergrupper/", reference.user_group_list, name="user-group-list"),
    path("referansedata/brukergrupper/ny/", reference.user_group_create, name="user-group-create"),
    path("referansedata/brukergrupper/<int:pk>/", reference.user_group_edit, name="user-group-edit"),
    path("referansedata/brukergrupper/<int:pk>/slett/", reference.user_group_delete, name="user-group-delete"),
]
