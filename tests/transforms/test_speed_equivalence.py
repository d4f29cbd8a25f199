"""The faster forms of the matchers decide exactly as the plain patterns they replace:
the employer's self-description opening (sections.CompanyOpening), the English workplace
patterns without IGNORECASE on lower-cased text and searched from their first key word
(location.py), the number pattern that
opens with a digit (salary.py), every rule-table pattern behind its first-character guard
(languages.first_char_guard)."""

from __future__ import annotations

import contextlib
import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms import location, salary
from transforms.sections import CompanyOpening


def _plain_company_re(names: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?:(?:{alt})(?:['’]s mission| is (?:a|an|the)\b| are (?:a|an|the)\b|"
        rf" was founded| helps\b| builds\b| powers\b| est une?\b| ist (?:ein|eine|der|die)\b|"
        rf" es (?:una?|la|el)\b| é (?:uma?|a|o)\b| è (?:una?|la|il)\b| is een\b)|at (?:{alt}), (?:we|our)\b)",
        re.IGNORECASE,
    )


NAMES = st.lists(st.sampled_from(["Acme", "ACME Labs", "Stripe", "Ab", "Plaıd", "O'Neil"]), min_size=1, max_size=3)  # fmt: skip
OPENING_BITS = st.sampled_from(
    ["acme", "Acme", "ACME LABS", "stripe", "plaid", "PLAID", "o'neil", "At ", "at ", "AT ",
     " is a ", " is an", " IS THE ", "'s mission", "’S MISSION", ", we ", ", Our", " helps",
     " builds ", "x", " est une", " ist die", " é uma", " è il", " is een", "ſ", "ı", " "]
)  # fmt: skip


@settings(max_examples=400, deadline=None, database=None)
@given(NAMES, st.lists(OPENING_BITS, max_size=6).map("".join))
def test_company_opening_matches_as_the_one_pattern(names: list[str], line: str) -> None:
    expected = _plain_company_re(names).match(line) is not None
    assert CompanyOpening(names).match(line) is expected


def test_company_opening_reads_real_openings() -> None:
    opening = CompanyOpening(["Acme", "Acme Inc."])
    assert opening.match("Acme Inc. is a payments company.")
    assert opening.match("At Acme, we believe in small teams.")
    assert not opening.match("Acme Analytics is a team inside the company.")
    assert not opening.match("Join Acme as a data engineer.")


WORKPLACE_BITS = st.sampled_from(
    ["remote", "not remote", "no remote", "hybrid", "hybrid cloud", "on-site", "onsite",
     "in person", "2 days a week in the office", "fully remote", "remote-first", "work from home",
     "relocate to", "isn't remote", "ı", "ſ", "office", " ", "\n", "(", ")", ",", "/", "-", "x"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(WORKPLACE_BITS, max_size=10).map("".join))
def test_lower_case_workplace_patterns_agree_on_lower_cased_text(text: str) -> None:
    body = text.lower()
    any_case = location._IGNORECASE_ONLY_RE.search(body) is not None
    for fast, plain in zip(location._LOWER_PATTERNS, location._ANY_CASE_PATTERNS, strict=True):
        if any_case:
            continue  # the IGNORECASE patterns are used as they are
        got, want = fast.search(body), plain.search(body)
        assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0)))


KEYED = [
    (location._REMOTE_NEG_RE, location._NEG_KEYS),
    (location._REMOTE_RE, location._REMOTE_KEYS),
    (location._HYBRID_RE, location._HYBRID_KEYS),
    (location._ONSITE_RE, location._ONSITE_KEYS),
]
FILLER_BITS = st.sampled_from(
    ["we build payments. ", "our office culture ", "days ", "three days a week ", "in the ",
     "work from ", "non-", "not ", "fully ", "(", "#li-", "100% ", "-", " ", "\n", "x"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, database=None)
@given(
    st.lists(FILLER_BITS, max_size=12).map("".join),
    st.lists(WORKPLACE_BITS, max_size=10).map("".join),
)
def test_keyed_workplace_search_finds_the_first_match_of_the_whole_search(
    filler: str, text: str
) -> None:
    body = (filler + text).lower()
    any_case = location._IGNORECASE_ONLY_RE.search(body) is not None
    for (plain, keys), lower in zip(KEYED, location._LOWER_PATTERNS, strict=True):
        pattern = plain if any_case else lower
        want = pattern.search(body) if any(key in body for key in keys) else None
        got = location._keyed_search(pattern, body, keys, any_case)
        assert (got and (got.span(), got.group(0))) == (want and (want.span(), want.group(0)))


def test_keyed_workplace_search_reads_a_key_word_late_in_a_long_posting() -> None:
    body = "we are a payments company. " * 400 + "this role is hybrid: 3 days a week in the office."
    found = location._keyed_search(location._LOWER_PATTERNS[2], body, location._HYBRID_KEYS, False)
    assert found is not None and found.group(0) == "hybrid"
    assert found.start() == body.index("hybrid")
    lead = "work from " + "x" * 30 + " work from home"
    assert (
        location._keyed_search(
            location._LOWER_PATTERNS[1], lead, location._REMOTE_KEYS, False
        ).group(0)
        == "work from home"
    )


_PLAIN_NUMBER_RE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?(?![\d%])"
    r"|\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+)"
    r"(?:[.,]\d{1,2})?(?![\d%])|\d{1,9}(?:[.,]\d{1,2})?(?![\d%]))"
)
NUMBERISH = st.text(alphabet="0123456789.,% \u00a0kK$-", max_size=24)


