"""The demo boards: deterministic, large and varied enough for every report page."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections import Counter

from scrapers.demo.market import SNAPSHOT_DATES, generate, hn_thread_id, hn_thread_months
from scrapers.sources.greenhouse import demo as greenhouse_demo
from scrapers.sources.hn import demo as hn_demo
from scrapers.sources.remoteok import demo as remoteok_demo


def test_the_demo_is_identical_on_every_run():
    code = (
        "import hashlib, json; from scrapers.demo import market as m; "
        "from scrapers.sources.greenhouse import demo as g; from scrapers.sources.hn import demo as h; "
        "from scrapers.sources.remoteok import demo as r; "
        "print(hashlib.sha256(json.dumps([g.jobs(m.SNAPSHOT_DATES[2], 'luminalabs'), "
        "h.item(m.SNAPSHOT_DATES[3], str(m.hn_thread_id(m.hn_thread_months()[3]))), "
        "r.api(m.SNAPSHOT_DATES[1])]).encode()).hexdigest())"
    )
    # Another interpreter (another hash seed) renders the very same bytes.
    other = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    here = hashlib.sha256(
        json.dumps(
            [
                greenhouse_demo.jobs(SNAPSHOT_DATES[2], "luminalabs"),
                hn_demo.item(SNAPSHOT_DATES[3], str(hn_thread_id(hn_thread_months()[3]))),
                remoteok_demo.api(SNAPSHOT_DATES[1]),
            ]
        ).encode()
    ).hexdigest()
    assert other == here


def test_at_least_400_postings_on_at_least_six_sources_over_twelve_weeks():
    postings = generate()
    assert len(postings) >= 400
    assert len({p.source for p in postings}) >= 6
    posted = [p.posted for p in postings]
    assert (max(posted) - min(posted)).days >= 12 * 7
    assert 4 <= len(SNAPSHOT_DATES) <= 6


def test_snapshots_show_new_continuing_and_closed_postings():
    first, second = ({p.uid for p in generate() if p.open_on(day)} for day in SNAPSHOT_DATES[:2])
    assert first & second, "continuing"
    assert second - first, "new"
    assert first - second, "closed"


def test_titles_span_core_adjacent_and_other_roles():
    families = Counter(p.family for p in generate())
    assert min(families.values()) >= 60
    titles = {p.title for p in generate()}
    for expected in (
        "Prompt Engineer",
        "Conversation Designer",
        "LLM Evaluation Specialist",
        "AI Engineer",
        "Data Analyst",
        "Frontend Engineer",
        "Account Executive",
    ):
        assert expected in titles


def test_about_sixty_percent_of_us_postings_state_pay_in_varied_forms():
    us = [p for p in generate() if p.country == "US"]
    share = sum(1 for p in us if p.pay) / len(us)
    assert 0.5 <= share <= 0.7
    with_pay = [p for p in generate() if p.pay]
    assert {p.currency for p in with_pay} >= {"USD", "EUR", "GBP", "CAD"}
    assert {p.period for p in with_pay} >= {"year", "hour", "month"}
    sentences = " ".join(p.pay_in_text or "" for p in with_pay)
    for form in ("up to", "per hour", "month", "k–", " - "):
        assert form in sentences
    core_us = [
        p for p in with_pay if p.family == "core" and p.currency == "USD" and p.period == "year"
    ]
    inside = sum(1 for p in core_us if p.pay[0] >= 175_000 and p.pay[1] <= 300_000)
    assert 0.3 <= inside / len(core_us) < 0.9
    assert any(p.pay[1] > 300_000 for p in core_us) and any(p.pay[1] < 175_000 for p in core_us)


def test_places_modes_and_skills_vary():
    postings = generate()
    assert {p.country for p in postings} >= {"US", "UK", "DE", "FR", "CA", "IN"}
    assert {p.remote for p in postings} == {"remote", "hybrid", "onsite"}
    text = " ".join(p.description_text for p in postings)
    for skill in (
        "prompt engineering",
        "RAG",
        "LangChain",
        "Python",
        "SQL",
        "linguistics",
        "psychology",
        "UX research",
        "creative writing",
        "years of experience",
    ):
        assert skill in text


def test_some_jobs_appear_on_two_sources():
    twins = [p for p in generate() if p.twin_of is not None]
    assert len(twins) >= 20
    by_uid = {p.uid: p for p in generate()}
    for twin in twins:
        original = by_uid[twin.twin_of]
        assert twin.source != original.source
        assert (twin.company, twin.title) == (original.company, original.title)


def test_wire_formats_match_the_real_shapes():
    day = SNAPSHOT_DATES[0]
    board = greenhouse_demo.jobs(day, "luminalabs")
    assert set(board) == {"jobs", "meta"} and board["meta"]["total"] == len(board["jobs"])
    assert board["jobs"][0]["content"].startswith("&lt;")
    remoteok = remoteok_demo.api(day)
    assert "legal" in remoteok[0] and all("position" in r for r in remoteok[1:])
    search = hn_demo.search(day)
    titles = [h["title"] for h in search["hits"]]
    assert any(t.startswith("Ask HN: Who wants to be hired?") for t in titles)
    json.dumps([board, remoteok, search])  # plain JSON only
