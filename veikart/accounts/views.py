"""Choosing a password: from an invitation link, or from a "forgot password" mail.

Both use Django's password-reset views: the link's token is moved into the
session at once (so it does not leak through the Referer header), the new
password is checked by the password validators, and the person is logged in.
An invitation link is checked by ``invitation_tokens`` (its own lifetime, and
only the latest invitation works); a reset link by Django's default generator
(``PASSWORD_RESET_TIMEOUT``, three days). Each works once, since setting the
password changes what the token hashes.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veikart.accounts import permissions
from veikart.accounts.forms import ChoosePasswordForm
from veikart.accounts.tokens import invitation_tokens
from veikart.core.tasks import mail_send

logger = logging.getLogger(__name__)


class _ChoosePasswordView(auth_views.PasswordResetConfirmView):
    form_class = ChoosePasswordForm
    template_name = "accounts/set_password.html"
    post_reset_login = True
    # Login throttling's backend wants the request's credentials; the person has just proved who they are.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    reset_url_token = "angi-passord"  # noqa: S105 - a URL segment, not a password
    title = ""
    invalid_text = ""
    log_verb = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(title=self.title, invalid_text=self.invalid_text)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        logger.info("User %s %s", form.user.pk, self.log_verb)
        messages.success(self.request, _("Your password is set, and you are logged in."))
        return response

    def get_success_url(self) -> str:
        if permissions.can_use_workspace(self.user):
            return reverse("workspace:start")
        return reverse(settings.LOGIN_REDIRECT_URL)


class InvitationAcceptView(_ChoosePasswordView):
    token_generator = invitation_tokens
    title = gettext_lazy("Welcome to Veikart: choose a password")
    invalid_text = gettext_lazy(
        "This invitation link has expired, has been used already, or a newer invitation has replaced it. "
        "Ask the strategy office to send you a new one."
    )
    log_verb = "accepted an invitation and chose a password"


class PasswordResetConfirmView(_ChoosePasswordView):
    title = gettext_lazy("Choose a new password")
    invalid_text = gettext_lazy("This link has expired or has been used already. You can ask for a new one.")
    log_verb = "chose a new password from a reset link"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, sending the mail in the language the user chose for mail."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"class": "ds-input", "autocomplete": "email"})

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs) -> None:
        """Written in the user's language and queued for the task worker (``core.tasks.mail_send``), so the
        page answers at once, whether or not the address is known, and never waits on the mail server."""
        with translation.override(context["user"].language or settings.LANGUAGE_CODE):
            subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
            body = loader.render_to_string(email_template_name, context)
        mail_send.enqueue(to=[to_email], subject=subject, body=body)


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link by e-mail. The answer is the same whether or not the address is known."""

    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")
    extra_email_context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL.rstrip("/")}
