"""Goals and sub-goals as sources of the site search (``core.search``), and the receivers that
tell its vocabulary when the framework changes.

Both kinds are searched within the current strategy version the user may see (``visible_to``),
ranked in Python: a version has some ten goals and thirty sub-goals. Texts in bokmål (the
``title`` columns), the language the content is written in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from veikart.accounts.permissions import can_read_strategy_drafts
from veikart.core.content import content_in_language, language_mark
from veikart.core.search import (
    Hit,
    SearchSource,
    documents_changed,
    kept_until_changed,
    rank_documents,
    sub_goal_code,
)
from veikart.strategy.models import BenefitObjective, Goal, GoalOutcome, Strategy, SubGoal

GOAL = "goal"
SUB_GOAL = "sub_goal"


def current_strategy(user) -> Strategy | None:
    """The current strategy version ``user`` may see (kept until the framework changes).

    What a user may see of the framework is one of two sets (``can_read_strategy_drafts``), so the
    version is kept per set, not per user.
    """
    drafts = can_read_strategy_drafts(user)
    return kept_until_changed(("current-strategy", drafts), lambda: Strategy.objects.visible_to(user).current())


def _goal_documents(goals) -> list[tuple[int, str, str]]:
    """(pk, title, body) of the goals: number, titles; description and outcomes."""
    rows = list(goals.order_by("number").values_list("pk", "number", "title", "short_title", "description"))
    outcomes: dict[int, list[str]] = defaultdict(list)
    for goal_id, text in GoalOutcome.objects.filter(goal__in=[row[0] for row in rows]).values_list("goal_id", "text"):
        outcomes[goal_id].append(text)
    return [
        (pk, f"{number}. {title} {short_title}", "\n".join([description, *outcomes[pk]]))
        for pk, number, title, short_title, description in rows
    ]


def _sub_goal_documents(sub_goals) -> list[tuple[int, str, str]]:
    """(pk, title, body) of the sub-goals: code, titles; description and benefit objectives."""
    rows = list(sub_goals.order_by("code").values_list("pk", "code", "title", "short_title", "description"))
    objectives: dict[int, list[str]] = defaultdict(list)
    for sub_goal_id, text in BenefitObjective.objects.filter(sub_goal__in=[row[0] for row in rows]).values_list(
        "sub_goal_id", "text"
    ):
        objectives[sub_goal_id].append(text)
    return [
        (pk, f"{code} {title} {short_title}", "\n".join([description, *objectives[pk]]))
        for pk, code, title, short_title, description in rows
    ]


def goal_ranked_ids(query: str, user) -> list[int]:
    strategy = current_strategy(user)
    if strategy is None:
        return []
    documents = kept_until_changed(
        ("goal-documents", strategy.pk), lambda: _goal_documents(Goal.objects.filter(strategy=strategy))
    )
    return rank_documents(query, documents)


def goal_code_ids(query: str, user) -> list[int]:
    """The goal whose number the query is ("2" → goal 2 of the current version)."""
    number = query.strip()
    if not number.isdigit() or len(number) > 4 or (strategy := current_strategy(user)) is None:
        return []
    return list(Goal.objects.filter(strategy=strategy, number=int(number)).values_list("pk", flat=True))


def goal_hits(ids: list[int], user) -> list[Hit]:
    """The hits of those of ``ids`` that are goals of the current version ``user`` may see."""
    strategy = current_strategy(user)
    if strategy is None:
        return []
    found = kept_until_changed(
        ("goal-hits", strategy.pk, get_language()),
        lambda: {
            goal.pk: _goal_hit(goal) for goal in Goal.objects.filter(strategy=strategy).select_related("strategy")
        },
    )
    return [found[pk] for pk in ids if pk in found]


def _goal_hit(goal: Goal) -> Hit:
    title, description = content_in_language(goal, "title"), content_in_language(goal, "description")
    strategy = content_in_language(goal.strategy, "title")
    label = f" ({goal.strategy.version_label})" if goal.strategy.version_label else ""
    return Hit(
        kind=GOAL,
        pk=goal.pk,
        title=title.text,
        url=goal.get_absolute_url(),
        code=str(goal.number),
        text=description.text,
        meta=strategy.text + label,
        title_lang=language_mark(title),
        text_lang=language_mark(description),
        meta_lang=language_mark(strategy),
    )


def goal_starting_points(user) -> list[Hit]:
    strategy = current_strategy(user)
    if strategy is None:
        return []
    return goal_hits(list(Goal.objects.filter(strategy=strategy).order_by("number").values_list("pk", flat=True)), user)


def goal_public_texts(ids: Iterable[int] | None) -> dict[int, str]:
    goals = Goal.objects.published()
    if ids is not None:
        goals = goals.filter(pk__in=list(ids))
    return {pk: f"{title}\n{body}" for pk, title, body in _goal_documents(goals)}


def sub_goal_ranked_ids(query: str, user) -> list[int]:
    strategy = current_strategy(user)
    if strategy is None:
        return []
    documents = kept_until_changed(
        ("sub-goal-documents", strategy.pk), lambda: _sub_goal_documents(SubGoal.objects.filter(strategy=strategy))
    )
    return rank_documents(query, documents)


def sub_goal_code_ids(query: str, user) -> list[int]:
    """The sub-goal whose code the query is, in any case and with or without a space ("1 a" → 1A)."""
    code = sub_goal_code(query)
    if code is None or (strategy := current_strategy(user)) is None:
        return []
    return list(SubGoal.objects.filter(strategy=strategy, code=code).values_list("pk", flat=True))


def sub_goal_hits(ids: list[int], user) -> list[Hit]:
    """The hits of those of ``ids`` that are sub-goals of the current version ``user`` may see."""
    strategy = current_strategy(user)
    if strategy is None:
        return []
    found = kept_until_changed(
        ("sub-goal-hits", strategy.pk, get_language()),
        lambda: {
            sub_goal.pk: _sub_goal_hit(sub_goal)
            for sub_goal in SubGoal.objects.filter(strategy=strategy).select_related("goal__strategy")
        },
    )
    return [found[pk] for pk in ids if pk in found]


def _sub_goal_hit(sub_goal: SubGoal) -> Hit:
    title = content_in_language(sub_goal, "short_title", "title")
    text = content_in_language(sub_goal, "description")
    if not text.text and sub_goal.short_title:
        text = content_in_language(sub_goal, "title")
    goal = sub_goal.goal
    goal_title = content_in_language(goal, "title")
    return Hit(
        kind=SUB_GOAL,
        pk=sub_goal.pk,
        title=title.text,
        url=sub_goal.get_absolute_url(),
        code=sub_goal.code,
        text=text.text,
        meta=_("Goal %(goal)s") % {"goal": f"{goal.number} {goal_title.text}"},
        title_lang=language_mark(title),
        text_lang=language_mark(text),
        meta_lang=language_mark(goal_title),
    )


def sub_goal_public_texts(ids: Iterable[int] | None) -> dict[int, str]:
    sub_goals = SubGoal.objects.published()
    if ids is not None:
        sub_goals = sub_goals.filter(pk__in=list(ids))
    return {pk: f"{title}\n{body}" for pk, title, body in _sub_goal_documents(sub_goals)}


def register() -> None:
    from veikart.core.search import register_search_source

    register_search_source(
        SearchSource(
            kind=GOAL,
            order=10,
            label=gettext_lazy("Goal"),
            label_plural=gettext_lazy("Goals"),
            ranked_ids=goal_ranked_ids,
            code_ids=goal_code_ids,
            hits=goal_hits,
            public_texts=goal_public_texts,
            starting_points=goal_starting_points,
            starting_points_label=gettext_lazy("The goals of the strategy"),
        )
    )
    register_search_source(
        SearchSource(
            kind=SUB_GOAL,
            order=20,
            label=gettext_lazy("Sub-goal"),
            label_plural=gettext_lazy("Sub-goals"),
            ranked_ids=sub_goal_ranked_ids,
            code_ids=sub_goal_code_ids,
            hits=sub_goal_hits,
            public_texts=sub_goal_public_texts,
        )
    )


# A change to the framework can change what is public of every kind (a strategy version published or
# withdrawn, a goal moved to another version), so the vocabulary recounts them all. Such changes are
# rare and made one at a time in the admin.
@receiver(post_save, sender=Strategy, dispatch_uid="search_strategy_saved")
@receiver(post_delete, sender=Strategy, dispatch_uid="search_strategy_deleted")
@receiver(post_save, sender=Goal, dispatch_uid="search_goal_saved")
@receiver(post_delete, sender=Goal, dispatch_uid="search_goal_deleted")
@receiver(post_save, sender=SubGoal, dispatch_uid="search_sub_goal_saved")
@receiver(post_delete, sender=SubGoal, dispatch_uid="search_sub_goal_deleted")
def framework_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        documents_changed(None)


@receiver(post_save, sender=GoalOutcome, dispatch_uid="search_goal_outcome_saved")
@receiver(post_delete, sender=GoalOutcome, dispatch_uid="search_goal_outcome_deleted")
def goal_text_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        documents_changed(GOAL)


@receiver(post_save, sender=BenefitObjective, dispatch_uid="search_benefit_objective_saved")
@receiver(post_delete, sender=BenefitObjective, dispatch_uid="search_benefit_objective_deleted")
def sub_goal_text_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        documents_changed(SUB_GOAL)
