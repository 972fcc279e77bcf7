"""List rows: the fields a list shows, read as values, in the order asked for."""

import datetime

from django.utils import translation

from veikart.accounts.models import Organisation
from veikart.roadmap.rows import item_rows


def test_rows_carry_what_a_list_shows_in_the_order_asked(make_item, nhn, oslo, phases):
    first = make_item(
        title="Kjernejournal",
        owners=[oslo, nhn],
        phase=phases["I bruk"],
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 6, 30),
        status="at_risk",
    )
    second = make_item(title="Uten eier", phase=None, is_published=False)
    rows = item_rows([second.pk, first.pk])
    assert [row.pk for row in rows] == [second.pk, first.pk]
    row = rows[1]
    assert (row.title, row.url, row.status_label) == (
        "Kjernejournal",
        first.get_absolute_url(),
        "Risiko for forsinkelse",
    )
    assert (row.start_date, row.end_date, row.phase.name) == (first.start_date, first.end_date, "I bruk")
    assert row.owners == ["NHN", "Oslo"]  # short names, ordered by full name
    assert (row.sub_goal_code, row.grouping_name) == ("1C", "")
    assert (rows[0].phase, rows[0].owners, rows[0].is_published) == (None, [], False)


def test_an_owner_without_a_short_name_shows_its_name(make_item):
    owner = Organisation.objects.create(name="Helsedirektoratet", slug="hdir")
    assert item_rows([make_item(owners=[owner]).pk])[0].owners == ["Helsedirektoratet"]


def test_urls_follow_the_active_language(make_item):
    item = make_item()
    with translation.override("en"):
        assert item_rows([item.pk])[0].url == item.get_absolute_url()
        assert item_rows([item.pk])[0].url.startswith("/en/")


def test_unknown_ids_are_left_out(make_item):
    item = make_item()
    assert [row.pk for row in item_rows([item.pk + 1000, item.pk])] == [item.pk]
    assert item_rows([]) == []
