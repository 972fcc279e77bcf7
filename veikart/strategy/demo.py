"""Load the demo strategies: the 2023–2030 strategy, its draft 0.9, earlier strategies and an unpublished revision."""

import datetime

from veikart.core.demo import sync_m2m, sync_ordered_texts, upsert, with_translations
from veikart.strategy import demo_content as content
from veikart.strategy.models import (
    Goal,
    OverarchingGoal,
    Scenario,
    Strategy,
    SubGoal,
    SustainableDevelopmentGoal,
    TargetGroup,
)
from veikart.strategy.sdg_data import SUSTAINABLE_DEVELOPMENT_GOALS

S = Strategy.Status


def _strategy(slug: str, **values) -> Strategy:
    strategy, _changed = upsert(Strategy, {"slug": slug}, with_translations(values, content.TRANSLATIONS))
    return strategy


def _goal(strategy: Strategy, number: int, **values) -> Goal:
    goal, _changed = upsert(
        Goal, {"strategy": strategy, "number": number}, with_translations(values, content.TRANSLATIONS)
    )
    return goal


def _white_paper() -> Strategy:
    strategy = _strategy(
        "en-innbygger-en-journal",
        title="Én innbygger – én journal",
        version_label="Meld. St. 9 (2012–2013)",
        status=S.SUPERSEDED,
        period_start=2012,
        period_end=2016,
        vision="",
        summary="Stortingsmeldingen som satte retningen for helhetlige IKT-systemer i helse- og omsorgssektoren.",
        published_on=datetime.date(2012, 11, 30),
        previous_version=None,
        is_published=True,
    )
    for number, (title, description) in enumerate(content.WHITE_PAPER_GOALS, start=1):
        _goal(strategy, number, title=title, short_title="", description=description, continues=None)
    return strategy


def _strategy_2017(previous: Strategy) -> Strategy:
    strategy = _strategy(
        "e-helsestrategi-2017-2022",
        title="Nasjonal e-helsestrategi 2017–2022",
        version_label="Oppdatert 2019",
        status=S.SUPERSEDED,
        period_start=2017,
        period_end=2022,
        vision="",
        summary="Sektorens første felles strategi for IKT og digitalisering, med seks strategiske satsingsområder "
        "og en plan med 14 prioriterte innsatsområder.",
        published_on=datetime.date(2019, 1, 1),
        previous_version=previous,
        is_published=True,
    )
    for number, (title, description) in enumerate(content.FOCUS_AREAS_2017, start=1):
        _goal(strategy, number, title=title, short_title="", description=description, continues=None)
    return strategy


def _shared_2023(strategy: Strategy) -> None:
    for number, (title, description) in enumerate(content.OVERARCHING_2023, start=1):
        upsert(
            OverarchingGoal,
            {"strategy": strategy, "number": number},
            with_translations({"title": title, "description": description}, content.TRANSLATIONS),
        )
    positions: dict[str, int] = {}
    for kind, name, description in content.TARGET_GROUPS_2023:
        positions[kind] = positions.get(kind, 0) + 1
        upsert(
            TargetGroup,
            {"strategy": strategy, "kind": kind, "name": name},
            {"position": positions[kind], "description": description},
        )


def _draft_2023(previous: Strategy) -> dict[int, Goal]:
    """Draft 0.9 (on consultation in 2022): goals 1 and 2 in the other order. Returns goals by draft number."""
    strategy = _strategy(
        "e-helsestrategi-2023-2030-utkast-0-9",
        title="Nasjonal e-helsestrategi 2023–2030",
        version_label="Høringsutkast 0.9",
        status=S.SUPERSEDED,
        period_start=2023,
        period_end=2030,
        vision=content.VISION_2023,
        summary="Utkastet som var på høring sommeren 2022, med høringsfrist 1. oktober 2022.",
        published_on=datetime.date(2022, 6, 24),
        previous_version=previous,
        is_published=True,
    )
    _shared_2023(strategy)
    goals = {}
    for spec in content.GOALS_2023:
        goal = _goal(
            strategy,
            spec["draft"],
            title=spec.get("draft_title", spec["title"]),
            short_title=spec["short_title"],
            description=spec["description"],
            continues=None,
        )
        sync_ordered_texts(goal, "outcomes", spec["outcomes"])
        for code, title, text in spec["scenarios"]:
            rest = code.split(".")[1]
            draft_code = content.DRAFT_SCENARIO_CODES.get(code, f"{spec['draft']}.{rest}")
            upsert(Scenario, {"goal": goal, "code": draft_code}, {"title": title, "text": text})
        goals[spec["draft"]] = goal
    return goals


