"""An indicator's public history starts at publication and counts each data upload."""

import io

import pytest

from veikart.indicators.history import public_history, upload_counts
from veikart.indicators.services import observations_import
from veikart.indicators.tests.factories import add_target, make_goal, make_indicator

pytestmark = pytest.mark.django_db


def upload(text: str, name: str = "data.csv"):
    report = observations_import(stream=io.BytesIO(text.encode()), file_name=name)
    assert report.ok, report.problems
    return report


def headlines(indicator) -> list[str]:
    return [entry.headline for entry in public_history(indicator)]


def test_a_target_entered_before_publication_never_appears_in_the_public_history(client):
    indicator = make_indicator(code="KJ", published=False, name="Intern arbeidstittel", scale_max=10000)
    target = add_target(indicator, "2030", 4321, justification="Hemmelig begrunnelse")
    target.value = 90
    target.justification = "Vedtatt begrunnelse"
    target.save()
    indicator.name = "Kommuner som bruker kjernejournal"
    indicator.is_published = True
    indicator.save()

    assert headlines(indicator) == ["Published."]
    body = client.get(indicator.get_absolute_url()).content.decode()
    history = body.split('id="history-heading"')[1]
    assert "Hemmelig begrunnelse" not in history and "Intern arbeidstittel" not in history
    assert "4321" not in history and "4 321" not in history and "4\xa0321" not in history

    target.value = 95
    target.save()
    [change, published] = public_history(indicator)
    assert change.headline == "Target changed for 2030"
    assert [(diff.old, diff.new) for diff in change.changes] == [("90", "95")]
    assert published.headline == "Published."


def test_definition_changes_while_unpublished_are_hidden_and_publication_again_shows_no_values():
    indicator = make_indicator(code="KJ", definition="Første definisjon")
    indicator.definition = "Andre definisjon"
    indicator.save()
    indicator.is_published = False
    indicator.save()
    indicator.definition = "Skjult definisjon"
    indicator.save()
    indicator.is_published = True
    indicator.save()

    log = public_history(indicator)
    assert [entry.headline for entry in log] == ["Published again.", "", "Published."]
    [diff] = log[1].changes
    assert diff.label == "definition" and [s.text for s in diff.segments if s.kind == "insert"] == ["Andre"]
    assert "Skjult" not in repr(log)


def test_an_indicator_is_not_public_while_its_strategy_is_not():
    # A published indicator cannot be put under an unpublished version, but a version can be
    # unpublished under it: the log hides that period and starts again when the version returns.
    goal = make_goal()
    indicator = make_indicator(code="KJ", goal=goal)
    goal.strategy.is_published = False
    goal.strategy.save()
    indicator.name = "Endret mens strategien var skjult"
    indicator.save()
    assert "Endret mens strategien var skjult" not in str(public_history(indicator))
    goal.strategy.is_published = True
    goal.strategy.save()
    assert headlines(indicator)[-1] == "Published."


def test_each_upload_after_publication_is_data_updated_with_its_number_of_values():
    indicator = make_indicator(code="KJ", published=False)
    upload("indicator,period,value\nKJ,2021,10\nKJ,2022,20\n", "før.csv")
    indicator.is_published = True
    indicator.save()
    first = upload("indicator,period,value\nKJ,2022,21\nKJ,2023,30\nKJ,2024,40\n", "første.csv")
    second = upload("indicator,period,value\nKJ,2024,41\n", "andre.csv")

    assert headlines(indicator) == ["Data updated, 1 value.", "Data updated, 3 values.", "Published."]
    counts = upload_counts(indicator)
    assert (counts[first.import_id], counts[second.import_id]) == (3, 1)


def test_the_history_on_the_indicator_page_is_the_public_one(client):
    indicator = make_indicator(code="KJ", published=False)
    add_target(indicator, "2030", 17, justification="Hemmelig begrunnelse")
    indicator.is_published = True
    indicator.save()
    response = client.get(indicator.get_absolute_url())
    assert [entry.headline for entry in response.context["change_log"]] == ["Published."]
