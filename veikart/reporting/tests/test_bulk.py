"""The status report spreadsheet: the format out and in, what a row may do, and what is refused.

Files are made by openpyxl as a person's spreadsheet would be: the downloaded workbook changed in a
few cells, an extra empty sheet, trailing empty rows, an item id typed as text.
"""

from __future__ import annotations

import dataclasses
import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from veikart.core.exchange.problems import FileUnreadable
from veikart.reporting import bulk
from veikart.reporting.models import ReportingPeriod, StatusReport
from veikart.reporting.services import (
    MilestoneUpdate,
    Risk,
    status_report_approve,
    status_report_save_draft,
    status_report_submit,
)

State = StatusReport.State


def download(user, period) -> Workbook:
    return load_workbook(io.BytesIO(bulk.bulk_workbook(user=user, period=period)))


def saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def column(sheet, label: str) -> int:
    """The 1-based column of ``label`` in the header row."""
    return [cell.value for cell in sheet[1]].index(label) + 1


def row_of(sheet, item) -> int:
    for number in range(2, sheet.max_row + 1):
        if sheet.cell(number, 1).value == item.pk:
            return number
    raise AssertionError(f"no row for {item}")


def fill(workbook: Workbook, item, **values) -> Workbook:
    sheet = workbook[bulk.SHEET_REPORTS]
    for label, value in values.items():
        sheet.cell(row_of(sheet, item), column(sheet, label), value)
    return workbook


def plan(user, period, data: bytes, **kwargs) -> bulk.BulkPlan:
    return bulk.bulk_plan(data, user=user, period=period, file_name="rapporter.xlsx", **kwargs)


def messages(result: bulk.BulkPlan) -> str:
    return " | ".join(str(problem) for problem in result.problems)


# --- Out -------------------------------------------------------------------------------------


def test_an_owner_editor_downloads_only_its_organisations_items(owner_editor, item, other_item, period):
    sheet = download(owner_editor, period)[bulk.SHEET_REPORTS]
    ids = [sheet.cell(number, 1).value for number in range(2, sheet.max_row + 1)]
    assert ids == [item.pk]


def test_the_strategy_office_downloads_every_portfolio_item_with_its_report_and_risks(
    strategy_office, owner_editor, item, other_item, period, content
):
    status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=dataclasses.replace(content, risks=(Risk("Leverandøren er sen", 3, 4, "Tett dialog"),)),
    )
    workbook = download(strategy_office, period)
    assert workbook.sheetnames == [bulk.SHEET_REPORTS, bulk.SHEET_RISKS, bulk.SHEET_GUIDE]
    sheet = workbook[bulk.SHEET_REPORTS]
    assert sheet.max_row == 3
    row = row_of(sheet, item)
    assert sheet.cell(row, column(sheet, "Samlet status")).value == "Noe avvik"
    assert sheet.cell(row, column(sheet, "Fremdrift og tid: kommentar")).value == "To måneder bak."
    assert sheet.cell(row, column(sheet, "Rapportstatus")).value == "Utkast"
    risks = workbook[bulk.SHEET_RISKS]
    assert [cell.value for cell in risks[2]][:6] == [item.pk, item.title, 1, "Leverandøren er sen", 3, 4]


def test_a_narrative_that_starts_like_a_formula_goes_out_as_text(owner_editor, item, period, content):
    status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=dataclasses.replace(content, narrative='=HYPERLINK("http://x","klikk")'),
    )
    sheet = download(owner_editor, period)[bulk.SHEET_REPORTS]
    cell = sheet.cell(row_of(sheet, item), column(sheet, "Status i ord"))
    assert cell.data_type == "s"


# --- Round trip and idempotence --------------------------------------------------------------


