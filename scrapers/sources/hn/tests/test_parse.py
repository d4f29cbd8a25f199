"""The HN parser on our own wire-format fixture (tests/fixtures/hn_item.json)."""

from __future__ import annotations

import json
from pathlib import Path

from scrapers.sources.hn.parse import is_employment_part, parse_hn_comment, parse_hn_header

THREAD = json.loads((Path(__file__).parent / "fixtures" / "hn_item.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def test_hn_header_fields_in_the_conventional_order():
    head = parse_hn_header(
        "Acme (https://acme.io) | Senior ML Engineer | Berlin, Germany | REMOTE | €90k<p>More"
    )
    assert (head["company"], head["title"], head["location"], head["remote"]) == (
        "Acme",
        "Senior ML Engineer",
        "Berlin, Germany",
        "remote",
    )
    head = parse_hn_header("SmarterDx | Remote (US only) | Multiple roles")
    assert (head["title"], head["location"]) == ("Multiple roles", "Remote (US only)")
    assert parse_hn_header("Foo | Designer | NYC | ONSITE")["remote"] == "onsite"
    assert parse_hn_header("Foo | Designer | No remote | Paris")["remote"] is None


def test_hn_employment_parts_are_not_mistaken_for_titles():
    assert is_employment_part("Full-time")
    assert is_employment_part("Contract / Part-time (10–40 hrs/wk)")
    assert not is_employment_part("Freelance AI Trainer - German")


def test_hn_deleted_comments_are_skipped_and_replies_are_not_postings():
    items = [parse_hn_comment(c, "48900001", FETCHED) for c in THREAD["children"]]
    assert [i["source_id"] for i in items if i] == ["49000001", "49000002"]
    assert items[0]["url"] == "https://news.ycombinator.com/item?id=49000001"
    assert "Do you sponsor visas?" not in items[0]["description_text"]


def test_a_comment_without_a_header_is_kept_under_its_author():
    comment = {
        "id": 7,
        "author": "jdoe",
        "text": "We are hiring engineers, email me.",
        "created_at": "2026-09-01T15:05:00.000Z",
    }
    item = parse_hn_comment(comment, "1", FETCHED)
    assert item["company"] == "jdoe" and item["title"] == "We are hiring engineers, email me."
