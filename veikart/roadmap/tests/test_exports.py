"""Exports in the official layout (round trip), JSON, the milestone calendar and the change feed."""

import csv
import datetime
import io
import json
import re
import zipfile

from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from veikart.roadmap.exporters import export_csv, export_xlsx
from veikart.roadmap.importers import plan_import
from veikart.roadmap.models import Milestone, RoadmapItem, UserGroup
from veikart.roadmap.services import roadmap_import
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv


def snapshot():
    return list(
        RoadmapItem.objects.order_by("pk").values_list(
            "title", "sub_goal", "grouping__name", "phase", "start_date", "end_date", "delivery_id", "version"
        )
    )


def test_import_export_import_changes_nothing_in_csv_and_xlsx(strategy, phases):
    roadmap_import(data=excel_csv(REAL_ROWS))
    before = snapshot()
    for export in (export_csv, export_xlsx):
        for official_only in (True, False):
            data = export(RoadmapItem.objects.all(), official_only=official_only)
            plan = roadmap_import(data=data, file_name="x.xlsx" if export is export_xlsx else "x.csv")
            assert not plan.problems
            assert (len(plan.created), len(plan.updated), len(plan.unchanged)) == (0, 0, 5)
    assert snapshot() == before


def test_the_official_csv_has_the_official_header_and_norwegian_dates(strategy, phases):
    roadmap_import(data=excel_csv(REAL_ROWS))
    text = export_csv(RoadmapItem.objects.all(), official_only=True).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Tiltaksnavn;Delmål;Strategigruppering;Veikartfase;Startdato;Sluttdato;Leveranse-ID"
    assert (
        "Digi-ung: UngMestring;1D;Digitale tjenester til barn og unge (0-16 år);Utvikling og begrenset utprøving;01.01.2022;31.12.2025;"
        in lines
    )


def test_an_export_into_an_empty_roadmap_recreates_it(strategy, phases):
    roadmap_import(data=excel_csv(REAL_ROWS))
    data = export_xlsx(RoadmapItem.objects.all())
    RoadmapItem.objects.all().delete()
    plan = plan_import(data, file_name="x.xlsx")
    assert len(plan.created) == 5
    assert {row.delivery_id for row in plan.created} >= {"56876000019903546", "56876000019902934"}


