"""Forms of the accounts app: logging in, setting a password, and the workspace's organisation and user pages."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from veikart.accounts.models import Organisation, User
from veikart.accounts.validators import validate_organisation_number
from veikart.core.text import norwegian_slugify
from veikart.workspace.forms import WorkspaceFormMixin


class LoginForm(AuthenticationForm):
    """The standard login form with field attributes for the design system."""

    error_messages = {
        "invalid_login": _("The username or password is wrong. Both are case-sensitive."),
        "inactive": _("This account is inactive."),
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"class": "ds-input", "autocomplete": "username"})
        self.fields["password"].widget.attrs.update({"class": "ds-input", "autocomplete": "current-password"})


class ChoosePasswordForm(WorkspaceFormMixin, SetPasswordForm):
    """A first password (from an invitation) or a new one (from a reset link), checked by the password validators."""


class OrganisationForm(WorkspaceFormMixin, forms.ModelForm):
    """Create or edit an organisation. The slug is made from the name when left empty.

    Unique name, slug and organisation number are checked here, as field errors,
    before the database's constraints would refuse them. The number may be typed
    with spaces ("983 544 622"); they are taken out before it is checked.
    """

    organisation_number = forms.CharField(
        label=_("organisation number"),
        required=False,
        max_length=20,
        help_text=Organisation._meta.get_field("organisation_number").help_text,
    )

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "slug", "kind", "organisation_number"]
        help_texts = {"slug": _("Used in addresses. Made from the name when left empty.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or norwegian_slugify(self.cleaned_data.get("name") or "")
        if not slug and "name" not in self.errors:
            raise forms.ValidationError(_("Write a slug: the name gives none."), code="required")
        return slug[:100]

    def clean_organisation_number(self) -> str:
        number = re.sub(r"\s", "", self.cleaned_data.get("organisation_number") or "")
        if number:
            validate_organisation_number(number)
        if number and Organisation.objects.exclude(pk=self.instance.pk).filter(organisation_number=number).exists():
            raise forms.ValidationError(_("Another organisation already has this organisation number."), code="unique")
        return number


class OrganisationFilterForm(WorkspaceFormMixin, forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All")), *Organisation.Kind.choices])


def _organisation_choice_field(empty_label: str) -> forms.ModelChoiceField:
    """An organisation select; ``WorkspaceFormMixin`` renders its 400 options in Python (``core.widgets``)."""
    return forms.ModelChoiceField(
        Organisation.objects.order_by("name"),
        label=_("Organisation"),
        required=False,
        empty_label=empty_label,
    )


class UserFieldsMixin:
    """The rule every user form shares: an owner editor belongs to an organisation (a database constraint too)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if (
            cleaned.get("role") == User.Role.OWNER_EDITOR
            and not cleaned.get("organisation")
            and "organisation" not in self.errors
        ):
            self.add_error(
                "organisation",
                forms.ValidationError(_("An owner editor must belong to an organisation."), code="required"),
            )
        return cleaned


class UserInviteForm(WorkspaceFormMixin, UserFieldsMixin, forms.ModelForm):
    """Invite someone by e-mail: a user without a password, who sets one from the invitation link."""

    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    organisation = _organisation_choice_field(_("No organisation"))

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "role", "organisation", "language"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["role"].help_text = _(
            "Strategy office: maintains and publishes everything. Owner editor: keeps its organisation's "
            "items and indicators up to date. Governance body member: reads what is not yet public."
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists() or User.objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "Another user already has this e-mail address. To send an invitation again, "
                    "open that user from the list."
                ),
                code="unique",
            )
        return email


class UserEditForm(WorkspaceFormMixin, UserFieldsMixin, forms.ModelForm):
    """Name, role, organisation and language of a user. Editing oneself, the strategy office role stays."""

    organisation = _organisation_choice_field(_("No organisation"))

    class Meta:
        model = User
        fields = ["first_name", "last_name", "role", "organisation", "language"]

    def __init__(self, *args, editor: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.editor = editor

    def clean_role(self) -> str:
        role = self.cleaned_data.get("role", "")
        if (
            self.instance.pk == self.editor.pk
            and self.instance.role == User.Role.STRATEGY_OFFICE
            and role != User.Role.STRATEGY_OFFICE
        ):
            raise forms.ValidationError(
                _("You cannot take away your own strategy office role; ask a colleague to do it."), code="self"
            )
        return role


class UserFilterForm(WorkspaceFormMixin, forms.Form):
    ACTIVE_CHOICES = [("", _("All")), ("yes", _("Active")), ("no", _("Deactivated"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    role = forms.ChoiceField(label=_("Role"), required=False)
    organisation = _organisation_choice_field(empty_label=_("All"))
    active = forms.ChoiceField(label=_("Status"), required=False, choices=ACTIVE_CHOICES)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        roles = [(value or "none", label) for value, label in User.Role.choices]
        self.fields["role"].choices = [("", _("All")), *roles]
