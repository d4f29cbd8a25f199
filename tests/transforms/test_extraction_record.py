"""The extraction record (transforms.records) is the one declaration of §2 output: the
extractor's records fit it exactly, the docs table lists it, and pay that cannot be pay
is dropped with a reason instead of breaking extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.extract import Extractor
from transforms.records import EXTRACTION_FIELDS, ExtractionRecord

DOCS = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"

POSTINGS = [
    {
        "id": "gh-1",
        "title": "Senior Prompt Engineer",
        "company": "Acme AI",
        "location": "San Francisco, CA",
        "text": "Design prompts and evaluations with Python. 5+ years. $180,000 - $220,000 a year.",
    },
    {
        "id": 7,
        "title": "AI Trainer",
        "text": "Rate model answers.",
        "compensation_ranges": [
            {"min": 40, "max": 60, "currency": "USD", "period": "hour", "label": "US"},
            {"min": 30, "max": 45, "currency": "EUR", "period": "hour", "label": "EU"},
        ],
    },
    {"id": "empty", "title": "", "text": ""},
]


def docs_fields() -> list[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## 2. Extraction") : text.index("## 3. Warehouse API")]
    table = section.split("| field | type | meaning |", 1)[1].splitlines()[2:]
    return [line.split("|")[1].strip().strip("`") for line in table if line.startswith("|")]


def test_the_docs_table_lists_the_model_fields_in_order() -> None:
    assert docs_fields() == list(EXTRACTION_FIELDS)


def test_every_record_the_extractor_makes_fits_the_model(extractor: Extractor) -> None:
    for record in extractor.extract_many(POSTINGS):
        ExtractionRecord.model_validate(record)  # extra="forbid": no undeclared field
        assert set(record) == set(EXTRACTION_FIELDS) - {"pay_dropped"}


@pytest.mark.parametrize(
    ("pay", "reason"),
    [
        ({"min": 1e300, "max": None, "currency": "USD", "period": "year"}, "outside 0-50,000,000"),
        ({"min": 1e6, "max": 2e6, "currency": "USD", "period": "hour"}, "2,080,000,000 USD a year"),
        ({"min": 1e308, "max": None, "currency": "USD", "period": "hour"}, "not a usable number"),
        ({"min": float("inf"), "max": None, "currency": "USD", "period": "day"}, "not a usable"),
    ],
)
def test_implausible_structured_pay_is_dropped_with_its_reason(
    extractor: Extractor, pay: dict, reason: str
) -> None:
    record = extractor.extract(
        {"id": "p", "title": "Prompt Engineer", "text": "Prompts.", "compensation": pay}
    )
    assert record["salary"] is None and record["salaries"] == []
    [dropped] = record["pay_dropped"]
    assert reason in dropped["reason"]
    ExtractionRecord.model_validate(record)


def test_a_plausible_range_next_to_an_absurd_one_is_kept(extractor: Extractor) -> None:
    ranges = [
        {"min": 1e300, "max": None, "currency": "USD", "period": "year", "label": "bad"},
        {"min": 150000, "max": 190000, "currency": "USD", "period": "year", "label": "US"},
    ]
    record = extractor.extract(
        {"id": "p", "title": "Prompt Engineer", "compensation_ranges": ranges}
    )
    assert record["salary"]["min"] == 150000 and len(record["salaries"]) == 1
    assert len(record["pay_dropped"]) == 1
