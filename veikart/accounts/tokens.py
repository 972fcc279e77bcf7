"""The token in an invitation link: it works once, for ``INVITATION_MAX_AGE_DAYS``, for the latest invitation only."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token, with the invitation's time in its hash and its own lifetime.

    The hash covers (from Django) the user's id, password hash, last login and
    e-mail, and (added here) ``invited_at`` and ``is_active``. So a link stops
    working once a password is set, when the user is invited again, and when
    the user is deactivated; and ``check_token`` refuses it after
    ``INVITATION_MAX_AGE_DAYS`` days instead of ``PASSWORD_RESET_TIMEOUT``.
    """

    key_salt = "veikart.accounts.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        # The exact instant (microseconds included), so that two invitations within a second differ.
        invited_at = "" if user.invited_at is None else user.invited_at.timestamp()
        return f"{super()._make_hash_value(user, timestamp)}{invited_at}{user.is_active}"

    def check_token(self, user, token: str | None) -> bool:
        """True when ``token`` was made for ``user`` as it is now, less than the maximum age ago."""
        if not (user and token):
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        max_age = settings.INVITATION_MAX_AGE_DAYS * 24 * 60 * 60
        return self._num_seconds(self._now()) - timestamp <= max_age


invitation_tokens = InvitationTokenGenerator()
