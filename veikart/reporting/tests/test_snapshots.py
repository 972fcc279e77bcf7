"""Frozen portfolio snapshots: what is frozen, that nothing changes it, the comparison, pages and downloads."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from veikart.conftest import client_for
from veikart.reporting.models import PortfolioMembership, StatusColour, StatusReport
from veikart.reporting.services import (
    Refused,
    status_report_approve,
    status_report_correct,
    status_report_save_draft,
    status_report_submit,
)
from veikart.reporting.snapshot_models import (
    PortfolioSnapshot,
    PortfolioSnapshotEntry,
    SnapshotImmutable,
    canonical_bytes,
    content_hash,
)
from veikart.reporting.snapshots import portfolio_snapshot_freeze, snapshots_compare
from veikart.roadmap.models import Phase

from .conftest import make_item


def approved(item, period, content, *, writer, office) -> StatusReport:
    report = status_report_save_draft(user=writer, item_id=item.pk, period_id=period.pk, content=content)
    report = status_report_submit(user=writer, report_id=report.pk, version=report.version)
    return status_report_approve(user=office, report_id=report.pk, version=report.version)


@pytest.fixture
def phases(db):
    return (
        Phase.objects.create(name="Konsept", slug="konsept", order=1, colour="#123456"),
        Phase.objects.create(name="Gjennomføring", slug="gjennomforing", order=2, colour="#654321"),
    )


@pytest.fixture
def frozen(item, period, content, owner_editor, strategy_office, phases):
    item.phase = phases[0]
    item.start_date = datetime.date(2025, 1, 1)
    item.end_date = datetime.date(2027, 6, 30)
    item.save()
    approved(item, period, content, writer=owner_editor, office=strategy_office)
    return portfolio_snapshot_freeze(title="Til NUIT-møte 3/2026", user=strategy_office)


def test_a_snapshot_freezes_the_items_report_phase_dates_and_owners(frozen, item, organisation):
    (entry,) = frozen.document["items"]
    assert entry["title"] == item.title
    assert entry["phase"] == "Konsept"
    assert (entry["start_date"], entry["end_date"]) == ("2025-01-01", "2027-06-30")
    assert entry["owners"] == [organisation.name]
    assert entry["report"]["overall"] == "yellow"
    assert entry["report"]["narrative"] == "Piloten er *forsinket* to måneder."
    assert {row["area"]: row["status"] for row in entry["report"]["areas"]} == {"progress": "yellow", "cost": "green"}
    assert entry["history"] == [{"period": "2026 T2", "overall": "yellow"}]
    assert entry["indicators"] == []  # the item is linked to no indicator
    assert frozen.item_count == 1
    assert frozen.content_hash == content_hash(frozen.document)
    assert PortfolioSnapshotEntry.objects.get(snapshot=frozen).overall_key == "yellow"


def test_the_hash_is_sha256_of_the_sorted_compact_utf8_json():
    import hashlib

    document = {"b": [1, None, "ø"], "a": True}
    assert canonical_bytes(document) == '{"a":true,"b":[1,null,"ø"]}'.encode()
    assert content_hash(document) == hashlib.sha256(canonical_bytes(document)).hexdigest()


def test_edit_everything_after_freezing_and_the_snapshot_and_its_hash_stay(
    frozen, item, period, content, owner_editor, strategy_office, phases, other_organisation
):
    before_document = json.loads(json.dumps(frozen.document))
    before_hash = frozen.content_hash
    # The report: a correction approved; the item: phase, dates, owners, title; the scale's words.
    report = StatusReport.objects.get(item=item, period=period, state="approved")
    correction = status_report_correct(user=owner_editor, report_id=report.pk, reason="Feil farge")
    correction = status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=type(content)(overall="red", narrative="Alt er annerledes."),
        version=correction.version,
    )
    correction = status_report_submit(user=owner_editor, report_id=correction.pk, version=correction.version)
    status_report_approve(user=strategy_office, report_id=correction.pk, version=correction.version)
    item.refresh_from_db()
    item.phase = phases[1]
    item.title = "Nytt navn"
    item.end_date = datetime.date(2029, 1, 1)
    item.save()
    item.owners.set([other_organisation])
    StatusColour.objects.filter(key="yellow").update(name="Gul")
    PortfolioMembership.objects.filter(item=item).update(until=timezone.localdate())

    stored = PortfolioSnapshot.objects.get(pk=frozen.pk)
    assert stored.document == before_document
    assert stored.content_hash == before_hash
    assert stored.hash_matches
    entry = PortfolioSnapshotEntry.objects.get(snapshot=stored)
    assert (entry.title, entry.phase_name, entry.overall_key) == ("Helseverktøy (Helsenorge)", "Konsept", "yellow")
    page = client_for(strategy_office).get(reverse("ws-reporting:snapshot", kwargs={"pk": stored.pk}))
    assert page.status_code == 200
    assert "Helseverktøy (Helsenorge)" in page.text and "Nytt navn" not in page.text
    assert "Noe avvik" in page.text and "Gul" not in page.text
    assert before_hash in page.text


def test_a_snapshot_can_be_neither_changed_nor_deleted_not_even_by_the_strategy_office(frozen):
    frozen.title = "Endret"
    with pytest.raises(SnapshotImmutable):
        frozen.save()
    with pytest.raises(SnapshotImmutable):
        frozen.delete()
    with pytest.raises(SnapshotImmutable):
        PortfolioSnapshot.objects.filter(pk=frozen.pk).update(title="Endret")
    with pytest.raises(SnapshotImmutable):
        PortfolioSnapshot.objects.filter(pk=frozen.pk).delete()
    entry = PortfolioSnapshotEntry.objects.get(snapshot=frozen)
    with pytest.raises(SnapshotImmutable):
        entry.save()
    with pytest.raises(SnapshotImmutable):
        PortfolioSnapshotEntry.objects.all().update(overall_key="green")
    assert PortfolioSnapshot.objects.get(pk=frozen.pk).title == "Til NUIT-møte 3/2026"


def test_only_the_strategy_office_freezes_and_a_bad_title_or_a_future_moment_is_refused(
    strategy_office, owner_editor, body_member, item
):
    for user in (owner_editor, body_member):
        with pytest.raises(PermissionDenied):
            portfolio_snapshot_freeze(title="Til NUIT", user=user)
    with pytest.raises(Refused):
        portfolio_snapshot_freeze(title="   ", user=strategy_office)
    with pytest.raises(Refused):
        portfolio_snapshot_freeze(title="x" * 201, user=strategy_office)
    with pytest.raises(Refused):
        portfolio_snapshot_freeze(title="Fremtid", user=strategy_office, at=timezone.now() + datetime.timedelta(days=1))
    assert not PortfolioSnapshot.objects.exists()


def test_a_snapshot_of_an_earlier_moment_holds_only_the_reports_approved_by_then(frozen, strategy_office, item):
    earlier = portfolio_snapshot_freeze(
        title="Før godkjenningen", user=strategy_office, at=timezone.now() - datetime.timedelta(days=1)
    )
    (entry,) = earlier.document["items"]
    assert entry["title"] == item.title
    assert entry["report"] is None and entry["history"] == []


def test_freezing_reads_each_table_once_whatever_the_number_of_items(
    strategy, organisation, period, content, owner_editor, strategy_office, django_assert_max_num_queries
):
    for number in range(12):
        item = make_item(strategy, organisation, f"Tiltak {number:02}")
        approved(item, period, content, writer=owner_editor, office=strategy_office)
    with django_assert_max_num_queries(14):
        snapshot = portfolio_snapshot_freeze(title="Mange", user=strategy_office)
    assert snapshot.item_count == 12


def test_two_snapshots_compare_status_dates_phases_and_items_in_and_out(
    frozen, strategy, item, period, owner_editor, strategy_office, phases, content
):
    # After the first snapshot: the item's status worsens, its date slips and it moves phase; another item
    # enters the portfolio and a third leaves.
    leaving = make_item(strategy, item.owners.first(), "Utgår")
    first = portfolio_snapshot_freeze(title="Første", user=strategy_office)
    report = StatusReport.objects.get(item=item, period=period, state="approved")
    correction = status_report_correct(user=owner_editor, report_id=report.pk, reason="Verre")
    correction = status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=type(content)(overall="red", expected_end_date=datetime.date(2027, 9, 30)),
        version=correction.version,
    )
    correction = status_report_submit(user=owner_editor, report_id=correction.pk, version=correction.version)
    status_report_approve(user=strategy_office, report_id=correction.pk, version=correction.version)
    item.refresh_from_db()
    item.phase = phases[1]
    item.save()
    PortfolioMembership.objects.filter(item=leaving).delete()
    make_item(strategy, item.owners.first(), "Nykommer")
    second = portfolio_snapshot_freeze(title="Andre", user=strategy_office)

    rows = {row.title: row for row in snapshots_compare(first, second)}
    assert rows["Helseverktøy (Helsenorge)"].changes == ["worse", "slipped", "phase"]
    assert rows["Helseverktøy (Helsenorge)"].slip_days == 92
    assert rows["Utgår"].changes == ["removed"]
    assert rows["Nykommer"].changes == ["added"]

    page = client_for(strategy_office).get(reverse("ws-reporting:snapshot-compare"), {"a": first.pk, "b": second.pk})
    assert page.status_code == 200
    assert "Vesentlige avvik" in page.text and "Utgår" in page.text


def test_bad_comparison_input_gets_a_message_and_never_a_500(frozen, strategy_office):
    client = client_for(strategy_office)
    url = reverse("ws-reporting:snapshot-compare")
    for query in ({"a": "x", "b": "9999"}, {"a": frozen.pk, "b": frozen.pk}, {"a": "", "b": ""}):
        response = client.get(url, query)
        assert response.status_code == 200, query
    assert "Velg to ulike øyeblikksbilder." in client.get(url, {"a": frozen.pk, "b": frozen.pk}).text


@pytest.mark.parametrize(
    ("who", "status"),
    [("strategy_office", 200), ("body_member", 200), ("owner_editor", 403), ("anonymous", 302)],
)
def test_the_snapshot_pages_and_downloads_by_role(frozen, request, who, status):
    client = client_for(None if who == "anonymous" else request.getfixturevalue(who))
    urls = [
        reverse("ws-reporting:snapshot-list"),
        reverse("ws-reporting:snapshot", kwargs={"pk": frozen.pk}),
        reverse("ws-reporting:snapshot-export", kwargs={"pk": frozen.pk, "fmt": "json"}),
        reverse("ws-reporting:snapshot-export", kwargs={"pk": frozen.pk, "fmt": "xlsx"}),
        reverse("ws-reporting:snapshot-compare"),
    ]
    for url in urls:
        assert client.get(url).status_code == status, url
    freeze = client.post(reverse("ws-reporting:snapshot-create"), {"title": "Til NUIT"})
    if who == "strategy_office":
        assert freeze.status_code == 302
        assert PortfolioSnapshot.objects.filter(title="Til NUIT").exists()
    else:
        assert freeze.status_code in (302, 403)
        assert not PortfolioSnapshot.objects.filter(title="Til NUIT").exists()


def test_the_downloads_carry_the_frozen_document_and_its_hash(frozen, strategy_office):
    from openpyxl import load_workbook

    client = client_for(strategy_office)
    body = client.get(reverse("ws-reporting:snapshot-export", kwargs={"pk": frozen.pk, "fmt": "json"})).content
    data = json.loads(body)
    assert data["content_hash"]["value"] == frozen.content_hash == content_hash(data["snapshot"])
    xlsx = client.get(reverse("ws-reporting:snapshot-export", kwargs={"pk": frozen.pk, "fmt": "xlsx"})).content
    rows = list(load_workbook(io.BytesIO(xlsx)).active.iter_rows(values_only=True))
    assert rows[1][1] == "Helseverktøy (Helsenorge)" and "Noe avvik" in rows[1]
    assert (
        client.get(reverse("ws-reporting:snapshot-export", kwargs={"pk": frozen.pk, "fmt": "pdf"})).status_code == 404
    )


def test_the_freeze_form_keeps_a_bad_title_and_says_why(strategy_office):
    client = client_for(strategy_office)
    response = client.post(reverse("ws-reporting:snapshot-create"), {"title": ""})
    assert response.status_code == 200
    assert "Feltet er påkrevet." in response.text
    too_long = "Til NUIT " + "x" * 200
    response = client.post(reverse("ws-reporting:snapshot-create"), {"title": too_long})
    assert response.status_code == 200 and too_long in response.text
    assert not PortfolioSnapshot.objects.exists()


def test_the_snapshot_page_shows_a_hundred_items_a_page_and_a_bad_page_number_is_no_error(
    strategy, organisation, strategy_office
):
    for number in range(101):
        make_item(strategy, organisation, f"Tiltak {number:03}")
    snapshot = portfolio_snapshot_freeze(title="Stor", user=strategy_office)
    client = client_for(strategy_office)
    url = reverse("ws-reporting:snapshot", kwargs={"pk": snapshot.pk})
    first = client.get(url)
    assert "Tiltak 000" in first.text and "Tiltak 100" not in first.text
    assert "Tiltak 100" in client.get(url, {"page": 2}).text
    assert client.get(url, {"page": "x"}).status_code == 200
    assert client.get(url, {"page": "999"}).status_code == 200


def test_a_snapshot_keeps_each_linked_indicators_status_and_latest_value_whatever_the_data_does_later(
    item, period, content, owner_editor, strategy_office, phases
):
    from veikart.indicators.tests.factories import add_observations, add_target, make_indicator
    from veikart.reporting.benefits import benefit_link_add

    visits = make_indicator(code="helsenorge-besok", name="Bruk av Helsenorge: besøk", unit="millioner besøk")
    add_observations(visits, {"2019": 37.2, "2020": 72.9, "2021": 140.9, "2022": 115.9, "2023": 109.5})
    add_target(visits, "2030", 150)
    benefit_link_add(user=owner_editor, item_id=item.pk, indicator_id=visits.pk, note="Flere besøk")
    approved(item, period, content, writer=owner_editor, office=strategy_office)
    snapshot = portfolio_snapshot_freeze(title="Til NUIT-møte 3/2026", user=strategy_office)
    frozen = {
        "id": visits.pk,
        "code": "helsenorge-besok",
        "name": "Bruk av Helsenorge: besøk",
        "unit": "millioner besøk",
        "status": "at_risk",
        "latest_value": "109.5",
        "latest_period": "2023",
        "recent_trend_against": True,
        "note": "Flere besøk",
    }
    assert snapshot.document["items"][0]["indicators"] == [frozen]
    stored_hash = snapshot.content_hash

    # The data recovers, the target is met, the indicator is renamed and the link removed.
    add_observations(visits, {"2024": 160, "2025": 175})
    visits.name = "Omdøpt indikator"
    visits.save()
    visits.benefit_links.all().delete()

    snapshot = PortfolioSnapshot.objects.get(pk=snapshot.pk)
    assert snapshot.document["items"][0]["indicators"] == [frozen]
    assert snapshot.content_hash == stored_hash == content_hash(snapshot.document)
    page = client_for(strategy_office).get(reverse("ws-reporting:snapshot", args=[snapshot.pk])).content.decode()
    assert "Bruk av Helsenorge: besøk" in page and "109.5" in page and "Omdøpt" not in page
    assert "den siste utviklingen går mot den langsiktige" in page
