"""The real example rows, imported from the official export, appear under their goal, owner and user group."""

import pytest
from django.urls import reverse

from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.services import roadmap_import
from veikart.roadmap.tests.test_importer import REAL_ROWS, excel_csv


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_imported_rows_show_under_goal_owner_and_user_group(client, strategy, phases, nhn, citizens, encoding):
    plan = roadmap_import(data=excel_csv(REAL_ROWS, encoding=encoding), file_name="veikart.csv")
    assert not plan.problems and len(plan.created) == 5
    helsenorge = RoadmapItem.objects.get(delivery_id="56876000019903546")
    helsenorge.owners.add(nhn)
    helsenorge.user_groups.add(citizens)

    goal_page = client.get(
        reverse("strategy:goal-detail", kwargs={"slug": strategy.slug, "number": 1})
    ).content.decode()
    assert "Helseverktøy (Helsenorge)" in goal_page and "Digi-ung: UngMestring" in goal_page
    assert "Offentlig KI-tjeneste for målrettede helseråd" not in goal_page  # sub-goal 3B belongs to goal 3

    by_sub_goal = client.get(reverse("roadmap:item-list"), {"sub_goal": "1C"}).content.decode()
    assert "Rask psykisk helsehjelp" in by_sub_goal and "Digital selvhjelp" in by_sub_goal

    by_owner = client.get(reverse("roadmap:item-list"), {"owner": "nhn"}).content.decode()
    assert "Helseverktøy (Helsenorge)" in by_owner and "Rask psykisk helsehjelp" not in by_owner

    coming = client.get(citizens.get_absolute_url()).context["years"]
    assert [(year, [item.title for item in items]) for year, items in coming] == [(2025, ["Helseverktøy (Helsenorge)"])]
