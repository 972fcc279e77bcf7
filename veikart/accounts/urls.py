from django.contrib.auth import views as auth_views
from django.urls import path

from veikart.accounts import views
from veikart.accounts.forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path(
        "logg-inn/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("invitasjon/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
    path("glemt-passord/", views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "glemt-passord/sendt/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password-reset-sent",
    ),
    path("nytt-passord/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
]
