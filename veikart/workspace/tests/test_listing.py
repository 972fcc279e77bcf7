"""Workspace lists: a page chosen by key first holds the same rows, in the same order, as one read whole."""

import pytest
from django.test import RequestFactory

from veikart.accounts.models import Organisation
from veikart.workspace.listing import Column, listing

COLUMNS = [Column("name", "Name", ("name",)), Column("kind", "Kind")]


@pytest.fixture
def organisations(db):
    Organisation.objects.bulk_create(
        Organisation(name=f"Org {number % 7} {number:02d}", slug=f"org-{number}") for number in range(23)
    )
    return Organisation.objects.all()


@pytest.mark.parametrize("query", [{}, {"sort": "-name"}, {"page": "3"}, {"page": "99"}, {"sort": "kind", "page": "x"}])
def test_a_page_chosen_by_key_first_equals_the_page_read_whole(organisations, query):
    request = RequestFactory().get("/", query)
    whole = listing(request, organisations, columns=COLUMNS, default="name", per_page=10)
    by_key = listing(request, organisations, columns=COLUMNS, default="name", per_page=10, keys_first=True)
    assert [row.pk for row in by_key.rows] == [row.pk for row in whole.rows]
    assert all(isinstance(row, Organisation) for row in by_key.rows)
    assert by_key.page.number == whole.page.number
    assert by_key.page.paginator.count == whole.page.paginator.count == 23
