"""The strategy framework: strategies and their versions, goals, sub-goals, scenarios.

What the public may see is decided once, in ``StrategyQuerySet.published``, and
who may read more in ``StrategyQuerySet.visible_to``; goals, sub-goals and
scenarios are visible exactly when their strategy is. Sitemaps and feeds use
``published()`` so that nothing a body member may read ever leaks into them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.accounts import permissions
from veikart.core.content import LanguageLabel, content_label, translation_columns
from veikart.core.diffs import Names


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 UN Sustainable Development Goals, held as data."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class StrategyQuerySet(models.QuerySet):
    def published(self) -> StrategyQuerySet:
        """Strategies the public may see."""
        return self.filter(is_published=True)

    def visible_to(self, user) -> StrategyQuerySet:
        """Every strategy for staff, the strategy office and body members; only published ones for everyone else."""
        return self if permissions.can_read_strategy_drafts(user) else self.published()

    def current(self) -> Strategy | None:
        """The adopted strategy with the latest period start, else the newest one in the set."""
        adopted = self.filter(status=Strategy.Status.ADOPTED).order_by("-period_start", "-pk").first()
        return adopted or self.order_by("-period_start", "-pk").first()

    def in_force(self) -> Strategy | None:
        """The version in force: the published, adopted one with the latest period start; None if
        none is both (the banner of a draft or superseded version then links nowhere).
        """
        return self.published().filter(status=Strategy.Status.ADOPTED).order_by("-period_start", "-pk").first()


class Strategy(models.Model):
    """One version of a strategy document."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("On consultation")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    version_label = models.CharField(_("version"), max_length=50, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    vision = models.TextField(_("vision"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    published_on = models.DateField(_("date of the version"), null=True, blank=True)
    previous_version = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_versions",
        help_text=_("The version this one revises or replaces."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    history = HistoricalRecords(excluded_fields=translation_columns("title", "vision"))

    objects = StrategyQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "-published_on", "-pk"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="strategy_period_start_not_after_end",
            ),
        ]

    def __str__(self) -> str:
        label = f" ({self.version_label})" if self.version_label else ""
        return f"{self.title}{label}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:strategy-detail", kwargs={"slug": self.slug})

    @property
    def period(self) -> str:
        return f"{self.period_start}–{self.period_end}"

    def content_label(self) -> LanguageLabel:
        """``str(self)`` in the page's language, for an option: marked when it fell back to bokmål."""
        return content_label(self, "title", suffix=f" ({self.version_label})" if self.version_label else "")


class OverarchingGoal(models.Model):
    """An overall effect the strategy aims for (e.g. "Bærekraftig helse- og omsorgssektor")."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="overarching_goals")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords(excluded_fields=translation_columns("title", "description"))

    class Meta:
        ordering = ["strategy", "number"]
        verbose_name = _("overarching goal")
        verbose_name_plural = _("overarching goals")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="overarching_goal_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class GoalQuerySet(models.QuerySet):
    def published(self) -> GoalQuerySet:
        """Goals of published strategies: what the public, the sitemap and feeds may list."""
        return self.filter(strategy__in=Strategy.objects.published())

    def without_sub_goals_in_use(self) -> GoalQuerySet:
        """Goals of versions that are not superseded and that have no sub-goal yet."""
        return self.exclude(strategy__status=Strategy.Status.SUPERSEDED).filter(sub_goals__isnull=True)

    def visible_to(self, user) -> GoalQuerySet:
        """Goals whose strategy the user may see."""
        return self.filter(strategy__in=Strategy.objects.visible_to(user))


class Goal(models.Model):
    """A strategic goal (*strategisk mål*) of one strategy version."""

    strategy = models.ForeignKey(Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    depends_on = models.ManyToManyField(
        "self",
        verbose_name=_("depends on"),
        symmetrical=False,
        blank=True,
        related_name="dependants",
        help_text=_("Goals of the same strategy that must progress for this one to be reached."),
    )
    sustainable_development_goals = models.ManyToManyField(
        SustainableDevelopmentGoal, verbose_name=_("UN sustainable development goals"), blank=True
    )
    continues = models.ForeignKey(
        "self",
        verbose_name=_("continues"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continued_by",
        help_text=_("The goal of an earlier version that this goal carries on."),
    )
    history = HistoricalRecords(
        m2m_fields=[depends_on, sustainable_development_goals],
        excluded_fields=translation_columns("title", "short_title", "description"),
    )

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "number"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="goal_number_unique_per_strategy"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:goal-detail", kwargs={"slug": self.strategy.slug, "number": self.number})

    def clean(self) -> None:
        if self.continues_id and self.continues.strategy_id == self.strategy_id:
            raise ValidationError({"continues": _("A goal can only continue a goal of another version.")})

    def content_label(self) -> LanguageLabel:
        """``str(self)`` in the page's language, for an option: marked when it fell back to bokmål."""
        return content_label(self, "title", prefix=f"{self.number}. ")