def test_a_downloaded_file_uploaded_unchanged_changes_nothing(owner_editor, item, period, content):
    draft = status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=dataclasses.replace(content, narrative="Linje én\r\nLinje to", risks=(Risk("Sen leveranse", 2, 5),)),
    )
    data = saved(download(owner_editor, period))
    result = plan(owner_editor, period, data)
    assert result.is_valid, messages(result)
    assert not result.has_changes
    assert [planned.item for planned in result.unchanged] == [item]
    bulk.bulk_apply(data, user=owner_editor, period=period)
    draft.refresh_from_db()
    assert draft.version == 1


def test_an_upload_creates_a_draft_and_the_same_file_twice_changes_nothing(owner_editor, item, period):
    workbook = fill(
        download(owner_editor, period),
        item,
        **{"Samlet status": "gul", "Status i ord": "Piloten er forsinket.", "Fremdrift og tid: status": "rød"},
    )
    data = saved(workbook)
    first = bulk.bulk_apply(data, user=owner_editor, period=period)
    assert first.is_valid, messages(first)
    assert len(first.created) == 1
    report = StatusReport.objects.get(item=item, period=period)
    assert (report.state, report.overall.key, report.narrative) == (State.DRAFT, "yellow", "Piloten er forsinket.")
    assert report.areas.get(area__key="progress").colour.key == "red"
    assert report.transitions.get().by == owner_editor
    second = bulk.bulk_apply(data, user=owner_editor, period=period)
    assert second.is_valid and not second.has_changes
    report.refresh_from_db()
    assert report.version == 1


def test_an_upload_changes_a_draft_and_keeps_what_the_file_does_not_carry(owner_editor, item, period, content):
    draft = status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=dataclasses.replace(content, milestones=(MilestoneUpdate("Pilot i drift", datetime.date(2026, 9, 1)),)),
    )
    workbook = fill(download(owner_editor, period), item, **{"Samlet status": "Raud"})
    sheet = workbook[bulk.SHEET_REPORTS]
    sheet.delete_cols(column(sheet, "Neste steg"))  # a column left out: the next steps stay
    result = bulk.bulk_apply(saved(workbook), user=owner_editor, period=period)
    assert result.is_valid, messages(result)
    assert [planned.changes for planned in result.updated] == [["Samlet status"]]
    draft.refresh_from_db()
    assert draft.overall.key == "red"
    assert draft.next_steps == content.next_steps
    assert draft.milestone_updates.get().title == "Pilot i drift"


def test_the_risk_sheet_replaces_the_risks_of_its_items(owner_editor, item, period, content):
    status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=dataclasses.replace(content, risks=(Risk("Gammel risiko", 1, 1),)),
    )
    workbook = download(owner_editor, period)
    risks = workbook[bulk.SHEET_RISKS]
    risks.cell(2, 4, "Ny risiko")
    risks.append([item.pk, item.title, 2, "Enda en", "4", 5, "Avklare", "Prosjekteier"])
    result = bulk.bulk_apply(saved(workbook), user=owner_editor, period=period)
    assert result.is_valid, messages(result)
    report = StatusReport.objects.get(item=item, period=period)
    assert [(risk.description, risk.likelihood, risk.consequence) for risk in report.risks.all()] == [
        ("Ny risiko", 1, 1),
        ("Enda en", 4, 5),
    ]


# --- A person's spreadsheet ------------------------------------------------------------------


def hand_made(item, *, first_sheet_empty=False, id_as_text=False, trailing_rows=0, overall="grønn") -> bytes:
    workbook = Workbook()
    if first_sheet_empty:
        workbook.active.title = "Ark1"
        sheet = workbook.create_sheet(bulk.SHEET_REPORTS)
    else:
        sheet = workbook.active
        sheet.title = "Mine rapporter"
    sheet.append(["Tiltak-ID", "Tiltak", "Samlet status", "Status i ord"])
    sheet.append([str(item.pk) if id_as_text else item.pk, item.title, overall, "Alt går etter planen."])
    for _ in range(trailing_rows):
        sheet.append([None, None, None, None])
    sheet.cell(sheet.max_row + 3, 1).value = ""
    return saved(workbook)


