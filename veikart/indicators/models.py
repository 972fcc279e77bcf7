"""Target indicators (*målindikatorer*): definitions, baselines, targets and observed values.

What the public may see is decided once, in ``IndicatorQuerySet.visible_to``: staff see every
indicator; everyone else sees published indicators whose goal (if any) belongs to a visible strategy.
Baselines, targets and observations are visible exactly when their indicator is.

An observation's breakdown (*disaggregation*) is held as data: ``Dimension`` and ``DimensionValue``
name the dimensions (region, municipality, profession...) and their categories, and each observation
stores its breakdown as a canonical key such as ``municipality=0301|region=03`` (dimensions sorted by
code; empty for the total). The key makes (indicator, period, breakdown) unique in the database and
is cheap to index; ``breakdown_key_from``/``breakdown_from_key`` convert it to and from a dict.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.content import LanguageLabel, content_label, translation_columns
from veikart.indicators.periods import PeriodError, parse_period
from veikart.strategy.models import Goal, SubGoal

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
_CODE_RE = re.compile(CODE_PATTERN)
code_validator = RegexValidator(CODE_PATTERN, _("Use letters, digits, dots, hyphens and underscores only."))

VALUE_DIGITS = 20
VALUE_PLACES = 6


def breakdown_key_from(breakdown: dict[str, str]) -> str:
    """The canonical key of a breakdown: ``dim=value`` pairs sorted by dimension, joined by ``|``."""
    for dimension, value in breakdown.items():
        if not _CODE_RE.match(dimension) or not _CODE_RE.match(value):
            raise ValueError(f"Breakdown codes may hold letters, digits, '.', '-' and '_' only: {dimension}={value}")
    return "|".join(f"{dimension}={breakdown[dimension]}" for dimension in sorted(breakdown))


def breakdown_from_key(key: str) -> dict[str, str]:
    """The breakdown a key stands for; ``{}`` for the total."""
    if not key:
        return {}
    return dict(pair.split("=", 1) for pair in key.split("|"))


class Dimension(models.Model):
    """A dimension observations can be broken down by (region, municipality, health trust, age group...)."""

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    total_code = models.CharField(
        _("total code"),
        max_length=40,
        blank=True,
        help_text=_(
            "The code a publisher uses for the total of this dimension, when it is not one of the usual ones "
            "(_T, T, TOTAL, Total, I alt, Alle or a blank cell), e.g. 0 for Statistics Norway's whole country."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return self.name


class DimensionValue(models.Model):
    """One category of a dimension, e.g. the municipality ``0301`` Oslo, optionally inside a parent (its region)."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="values"
    )
    code = models.CharField(_("code"), max_length=40, validators=[code_validator])
    label = models.CharField(_("label"), max_length=200)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    # The years a classification gives the code (a municipality merged away in 2020 has valid_to 2019).
    valid_from = models.PositiveSmallIntegerField(_("valid from (year)"), null=True, blank=True)
    valid_to = models.PositiveSmallIntegerField(_("valid to (year)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension", "position", "code"]
        verbose_name = _("dimension value")
        verbose_name_plural = _("dimension values")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="dimension_value_code_unique"),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
                name="dimension_value_valid_from_before_valid_to",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def breakdown_key(self) -> str:
        return f"{self.dimension.code}={self.code}"


def unpublished_strategy_error(*, goals=(), sub_goals=()) -> str | None:
    """Why a published indicator cannot measure these goals and sub-goals, or None.

    The rule: a published indicator measures only goals and sub-goals of published strategy
    versions. ``Indicator.clean`` checks the goal; the sub-goals are saved after the indicator, so a
    form that edits them checks them with this function. Should a strategy be unpublished later,
    an indicator of one of its goals is hidden with it (``IndicatorQuerySet.published``).
    """
    strategies = [goal.strategy for goal in goals] + [sub_goal.strategy for sub_goal in sub_goals]
    hidden = sorted({str(strategy) for strategy in strategies if not strategy.is_published})
    if not hidden:
        return None
    return _(
        "A published indicator cannot measure a goal or sub-goal of an unpublished strategy version "
        "(%(strategies)s). Publish the strategy version first, or leave the indicator unpublished."
    ) % {"strategies": ", ".join(hidden)}


