import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from veikart.roadmap.models import Phase, RoadmapItem, render_markdown


def test_the_five_official_phases_are_seeded_in_order_with_colours(phases):
    names = list(Phase.objects.values_list("name", flat=True))
    assert names == [
        "Utvikling og begrenset utprøving",
        "Utvikling - tilpasning - innføring",
        "Tilpasning - innføring",
        "Innføring",
        "I bruk",
    ]
    assert all(phase.colour.startswith("#") and len(phase.colour) == 7 for phase in phases.values())


def test_the_database_refuses_an_end_date_before_the_start_date(make_item):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_item(start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2024, 12, 31))


def test_an_item_may_start_and_end_on_the_same_day_or_have_no_dates(make_item):
    make_item(start_date=datetime.date(2025, 1, 1), end_date=datetime.date(2025, 1, 1))
    make_item()
    assert RoadmapItem.objects.count() == 2


def test_a_delivery_id_is_unique_when_present_but_many_items_may_have_none(make_item):
    make_item(delivery_id="")
    make_item(delivery_id="")
    make_item(delivery_id="56876000019903546")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_item(delivery_id="56876000019903546")


def test_drafts_are_hidden_from_the_public_but_shown_to_the_strategy_office(make_item, strategy_office):
    public = make_item(is_published=True)
    draft = make_item(is_published=False)
    assert list(RoadmapItem.objects.visible_to(AnonymousUser())) == [public]
    assert set(RoadmapItem.objects.visible_to(strategy_office)) == {public, draft}


def test_published_items_of_an_unpublished_strategy_stay_hidden(make_item, strategy):
    make_item(is_published=True)
    strategy.is_published = False
    strategy.save()
    assert not RoadmapItem.objects.visible_to(AnonymousUser()).exists()


def test_owner_editors_may_edit_only_their_organisations_items(make_item, nhn, oslo, nhn_editor, strategy_office):
    own = make_item(owners=[nhn])
    other = make_item(owners=[oslo])
    assert list(RoadmapItem.objects.editable_by(nhn_editor)) == [own]
    assert set(RoadmapItem.objects.editable_by(strategy_office)) == {own, other}
    assert not RoadmapItem.objects.editable_by(AnonymousUser()).exists()


def test_markdown_descriptions_are_rendered_without_scripts_or_raw_html():
    html = render_markdown("**Viktig** [lenke](https://example.org)\n\n<script>alert(1)</script><img src=x onerror=y>")
    assert "<strong>Viktig</strong>" in html
    assert 'href="https://example.org"' in html
    assert "<script" not in html and "onerror" not in html and "<img" not in html


def test_changes_are_kept_in_the_history_including_owners(make_item, nhn):
    item = make_item(title="Første navn")
    item.title = "Andre navn"
    item.save()
    item.owners.add(nhn)
    titles = [record.title for record in item.history.order_by("history_id")]
    assert titles[:2] == ["Første navn", "Andre navn"]
    assert [owner.organisation for owner in item.history.latest().owners.all()] == [nhn]


def test_running_in_year_includes_open_ended_items_and_excludes_undated_ones(make_item):
    open_ended = make_item(start_date=datetime.date(2023, 1, 1))
    finished = make_item(start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2024, 6, 30))
    make_item()
    assert set(RoadmapItem.objects.running_in(2025)) == {open_ended}
    assert set(RoadmapItem.objects.running_in(2024)) == {open_ended, finished}
