"""The landing record (scrapers.records) is the one declaration of §1: the docs table, the
item, the staging SQL and the warehouse table follow it, and its one validation decides
in the spiders' pipeline, at ingest and for `promptjobs extract` input."""

from __future__ import annotations

import json
import re
import typing
from datetime import date
from pathlib import Path

import duckdb
from scraper_fixtures import FAST, greenhouse_job

from promptjobs.extract_io import parse_line
from scrapers.items import PostingItem
from scrapers.landing import partition_dir, read_landing
from scrapers.loopback import LoopbackServer, Reply
from scrapers.records import LANDING_FIELDS, PROVENANCE_FIELDS, LandingRecord, landing_problem
from scrapers.run import crawl
from warehouse.landing_ingest import LANDING_SCHEMA
from warehouse.sqlfiles import sql_text

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "architecture.md"
MIGRATIONS = ROOT / "warehouse" / "migrations"


def docs_table(heading: str) -> list[tuple[str, str]]:
    """(field, type) rows of the first field table after `heading` in architecture.md."""
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    rows = []
    for line in section.split("| field | type | meaning |", 1)[1].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        rows.append((cells[0].strip("`"), cells[1]))
    return rows


def test_the_docs_table_lists_the_model_fields_in_order_with_their_nullability() -> None:
    rows = docs_table("## 1. Landing files")
    assert [name for name, _ in rows] == [*LANDING_FIELDS, *PROVENANCE_FIELDS]
    for name, kind in rows:
        if name in PROVENANCE_FIELDS:
            assert "optional" in kind, f"{name}: docs say {kind!r}"
            continue
        annotation = LandingRecord.model_fields[name].annotation
        nullable = type(None) in typing.get_args(annotation)
        assert ("null" in kind) == nullable, f"{name}: docs say {kind!r}"


def test_the_item_and_the_warehouse_schema_are_the_model_fields() -> None:
    assert tuple(PostingItem.fields) == (*LANDING_FIELDS, *PROVENANCE_FIELDS)
    assert tuple(LANDING_SCHEMA) == LANDING_FIELDS


def test_the_staging_sql_reads_every_landing_field_and_raw_postings_stores_them() -> None:
    staging = sql_text("landing_stage_create")
    read = set(re.findall(r"\bb\.(\w+)", staging))
    added_by_the_loader = {"partition_source", "crawl_date", "run_id", "landing_file", "line_no"}
    assert read - added_by_the_loader - {"stored_hash"} == set(LANDING_FIELDS)
    con = duckdb.connect()
    for migration in sorted(MIGRATIONS.glob("*.sql")):
        con.execute(migration.read_text(encoding="utf-8"))
    info = con.sql("select name from pragma_table_info('raw_postings')").fetchall()
    columns = {name for (name,) in info}
    assert set(LANDING_FIELDS) <= columns
    # The compensation macros type exactly the fields of a pay range.
    keys = set(re.findall(r'"(\w+)": "(?:DOUBLE|VARCHAR)"', staging))
    assert keys == {"min", "max", "currency", "period", "raw", "label"}


GOOD = {
    "source": "greenhouse",
    "board": "acme",
    "source_id": "1",
    "url": "https://job-boards.greenhouse.io/acme/jobs/1",
    "company": "Acme AI",
    "title": "Prompt Engineer",
    "description_text": "Write prompts.",
    "fetched_at": "2026-09-07T06:00:00Z",
}


def test_a_number_as_title_is_refused_by_the_landing_model_and_by_extract() -> None:
    assert landing_problem(GOOD) is None
    assert landing_problem({**GOOD, "title": 42}) == "`title`: Input should be a valid string"
    record, problem = parse_line(json.dumps({"id": "a", "title": 42, "text": "x"}).encode())
    assert record is None and problem == "`title`: Input should be a valid string"


def test_non_finite_and_absurd_pay_is_refused_by_both_and_odd_pay_is_no_pay() -> None:
    for figure, reason in ((float("inf"), "not a finite"), (float("nan"), "not a finite")):
        bad = {"min": figure, "max": None, "currency": "USD", "period": "year"}
        assert reason in landing_problem({**GOOD, "compensation_ranges": [bad]})
        _, problem = parse_line(json.dumps({"id": "a", "compensation": bad}).encode())
        assert reason in problem
    huge = {"min": 1e308, "max": None, "currency": "USD", "period": "hour"}
    assert "too large" in landing_problem({**GOOD, "compensation": huge})
    # A word where a figure goes, or a number as currency, is no pay, not a bad record.
    odd = {"min": "lots", "max": [], "currency": 5}
    assert landing_problem({**GOOD, "compensation": odd}) is None
    assert parse_line(json.dumps({"id": 7, "compensation": odd}).encode())[1] is None


def test_greenhouse_pay_of_infinity_is_an_invalid_item_named_by_its_id(settings) -> None:
    # Greenhouse's parser passes `min_cents` through as it comes; the pipeline refuses it.
    def job(job_id: int, cents: str) -> str:
        text = json.dumps(greenhouse_job(job_id, "Prompt Engineer"))
        zone = f'[{{"min_cents": {cents}, "max_cents": 25000000, "currency_type": "USD"}}]'
        return text.replace('"pay_input_ranges": []', f'"pay_input_ranges": {zone}')

    body = '{"jobs": [' + ", ".join(
        [job(1, "Infinity"), job(2, "NaN"), job(3, "1e310"), job(4, "19000000")]
    )
    body += '], "meta": {"total": 4}}'

    def route(raw: str) -> Reply:
        if raw.startswith("/robots.txt"):
            return Reply(body=b"User-agent: *\n", content_type="text/plain")
        return Reply(body=body.encode(), content_type="application/json")

    with LoopbackServer(route) as server:
        [stats] = crawl(
            settings.crawl_config(),
            ["greenhouse"],
            boards={"greenhouse": ["acme"]},
            api_base=server.url,
            crawl_date=date(2026, 9, 7),
            progress=False,
            scrapy_settings=FAST,
        )
    assert stats["items_invalid"] == 3 and stats["errors"] == {"invalid_item": 3}
    folder = partition_dir(settings.landing_dir, "greenhouse", date(2026, 9, 7))
    [kept] = read_landing(folder / stats["landing_file"])
    assert kept["source_id"] == "4" and kept["compensation"]["min"] == 190000
    log = "\n".join(p.read_text() for p in settings.home.rglob("*.log"))
    for job_id in ("1", "2", "3"):
        assert f"invalid greenhouse posting '{job_id}' dropped" in log