class IndicatorQuerySet(models.QuerySet):
    def published(self) -> IndicatorQuerySet:
        """Published indicators whose goal, if any, belongs to a published strategy."""
        return self.filter(is_published=True).filter(
            models.Q(goal__isnull=True) | models.Q(goal__strategy__is_published=True)
        )

    def visible_to(self, user) -> IndicatorQuerySet:
        """Every indicator for staff; only published ones for everyone else."""
        return self if permissions.can_view_unpublished(user) else self.published()


class Indicator(models.Model):
    """A target indicator: what is measured, how, by whom, and which goal it measures."""

    class MeasureType(models.TextChoices):
        COUNT = "count", _("Count")
        PERCENTAGE = "percentage", _("Percentage")
        SCALE = "scale", _("Bounded scale")
        SURVEY_SCORE = "survey_score", _("Survey score")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Frequency(models.TextChoices):
        YEARLY = "yearly", _("Yearly")
        QUARTERLY = "quarterly", _("Quarterly")
        MONTHLY = "monthly", _("Monthly")

    class SourceKind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        SYSTEM = "system", _("System")
        SURVEY = "survey", _("Survey")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ADOPTED = "adopted", _("Adopted")
        RETIRED = "retired", _("Retired")

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=300)
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.PROTECT, null=True, blank=True, related_name="indicators"
    )
    sub_goals = models.ManyToManyField(SubGoal, verbose_name=_("sub-goals"), blank=True, related_name="indicators")
    definition = models.TextField(_("definition"), blank=True)
    rationale = models.TextField(_("rationale"), blank=True, help_text=_("Why this indicator measures the goal."))
    measure_type = models.CharField(_("measure type"), max_length=20, choices=MeasureType.choices)
    scale_min = models.DecimalField(
        _("lowest possible value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    scale_max = models.DecimalField(
        _("highest possible value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.YEARLY)
    source_kind = models.CharField(
        _("kind of source"), max_length=20, choices=SourceKind.choices, default=SourceKind.ORGANISATION
    )
    source_name = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("link to the source"), max_length=500, blank=True)
    responsible = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    # Raised by every write that can change the computed progress (observations, targets, baseline,
    # the indicator itself): the key under which that progress is cached (``pages.indicator_overview``).
    data_revision = models.PositiveBigIntegerField(default=0, editable=False)
    history = HistoricalRecords(
        m2m_fields=[sub_goals],
        excluded_fields=["data_revision", *translation_columns("name", "definition")],
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_min__isnull=True)
                | models.Q(scale_max__isnull=True)
                | models.Q(scale_min__lt=models.F("scale_max")),
                name="indicator_scale_min_below_max",
            ),
            models.CheckConstraint(
                condition=~models.Q(measure_type="scale")
                | (models.Q(scale_min__isnull=False) & models.Q(scale_max__isnull=False)),
                name="indicator_scale_has_bounds",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="retired") | ~models.Q(status_reason=""),
                name="indicator_retired_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs) -> None:
        # An update never writes ``data_revision`` back: the copy in memory may be older than the row
        # (a target saved meanwhile raised it), and writing it back would let the ``post_save`` raise
        # land on a revision whose progress is already cached. ``revisions`` raises it after the save.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "data_revision"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("indicators:indicator-detail", kwargs={"code": self.code})

    def clean(self) -> None:
        errors = {}
        if self.measure_type == self.MeasureType.SCALE and (self.scale_min is None or self.scale_max is None):
            errors["scale_max"] = _("A bounded scale needs its lowest and highest value (e.g. 0 and 7).")
        if self.scale_min is not None and self.scale_max is not None and self.scale_min >= self.scale_max:
            errors["scale_max"] = _("The highest value must be above the lowest.")
        if self.status == self.Status.RETIRED and not self.status_reason.strip():
            errors["status_reason"] = _("Say why the indicator was retired.")
        # Not tied to a field, so that a form without the goal or the publication flag shows it too.
        if self.is_published and self.goal_id and (error := unpublished_strategy_error(goals=[self.goal])):
            # One published before its strategy version was unpublished stays as it is, hidden with it.
            saved = Indicator.objects.filter(pk=self.pk).values_list("is_published", "goal_id").first()
            if saved != (True, self.goal_id):
                errors[NON_FIELD_ERRORS] = error
        if errors:
            raise ValidationError(errors)

    @property
    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """The (lowest, highest) values the measure can take; a percentage is 0–100 unless told otherwise."""
        low, high = self.scale_min, self.scale_max
        if self.measure_type == self.MeasureType.PERCENTAGE:
            low = Decimal(0) if low is None else low
            high = Decimal(100) if high is None else high
        return low, high

    @property
    def is_bounded(self) -> bool:
        low, high = self.bounds
        return low is not None and high is not None

    def value_error(self, value: Decimal) -> str | None:
        """Why ``value`` cannot be a value of this indicator, or None if it can."""
        low, high = self.bounds
        if (low is not None and value < low) or (high is not None and value > high):
            return gettext("%(value)s is outside the scale of %(code)s (%(low)s–%(high)s).") % {
                "value": _plain(value),
                "code": self.code,
                "low": _plain(low),
                "high": _plain(high),
            }
        return None

    def content_label(self) -> LanguageLabel:
        """``str(self)`` in the page's language, for an option: marked when it fell back to bokmål."""
        return content_label(self, "name", prefix=f"{self.code} ")


def _plain(value: Decimal | None) -> str:
    if value is None:
        return "…"
    return format(value.normalize(), "f")


def _validate_period(value: str) -> None:
    try:
        parse_period(value)
    except PeriodError as error:
        raise ValidationError(str(error)) from None


class PeriodValueMixin(models.Model):
    """A period (canonical text with its sort key) and a decimal value within the indicator's bounds."""

    period = models.CharField(_("period"), max_length=10, validators=[_validate_period])
    period_key = models.BigIntegerField(_("period sort key"), editable=False)
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        period = parse_period(self.period)
        self.period = period.text
        self.period_key = period.sort_key
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        try:
            self.period = parse_period(self.period).text
        except PeriodError as error:
            errors["period"] = str(error)
        if self.value is not None and self.indicator_id is not None:
            message = self.indicator.value_error(Decimal(self.value))
            if message:
                errors["value"] = message
        if errors:
            raise ValidationError(errors)


class Baseline(PeriodValueMixin):
    """The value the indicator's progress is measured from."""

    indicator = models.OneToOneField(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="baseline"
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baseline")
        verbose_name_plural = _("baselines")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"


class Target(PeriodValueMixin):
    """A value the indicator should reach by the end of a period."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    justification = models.TextField(_("justification"), blank=True)
    is_demo = models.BooleanField(
        _("demo target"), default=False, help_text=_("Invented for demonstration; not an adopted target.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_key"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="target_period_unique_per_indicator"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"

    def clean(self) -> None:
        errors: dict = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "period" not in errors and self.indicator_id is not None:
            message = self.overlap_error()
            if message:
                errors.setdefault("period", []).append(message)
        if errors:
            raise ValidationError(errors)

    def overlap_error(self) -> str | None:
        """Why this target's period cannot stand beside the indicator's other targets, or None.

        Two targets may not share a period, nor cover overlapping time (``2030`` and ``2030-Q4``):
        progress reads one target per point in time.
        """
        try:
            period = parse_period(self.period)
        except PeriodError:
            return None
        others = Target.objects.filter(indicator_id=self.indicator_id).exclude(pk=self.pk)
        for other_text in others.values_list("period", flat=True):
            other = parse_period(other_text)
            if other.text == period.text:
                return gettext("There is already a target for %(period)s.") % {"period": period.text}
            if period.start <= other.end and other.start <= period.end:
                return gettext("%(period)s overlaps the target for %(other)s; target periods may not overlap.") % {
                    "period": period.text,
                    "other": other.text,
                }
        return None


class ObservationImport(models.Model):
    """One file written into the observations, kept so each observation can name where it came from."""

    file_name = models.CharField(_("file name"), max_length=300)
    file_format = models.CharField(_("format"), max_length=20)
    sha256 = models.CharField(_("checksum"), max_length=64)
    imported_by = models.ForeignKey(
        "accounts.User", verbose_name=_("imported by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("new observations"), default=0)
    updated = models.PositiveIntegerField(_("corrected observations"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged observations"), default=0)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("observation import")
        verbose_name_plural = _("observation imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class ObservationQuerySet(models.QuerySet):
    def visible_to(self, user) -> ObservationQuerySet:
        return self.filter(indicator__in=Indicator.objects.visible_to(user))

    def totals(self) -> ObservationQuerySet:
        """Rows with no breakdown: the headline series."""
        return self.filter(breakdown_key="")


class Observation(PeriodValueMixin):
    """One observed value of an indicator for a period and a breakdown (the total when there is none)."""

    class Status(models.TextChoices):
        FINAL = "final", _("Final")
        PROVISIONAL = "provisional", _("Provisional")

    # The unique constraint starts with the indicator, so the foreign key needs no index of its own;
    # every index costs time on each of millions of inserted rows. Nor is it a database constraint:
    # PostgreSQL checks one per inserted row, which cost a million-row COPY as much as the insert
    # itself. Deleting an indicator deletes its observations in one statement (``deletion``), not
    # through Django's row-by-row cascade, and writers resolve the indicator first; the import holds
    # a key-share lock on the indicators it writes to, as the constraint's own check would
    # (``services._lock_indicators``).
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.DO_NOTHING,
        related_name="observations",
        db_index=False,
        db_constraint=False,
    )
    # On PostgreSQL the column compares bytewise (collation "C", set by migration 0002): breakdown keys
    # are codes, and the unique index on millions of rows is filled much faster than with a locale.
    breakdown_key = models.CharField(_("breakdown"), max_length=255, blank=True, default="")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.FINAL)
    note = models.TextField(_("note"), blank=True)
    # SDMX-style attributes as the file gave them (OBS_STATUS, UNIT_MULT, UNIT_MEASURE…), NULL when there
    # are none: most rows have none, and a NULL costs a million-row COPY nothing.
    attributes = models.JSONField(_("attributes"), null=True, blank=True)
    # Provenance only, and never enforced by the database: a foreign-key check on every row of a
    # million-row COPY costs PostgreSQL more than the insert itself. Django still nulls the field
    # when an import record is deleted.
    source_import = models.ForeignKey(
        ObservationImport,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_constraint=False,
        db_index=False,
    )
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Invented to illustrate the page; not a published figure.")
    )
    history = HistoricalRecords()

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "breakdown_key", "period_key"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            # The sort key stands for exactly one canonical period, so this is "one value per indicator,
            # period and breakdown"; in this column order the same index also serves reading a series
            # in time order, and a table of millions of rows is cheaper to fill with one index less.
            models.UniqueConstraint(
                fields=["indicator", "breakdown_key", "period_key"], name="observation_unique_per_period_and_breakdown"
            ),
        ]

    def __str__(self) -> str:
        suffix = f" [{self.breakdown_key}]" if self.breakdown_key else ""
        return f"{self.indicator.code} {self.period}{suffix}: {self.value}"

    @property
    def breakdown(self) -> dict[str, str]:
        return breakdown_from_key(self.breakdown_key)

    def clean(self) -> None:
        super().clean()
        try:
            breakdown_key_from(self.breakdown)
        except ValueError as error:
            raise ValidationError({"breakdown_key": str(error)}) from None
