"""Indicators as a source of the site search (``core.search``), and the receivers that tell its
vocabulary when an indicator changes.

Some sixty indicators: ranked in Python over what ``visible_to(user)`` allows. Texts in bokmål
(the ``name`` column), the language the content is written in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language, gettext_lazy

from veikart.accounts.permissions import can_view_unpublished
from veikart.core.content import content_in_language, language_mark
from veikart.core.search import Hit, SearchSource, documents_changed, kept_until_changed, rank_documents
from veikart.indicators.models import Indicator

KIND = "indicator"


def _documents(indicators) -> list[tuple[int, str, str]]:
    """(pk, title, body) of the indicators: code and name; definition, rationale, source."""
    rows = indicators.order_by("code").values_list("pk", "code", "name", "definition", "rationale", "source_name")
    return [
        (pk, f"{code} {name}", "\n".join([definition, rationale, source]))
        for pk, code, name, definition, rationale, source in rows
    ]


def _audience(user) -> bool:
    """Which of the two sets of indicators the user sees (``visible_to``): all of them, or the published."""
    return can_view_unpublished(user)


def ranked_ids(query: str, user) -> list[int]:
    documents = kept_until_changed(
        ("indicator-documents", _audience(user)), lambda: _documents(Indicator.objects.visible_to(user))
    )
    return rank_documents(query, documents)


def code_ids(query: str, user) -> list[int]:
    """The indicator whose code the query is, in any case."""
    code = query.strip().casefold()
    if not code or len(code) > 40 or any(char.isspace() for char in code):
        return []
    codes = kept_until_changed(
        ("indicator-codes", _audience(user)),
        lambda: {code.casefold(): pk for pk, code in Indicator.objects.visible_to(user).values_list("pk", "code")},
    )
    return [codes[code]] if code in codes else []


def hits(ids: list[int], user) -> list[Hit]:
    """The hits of those of ``ids`` that ``user`` may see, in that order."""
    found = kept_until_changed(("indicator-hits", _audience(user), get_language()), lambda: _all_hits(user))
    return [found[pk] for pk in ids if pk in found]


def _all_hits(user) -> dict[int, Hit]:
    """The hit of every indicator ``user`` may see, by name (the order of the starting points)."""
    indicators = Indicator.objects.visible_to(user).select_related("goal").order_by("name", "pk")
    found = {}
    for indicator in indicators:
        name, definition = content_in_language(indicator, "name"), content_in_language(indicator, "definition")
        goal = indicator.goal
        goal_title = content_in_language(goal, "title") if goal else None
        found[indicator.pk] = Hit(
            kind=KIND,
            pk=indicator.pk,
            title=name.text,
            url=indicator.get_absolute_url(),
            code=indicator.code,
            text=definition.text,
            meta=f"{goal.number}. {goal_title.text}" if goal_title else "",
            title_lang=language_mark(name),
            text_lang=language_mark(definition),
            meta_lang=language_mark(goal_title) if goal_title else "",
        )
    return found


def starting_points(user) -> list[Hit]:
    """Every indicator the user may see, by name (codes are for typing, not for reading)."""
    found = kept_until_changed(("indicator-hits", _audience(user), get_language()), lambda: _all_hits(user))
    return [replace(hit, code="") for hit in found.values()]


def public_texts(ids: Iterable[int] | None) -> dict[int, str]:
    indicators = Indicator.objects.published()
    if ids is not None:
        indicators = indicators.filter(pk__in=list(ids))
    return {pk: f"{title}\n{body}" for pk, title, body in _documents(indicators)}


def register() -> None:
    from veikart.core.search import register_search_source

    register_search_source(
        SearchSource(
            kind=KIND,
            order=30,
            label=gettext_lazy("Indicator"),
            label_plural=gettext_lazy("Indicators"),
            ranked_ids=ranked_ids,
            code_ids=code_ids,
            hits=hits,
            public_texts=public_texts,
            starting_points=starting_points,
            starting_points_label=gettext_lazy("Target indicators"),
        )
    )


@receiver(post_save, sender=Indicator, dispatch_uid="search_indicator_saved")
@receiver(post_delete, sender=Indicator, dispatch_uid="search_indicator_deleted")
def indicator_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        documents_changed(KIND)
