"""Feeds: an iCalendar feed of milestones and an Atom feed of roadmap changes (public items only)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from veikart.core.history import reason_display
from veikart.core.ical import all_day_event, calendar_response, new_calendar
from veikart.roadmap.models import Milestone, RoadmapItem

_ANONYMOUS = AnonymousUser()


@require_GET
def milestones_ical(request: HttpRequest) -> HttpResponse:
    """Every milestone of a public item as an all-day event; subscribe to it in a calendar."""
    calendar = new_calendar(_("Roadmap milestones"))
    milestones = Milestone.objects.filter(item__in=RoadmapItem.objects.visible_to(_ANONYMOUS)).select_related("item")
    for milestone in milestones.order_by("date", "pk"):
        event = all_day_event(
            uid=f"milestone-{milestone.pk}@veikart",
            summary=f"{milestone.item.title}: {milestone.title}",
            first_day=milestone.date,
            stamp=milestone.item.updated_at,
            url=request.build_absolute_uri(milestone.item.get_absolute_url()),
        )
        if milestone.is_done:
            event.add("status", "CONFIRMED")
        calendar.add_component(event)
    return calendar_response(calendar)


class RoadmapChangesFeed(Feed):
    """The latest changes to public items (newest first)."""

    feed_type = Atom1Feed
    limit = 50

    def title(self) -> str:
        return _("Roadmap changes")

    def subtitle(self) -> str:
        return _("New and changed items of the roadmap.")

    def link(self) -> str:
        return reverse("roadmap:item-list")

    def items(self):
        public = RoadmapItem.objects.visible_to(_ANONYMOUS).values("pk")
        return (
            RoadmapItem.history.filter(id__in=public, is_published=True)
            .only("history_id", "id", "title", "history_date", "history_type", "history_change_reason")
            .order_by("-history_date", "-history_id")[: self.limit]
        )

    def item_title(self, record) -> str:
        return record.title

    def item_description(self, record) -> str:
        kind = _("New item") if record.history_type == "+" else _("Changed")
        return f"{kind}. {reason_display(record.history_change_reason)}".strip()

    def item_link(self, record) -> str:
        return reverse("roadmap:item-detail", kwargs={"pk": record.id})

    def item_guid(self, record) -> str:
        return f"roadmap-change-{record.history_id}"

    def item_pubdate(self, record):
        return record.history_date

    def item_updateddate(self, record):
        return record.history_date
