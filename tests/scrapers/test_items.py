from __future__ import annotations

from typing import Any

import pytest

from scrapers.items import (
    LANDING_FIELDS,
    PostingItem,
    build_posting,
    make_range,
    normalize_period,
)
from scrapers.middlewares import parse_retry_after
from scrapers.records import PayRange, landing_problem, pay_range_problem


@pytest.mark.parametrize(
    ("raw", "period"),
    [
        ("1 YEAR", "year"),
        ("per-year-salary", "year"),
        ("per-hour-wage", "hour"),
        ("HOURLY", "hour"),
        ("ANNUAL", "year"),
        ("MONTH", "month"),
        ("per-month-salary", "month"),
        ("WEEK", "week"),
        ("DAY", "day"),
        ("one-time", None),
        (None, None),
    ],
)
def test_source_intervals_map_to_the_contract_periods(raw, period):
    assert normalize_period(raw) == period


def test_a_range_keeps_whole_numbers_and_upper_cases_the_currency():
    assert make_range("170000", 230000.0, "usd", "1 YEAR", "$170K - $230K") == {
        "min": 170000,
        "max": 230000,
        "currency": "USD",
        "period": "year",
        "raw": "$170K - $230K",
    }
    assert make_range(None, None, "USD", "YEAR", None) is None


def test_a_posting_has_every_landing_field_and_the_first_zone_as_its_pay():
    zones = [
        make_range(1, 2, "USD", "YEAR", "A", "Zone A"),
        make_range(0.5, 1, "USD", "YEAR", "B", "Zone B"),
    ]
    item = build_posting(
        source="greenhouse",
        board="acme",
        source_id=5,
        url="https://x/5",
        company=" Acme ",
        title="Prompt  Engineer",
        fetched_at="2026-09-07T06:00:00Z",
        description_html="<p>Hi</p>",
        compensation_ranges=zones,
    )
    assert set(item.keys()) == set(LANDING_FIELDS)
    assert (
        item["source_id"] == "5"
        and item["company"] == "Acme"
        and item["title"] == "Prompt Engineer"
    )
    assert item["description_text"] == "Hi"
    assert item["compensation"] == {
        "min": 1,
        "max": 2,
        "currency": "USD",
        "period": "year",
        "raw": "A",
    }
    assert len(item["compensation_ranges"]) == 2
    assert landing_problem(dict(item)) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"min": 10, "max": 5, "currency": "USD", "period": "year"},
        {"min": 10, "max": 20, "currency": "DOLLARS", "period": "year"},
        {"min": None, "max": None, "currency": "USD", "period": "year"},
        {"min": -1, "max": 20, "currency": "USD", "period": "year"},
        {"min": 1, "max": 2, "currency": "USD", "period": "fortnight"},
    ],
)
def test_bad_pay_ranges_are_refused(bad):
    assert pay_range_problem(PayRange.model_validate(bad)) is not None


def test_a_posting_without_a_title_or_with_local_time_is_refused():
    good = dict(
        build_posting(
            source="hn",
            board="1",
            source_id="2",
            url="https://x",
            company="A",
            title="B",
            fetched_at="2026-09-07T06:00:00Z",
        )
    )
    assert landing_problem(good) is None
    assert landing_problem({**good, "title": " "}) is not None
    assert landing_problem({**good, "fetched_at": "2026-09-07T06:00:00+02:00"}) is not None
    assert landing_problem({**good, "url": "javascript:alert(1)"}) is not None


def test_retry_after_reads_seconds_and_http_dates():
    from datetime import UTC, datetime

    now = datetime(2026, 9, 7, 6, 0, 0, tzinfo=UTC)
    assert parse_retry_after(b"7") == 7.0
    assert parse_retry_after("Mon, 07 Sep 2026 06:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Mon, 07 Sep 2026 05:00:00 GMT", now=now) == 0.0
    assert parse_retry_after(b"soon") is None and parse_retry_after(None) is None


def remoteok_posting(**fields: Any) -> PostingItem:
    """build_posting of a RemoteOK posting, with `fields` given."""
    return build_posting(
        **{
            "source": "remoteok",
            "board": "all",
            "source_id": "1",
            "url": "https://remoteok.com/remote-jobs/1",
            "company": "Acme",
            "title": "AI Engineer",
            "fetched_at": "2026-10-01T06:00:00Z",
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("sent", "landed"),
    [
        ("Z\u00c3\u00b3calo Health", "Zócalo Health"),  # UTF-8 read as Latin-1, sent again
        ("M\u00c3\u00bcnchen \u00e2\u20ac\u201c hybrid", "München – hybrid"),  # via Windows-1252
        ("SÃO PAULO", "SÃO PAULO"),  # a real Ã stays
        ("Crème brûlée, naïve “quotes” — fine", "Crème brûlée, naïve “quotes” — fine"),
        ("Ã³ but also ☃", "Ã³ but also ☃"),  # not double-encoded as a whole: left as sent
    ],
)
def test_double_encoded_text_lands_as_its_sender_meant_it(sent: str, landed: str) -> None:
    item = remoteok_posting(company=sent, title=sent, description_text=f"About us: {sent}.")
    assert item["company"] == landed and item["title"] == landed
    assert item["description_text"] == f"About us: {landed}."


def test_double_encoded_html_is_repaired_before_it_becomes_text() -> None:
    # RemoteOK sends its HTML double-encoded, no-break spaces and bullets included: the
    # text is read from the repaired HTML (as text, the no-break space would be a space
    # already, and the rest could no longer be repaired).
    sent = (
        "<p>We\u00e2\u0080\u0099re hiring.\u00c2\u00a0</p><p>\u00e2\u0080\u00a2 Build LLM tools</p>"
    )
    item = remoteok_posting(description_html=sent)
    assert (
        item["description_html"] == "<p>We\u2019re hiring.\u00a0</p><p>\u2022 Build LLM tools</p>"
    )
    assert "We\u2019re hiring." in item["description_text"]
    assert "\u2022 Build LLM tools" in item["description_text"]
    assert "\u00e2" not in item["description_text"] and "\u00c2" not in item["description_text"]
