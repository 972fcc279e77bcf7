"""Workspace cycle pages of governance (see workspace_urls.py): the strategy office's stored events and
next year's cycle from this one."""

from django.urls import path

from . import cycle_views

urlpatterns = [
    path("arshjul/", cycle_views.workspace_year, name="cycle"),
    path("arshjul/ny/", cycle_views.event_create, name="cycle-event-create"),
    path("arshjul/<int:pk>/endre/", cycle_views.event_edit, name="cycle-event-edit"),
    path("arshjul/<int:pk>/slett/", cycle_views.event_delete, name="cycle-event-delete"),
    path("arshjul/<int:year>/kopier/", cycle_views.copy_cycle, name="cycle-copy"),
]