def _final_2023(previous: Strategy, draft_goals: dict[int, Goal]) -> Strategy:
    strategy = _strategy(
        "e-helsestrategi-2023-2030",
        title="Nasjonal e-helsestrategi 2023–2030",
        version_label="1.0",
        status=S.ADOPTED,
        period_start=2023,
        period_end=2030,
        vision=content.VISION_2023,
        summary="Helse- og omsorgssektorens felles strategi for digitalisering fra 2023 og fram mot 2030. "
        "Veikartet og målindikatorene utgjør planen for realisering.",
        published_on=datetime.date(2023, 1, 1),
        previous_version=previous,
        is_published=True,
    )
    _shared_2023(strategy)
    sdgs = {sdg.number: sdg for sdg in SustainableDevelopmentGoal.objects.all()}
    goals = {}
    for spec in content.GOALS_2023:
        goal = _goal(
            strategy,
            spec["number"],
            title=spec["title"],
            short_title=spec["short_title"],
            description=spec["description"],
            continues=draft_goals[spec["draft"]],
        )
        sync_ordered_texts(goal, "outcomes", spec["outcomes"])
        sync_m2m(goal.sustainable_development_goals, [sdgs[n] for n in spec["sdgs"]])
        for code, title, text in spec["scenarios"]:
            upsert(Scenario, {"goal": goal, "code": code}, {"title": title, "text": text})
        goals[spec["number"]] = goal
    for number, depends_on in content.GOAL_DEPENDENCIES_2023.items():
        sync_m2m(goals[number].depends_on, [goals[n] for n in depends_on])
    for code, short_title, title, objective in content.SUB_GOALS_2023:
        sub_goal, _changed = upsert(
            SubGoal,
            {"strategy": strategy, "code": code},
            with_translations(
                {"goal": goals[int(code[0])], "short_title": short_title, "title": title, "description": ""},
                content.TRANSLATIONS,
            ),
        )
        sync_ordered_texts(sub_goal, "benefit_objectives", [objective])
    return strategy


def _unpublished_revision(previous: Strategy) -> None:
    """A working draft of the next revision: visible to staff only, never to the public."""
    strategy = _strategy(
        "e-helsestrategi-2023-2030-revisjon-2027",
        title="Nasjonal e-helsestrategi 2023–2030",
        version_label="Revisjon 2027, arbeidsutkast",
        status=S.DRAFT,
        period_start=2023,
        period_end=2030,
        vision=content.VISION_2023,
        summary="Arbeidsutkast til revisjon av strategien. Ikke publisert.",
        published_on=None,
        previous_version=previous,
        is_published=False,
    )
    for goal in previous.goals.order_by("number"):
        title = goal.title
        if goal.number == 3:
            title = "Helsedata og kunstig intelligens til fornying og forbedring"
        _goal(
            strategy,
            goal.number,
            title=title,
            short_title=goal.short_title,
            description=goal.description,
            continues=goal,
        )


def load(*, demo_passwords: bool = False) -> None:
    # The migration adds these, but a test database flushed between tests has lost them.
    for number, title, title_en in SUSTAINABLE_DEVELOPMENT_GOALS:
        upsert(SustainableDevelopmentGoal, {"number": number}, {"title": title, "title_en": title_en})
    white_paper = _white_paper()
    strategy_2017 = _strategy_2017(white_paper)
    draft_goals = _draft_2023(strategy_2017)
    final = _final_2023(draft_goals[1].strategy, draft_goals)
    _unpublished_revision(final)
