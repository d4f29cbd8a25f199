from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrapers.registry import (
    ATS_SOURCES,
    SOURCES,
    BoardTokenError,
    Employer,
    load_registry,
    registry_toml,
    validate_token,
)


def test_the_packaged_registry_lists_at_least_40_employers_on_known_ats():
    registry = load_registry()
    assert len(registry.employers) >= 40
    # The five older families are all listed; the newer ones are reached mostly by discovery.
    families = {e.ats for e in registry.employers}
    assert families <= set(ATS_SOURCES)
    assert families >= {"greenhouse", "lever", "ashby", "workable", "smartrecruiters", "workday"}
    pairs = [(e.ats, e.board) for e in registry.employers]
    assert len(pairs) == len(set(pairs)), "a board is listed twice"
    assert registry.section("hn")["thread_prefix"] == "Ask HN: Who is hiring?"
    assert (
        registry.section("remotive")["attribution"] and registry.section("remoteok")["attribution"]
    )
    assert set(registry.api) >= set(SOURCES) - {"jsonld"}


def test_a_registry_written_as_toml_reads_back_the_same(tmp_path: Path):
    packaged = load_registry()
    odd = Employer('Quote "Co" \\ Ünïcode', "lever", "odd-co.2", region="eu")
    registry = type(packaged)(packaged.employers + (odd,), packaged.api, packaged.sections)
    path = tmp_path / "boards.toml"
    path.write_text(registry_toml(registry, "first line\nsecond line"), encoding="utf-8")
    assert load_registry(path) == registry
    assert path.read_text(encoding="utf-8").startswith("# first line\n# second line\n")


def test_boards_for_a_source_come_from_the_registry():
    registry = load_registry()
    assert "anthropic" in registry.boards_for("greenhouse")
    assert registry.boards_for("remotive") == ["all"]
    assert registry.company_for("lever", "plaid") == "Plaid"
    assert "mistral" in registry.eu_boards()


@pytest.mark.parametrize("token", ["../../x", "a/b", "", "..", "a?b=1", "x y", "-lead", "é"])
def test_tokens_that_could_escape_a_path_or_url_are_refused(token):
    with pytest.raises(BoardTokenError, match="invalid board token"):
        validate_token(token)


@pytest.mark.parametrize("token", ["anthropic", "Etched", "fjord-systems", "Ubisoft2", "a.b_c"])
def test_plain_tokens_pass(token):
    assert validate_token(token) == token


def test_a_registry_with_a_bad_token_names_it(tmp_path: Path):
    path = tmp_path / "boards.toml"
    path.write_text('[[employers]]\nname = "X"\nats = "greenhouse"\nboard = "../etc"\n')
    with pytest.raises(BoardTokenError, match=r"\.\./etc"):
        load_registry(path)


def test_a_missing_registry_says_which_setting_to_fix(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="PROMPTJOBS_BOARDS_FILE"):
        load_registry(tmp_path / "nope.toml")


@settings(database=None)  # write nothing into the work tree
@given(st.text(min_size=1, max_size=40))
def test_no_accepted_token_can_leave_its_url_path_segment(token: str):
    try:
        validate_token(token)
    except BoardTokenError:
        return
    assert "/" not in token and "\\" not in token and ".." not in token
    assert "?" not in token and "#" not in token and "%" not in token
    assert not token.startswith(".")
