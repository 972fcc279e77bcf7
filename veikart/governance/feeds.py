"""The Atom feed of decisions (``/styring/vedtak/feed.atom``): public decisions only, newest first.

Written for an anonymous reader whoever asks (a feed is fetched by readers that log in as nobody):
an exempt case's decision appears as its existence and legal basis, its title only where public.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .meeting_pages import case_rows
from .models import Decision

_ANONYMOUS = AnonymousUser()


def decided_label(case) -> str:
    """ "Vedtatt i NUIT 3/2026, sak 14/2026" in the page's language."""
    return _("Decided in %(meeting)s, case %(number)s/%(year)s") % {
        "meeting": case.meeting.label,
        "number": case.number,
        "year": case.year,
    }


class DecisionFeed(Feed):
    feed_type = Atom1Feed
    limit = 50

    def title(self) -> str:
        return _("Decisions of the governance bodies")

    def subtitle(self) -> str:
        return _("The decisions of the national e-health governance bodies, newest first.")

    def link(self) -> str:
        return reverse("governance:decision-log")

    def items(self):
        decisions = list(
            Decision.objects.public()
            .select_related("case__meeting__body", "case__body")
            .order_by("-decided_on", "-pk")[: self.limit]
        )
        rows = {row.case.pk: row for row in case_rows([decision.case for decision in decisions], _ANONYMOUS)}
        return [(decision, rows[decision.case_id]) for decision in decisions]

    def item_title(self, item) -> str:
        decision, row = item
        title = row.title if row.title is not None else _("Exempt from public access")
        return f"{decided_label(decision.case)}: {title}"

    def item_description(self, item) -> str:
        decision, row = item
        if not row.papers:
            return _("Exempt from public access: %(basis)s") % {"basis": decision.case.exemption_basis}
        return decision.text

    def item_link(self, item) -> str:
        return item[0].case.get_absolute_url()

    def item_guid(self, item) -> str:
        return f"governance-decision-{item[0].pk}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item[0].decided_on, datetime.time(12)))

    def item_updateddate(self, item):
        return self.item_pubdate(item)
