"""A change history that tells the truth: imports and forms record what they changed, and nothing
entered while an item was unpublished reaches its public change log."""

import datetime

from veikart.core.history import history_entries
from veikart.roadmap.history import public_change_log
from veikart.roadmap.models import Milestone, RoadmapItem
from veikart.roadmap.services import roadmap_import
from veikart.roadmap.tests.test_editing import edit_url, form_data
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv
from veikart.roadmap.tests.test_importer import framework as framework  # a fixture shared with the importer tests

HELSENORGE = "56876000019903546"


def diff_names(item, newest: int = 0) -> list[str]:
    return [change.name for change in history_entries(item)[newest].changes]


def test_an_import_that_changes_one_date_records_exactly_that_change(framework, nhn, citizens):
    roadmap_import(data=excel_csv(REAL_ROWS))
    item = RoadmapItem.objects.get(delivery_id=HELSENORGE)
    item.owners.set([nhn])
    item.user_groups.set([citizens])
    records_before = item.history.count()

    moved = [row[:] for row in REAL_ROWS]
    moved[1][4] = "01.02.2025"
    roadmap_import(data=excel_csv(moved))

    assert item.history.count() == records_before + 1
    assert diff_names(item) == ["start_date"]
    latest = item.history.latest()
    assert [owner.organisation for owner in latest.owners.all()] == [nhn]
    assert [group.usergroup for group in latest.user_groups.all()] == [citizens]
    # The other items of the file were unchanged and got no record.
    assert all(other.history.count() == 1 for other in RoadmapItem.objects.exclude(pk=item.pk))


def test_a_form_save_that_does_not_touch_owners_or_user_groups_records_no_change_to_them(
    client, nhn_editor, make_item, nhn, citizens
):
    item = make_item(title="NHN-tiltak", owners=[nhn], user_groups=[citizens])
    client.force_login(nhn_editor)
    assert client.post(edit_url(item), form_data(item, title="NHN-tiltak, fase 2")).status_code == 302
    assert diff_names(item) == ["title"]


def test_the_staff_history_names_owners_and_translates_reasons_and_field_names(client, framework, nhn, strategy_office):
    roadmap_import(data=excel_csv(REAL_ROWS))
    item = RoadmapItem.objects.get(delivery_id=HELSENORGE)
    item.owners.set([nhn])
    moved = [row[:] for row in REAL_ROWS]
    moved[1][4] = "01.02.2025"
    roadmap_import(data=excel_csv(moved))
    client.force_login(strategy_office)
    url = f"/endringslogg/roadmap/roadmapitem/{item.pk}/"
    body = client.get(url).content.decode()
    assert "Import av det offisielle uttrekket av veikartet" in body
    assert "Norsk helsenett SF" in body and "{&#x27;" not in body and "{'" not in body
    assert "Startdato" in body and "01.01.2025" in body and "01.02.2025" in body
    english = client.get("/en" + url).content.decode()
    assert "Import of the official roadmap export" in english and "start date" in english.lower()


def test_the_public_log_starts_at_publication_and_shows_nothing_from_the_draft(client, make_item):
    item = make_item(title="Hemmelig arbeidstittel", is_published=False)
    item.title = "Utkast nummer to"
    item.save()
    item.title = "Offentlig navn"
    item.is_published = True
    item.save()
    item.title = "Offentlig navn, justert"
    item.save()

    log = public_change_log(item)
    assert [entry.headline for entry in log] == ["", "Publisert."]
    [change] = log[0].changes
    assert (change.old, change.new) == ("Offentlig navn", "Offentlig navn, justert")
    body = client.get(item.get_absolute_url()).content.decode()
    assert "Hemmelig arbeidstittel" not in body and "Utkast nummer to" not in body
    assert "<ins" in body and "justert" in body


def test_an_unpublished_period_is_hidden_and_the_item_comes_back_as_published_again(make_item):
    item = make_item(title="Tiltak")
    item.is_published = False
    item.save()
    item.title = "Skjult mellomnavn"
    item.save()
    item.title = "Nytt navn"
    item.is_published = True
    item.save()

    log = public_change_log(item)
    assert [entry.headline for entry in log] == ["Publisert igjen.", "Publisert."]
    assert all(not entry.changes for entry in log)


