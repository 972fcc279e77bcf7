"""Demo roadmap: user groups, the five real example rows and about sixty invented items.

Idempotent: items are found by name and sub-goal and saved only when
something differs, so a second run writes no history.
"""

from __future__ import annotations

import datetime

from veikart.accounts.models import Organisation
from veikart.core.demo import sync_m2m, upsert, with_translations
from veikart.roadmap import demo_content as content
from veikart.roadmap.models import Grouping, Link, Milestone, Phase, RoadmapItem, UserGroup
from veikart.strategy.models import Strategy

DEMO_STRATEGY = "e-helsestrategi-2023-2030"
_SUBMITTED_AT = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC)


def _date(text: str) -> datetime.date | None:
    return datetime.datetime.strptime(text, "%d.%m.%Y").date() if text else None


def _invented_description(name: str, grouping: str) -> str:
    return (
        f"*Demoinnhold.* {name} er et oppdiktet eksempel i strategigrupperingen «{grouping}», "
        "laget for å vise hvordan veikartet fungerer."
    )


def load(*, demo_passwords: bool = False) -> None:
    strategy = Strategy.objects.filter(slug=DEMO_STRATEGY).first()
    if strategy is None:
        return
    groups = {}
    for order, (slug, name, description) in enumerate(content.USER_GROUPS, start=1):
        groups[slug], _ = upsert(
            UserGroup,
            {"slug": slug},
            with_translations({"name": name, "order": order, "description": description}, content.TRANSLATIONS),
        )
    phases = {}
    for number, name in content.PHASES.items():
        slug, colour, is_rollout = content.PHASE_DEFAULTS[number]
        phases[number], _ = Phase.objects.get_or_create(
            name=name, defaults={"slug": slug, "order": number, "colour": colour, "is_rollout": is_rollout}
        )
        upsert(Phase, {"pk": phases[number].pk}, with_translations({"name": name}, content.TRANSLATIONS))
    organisations = {org.short_name: org for org in Organisation.objects.all()}
    sub_goals = {sub_goal.code: sub_goal for sub_goal in strategy.sub_goals.all()}
    items = {}

    def item(
        name,
        code,
        grouping_name,
        phase,
        start,
        end,
        delivery_id,
        owners,
        user_groups,
        status,
        description,
        demo,
        published=True,
    ):
        sub_goal = sub_goals[code]
        grouping, _ = upsert(Grouping, {"sub_goal": sub_goal, "name": grouping_name}, {})
        obj, _ = upsert(
            RoadmapItem,
            {"title": name, "sub_goal": sub_goal},
            {
                "grouping": grouping,
                "phase": phases[phase],
                "start_date": start,
                "end_date": end,
                "delivery_id": delivery_id,
                "status": status,
                "description": description,
                "is_published": published,
                "is_demo": demo,
            },
        )
        sync_m2m(obj.owners, [organisations[short] for short in owners])
        sync_m2m(obj.user_groups, [groups[slug] for slug in user_groups])
        items[name] = obj

    for name, code, grouping, phase, start, end, delivery_id, owners, user_groups, status, text in content.REAL_ROWS:
        item(
            name, code, grouping, phase, _date(start), _date(end), delivery_id, owners, user_groups, status, text, False
        )
    for name, code, grouping, phase, start, end, owners, user_groups, status in content.INVENTED_ROWS:
        item(
            name,
            code,
            grouping,
            phase,
            datetime.date(start, 1, 1),
            datetime.date(end, 12, 31) if end else None,
            "",
            owners,
            user_groups,
            status,
            _invented_description(name, grouping),
            True,
        )
    for name, code, grouping, phase, start, owners, user_groups, submitted in content.DRAFT_ROWS:
        item(
            name,
            code,
            grouping,
            phase,
            datetime.date(start, 1, 1),
            None,
            "",
            owners,
            user_groups,
            RoadmapItem.Status.NOT_STARTED,
            _invented_description(name, grouping),
            True,
            published=False,
        )
        if submitted and items[name].publication_requested_at is None:
            RoadmapItem.objects.filter(pk=items[name].pk).update(publication_requested_at=_SUBMITTED_AT)
    for name, title, date, done in content.MILESTONES:
        upsert(
            Milestone,
            {"item": items[name], "title": title},
            {"date": datetime.date.fromisoformat(date), "is_done": done},
        )
    for name, other in content.DEPENDENCIES:
        dependencies = [items[o] for n, o in content.DEPENDENCIES if n == name]
        sync_m2m(items[name].depends_on, dependencies)
        del other
    upsert(
        Link,
        {"item": items["Helseverktøy (Helsenorge)"], "url": "https://www.helsenorge.no/"},
        {"title": "Helsenorge"},
    )
