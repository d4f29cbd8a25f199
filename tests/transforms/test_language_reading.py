"""A posting is read with its own language's rule tables plus English (languages.reading);
a rule called outside `reading` reads every table."""

from __future__ import annotations

from transforms import languages
from transforms.extract import Extractor
from transforms.location import classify_remote

FRENCH_HYBRID = "Poste basé à Lyon, télétravail partiel selon l'équipe."


def test_rule_languages_are_english_plus_the_postings_own() -> None:
    assert languages.rule_languages("fr") == ("en", "fr")
    assert languages.rule_languages("en") == ("en",)
    assert languages.rule_languages(None) == ("en",)
    assert languages.rule_languages("pl") == ("en",)  # detected, but no table of its own


def test_french_words_are_read_in_french_and_outside_reading_only() -> None:
    assert classify_remote(None, None, FRENCH_HYBRID)[0] == "hybrid"
    with languages.reading("fr"):
        assert classify_remote(None, None, FRENCH_HYBRID)[0] == "hybrid"
    with languages.reading("en"):
        assert classify_remote(None, None, FRENCH_HYBRID)[0] is None
    with languages.reading("de"):  # German's table has no French words
        assert classify_remote(None, None, FRENCH_HYBRID)[0] is None


def test_english_rules_stay_on_in_every_language() -> None:
    text = "Hybrid role, two days a week in the office."
    for code in (None, "en", "fr", "de", "ja"):
        with languages.reading(code):
            assert classify_remote(None, None, text)[0] == "hybrid"


def test_reading_is_restored_after_the_block_even_on_error() -> None:
    try:
        with languages.reading("en"):
            raise RuntimeError
    except RuntimeError:
        pass
    assert classify_remote(None, None, FRENCH_HYBRID)[0] == "hybrid"


def test_a_pattern_compiles_once_per_set_of_languages() -> None:
    pattern = languages.compiled_lower("workplace", "hybrid")
    with languages.reading("fr"):
        first = pattern.current()
        assert pattern.current() is first
    with languages.reading("en"):
        assert pattern.current() is not first
        assert pattern.search("télétravail partiel") is None


def test_the_extractor_reads_a_french_posting_with_the_french_table() -> None:
    out = Extractor().extract(
        {
            "id": "fr-1",
            "title": "Ingénieur logiciel",
            "text": "Nous recherchons un ingénieur pour notre équipe. "
            + FRENCH_HYBRID
            + " Vous travaillerez avec les équipes produit et données chaque jour.",
        }
    )
    assert out["language"] == "fr"
    assert out["remote"] == "hybrid"