@settings(max_examples=400, deadline=None, database=None)
@given(NUMBERISH)
def test_number_pattern_finds_the_numbers_of_the_plain_form(text: str) -> None:
    fast = [(m.span("num"), m.group("num")) for m in salary._NUMBER_RE.finditer(text)]
    # The plain form of the number part; the rest of _NUMBER_RE (multipliers, "+") follows it.
    tail = salary._NUMBER_RE.pattern.split(r"(?![\d%])))", 1)[1]
    plain = re.compile(_PLAIN_NUMBER_RE.pattern + tail)
    assert fast == [(m.span("num"), m.group("num")) for m in plain.finditer(text)]


def test_number_pattern_reads_real_figures() -> None:
    found = [m.group("num") for m in salary._NUMBER_RE.finditer("From 120,000 to 15,00,000 (v2.5)")]
    assert found == ["120,000", "15,00,000", "2.5"]


_PLAIN_TEXT_PLACE_CUES_RE = re.compile(
    r"(?i:relocat\w* to|based (?:in|out of)|located in|on-?site in|in-office in|office in|"
    r"offices in|hybrid in|in person in|work(?:ing)? from our|position in|role in|"
    r"basé à|basée à|mit sitz in|standort|con sede en|sede di|sediado em|gevestigd in)"
)
PLACE_BITS = st.sampled_from(
    ["Relocation to ", "relocate to ", "based in ", "Based out of ", "located in ", "onsite in ",
     "on-site in ", "in-office in ", "office in ", "offices in ", "Hybrid in ", "in person in ",
     "working from our ", "position in ", "role in ", "basé à ", "mit Sitz in ", "Standort ",
     "con sede en ", "sede di ", "sediado em ", "gevestigd in ", "the ", "our ", "Berlin",
     "London", " or ", ", ", "Jena, Germany", "x", " ", "İ", "ſ", "K"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(PLACE_BITS, max_size=10).map("".join))
def test_grouped_place_cues_find_what_the_plain_alternation_finds(text: str) -> None:
    tail = location._TEXT_PLACE_RE.pattern[location._TEXT_PLACE_RE.pattern.index(r")\s+") + 1 :]
    plain = re.compile(_PLAIN_TEXT_PLACE_CUES_RE.pattern + tail)
    expected = [(m.span(), m.group("place")) for m in plain.finditer(text)]
    assert [
        (m.span(), m.group("place")) for m in location._TEXT_PLACE_RE.finditer(text)
    ] == expected


HEADINGS = [
    "About the role", "About us", "Benefits", "What we offer", "Compensation & Benefits",
    "Pay transparency", "Requirements:", "Nice to have", "1. Responsibilities", "2) Perks",
    "How to apply", "Equal opportunity", "Beware of scams", "Über uns", "Ihre Aufgaben",
    "Avantages", "Profil recherché", "Lo que ofrecemos", "Wat wij bieden", "Unknown heading",
    "Salary", "Who you are", "Qualifications", "THE TEAM", "## Preferred qualifications",
]  # fmt: skip


@pytest.mark.parametrize("code", [None, "en", "fr", "de", "es", "nl", "it", "pt"])
def test_one_heading_pattern_names_the_kind_the_kinds_in_turn_name(code: str | None) -> None:
    from transforms import languages
    from transforms.sections import HEADING_ORDER, heading_kind

    langs = None if code is None else languages.rule_languages(code)
    in_turn = {
        kind: re.compile(
            r"^(?:\d+[.)]\s*)?" + languages.alternation("headings", kind, langs), re.IGNORECASE
        )
        for kind in HEADING_ORDER
    }
    with languages.reading(code) if code else contextlib.nullcontext():
        for line in HEADINGS:
            bare = line.strip("#*_-:•|=[]() ").strip()
            expected = next((k for k in HEADING_ORDER if in_turn[k].match(bare)), None)
            found = heading_kind(line)
            assert found == expected or (expected is None and found in ("", None)), line


# ------------------------------------------------------------ first-character guards


@pytest.mark.parametrize(
    ("source", "flags", "guarded"),
    [
        (r"\b(?:remote|hybrid)", 0, r"(?=[rh])\b(?:remote|hybrid)"),
        # an optional numbering before a heading: a digit or the heading's first letter
        (r"(?:\d+[.)]\s*)?(?:benefits|perks)", 0, r"(?=[\dbp])(?:\d+[.)]\s*)?(?:benefits|perks)"),
        # lookarounds consume nothing: the guard looks past them
        (r"(?<!\w)(?:ki|ai)(?!\w)", re.IGNORECASE, r"(?=[ka])(?<!\w)(?:ki|ai)(?!\w)"),
        (r"[a-c]x|y", 0, r"(?=[a-cy])[a-c]x|y"),
    ],
)
def test_a_pattern_is_guarded_by_the_characters_its_matches_start_with(
    source: str, flags: int, guarded: str
) -> None:
    from transforms.languages import first_char_guard

    assert first_char_guard(source, flags) == guarded


@pytest.mark.parametrize(
    "source",
    [
        r"(?i)remote",  # global flags must stay first
        r"(?i:r)emote",  # a group with flags of its own: the guard would read other flags
        r"[^a]b",  # a negated set
        r"\w+ engineer",  # a wide class lets every position through
        r".x",
        r"a?",  # can match consuming nothing
        r"(?:remote)?\b",
        r"(?P<x>a)?(?P=x)",  # a back reference may come first
    ],
)
def test_a_pattern_whose_first_characters_are_not_known_is_left_as_it_is(source: str) -> None:
    from transforms.languages import first_char_guard

    assert first_char_guard(source) == source


def _table_patterns() -> list:
    import gc

    import transforms.extract  # noqa: F401  (imports every rule module)
    from transforms.languages import LanguagePattern

    return [o for o in gc.get_objects() if isinstance(o, LanguagePattern)]


GUARD_BITS = st.sampled_from(
    ["Remote", "remote", "REMOTE ", "not able to consider remote", "Hybrid", "hybride ",
     "télétravail", "Homeoffice", "thuiswerken is niet mogelijk", "da remoto", "on-site",
     "LLM", "llms", "large language models", "Prompt Engineer", "KI-Ingenieur", "IA générative",
     "(preferred)", "nice to have", "1. Benefits", "Über uns", "Beware of scams", "we are ",
     "3+ years", "mindestens 3 Jahre", "2 à 3 ans d'expérience", "$150k", "55 000 €",
     "R$ 18.000", "About Acme", "build", "AI/ML ", "ſ", "ı", "İ", "K", "x", " ", "\n", "-",
     ", ", ". ", ":", "/", "9"]
)  # fmt: skip


@functools.cache
def _plain_and_guarded() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(plain, guarded) compiled pairs of every table pattern, in every language."""
    from transforms.languages import SUPPORTED_LANGUAGES, first_char_guard, rule_languages

    pairs = []
    for code in SUPPORTED_LANGUAGES:
        langs = rule_languages(code)
        for lp in _table_patterns():
            source = lp.source(langs)
            pairs.append(
                (
                    re.compile(source, lp.flags),
                    re.compile(first_char_guard(source, lp.flags), lp.flags),
                )
            )
    return pairs


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(GUARD_BITS, max_size=12).map("".join))
def test_every_table_pattern_behind_its_guard_finds_what_the_plain_pattern_finds(
    text: str,
) -> None:
    pairs = _plain_and_guarded()
    assert len(pairs) > 7 * 30
    for plain, guarded in pairs:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in guarded.finditer(text)] == expected


def test_the_extractor_reads_with_the_guarded_patterns() -> None:
    from transforms.languages import reading

    guarded = 0
    for lp in _table_patterns():
        with reading("de"):
            compiled = lp.current()
        guarded += compiled.pattern.startswith("(?=[")
    assert guarded > 30
