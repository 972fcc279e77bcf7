"""The spelling vocabulary: only words of published content, kept current as content changes."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from veikart.roadmap.models import RoadmapItem
from veikart.search.models import SearchWord
from veikart.search.pages import site_search
from veikart.search.vocabulary import candidates, edit_distance, suggestions_for, vocabulary_recount


def words() -> set[str]:
    return set(SearchWord.objects.values_list("word", flat=True))


def test_the_vocabulary_holds_the_words_of_published_content_of_every_kind(site):
    assert {"helsenorge", "kjernejournal", "arbeidshverdag", "innsyn", "besøk"} <= words()


def test_words_found_only_in_unpublished_items_and_indicators_are_not_in_the_vocabulary(site):
    assert "hemmeligprosjekt" not in words()
    assert "hemmeligmåling" not in words()
    assert "skjult" not in words()


def test_a_misspelling_of_a_draft_only_word_suggests_nothing_to_anyone(site, strategy_office):
    assert suggestions_for("hemmeligprosjek").queries == []
    results = site_search(query="hemeligmåling", kind=None, user=AnonymousUser())
    assert results.suggestions == [] and results.total == 0


def test_publishing_an_item_adds_its_words_and_unpublishing_removes_them(site):
    draft = site["items"]["draft"]
    draft.is_published = True
    draft.save()
    assert "hemmeligprosjekt" in words()
    draft.is_published = False
    draft.save()
    assert "hemmeligprosjekt" not in words()


def test_a_renamed_item_loses_its_old_words_but_shared_words_stay(site):
    item = site["items"]["kjernejournal"]
    item.title = "Pasientens legemiddelliste"
    item.save()
    assert "kjernejournal" not in words()
    assert "legemiddelliste" in words()
    assert "journal" in words()  # still in its description and in a goal


def test_a_deleted_item_takes_its_words_with_it(site):
    site["items"]["kjernejournal"].delete()
    assert "kjernejournal" not in words()


def test_withdrawing_the_strategy_version_empties_the_vocabulary_of_its_content(site):
    strategy = site["strategy"]
    strategy.is_published = False
    strategy.save()
    assert not {"helsenorge", "kjernejournal", "arbeidshverdag"} & words()
    strategy.is_published = True
    strategy.save()
    assert {"helsenorge", "kjernejournal", "arbeidshverdag"} <= words()


def test_an_unpublished_indicator_published_later_adds_its_words(site):
    indicator = site["indicators"]["draft"]
    indicator.is_published = True
    indicator.save()
    assert "hemmeligmåling" in words()


def test_counting_afresh_changes_nothing_that_was_kept_in_step(site):
    before = set(SearchWord.objects.values_list("kind", "word", "documents"))
    vocabulary_recount(None)
    assert set(SearchWord.objects.values_list("kind", "word", "documents")) == before


def test_the_counts_are_documents_not_occurrences(site):
    RoadmapItem.objects.create(title="Kjernejournal kjernejournal", sub_goal=site["sub_goals"][1], is_published=True)
    assert SearchWord.objects.get(kind="roadmap_item", word="kjernejournal").documents == 2


def test_the_closest_word_is_the_best_candidate(site):
    assert candidates("helsnorge")[0].word == "helsenorge"
    assert candidates("kjernjournal")[0].word == "kjernejournal"
    assert candidates("ab") == [] and candidates("12345") == []


def test_edit_distance_counts_a_swap_of_neighbours_as_one():
    assert edit_distance("journal", "jounral") == 1
    assert edit_distance("helsnorge", "helsenorge") == 1
    assert edit_distance("", "abc") == 3
