from django.urls import path

from veikart.roadmap import feeds, views, views_edit

app_name = "roadmap"

urlpatterns = [
    path("", views.item_list, name="item-list"),
    path("mal/", views.by_goal, name="by-goal"),
    path("eiere/", views.by_owner, name="by-owner"),
    path("brukergrupper/", views.by_user_group, name="by-user-group"),
    path("brukergrupper/<slug:slug>/", views.user_group_coming, name="user-group-coming"),
    path("tidslinje/", views.timeline, name="timeline"),
    path("sok/", views.search, name="search"),
    path("tiltak/<int:pk>/", views.item_detail, name="item-detail"),
    path("tiltak/<int:pk>/rediger/", views_edit.item_edit, name="item-edit"),
    path("eksport.<str:fmt>", views.export, name="export"),
    path("milepaeler.ics", feeds.milestones_ical, name="milestones-ical"),
    path("endringer.atom", feeds.RoadmapChangesFeed(), name="changes-feed"),
    path("import/", views_edit.import_upload, name="import"),
]