def test_nothing_is_public_before_the_strategy_is(make_item, strategy):
    strategy.is_published = False
    strategy.save()
    item = make_item(title="Tidlig navn")
    item.title = "Senere navn"
    item.save()
    assert public_change_log(item) == []
    strategy.is_published = True
    strategy.save()
    assert [entry.headline for entry in public_change_log(item)] == ["Publisert."]


def test_milestones_added_changed_and_done_are_in_the_public_log(make_item):
    item = make_item(title="Tiltak")
    milestone = Milestone.objects.create(item=item, date=datetime.date(2026, 3, 1), title="Pilot")
    milestone.title = "Pilot i tre kommuner"
    milestone.save()
    milestone.is_done = True
    milestone.save()
    headlines = [entry.headline for entry in public_change_log(item)]
    assert headlines == [
        "Milepæl nådd: Pilot i tre kommuner",
        "Milepæl endret: 01.03.2026 Pilot i tre kommuner",
        "Milepæl lagt til: 01.03.2026 Pilot",
        "Publisert.",
    ]


def test_milestones_of_a_draft_do_not_appear(make_item):
    item = make_item(title="Tiltak", is_published=False)
    Milestone.objects.create(item=item, date=datetime.date(2026, 3, 1), title="Intern milepæl")
    item.is_published = True
    item.save()
    assert [entry.headline for entry in public_change_log(item)] == ["Publisert."]


def test_the_public_log_names_dependencies_only_when_they_are_public(make_item):
    item = make_item(title="Tiltak")
    draft = make_item(title="Hemmelig avhengighet", is_published=False)
    public = make_item(title="Kjent avhengighet")
    item.depends_on.set([draft])
    item.depends_on.set([draft, public])
    changes = [change for entry in public_change_log(item) for change in entry.changes]
    assert [(change.added, change.removed) for change in changes] == [(["Kjent avhengighet"], [])]


def test_a_date_change_reads_in_norwegian_on_the_item_page(client, make_item):
    item = make_item(title="Tiltak", start_date=datetime.date(2025, 1, 1))
    item.start_date = datetime.date(2025, 2, 1)
    item.save()
    body = client.get(item.get_absolute_url()).content.decode()
    assert "01.01.2025" in body and "01.02.2025" in body
    assert "2025-02-01" not in body.split("Endringslogg")[-1]


def test_staff_see_that_a_drafts_change_log_starts_at_publication(client, make_item, strategy_office):
    item = make_item(title="Utkast", is_published=False)
    client.force_login(strategy_office)
    body = client.get(item.get_absolute_url()).content.decode()
    assert "Endringsloggen begynner når tiltaket blir publisert." in body


def test_the_migration_gives_records_of_earlier_imports_the_relations_they_left_out(make_item, nhn, citizens):
    import importlib

    from django.apps import apps
    from simple_history.utils import bulk_update_with_history

    repair = importlib.import_module("veikart.roadmap.migrations.0008_repair_import_history")
    item = make_item(title="Tiltak", owners=[nhn], user_groups=[citizens])
    for day in (2, 3):  # two imports the old way: records without owners or user groups
        item.start_date = datetime.date(2025, 1, day)
        bulk_update_with_history([item], RoadmapItem, ["start_date"], default_change_reason=repair.IMPORT_REASON)
    assert set(diff_names(item, 1)) == {"start_date", "owners", "user_groups"}

    repair.repair_import_records(apps, None)

    assert diff_names(item, 0) == ["start_date"] and diff_names(item, 1) == ["start_date"]
    assert [owner.organisation for owner in item.history.latest().owners.all()] == [nhn]


def test_an_edit_conflict_over_a_dependency_the_editor_cannot_see_shows_a_change_with_no_name(
    make_item, nhn, nhn_editor
):
    from veikart.roadmap.views_edit import changed_meanwhile

    item = make_item(title="Tiltak", owners=[nhn])
    draft = make_item(title="Hemmelig avhengighet", is_published=False)
    item.version = 2  # saved by the strategy office meanwhile, as roadmap_item_update does
    item.save()
    item.depends_on.set([draft])
    [difference] = changed_meanwhile(item, 1, nhn_editor)
    assert difference.name == "depends_on" and (difference.added, difference.removed) == ([], [])
    assert "Hemmelig" not in repr(difference)