@pytest.mark.parametrize(
    "kind",
    [
        {"first_sheet_empty": True},
        {"id_as_text": True},
        {"trailing_rows": 40},
        {"first_sheet_empty": True, "id_as_text": True, "trailing_rows": 5},
    ],
)
def test_a_hand_made_workbook_is_read(owner_editor, item, period, kind):
    result = plan(owner_editor, period, hand_made(item, **kind))
    assert result.is_valid, messages(result)
    assert [planned.item for planned in result.created] == [item]
    assert result.created[0].content.overall == "green"
    assert not result.has_risk_sheet


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Grønn", "green"),
        ("grøn", "green"),
        ("Green", "green"),
        ("green", "green"),
        ("I samsvar med plan", "green"),
        ("GUL", "yellow"),
        ("yellow", "yellow"),
        ("Noe avvik", "yellow"),
        ("rød", "red"),
        ("raud", "red"),
        ("Red", "red"),
        ("Vesentlige avvik", "red"),
    ],
)
def test_the_colour_words_in_bokmal_nynorsk_and_english_and_the_codes_are_taken(owner_editor, item, period, word, key):
    result = plan(owner_editor, period, hand_made(item, overall=word))
    assert result.is_valid, messages(result)
    assert result.created[0].content.overall == key


def test_a_csv_file_is_read(owner_editor, item, period):
    data = f"Tiltak-ID;Samlet status;Status i ord\r\n{item.pk};rød;Stopp i leveransen\r\n".encode()
    result = bulk.bulk_plan(data, user=owner_editor, period=period, file_name="rapporter.csv")
    assert result.is_valid, messages(result)
    assert result.created[0].content.overall == "red"


# --- Refused, with nothing lost --------------------------------------------------------------


def test_a_row_naming_another_owners_item_is_refused_and_nothing_is_written(owner_editor, item, other_item, period):
    workbook = fill(download(owner_editor, period), item, **{"Samlet status": "gul"})
    workbook[bulk.SHEET_REPORTS].append([other_item.pk, other_item.title, "", "", "", "rød"])
    result = bulk.bulk_apply(saved(workbook), user=owner_editor, period=period)
    assert not result.is_valid
    assert "er ikke et av porteføljetiltakene til Testeier A" in messages(result)
    assert not StatusReport.objects.exists()


def test_an_item_outside_the_portfolio_and_an_unknown_id_are_refused(strategy_office, item, period):
    item.portfolio_membership.delete()
    data = hand_made(item)
    result = plan(strategy_office, period, data)
    assert "ikke i porteføljen" in messages(result)
    workbook = load_workbook(io.BytesIO(data))
    workbook.active.cell(2, 1, 999999)
    assert "999999" in messages(plan(strategy_office, period, saved(workbook)))


def test_a_locked_period_refuses_the_file(owner_editor, item, period):
    ReportingPeriod.objects.filter(pk=period.pk).update(state=ReportingPeriod.State.LOCKED)
    period.refresh_from_db()
    result = bulk.bulk_apply(hand_made(item), user=owner_editor, period=period)
    assert "låst" in messages(result)
    assert not StatusReport.objects.exists()


def test_a_closed_period_takes_changes_to_drafts_begun_but_no_new_report(
    owner_editor, strategy_office, item, period, content
):
    ReportingPeriod.objects.filter(pk=period.pk).update(state=ReportingPeriod.State.CLOSED)
    period.refresh_from_db()
    result = plan(owner_editor, period, hand_made(item))
    assert "lukket for nye rapporter" in messages(result)


