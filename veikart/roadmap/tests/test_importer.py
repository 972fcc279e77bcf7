"""The importer against files as they really come out of Excel."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook

from veikart.core import db
from veikart.core.exchange.problems import FileUnreadable
from veikart.roadmap.importers import plan_import
from veikart.roadmap.models import Grouping, RoadmapItem, RoadmapItemSearch
from veikart.roadmap.services import roadmap_import
from veikart.strategy.models import SubGoal

HEADER = ["Tiltaksnavn", "Delmål", "Strategigruppering", "Veikartfase", "Startdato", "Sluttdato", "Leveranse-ID"]
REAL_ROWS = [
    [
        "Offentlig KI-tjeneste for målrettede helseråd",
        "3B",
        "Rammer og retning for kunstig intelligens (KI) i helse- og omsorgstjenesten",
        "Tilpasning - innføring",
        "01.01.2023",
        "",
        "56876000019902934",
    ],
    ["Helseverktøy (Helsenorge)", "1C", "Digital selvhjelp", "I bruk", "01.01.2025", "", "56876000019903546"],
    [
        "Nettbasert behandling (inkl. eBehandling) somatikk",
        "1C",
        "Veiledet (eBehandling) internettbehandling fra spesialisthelsetjenesten",
        "Utvikling - tilpasning - innføring",
        "01.01.2025",
        "",
        "56876000019903558",
    ],
    [
        "Digi-ung: UngMestring",
        "1D",
        "Digitale tjenester til barn og unge (0-16 år)",
        "Utvikling og begrenset utprøving",
        "01.01.2022",
        "31.12.2025",
        "",
    ],
    [
        "Rask psykisk helsehjelp",
        "1C",
        "Veiledet internettbehandling fra kommunale helsetjenester",
        "Innføring",
        "",
        "",
        "56876000019903550",
    ],
]


def excel_csv(rows, *, delimiter=";", encoding="cp1252", bom=False, header=HEADER, messy=True) -> bytes:
    """A CSV as Excel in a Norwegian locale writes it: trailing empty columns, blank lines, stray spaces."""
    lines = [delimiter.join(header) + (delimiter * 2 if messy else "")]
    for row in rows:
        cells = [f" {cell} " if messy and cell else cell for cell in row]
        lines.append(
            delimiter.join(f'"{cell}"' if delimiter in cell else cell for cell in cells)
            + (delimiter * 2 if messy else "")
        )
        if messy:
            lines.append("")
    data = "\r\n".join(lines).encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        cells = list(row)
        for index in (4, 5):
            if cells[index]:
                cells[index] = datetime.datetime.strptime(cells[index], "%d.%m.%Y")
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def framework(strategy, phases):
    return strategy


def assert_real_rows_imported():
    assert RoadmapItem.objects.count() == 5
    helsenorge = RoadmapItem.objects.get(delivery_id="56876000019903546")
    assert helsenorge.title == "Helseverktøy (Helsenorge)"
    assert helsenorge.sub_goal.code == "1C"
    assert helsenorge.grouping.name == "Digital selvhjelp"
    assert helsenorge.phase.name == "I bruk"
    assert helsenorge.start_date == datetime.date(2025, 1, 1)
    assert helsenorge.end_date is None
    assert helsenorge.is_published
    ung = RoadmapItem.objects.get(title="Digi-ung: UngMestring")
    assert ung.delivery_id == ""
    assert ung.end_date == datetime.date(2025, 12, 31)
    assert ung.grouping.name == "Digitale tjenester til barn og unge (0-16 år)"
    assert RoadmapItem.objects.get(delivery_id="56876000019903550").start_date is None


def test_the_real_rows_import_from_a_semicolon_separated_windows_1252_file(framework):
    plan = roadmap_import(data=excel_csv(REAL_ROWS, encoding="cp1252"), file_name="veikart.csv")
    assert not plan.problems
    assert len(plan.created) == 5
    assert_real_rows_imported()


def test_the_real_rows_import_from_a_utf8_file_with_a_byte_order_mark(framework):
    roadmap_import(data=excel_csv(REAL_ROWS, encoding="utf-8", bom=True), file_name="veikart.csv")
    assert_real_rows_imported()


def test_the_real_rows_import_from_a_comma_separated_utf8_file_without_mark(framework):
    roadmap_import(data=excel_csv(REAL_ROWS, delimiter=",", encoding="utf-8"), file_name="veikart.csv")
    assert_real_rows_imported()


def test_the_real_rows_import_from_a_spreadsheet_with_date_cells(framework):
    roadmap_import(data=xlsx(REAL_ROWS), file_name="veikart.xlsx")
    assert_real_rows_imported()


def test_header_variants_are_recognised_whatever_their_case_and_spacing(framework):
    header = [
        " tiltaksnavn",
        "DELMÅL ",
        "Strategi gruppering",
        "veikart fase",
        "Start dato",
        "SLUTTDATO",
        "Leveranse ID",
    ]
    plan = roadmap_import(data=excel_csv(REAL_ROWS, header=header), file_name="x.csv")
    assert not plan.problems
    assert RoadmapItem.objects.count() == 5


def test_importing_the_same_file_twice_changes_nothing(framework):
    data = excel_csv(REAL_ROWS)
    roadmap_import(data=data)
    history_before = RoadmapItem.history.count()
    versions_before = list(RoadmapItem.objects.order_by("pk").values_list("version", flat=True))
    plan = roadmap_import(data=data)
    assert (len(plan.created), len(plan.updated), len(plan.unchanged)) == (0, 0, 5)
    assert RoadmapItem.history.count() == history_before
    assert list(RoadmapItem.objects.order_by("pk").values_list("version", flat=True)) == versions_before


def test_rows_match_on_delivery_id_and_a_changed_name_is_an_update(framework):
    roadmap_import(data=excel_csv(REAL_ROWS))
    renamed = [row[:] for row in REAL_ROWS]
    renamed[1][0] = "Helseverktøy på Helsenorge"
    renamed[1][3] = "Innføring"
    plan = roadmap_import(data=excel_csv(renamed))
    assert [(row.title, row.changes) for row in plan.updated] == [
        ("Helseverktøy på Helsenorge", ["Tiltaksnavn", "Veikartfase"])
    ]
    item = RoadmapItem.objects.get(delivery_id="56876000019903546")
    assert item.title == "Helseverktøy på Helsenorge"
    assert item.version == 2
    assert item.history.first().history_change_reason.startswith("Import")


def test_rows_without_delivery_id_match_on_name_and_sub_goal(framework):
    roadmap_import(data=excel_csv(REAL_ROWS))
    moved = [row[:] for row in REAL_ROWS]
    moved[3][5] = "30.06.2026"
    plan = roadmap_import(data=excel_csv(moved))
    assert [row.title for row in plan.updated] == ["Digi-ung: UngMestring"]
    assert RoadmapItem.objects.count() == 5
    assert RoadmapItem.objects.get(title="Digi-ung: UngMestring").end_date == datetime.date(2026, 6, 30)


def test_one_bad_row_among_good_ones_writes_nothing_and_names_row_and_column(framework):
    rows = [row[:] for row in REAL_ROWS]
    rows[2][4] = "31.02.2025"
    plan = roadmap_import(data=excel_csv(rows, messy=False))
    assert RoadmapItem.objects.count() == 0
    assert Grouping.objects.count() == 0
    assert [(p.row, p.column) for p in plan.problems] == [(4, "Startdato (E)")]
    assert "31.02.2025" in plan.problems.kept[0].message


def test_every_problem_is_reported_with_its_row_and_column(framework):
    rows = [
        ["", "1C", "", "Innføring", "", "", ""],
        ["Ukjent delmål", "9Z", "", "Innføring", "", "", ""],
        ["Ukjent fase", "1C", "", "Ferdig", "", "", ""],
        ["Dårlig dato", "1C", "", "I bruk", "1.13.2024", "", ""],
        ["Første", "1C", "", "I bruk", "", "", "123"],
        ["Duplikat", "1C", "", "I bruk", "", "", "123"],
        ["Baklengs", "1C", "", "I bruk", "01.01.2025", "01.01.2024", ""],
        ["Tapte sifre", "1C", "", "I bruk", "", "", "5,6876E+16"],
    ]
    with translation.override("en"):
        plan = plan_import(excel_csv(rows, messy=False))
    found = [(p.row, p.column.split(" (")[0]) for p in plan.problems]
    assert found == [
        (2, "Tiltaksnavn"),
        (3, "Delmål"),
        (4, "Veikartfase"),
        (5, "Startdato"),
        (7, "Leveranse-ID"),
        (8, "Sluttdato"),
        (9, "Leveranse-ID"),
    ]
    phase_problem = plan.problems.kept[2].message
    assert "Ferdig" in phase_problem and "“I bruk”" in phase_problem and "“Innføring”" in phase_problem
    assert "row 6" in plan.problems.kept[4].message
    assert "1A, 1C, 1D, 3B" in plan.problems.kept[1].message


def test_problems_are_reported_in_the_language_of_the_page(framework):
    plan = plan_import("Tiltaksnavn;Delmål\nNoe;9Z\n".encode())
    assert "Ukjent delmålskode «9Z»" in plan.problems.kept[0].message
    assert str(plan.problems.kept[0]).startswith("Rad 2, kolonne Delmål (B)")


def test_a_missing_required_column_is_a_problem_on_the_header_row(framework):
    plan = plan_import(b"Navnet;Fase\nNoe;I bruk\n")
    assert [(p.row, p.column) for p in plan.problems] == [(1, "Tiltaksnavn"), (1, "Delmål")]


def test_an_empty_file_is_refused(framework):
    with pytest.raises(FileUnreadable):
        plan_import(b"")
    with pytest.raises(FileUnreadable):
        plan_import(b"\r\n;;\r\n")


def test_a_dry_run_plans_but_writes_nothing(framework):
    plan = roadmap_import(data=excel_csv(REAL_ROWS), dry_run=True)
    assert len(plan.created) == 5
    assert RoadmapItem.objects.count() == 0


def test_a_large_import_refreshes_the_planner_statistics_after_it_commits(
    framework, monkeypatch, planner_row_count, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(db, "STATISTICS_REFRESH_ROWS", 5)
    with django_capture_on_commit_callbacks(execute=True):
        roadmap_import(data=excel_csv(REAL_ROWS))
        assert planner_row_count(RoadmapItem) != 5
    assert planner_row_count(RoadmapItem) == 5
    assert planner_row_count(RoadmapItemSearch) == 5
    assert planner_row_count(RoadmapItem.history.model) == 5


def test_a_small_import_leaves_the_statistics_to_the_database(framework, monkeypatch):
    refreshed = []
    monkeypatch.setattr(db, "STATISTICS_REFRESH_ROWS", 6)
    monkeypatch.setattr(db, "refresh_statistics", lambda *models: refreshed.append(models))
    roadmap_import(data=excel_csv(REAL_ROWS))
    assert RoadmapItem.objects.count() == 5
    monkeypatch.setattr(db, "STATISTICS_REFRESH_ROWS", 5)
    roadmap_import(data=excel_csv(REAL_ROWS), dry_run=True)
    roadmap_import(data=excel_csv(REAL_ROWS))
    assert refreshed == []


def test_unknown_columns_are_ignored_and_listed(framework):
    header = [*HEADER, "Kommentar"]
    rows = [[*row, "noe"] for row in REAL_ROWS]
    plan = roadmap_import(data=excel_csv(rows, header=header, messy=False))
    assert plan.ignored_columns == ["Kommentar"]
    assert RoadmapItem.objects.count() == 5


def test_an_import_keeps_owners_user_groups_and_publication(framework, nhn, citizens):
    roadmap_import(data=excel_csv(REAL_ROWS))
    item = RoadmapItem.objects.get(delivery_id="56876000019903546")
    item.owners.add(nhn)
    item.user_groups.add(citizens)
    RoadmapItem.objects.filter(pk=item.pk).update(is_published=False)
    changed = [row[:] for row in REAL_ROWS]
    changed[1][3] = "Innføring"
    roadmap_import(data=excel_csv(changed))
    item.refresh_from_db()
    assert list(item.owners.all()) == [nhn]
    assert list(item.user_groups.all()) == [citizens]
    assert not item.is_published


def test_the_command_reports_problems_and_exits_with_an_error(framework, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(excel_csv([["Noe", "9Z", "", "", "", "", ""]]))
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_roadmap", str(bad), "--no-progress", stdout=io.StringIO(), stderr=io.StringIO())
    assert RoadmapItem.objects.count() == 0


def test_the_command_dry_run_and_import(framework, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(excel_csv(REAL_ROWS))
    out = io.StringIO()
    call_command("import_roadmap", str(good), "--dry-run", "--no-progress", stdout=out, stderr=io.StringIO())
    assert "Would create 5" in out.getvalue()
    assert RoadmapItem.objects.count() == 0
    call_command("import_roadmap", str(good), "--no-progress", stdout=out, stderr=io.StringIO())
    assert RoadmapItem.objects.count() == 5
    assert SubGoal.objects.get(code="1C").roadmap_items.count() == 3


def typed_xlsx(rows) -> bytes:
    """A workbook whose cells keep the types given (numbers, dates), as a spreadsheet user types them."""
    workbook = Workbook()
    workbook.active.append(HEADER)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_worksheet_cells_keep_their_types_and_a_delivery_id_typed_as_a_number_is_its_digits(framework):
    plan = plan_import(
        typed_xlsx(
            [
                ["Tall-ID", "1C", None, "I bruk", datetime.datetime(2025, 1, 31), datetime.date(2025, 12, 31), 12345],
                ["Vitenskapelig", "1C", None, "I bruk", None, None, 1.2345e10],
                ["Kode som tall", 3, 2024, None, None, None, 12345.0],
            ]
        ),
        file_name="veikart.xlsx",
    )
    assert [(p.row, p.column) for p in plan.problems] == [(4, "Delmål (B)")]
    plan = plan_import(
        typed_xlsx(
            [
                ["Tall-ID", "1C", None, "I bruk", datetime.datetime(2025, 1, 31), datetime.date(2025, 12, 31), 12345],
                ["Vitenskapelig", "1C", 2024, "I bruk", None, None, 1.2345e10],
            ]
        ),
        file_name="veikart.xlsx",
    )
    assert not plan.problems
    assert [(row.title, row.delivery_id, row.start_date, row.end_date, row.grouping_name) for row in plan.created] == [
        ("Tall-ID", "12345", datetime.date(2025, 1, 31), datetime.date(2025, 12, 31), ""),
        ("Vitenskapelig", "12345000000", None, None, "2024"),
    ]


def test_a_long_delivery_id_typed_as_a_number_has_lost_digits_and_a_number_is_not_a_date(framework):
    with translation.override("en"):
        plan = plan_import(
            typed_xlsx([["Tapt", "1C", None, None, 45678, None, 5.6876000019902934e16]]), file_name="v.xlsx"
        )
    assert [(p.row, p.column) for p in plan.problems] == [(2, "Startdato (E)"), (2, "Leveranse-ID (G)")]
    assert "“45678” is not a date" in plan.problems.kept[0].message
    assert "keeps only 15 digits" in plan.problems.kept[1].message


def test_a_file_that_is_not_a_table_is_refused_in_the_language_of_the_page(framework):
    with translation.override("en"), pytest.raises(FileUnreadable, match="PDF"):
        plan_import(b"%PDF-1.4 ...", file_name="veikart.pdf")
    with pytest.raises(FileUnreadable, match="Linje 2"):
        plan_import(b"Tiltaksnavn;Delm\xc3\xa5l\nNoe\x00;1C\n")


def test_the_command_refuses_an_unreadable_file_or_an_unknown_strategy_with_a_message(framework, tmp_path):
    pdf = tmp_path / "veikart.pdf"
    pdf.write_bytes(b"%PDF-1.4 ...")
    with pytest.raises(CommandError, match=r"^veikart.pdf: .*PDF"):
        call_command("import_roadmap", str(pdf), stdout=io.StringIO(), stderr=io.StringIO())
    good = tmp_path / "good.csv"
    good.write_bytes(excel_csv(REAL_ROWS))
    with pytest.raises(CommandError, match="No strategy with slug 'ukjent'"):
        call_command("import_roadmap", str(good), "--strategy", "ukjent", stdout=io.StringIO(), stderr=io.StringIO())
    assert RoadmapItem.objects.count() == 0


def test_the_command_prints_every_problem_with_its_place(framework, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(excel_csv([["Noe", "9Z", "", "", "", "", ""], ["", "1C", "", "", "", "", ""]], messy=False))
    errors = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="2 problem"):
        call_command("import_roadmap", str(bad), stdout=io.StringIO(), stderr=errors)
    lines = errors.getvalue().splitlines()
    assert lines[0].startswith("Row 2, column Delmål (B): Unknown sub-goal code")
    assert lines[1].startswith("Row 3, column Tiltaksnavn (A): The name is missing")