class OrderedText(models.Model):
    """A line of text at a position in a list that belongs to one parent."""

    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.text


class GoalOutcome(OrderedText):
    """One line of "by 2030 we have achieved" for a goal."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="outcomes")
    history = HistoricalRecords(excluded_fields=translation_columns("text"))

    class Meta:
        ordering = ["goal", "position"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(fields=["goal", "position"], name="goal_outcome_position_unique"),
        ]


class SubGoalQuerySet(models.QuerySet):
    def published(self) -> SubGoalQuerySet:
        """Sub-goals of published strategies: what the public, the sitemap and feeds may list."""
        return self.filter(strategy__in=Strategy.objects.published())

    def visible_to(self, user) -> SubGoalQuerySet:
        """Sub-goals whose strategy the user may see."""
        return self.filter(strategy__in=Strategy.objects.visible_to(user))


class SubGoal(models.Model):
    """A sub-goal (*delmål*) with a code such as ``1A``, unique within its strategy."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="sub_goals", editable=False)
    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="sub_goals")
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("title"), max_length=500)
    short_title = models.CharField(_("short title"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("continues"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="continued_by",
        help_text=_("The sub-goal of an earlier version that this sub-goal carries on."),
    )
    history = HistoricalRecords(excluded_fields=translation_columns("title", "short_title", "description"))

    objects = SubGoalQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "code"]
        verbose_name = _("sub-goal")
        verbose_name_plural = _("sub-goals")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="sub_goal_code_unique_per_strategy"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.short_title or self.title}"

    def save(self, *args, **kwargs) -> None:
        # The strategy is denormalised from the goal so the database can keep
        # codes unique per strategy; it is never set by hand.
        self.strategy_id = self.goal.strategy_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("strategy:sub-goal-detail", kwargs={"slug": self.goal.strategy.slug, "code": self.code})

    def clean(self) -> None:
        if self.continues_id and self.goal_id and self.continues.strategy_id == self.goal.strategy_id:
            raise ValidationError({"continues": _("A sub-goal can only continue a sub-goal of another version.")})

    def content_label(self) -> LanguageLabel:
        """``str(self)`` in the page's language, for an option: marked when it fell back to bokmål."""
        return content_label(self, "short_title", "title", prefix=f"{self.code} ")


class BenefitObjective(OrderedText):
    """A benefit objective (*nyttemålsetning*) of a sub-goal."""

    sub_goal = models.ForeignKey(SubGoal, on_delete=models.CASCADE, related_name="benefit_objectives")
    history = HistoricalRecords()

    class Meta:
        ordering = ["sub_goal", "position"]
        verbose_name = _("benefit objective")
        verbose_name_plural = _("benefit objectives")
        constraints = [
            models.UniqueConstraint(fields=["sub_goal", "position"], name="benefit_objective_position_unique"),
        ]


class Scenario(models.Model):
    """A scenario (*situasjonsbeskrivelse*): everyday life in 2030 when the goal is reached."""

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="scenarios")
    code = models.CharField(_("code"), max_length=10, help_text=_("For example 1.2."))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "code"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        constraints = [
            models.UniqueConstraint(fields=["goal", "code"], name="scenario_code_unique_per_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class TargetGroup(models.Model):
    """Who the strategy is for (primary target groups) or who it concerns (stakeholders)."""

    class Kind(models.TextChoices):
        TARGET_GROUP = "target_group", _("Target group")
        STAKEHOLDER = "stakeholder", _("Stakeholder")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="target_groups")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TARGET_GROUP)
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "kind", "position"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "kind", "name"], name="target_group_unique_per_strategy"),
        ]

    def __str__(self) -> str:
        return self.name


def public_names(querysets: dict | None = None) -> Names:
    """Names of related objects for a public change log: goals and sub-goals only of published
    strategy versions (a draft version's codes and titles are not revealed), plus ``querysets``."""
    return Names(
        {
            Goal: Goal.objects.filter(strategy__is_published=True),
            SubGoal: SubGoal.objects.filter(strategy__is_published=True),
            **(querysets or {}),
        }
    )
