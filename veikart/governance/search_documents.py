"""Decisions as a source of the site search (``core.search``), kind ``decision``.

Word matches come from ``decision_search`` (the same rule as the decision log: an exempt decision
matches on its hidden text only for those who read its papers); a hit shows the meeting and case
numbers, the title as the viewer may read it and the decision's text, or for an exempt decision the
viewer may not read, its legal basis. The vocabulary reads only the public texts of decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AnonymousUser
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from veikart.core.search import Hit, SearchSource, snippet_source

from .decision_search import KIND, ranked_decision_ids
from .feeds import decided_label
from .meeting_pages import case_rows
from .models import Decision, DecisionSearch

_ANONYMOUS = AnonymousUser()


def ranked_ids(query: str, user) -> Sequence[int]:
    return ranked_decision_ids(query, user)


def code_ids(query: str, user) -> list[int]:
    """Decisions have no identifier of their own in the search; "sak 14/2026" is found by its words."""
    return []


def hits(ids: list[int], user) -> list[Hit]:
    decisions = {
        decision.pk: decision
        for decision in Decision.objects.visible_to(user)
        .filter(pk__in=ids)
        .select_related("case__meeting__body", "case__body")
    }
    shown = [decisions[pk] for pk in ids if pk in decisions]
    rows = {row.case.pk: row for row in case_rows([decision.case for decision in shown], user)}
    found = []
    for decision in shown:
        row = rows[decision.case_id]
        title = row.title if row.title is not None else _("Exempt from public access")
        text = (
            snippet_source(decision.text)
            if row.papers
            else _("Exempt from public access: %(basis)s") % {"basis": decision.case.exemption_basis}
        )
        found.append(
            Hit(
                kind=KIND,
                pk=decision.pk,
                title=title,
                url=decision.case.get_absolute_url(),
                text=text,
                meta=" · ".join((decided_label(decision.case), formats.date_format(decision.decided_on))),
            )
        )
    return found


def public_texts(ids: Iterable[int] | None) -> dict[int, str]:
    """The public texts of the decisions the public may know of (an exempt case's: numbers and basis)."""
    rows = DecisionSearch.objects.filter(decision__in=Decision.objects.public())
    if ids is not None:
        rows = rows.filter(decision_id__in=list(ids))
    return dict(rows.values_list("decision_id", "public_document").iterator(chunk_size=2000))


def register() -> None:
    from veikart.core.search import register_search_source

    register_search_source(
        SearchSource(
            kind=KIND,
            order=50,
            label=gettext_lazy("Decision"),
            label_plural=gettext_lazy("Decisions"),
            ranked_ids=ranked_ids,
            code_ids=code_ids,
            hits=hits,
            public_texts=public_texts,
        )
    )
