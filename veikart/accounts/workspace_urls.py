"""Organisations and users in the workspace: ``/forvaltning/organisasjoner/`` and ``/forvaltning/brukere/``.

The prefix is empty so that both lists sit directly under the workspace.
"""

from django.urls import path

from veikart.accounts.workspace_views import organisations, users

app_name = "ws-accounts"
url_prefix = ""

urlpatterns = [
    path("organisasjoner/", organisations.organisation_list, name="organisation-list"),
    path("organisasjoner/ny/", organisations.organisation_create, name="organisation-create"),
    path("organisasjoner/<int:pk>/", organisations.organisation_edit, name="organisation-edit"),
    path("organisasjoner/<int:pk>/slett/", organisations.organisation_delete_view, name="organisation-delete"),
    path("brukere/", users.user_list, name="user-list"),
    path("brukere/inviter/", users.user_invite, name="user-invite"),
    path("brukere/<int:pk>/", users.user_edit, name="user-edit"),
    path("brukere/<int:pk>/send-invitasjon/", users.user_invitation_resend, name="user-invitation-resend"),
    path("brukere/<int:pk>/deaktiver/", users.user_deactivate, name="user-deactivate"),
    path("brukere/<int:pk>/aktiver/", users.user_reactivate, name="user-reactivate"),
]
