"""The roadmap (*veikart*): phases, groupings, user groups and roadmap items.

What the public may see is decided once, in ``RoadmapItemQuerySet.visible_to``:
an item is public when it is published and its strategy is public.
"""

from __future__ import annotations

import datetime
import threading

import markdown
import nh3
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from veikart.accounts import permissions
from veikart.accounts.models import Organisation
from veikart.core.content import LanguageLabel, content_label, translation_columns
from veikart.strategy.models import Strategy, SubGoal

_MARKDOWN_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote", "h3", "h4"}


_converters = threading.local()


def _markdown_converter() -> markdown.Markdown:
    """This thread's converter: building one costs more than converting a paragraph, and an instance is
    not safe to share between threads."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(extensions=["sane_lists"])
    return converter


def render_markdown(text: str) -> SafeString:
    """Markdown rendered to HTML with nh3 keeping only harmless tags (no scripts, styles or raw HTML)."""
    converter = _markdown_converter()
    try:
        html = converter.convert(text or "")
    finally:
        converter.reset()
    clean = nh3.clean(html, tags=_MARKDOWN_TAGS, attributes={"a": {"href", "title"}}, link_rel="noopener nofollow")
    return mark_safe(clean)  # sanitised by nh3 just above


class Phase(models.Model):
    """A roadmap phase (*veikartfase*), ordered and coloured; held as data, not an enum."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour is written #rrggbb."))],
        help_text=_("Used in the timeline; choose one with enough contrast against white text."),
    )
    description = models.TextField(_("description"), blank=True)
    is_rollout = models.BooleanField(
        _("introduction or use"),
        default=False,
        help_text=_("Items in this phase are being introduced or are in use (shown on the “what is coming” pages)."),
    )
    history = HistoricalRecords(excluded_fields=translation_columns("name"))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name

    def content_label(self) -> LanguageLabel:
        """``str(self)`` in the page's language, for an option: marked when it fell back to bokmål."""
        return content_label(self, "name")


