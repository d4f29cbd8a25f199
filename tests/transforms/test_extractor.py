"""The extractor's output record: every contract field, structured hints, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pyarrow as pa

from transforms.extract import EXTRACTOR_VERSION, Extractor
from transforms.parallel import extract_parallel, extract_tables

POSTING = {
    "id": "acme-0001",
    "title": "Senior Prompt Engineer",
    "company": "Acme AI",
    "location": "San Francisco, CA (Hybrid)",
    "text": (
        "<h2>What you'll do</h2><ul><li>Design and test prompts for GPT-4 and Claude.</li>"
        "<li>Evaluate LLM outputs with evals.</li></ul><p>5+ years of experience with Python."
        "</p><p>Salary: $175k&ndash;$300k + equity.</p>"
    ),
    "posted_at": "2026-11-01",
}


def test_output_has_every_contract_field_and_the_extras(extractor: Extractor) -> None:
    out = extractor.extract(POSTING)
    assert out["id"] == "acme-0001"
    assert out["role"] == "core"
    assert out["seniority"] == "senior"
    assert out["remote"] == "hybrid"
    assert out["salary"] == {
        "min": 175000,
        "max": 300000,
        "currency": "USD",
        "period": "year",
        "min_annual_usd": 175000,
        "max_annual_usd": 300000,
        "text": "$175k–$300k",
    }
    assert {"prompt_engineering", "openai", "anthropic_claude", "llm_evaluation", "python"} <= set(
        out["skills"]
    )
    assert out["salary_source"] == "text"
    assert out["salaries"][0]["is_primary"] is True
    assert out["location"]["us_state"] == "CA"
    assert out["years_experience"] == {"min": 5, "max": None}
    assert "ai_ml" in out["skill_families"]
    assert out["extractor_version"] == EXTRACTOR_VERSION
    assert out["role_evidence"]
    json.dumps(out)  # plain JSON types only


def test_structured_pay_wins_over_the_text(extractor: Extractor) -> None:
    record = {
        **POSTING,
        "compensation": {"min": 200000, "max": 250000, "currency": "USD", "period": "year", "raw": "$200K - $250K"},
        "compensation_ranges": [
            {"min": 200000, "max": 250000, "currency": "USD", "period": "year", "label": "US", "raw": "x"},
            {"min": 150000, "max": 190000, "currency": "GBP", "period": "year", "label": "UK", "raw": "y"},
        ],
    }  # fmt: skip
    out = extractor.extract(record)
    assert out["salary_source"] == "structured"
    assert (out["salary"]["min"], out["salary"]["max"]) == (200000, 250000)
    assert [s["label"] for s in out["salaries"]] == [None, "UK"]
    assert out["salaries"][1]["min_annual_usd"] > 150000  # GBP converted at the table rate


def test_structured_remote_hint_decides_when_the_words_say_nothing(extractor: Extractor) -> None:
    record = {
        "id": "r",
        "title": "Engineer",
        "location": "",
        "text": "Build things.",
        "remote_hint": "remote",
    }
    assert extractor.extract(record)["remote"] == "remote"


def test_no_pay_gives_null_salary(extractor: Extractor) -> None:
    out = extractor.extract({"id": "n", "title": "Engineer", "text": "We raised $40M. 401(k)."})
    assert out["salary"] is None and out["salary_source"] is None and out["salaries"] == []


def test_missing_and_odd_fields_do_not_crash(extractor: Extractor) -> None:
    odd = [
        {"id": 7},
        {"id": "x", "title": None, "text": None, "location": None},
        {"id": "y", "text": 12345},
        {"id": "z", "text": "<<<>>> <div <p> &amp;&bogus; </li>"},
    ]
    outs = list(extractor.extract_many(odd))
    assert [o["id"] for o in outs] == [7, "x", "y", "z"]
    assert all(o["role"] == "other" and o["salary"] is None for o in outs)


def test_extract_many_keeps_input_order_across_batches(extractor: Extractor) -> None:
    records = [{"id": f"p{i}", "title": "Engineer", "text": f"Python {i}"} for i in range(10)]
    outs = list(extractor.extract_many(records, batch_size=3))
    assert [o["id"] for o in outs] == [f"p{i}" for i in range(10)]


def test_parallel_output_equals_in_process_output(extractor: Extractor) -> None:
    records = [
        {**POSTING, "id": f"p{i}", "text": POSTING["text"] + (" Rust." if i % 2 else " Go, Java.")}
        for i in range(40)
    ]
    serial = list(extractor.extract_many(records))
    parallel = list(extract_parallel(records, workers=2, batch_size=4))
    assert parallel == serial


def test_arrow_tables_in_give_the_records_of_dicts_in_encoded_by_the_workers(
    extractor: Extractor,
) -> None:
    records = [
        {**POSTING, "id": f"p{i}", "text": POSTING["text"] + (" Rust." if i % 2 else " Go.")}
        for i in range(23)
    ]
    serial = list(extractor.extract_many(records))
    pages = [pa.Table.from_pylist(records[:15]), pa.Table.from_pylist(records[15:])]
    for workers in (1, 2):
        # json.dumps stands in for the warehouse's Arrow encoder: any module-level function.
        encoded = list(extract_tables(pages, json.dumps, workers=workers, batch_size=4))
        assert [r for chunk in encoded for r in json.loads(chunk)] == serial


def test_parallel_with_one_worker_runs_in_process() -> None:
    outs = list(extract_parallel(iter([{"id": "a", "title": "", "text": "SQL"}]), workers=1))
    assert outs[0]["skills"] == ["sql"]


def test_extracting_records_never_loads_pyarrow() -> None:
    # What `promptjobs extract`'s parent and each of its workers import: the records path
    # and the extractor. pyarrow (~40 MB of RSS in each of those processes) is for the
    # warehouse's Arrow tables only.
    code = (
        "import sys; from transforms.parallel import extract_parallel; "
        "out = list(extract_parallel([{'id': 'a', 'title': 'Prompt Engineer', "
        "'text': 'Write prompts in Python.'}], workers=1)); "
        "print(out[0]['skills'], 'pyarrow' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "['prompt_engineering', 'python'] False"


def test_structured_pay_and_hint_may_arrive_as_json_strings_or_odd_spellings(
    extractor: Extractor,
) -> None:
    record = {
        "id": "j",
        "title": "Engineer",
        "text": "Build things.",
        "compensation": '{"min": 100000, "max": 120000, "currency": "EUR", "period": "year"}',
        "compensation_ranges": "not json",
        "remote_hint": "On_Site",
    }
    out = extractor.extract(record)
    assert out["salary_source"] == "structured"
    assert (out["salary"]["min"], out["salary"]["currency"]) == (100000, "EUR")
    assert out["remote"] == "onsite"


def test_vocabulary_guard_rebuilds_the_pipeline_without_changing_output() -> None:
    records = [
        {"id": f"v{i}", "title": "LLM Engineer", "text": f"Python, RAG, token{i}x{i * 7}. $150k"}
        for i in range(30)
    ]
    plain = list(Extractor().extract_many(records, batch_size=4))
    guarded = Extractor()
    guarded.max_lexemes = 10  # rebuild after every batch
    first_nlp = guarded.nlp
    assert list(guarded.extract_many(records, batch_size=4)) == plain
    assert guarded.nlp is not first_nlp


def test_location_falls_back_to_an_hn_style_header_line(extractor: Extractor) -> None:
    record = {
        "id": "hn",
        "title": "Acme",
        "location": None,
        "text": "Acme | Senior Engineer | Austin, TX (Onsite) | Full-time\nWe build things.",
    }
    location = extractor.extract(record)["location"]
    assert (location["country"], location["us_state"], location["raw"]) == ("US", "TX", None)


def test_parallel_workers_convert_with_the_fx_table_given() -> None:
    # A table given to extract_parallel is the one every worker converts with.
    fx = "currency,usd_per_unit\nUSD,1.0\nEUR,2.0\n"
    records = [
        {"id": f"e{i}", "title": "Data Engineer", "text": "Salary: EUR 50,000 per year. SQL."}
        for i in range(6)
    ]
    serial = list(Extractor(fx).extract_many(records))
    parallel = list(extract_parallel(records, workers=2, batch_size=2, fx_csv_text=fx))
    assert parallel == serial
    assert {o["salary"]["min_annual_usd"] for o in parallel} == {100_000}
    default = list(extract_parallel(records[:2], workers=2, batch_size=1))
    assert {o["salary"]["min_annual_usd"] for o in default} == {58_500}
