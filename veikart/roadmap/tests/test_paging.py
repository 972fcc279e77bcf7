"""Pages of a list: the ids of a page and the count, from one query when the matches are few."""

import pytest

from veikart.roadmap import paging
from veikart.roadmap.models import RoadmapItem
from veikart.roadmap.paging import page_of_ids


@pytest.fixture
def twelve(make_item) -> list[int]:
    """Twelve items; their ids in title order."""
    for number in range(12):
        make_item(title=f"Tiltak {number:02d}")
    return list(RoadmapItem.objects.order_by("title").values_list("pk", flat=True))


def ids_by_title():
    return RoadmapItem.objects.order_by("title").values_list("pk", flat=True)


def test_a_list_shorter_than_the_head_is_paged_from_one_query(twelve, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = page_of_ids(ids_by_title(), "2", 5)
    assert page.object_list == twelve[5:10]
    assert (page.paginator.count, page.paginator.num_pages, page.number) == (12, 3, 2)


@pytest.mark.parametrize(("asked", "number"), [(None, 1), ("", 1), ("abc", 1), ("-1", 3), ("99", 3), ("last", 1)])
def test_a_page_number_out_of_range_or_not_a_number_is_clamped_like_get_page(twelve, asked, number):
    assert page_of_ids(ids_by_title(), asked, 5).number == number


def test_an_empty_list_has_one_empty_page(db):
    page = page_of_ids(ids_by_title(), "3", 5)
    assert (page.number, page.object_list, page.paginator.count) == (1, [], 0)


def test_a_long_list_counts_separately_and_slices_pages_inside_the_head(twelve, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(paging, "HEAD", 7)
    with django_assert_num_queries(2):  # the head, the count
        page = page_of_ids(ids_by_title(), "1", 5)
    assert page.object_list == twelve[:5]
    assert page.paginator.count == 12


def test_a_page_past_the_head_is_read_on_its_own(twelve, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(paging, "HEAD", 7)
    with django_assert_num_queries(3):  # the head, the count, the page
        page = page_of_ids(ids_by_title(), "2", 5)
    assert page.object_list == twelve[5:10]
    assert page_of_ids(ids_by_title(), "3", 5).object_list == twelve[10:]
