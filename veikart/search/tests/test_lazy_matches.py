"""The results page reads a kind's matches lazily: counts first, then only the page's ids."""

from veikart.core.search import RankedIds
from veikart.search.pages import _Found, _Pairs


class Counted:
    """A ``RankedIds`` over ``ids`` that records how far it was ranked."""

    def __init__(self, ids):
        self.ids, self.limits = ids, []
        self.lazy = RankedIds(self.fetch)

    def fetch(self, limit):
        self.limits.append(limit)
        return (self.ids if limit is None else self.ids[:limit]), len(self.ids)


def test_a_page_of_many_matches_ranks_only_up_to_its_end():
    ranked = Counted(list(range(1000)))
    found = _Found([], ranked.lazy)
    assert len(found) == 1000
    assert found[0:20] == list(range(20))
    assert found[20:40] == list(range(20, 40))
    assert ranked.limits == [20, 40]  # the number came with the first page


def test_an_identifier_match_comes_first_and_is_counted_once():
    found = _Found([7], Counted([1, 7, 2, 3]).lazy)
    assert len(found) == 4
    assert found[0:2] == [7, 1]
    assert found[1:4] == [1, 2, 3]
    assert list(found) == [7, 1, 2, 3]


def test_the_kinds_follow_one_another_across_a_page_boundary():
    pairs = _Pairs([("goal", _Found([], [1, 2])), ("item", _Found([], Counted(list(range(10, 40))).lazy))])
    assert len(pairs) == 32
    assert pairs[0:3] == [("goal", 1), ("goal", 2), ("item", 10)]
    assert pairs[20:23] == [("item", 28), ("item", 29), ("item", 30)]


def test_no_matches_are_falsy_after_one_query():
    ranked = Counted([])
    assert not _Found([], ranked.lazy)
    assert ranked.lazy[0:20] == []
    assert ranked.limits == [20]
