"""Organisations and the people who work for them."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.accounts import permissions
from veikart.accounts.validators import validate_organisation_number


class Organisation(models.Model):
    """An organisation that owns initiatives, reports data or responds to consultations."""

    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", _("Directorate")
        REGIONAL_HEALTH_AUTHORITY = "regional_health_authority", _("Regional health authority")
        HEALTH_TRUST = "health_trust", _("Health trust")
        MUNICIPALITY = "municipality", _("Municipality")
        ASSOCIATION = "association", _("Association")
        SUPPLIER = "supplier", _("Supplier")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, default=Kind.OTHER)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("The nine-digit number in the Central Coordinating Register for Legal Entities."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="organisation_number_unique_when_present",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        """The short name where there is one, else the full name."""
        return self.short_name or self.name


class User(AbstractUser):
    """A person with a login. Their role decides what they may change.

    ``is_staff`` follows the role: saving sets it to whether the user may use
    the admin (``permissions.can_use_admin``), since Django's own code reads the
    flag that way. Setting it by hand has no effect.
    """

    class Role(models.TextChoices):
        NONE = "", _("No role")
        STRATEGY_OFFICE = "strategy_office", _("Strategy office")
        OWNER_EDITOR = "owner_editor", _("Owner editor")
        BODY_MEMBER = "body_member", _("Governance body member")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True, default="")
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nb",
        help_text=_("The language of the e-mails Veikart sends this person."),
    )
    # Set each time the strategy office sends an invitation; the invitation link's token hashes it,
    # so a new invitation makes every earlier link stop working.
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="owner_editor") | models.Q(organisation__isnull=False),
                name="owner_editor_has_organisation",
            ),
        ]

    @property
    def display_name(self) -> str:
        """The full name where there is one, else the username."""
        return self.get_full_name() or self.username

    @property
    def invitation_pending(self) -> bool:
        """Invited but has not yet set a password."""
        return self.invited_at is not None and not self.has_usable_password()

    def save(self, *args, **kwargs) -> None:
        self.is_staff = permissions.can_use_admin(self)
        if kwargs.get("update_fields"):
            kwargs["update_fields"] = {*kwargs["update_fields"], "is_staff"}
        super().save(*args, **kwargs)