class Grouping(models.Model):
    """A strategy grouping (*strategigruppering*) of items under one sub-goal."""

    sub_goal = models.ForeignKey(
        SubGoal, verbose_name=_("sub-goal"), on_delete=models.CASCADE, related_name="groupings"
    )
    name = models.CharField(_("name"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sub_goal", "name"]
        verbose_name = _("grouping")
        verbose_name_plural = _("groupings")
        constraints = [
            models.UniqueConstraint(fields=["sub_goal", "name"], name="grouping_name_unique_per_sub_goal"),
        ]

    def __str__(self) -> str:
        return self.name


class UserGroup(models.Model):
    """Who an item is for (*brukergruppe*): GPs, municipalities, hospitals, citizens …"""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords(excluded_fields=translation_columns("name"))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("user group")
        verbose_name_plural = _("user groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("roadmap:user-group-coming", kwargs={"slug": self.slug})

    def content_label(self) -> LanguageLabel:
        """``str(self)`` in the page's language, for an option: marked when it fell back to bokmål."""
        return content_label(self, "name")


# Lists show items by sub-goal, then grouping, in the order these were registered
# (for imported groupings: the order of the official export), then by name.
# Ordering by ids rather than by code and grouping name lets the database read
# a page straight from the ``roadmap_item_list_order`` index.
LIST_ORDER = ("sub_goal_id", "grouping_id", "title", "id")


def unpublished_strategy_error(strategies) -> str | None:
    """Why a published item cannot belong to sub-goals of these strategy versions, or None if it may.

    The rule: a published item belongs only to sub-goals (its sub-goal and further sub-goals) of
    published strategy versions. Checked by ``RoadmapItem.clean`` (the sub-goal), the edit form (the
    further sub-goals, saved after the item) and the import. Should a strategy version be unpublished
    later, its items are hidden with it (``RoadmapItemQuerySet.published``).
    """
    hidden = sorted({str(strategy) for strategy in strategies if not strategy.is_published})
    if not hidden:
        return None
    return _(
        "A published item cannot belong to a sub-goal of an unpublished strategy version (%(strategies)s). "
        "Publish the strategy version first, or leave the item unpublished."
    ) % {"strategies": ", ".join(hidden)}


class RoadmapItemQuerySet(models.QuerySet):
    def published(self) -> RoadmapItemQuerySet:
        """Items the public may see: published, in a published strategy."""
        # A subquery rather than a join, so list pages need not join sub-goals to count items.
        return self.filter(
            is_published=True, sub_goal__in=SubGoal.objects.filter(strategy__in=Strategy.objects.published())
        )

    def visible_to(self, user) -> RoadmapItemQuerySet:
        """Every item for staff and the strategy office; only published ones for everyone else."""
        return self if permissions.can_view_unpublished(user) else self.published()

    def editable_by(self, user) -> RoadmapItemQuerySet:
        """The items ``user`` may edit: all for the strategy office, their organisation's for owner editors."""
        if permissions.is_strategy_office(user):
            return self
        organisation = permissions.editable_organisation(user)
        if organisation is None:
            return self.none()
        return self.filter(owners=organisation)

    def running_in(self, year: int) -> RoadmapItemQuerySet:
        """Items with a start date that run during ``year`` (open-ended items run on)."""
        return self.filter(start_date__lte=datetime.date(year, 12, 31)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1))
        )

    def in_strategy(self, strategy: Strategy) -> RoadmapItemQuerySet:
        return self.filter(sub_goal__in=SubGoal.objects.filter(strategy=strategy).values("pk"))


class RoadmapItem(models.Model):
    """One initiative or delivery (*tiltak/leveranse*) of the roadmap."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        DELAYED = "delayed", _("Delayed")
        DONE = "done", _("Done")

    delivery_id = models.CharField(
        _("delivery id"),
        max_length=40,
        blank=True,
        help_text=_("The id of the delivery in the official roadmap export (Leveranse-ID)."),
    )
    title = models.CharField(_("name"), max_length=500)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown: paragraphs, lists, links."))
    sub_goal = models.ForeignKey(
        SubGoal, verbose_name=_("sub-goal"), on_delete=models.PROTECT, related_name="roadmap_items"
    )
    further_sub_goals = models.ManyToManyField(
        SubGoal, verbose_name=_("further sub-goals"), blank=True, related_name="further_roadmap_items"
    )
    grouping = models.ForeignKey(
        Grouping,
        verbose_name=_("grouping"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.PROTECT, null=True, blank=True, related_name="items"
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    owners = models.ManyToManyField(Organisation, verbose_name=_("owners"), blank=True, related_name="roadmap_items")
    user_groups = models.ManyToManyField(UserGroup, verbose_name=_("user groups"), blank=True, related_name="items")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    depends_on = models.ManyToManyField(
        "self",
        verbose_name=_("depends on"),
        symmetrical=False,
        blank=True,
        related_name="dependants",
        help_text=_("Items that must be delivered first."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    # An owner editor asks the strategy office to publish an unpublished item; publishing clears it.
    publication_requested_at = models.DateTimeField(_("submitted for publication"), null=True, blank=True)
    publication_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Invented for demonstration; not a real delivery.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Optimistic locking: every change increments it; a save that started
    # from an older version is refused (see ``services.roadmap_item_update``).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[owners, user_groups, further_sub_goals, depends_on])

    objects = RoadmapItemQuerySet.as_manager()

    class Meta:
        ordering = ["sub_goal__code", "title", "pk"]
        verbose_name = _("roadmap item")
        verbose_name_plural = _("roadmap items")
        constraints = [
            models.UniqueConstraint(
                fields=["delivery_id"],
                condition=~Q(delivery_id=""),
                name="roadmap_item_delivery_id_unique_when_present",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="roadmap_item_end_not_before_start",
            ),
        ]
        indexes = [
            # With the id: counting and listing the published items of a strategy reads this index only.
            models.Index(fields=["is_published", "sub_goal", "id"], name="roadmap_item_pub_subgoal_id"),
            models.Index(fields=["start_date", "end_date"], name="roadmap_item_dates"),
            models.Index(fields=["title"], name="roadmap_item_title"),
            # LIST_ORDER: lets a page of a 20,000-item list be read in index order instead of sorted.
            models.Index(fields=["sub_goal", "grouping", "title", "id"], name="roadmap_item_list_order"),
            models.Index(fields=["sub_goal", "start_date", "title", "id"], name="roadmap_item_timeline"),
            # The workspace list, sorted by name or by its newest change, reads a page from these.
            models.Index(fields=["title", "id"], name="roadmap_item_title_id"),
            models.Index(fields=["updated_at", "id"], name="roadmap_item_updated"),
            # The workspace list filtered by publication and sorted by sub-goal reads its pages in this order.
            models.Index(fields=["is_published", "sub_goal", "title", "id"], name="roadmap_item_pub_subgoal_title"),
            # PostgreSQL also has a trigram index on UPPER(title) for the name filter (migration 0010).
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmap:item-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.grouping_id and self.sub_goal_id and self.grouping.sub_goal_id != self.sub_goal_id:
            raise ValidationError({"grouping": _("The grouping belongs to another sub-goal.")})
        # Not tied to a field: an owner editor's form has neither the sub-goal nor the publication flag.
        if self.is_published and self.sub_goal_id and (error := unpublished_strategy_error([self.sub_goal.strategy])):
            # An item published before its strategy version was unpublished stays as it is (hidden
            # with the version) and can still be edited; only publishing it or moving it there is refused.
            saved = RoadmapItem.objects.filter(pk=self.pk).values_list("is_published", "sub_goal_id").first()
            if saved != (True, self.sub_goal_id):
                raise ValidationError(error)

    @property
    def description_html(self) -> SafeString:
        return render_markdown(self.description)


class RoadmapItemSearch(models.Model):
    """The searchable text of one item, kept by ``veikart.roadmap.search`` (not edited, no history).

    Apart from the item so that item rows stay narrow: lists scan items, search
    scans this table. ``vector`` is used on PostgreSQL (GIN-indexed); on SQLite
    the FTS5 table ``roadmap_item_fts`` holds the stems instead.
    """

    item = models.OneToOneField(RoadmapItem, on_delete=models.CASCADE, primary_key=True, related_name="search")
    document = models.TextField(blank=True, default="")
    vector = SearchVectorField(null=True)
    # Copies of the item's columns that decide who may see it, so a search can
    # rank and count its matches without reading the item table. Written with
    # the document; the items shown are still loaded through ``visible_to``.
    sub_goal = models.ForeignKey(SubGoal, on_delete=models.CASCADE, related_name="+", null=True)
    is_published = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")
        indexes = [
            # The visibility copies by item: counting a common word's thousands of matches joins
            # each to its row, and this narrow index answers that without reading the documents.
            models.Index(fields=["item", "is_published", "sub_goal"], name="roadmap_item_search_visible"),
        ]

    def __str__(self) -> str:
        return str(self.item_id)


class Milestone(models.Model):
    """A dated step of an item (date, title, done)."""

    item = models.ForeignKey(RoadmapItem, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    is_done = models.BooleanField(_("done"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        indexes = [models.Index(fields=["date"], name="roadmap_milestone_date")]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.title}"


class Link(models.Model):
    """A web link about an item (a project page, a decision, a report)."""

    item = models.ForeignKey(RoadmapItem, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title