def test_the_export_views_follow_the_filters_and_hide_drafts(client, make_item, nhn):
    make_item(title="Eid av NHN", owners=[nhn])
    make_item(title="Noe annet")
    make_item(title="Utkast", owners=[nhn], is_published=False)
    csv_body = body(client.get(reverse("roadmap:export", args=["csv"]), {"owner": "nhn"})).decode("utf-8-sig")
    assert "Eid av NHN" in csv_body and "Noe annet" not in csv_body and "Utkast" not in csv_body
    data = json.loads(client.get(reverse("roadmap:export", args=["json"])).content)
    assert data["count"] == 2
    assert {item["title"] for item in data["items"]} == {"Eid av NHN", "Noe annet"}
    xlsx = client.get(reverse("roadmap:export", args=["xlsx"]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("roadmap:export", args=["pdf"])).status_code == 404


def body(response) -> bytes:
    """The bytes of a download, streamed (CSV) or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


FORMULA = '=HYPERLINK("http://x","y")'


def test_a_name_that_looks_like_a_formula_is_text_in_the_public_csv_and_imports_back_the_same(client, make_item):
    make_item(title=FORMULA, delivery_id="123")
    for query in ({}, {"columns": "official"}):
        data = body(client.get(reverse("roadmap:export", args=["csv"]), query))
        assert '"\'=HYPERLINK(""http://x"",""y"")"' in data.decode("utf-8-sig")
        assert not re.search(r'(^|;|\n)"?=', data.decode("utf-8-sig"))
        plan = plan_import(data, file_name="eksport.csv")
        assert not plan.problems and [row.title for row in plan.unchanged] == [FORMULA]


def test_a_name_that_looks_like_a_formula_is_a_text_cell_in_the_public_xlsx_and_imports_back_the_same(
    client, make_item
):
    make_item(title=FORMULA, delivery_id="123")
    data = body(client.get(reverse("roadmap:export", args=["xlsx"])))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    cell = load_workbook(io.BytesIO(data))["Veikart"]["A2"]
    assert (cell.value, cell.data_type) == (FORMULA, "s")
    RoadmapItem.objects.all().delete()
    plan = plan_import(data, file_name="eksport.xlsx")
    assert not plan.problems and [(row.title, row.delivery_id) for row in plan.created] == [(FORMULA, "123")]


def test_the_csv_has_the_official_dates_in_every_language_and_the_xlsx_date_cells(client, make_item):
    make_item(title="Datert", start_date=datetime.date(2025, 1, 31))
    english = body(client.get("/en" + reverse("roadmap:export", args=["csv"]))).decode("utf-8-sig")
    assert "Datert;1C;;Innføring;31.01.2025;;" in english
    data = body(client.get(reverse("roadmap:export", args=["xlsx"])))
    cell = load_workbook(io.BytesIO(data))["Veikart"]["E2"]
    assert cell.value == datetime.datetime(2025, 1, 31) and cell.number_format == "DD.MM.YYYY"


def test_the_calendar_holds_milestones_of_public_items_only(client, make_item):
    public = make_item(title="Offentlig")
    draft = make_item(title="Utkast", is_published=False)
    Milestone.objects.create(item=public, date=datetime.date(2026, 4, 1), title="Test for brukere")
    Milestone.objects.create(item=draft, date=datetime.date(2026, 5, 1), title="Hemmelig")
    calendar = Calendar.from_ical(client.get(reverse("roadmap:milestones-ical")).content)
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Offentlig: Test for brukere"]
    assert events[0].decoded("dtstart") == datetime.date(2026, 4, 1)


def test_the_atom_feed_lists_changes_to_public_items_only(client, make_item):
    item = make_item(title="Første navn")
    item.title = "Andre navn"
    item.save()
    make_item(title="Utkast", is_published=False)
    body = client.get(reverse("roadmap:changes-feed")).content.decode()
    assert "<feed" in body and "Andre navn" in body and "Første navn" in body
    assert "Utkast" not in body


def test_the_atom_feed_gives_the_change_reason_in_the_feeds_language(client, strategy, phases):
    roadmap_import(data=excel_csv(REAL_ROWS))
    body = client.get(reverse("roadmap:changes-feed")).content.decode()
    assert "Import av det offisielle uttrekket av veikartet" in body
    assert "Import of the official roadmap export" not in body


def test_the_exports_carry_phase_and_user_group_names_in_nynorsk_and_english(client, make_item, phases):
    phase = phases["Innføring"]
    phase.name_nn, phase.name_en = "Innføring", "Introduction"
    phase.save()
    translated = UserGroup.objects.create(name="Pårørende", slug="p", name_nn="Pårørande", name_en="Family and carers")
    bokmal_only = UserGroup.objects.create(name="Apotek", slug="a")
    make_item(title="Tiltak", user_groups=[translated, bokmal_only])
    rows = list(
        csv.reader(
            io.StringIO(body(client.get(reverse("roadmap:export", args=["csv"]))).decode("utf-8-sig")), delimiter=";"
        )
    )
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Veikartfase"] == "Innføring" and record["Fase (engelsk)"] == "Introduction"
    assert record["Brukergrupper"] == "Apotek, Pårørende"
    assert record["Brukergrupper (nynorsk)"] == "Apotek, Pårørande"  # the bokmål name where there is none
    assert record["Brukergrupper (engelsk)"] == "Apotek, Family and carers"
    item = json.loads(client.get(reverse("roadmap:export", args=["json"])).content)["items"][0]
    assert (item["phase"], item["phase_en"]) == ("Innføring", "Introduction")
    assert item["user_groups_en"] == [None, "Family and carers"]
