"""Workspace meeting pages of governance (see workspace_urls.py): bodies and memberships, meetings,
cases, attachments, decisions and follow-up actions."""

from django.urls import path

from . import workspace_body_views as body_views
from . import workspace_meeting_views as views

urlpatterns = [
    path("organer/", body_views.body_list, name="body-list"),
    path("organer/<slug:slug>/", body_views.body_page, name="body"),
    path("organer/<slug:slug>/endre/", body_views.body_edit, name="body-edit"),
    path("organer/<slug:slug>/medlemmer/ny/", body_views.membership_add, name="membership-add"),
    path("medlemskap/<int:pk>/avslutt/", body_views.membership_end, name="membership-end"),
    path("moter/", views.meeting_list, name="meeting-list"),
    path("moter/ny/", views.meeting_create, name="meeting-create"),
    path("moter/<int:pk>/", views.meeting_page, name="meeting"),
    path("moter/<int:pk>/endre/", views.meeting_edit, name="meeting-edit"),
    path("moter/<int:pk>/protokoll/", views.minutes_edit, name="minutes-edit"),
    path("moter/<int:pk>/status/<slug:state>/", views.meeting_move, name="meeting-move"),
    path("moter/<int:pk>/saker/ny/", views.case_create, name="case-create"),
    path("saker/<int:pk>/", views.case_page, name="case"),
    path("saker/<int:pk>/endre/", views.case_edit, name="case-edit"),
    path("saker/<int:pk>/fjern/", views.case_remove, name="case-remove"),
    path("saker/<int:pk>/flytt/", views.case_move, name="case-move"),
    path("saker/<int:pk>/vedlegg/ny/", views.attachment_add, name="attachment-add"),
    path("saker/<int:pk>/vedtak/", views.decision_edit, name="decision-edit"),
    path("saker/<int:pk>/oppfolging/ny/", views.follow_up_create, name="follow-up-create"),
    path("vedlegg/<int:pk>/", views.attachment_download, name="attachment"),
    path("vedlegg/<int:pk>/fjern/", views.attachment_remove, name="attachment-remove"),
    path("oppfolging/", views.follow_up_list, name="follow-up-list"),
    path("oppfolging/<int:pk>/utfort/", views.follow_up_done, name="follow-up-done"),
]