def test_submitted_and_approved_reports_are_not_overwritten_and_each_row_says_so(
    owner_editor, strategy_office, item, period, content, strategy, organisation
):
    from veikart.reporting.tests.conftest import make_item

    second = make_item(strategy, organisation, "Digitalt innbyggerforløp")
    submitted = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    submitted = status_report_submit(user=owner_editor, report_id=submitted.pk, version=submitted.version)
    approved = status_report_save_draft(user=owner_editor, item_id=second.pk, period_id=period.pk, content=content)
    approved = status_report_submit(user=owner_editor, report_id=approved.pk, version=approved.version)
    approved = status_report_approve(user=strategy_office, report_id=approved.pk, version=approved.version)
    unchanged = saved(download(owner_editor, period))
    assert plan(owner_editor, period, unchanged).is_valid  # unchanged rows of them are fine
    workbook = fill(download(owner_editor, period), item, **{"Samlet status": "grønn"})
    fill(workbook, second, **{"Samlet status": "rød"})
    result = bulk.bulk_apply(saved(workbook), user=owner_editor, period=period)
    text = messages(result)
    assert "er sendt inn og venter på behandling" in text
    assert "er godkjent og kan ikke overskrives" in text
    assert result.problems.count == 2
    submitted.refresh_from_db()
    approved.refresh_from_db()
    assert submitted.overall.key == approved.overall.key == "yellow"


def test_an_unknown_status_word_is_refused_naming_the_cell(owner_editor, item, period):
    result = plan(owner_editor, period, hand_made(item, overall="lilla"))
    problem = next(iter(result.problems))
    assert problem.row == 2 and problem.column == "Samlet status (C)"
    assert "lilla" in problem.message


def test_a_formula_refuses_the_file(owner_editor, item, period):
    workbook = fill(download(owner_editor, period), item, **{"Status i ord": '=CONCAT("a";"b")'})
    with pytest.raises(FileUnreadable, match="formel"):
        plan(owner_editor, period, saved(workbook))


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "tom"),
        (b"%PDF-1.7 rapport", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        (b"PK\x03\x04 not really a workbook", "XLSX"),
        (b'{"rapporter": []}', "JSON"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(owner_editor, period, data, words):
    with pytest.raises(FileUnreadable, match=words):
        bulk.bulk_plan(data, user=owner_editor, period=period, file_name="opplasting")


def test_too_many_rows_are_refused(owner_editor, item, period, monkeypatch):
    monkeypatch.setattr(bulk.columns, "MAX_ROWS", 3)
    workbook = Workbook()
    workbook.active.append(["Tiltak-ID", "Samlet status"])
    for _ in range(5):
        workbook.active.append([item.pk, "gul"])
    with pytest.raises(FileUnreadable, match="3"):
        plan(owner_editor, period, saved(workbook))


def test_a_repeated_item_and_an_id_that_is_no_number_are_refused(owner_editor, item, period):
    workbook = Workbook()
    workbook.active.append(["Tiltak-ID", "Samlet status"])
    workbook.active.append([item.pk, "gul"])
    workbook.active.append([item.pk, "rød"])
    workbook.active.append(["tolv", "rød"])
    text = messages(plan(owner_editor, period, saved(workbook)))
    assert "også på rad 2" in text
    assert "«tolv» er ikke en tiltak-ID" in text


def test_a_report_changed_after_the_preview_is_refused_at_apply(owner_editor, item, period, content):
    draft = status_report_save_draft(user=owner_editor, item_id=item.pk, period_id=period.pk, content=content)
    data = saved(fill(download(owner_editor, period), item, **{"Samlet status": "rød"}))
    preview = plan(owner_editor, period, data)
    assert preview.is_valid and preview.updated
    status_report_save_draft(
        user=owner_editor,
        item_id=item.pk,
        period_id=period.pk,
        content=dataclasses.replace(content, narrative="Endret av en kollega"),
        version=draft.version,
    )
    result = bulk.bulk_apply(data, user=owner_editor, period=period, seen=preview.seen)
    assert "etter forhåndsvisningen" in messages(result)
    draft.refresh_from_db()
    assert draft.narrative == "Endret av en kollega" and draft.overall.key == "yellow"
