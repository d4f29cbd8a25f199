"""Ingest applies the landing record model (scrapers.records) to every line: bad numbers
and wrong types are invalid lines, named with their file and line, and the rest loads.
The Polars screen that spares the model most lines never clears a line the model rejects."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from types import SimpleNamespace

import polars as pl
import pytest

from promptjobs.settings import Settings
from scrapers.landing import LandingWriter
from scrapers.records import (
    LANDING_FIELDS,
    ValidLandingRecord,
    landing_json_problem,
    landing_problem,
)
from warehouse.landing_ingest import LANDING_SCHEMA, ingest_landing
from warehouse.landing_screen import RULES, suspects


def test_a_landing_file_with_bad_numbers_loads_the_rest_and_names_the_bad_lines(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    def pay(figure: str) -> str:
        item = kit.item("greenhouse", f"pay-{figure}")
        line = json.dumps(item | {"compensation": {"min": 0, "currency": "USD", "period": "year"}})
        return line.replace('"min": 0', f'"min": {figure}')

    landing.write(
        "greenhouse",
        "2026-10-01",
        [kit.item("greenhouse", "good-1")],
        raw_lines=[
            pay("Infinity"),
            pay("NaN"),
            pay("1e308"),
            json.dumps(kit.item("greenhouse", "good-2")),
        ],
    )
    # A second file without NaN/Infinity is read on the fast path: same verdicts.
    landing.write(
        "lever",
        "2026-10-01",
        [kit.item("lever", "ok"), kit.item("lever", "num", title=42)],
        raw_lines=[pay("1e308").replace("greenhouse", "lever")],
    )
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        ids = [r[0] for r in con.sql("select posting_id from raw_postings order by 1").fetchall()]
        files = con.sql(
            "select source, rows_read, rows_invalid from landing_files order by 1"
        ).fetchall()
    assert ids == ["greenhouse:good-1", "greenhouse:good-2", "lever:ok"]
    assert files == [("greenhouse", 5, 3), ("lever", 3, 2)]
    reasons = sorted(line.split(" ", 1)[1] for line in result.invalid_lines)
    assert reasons == [
        "line 2: `compensation.min`: pay figure inf is not a finite number",
        "line 2: `title`: Input should be a valid string",
        "line 3: `compensation.min`: pay figure 1e+308 is too large to be pay",
        "line 3: `compensation.min`: pay figure nan is not a finite number",
        "line 4: `compensation.min`: pay figure 1e+308 is too large to be pay",
    ]


GOOD = {
    "source": "hn",
    "board": "41000000",
    "source_id": "7",
    "url": "https://news.ycombinator.com/item?id=7",
    "company": "Acme AI",
    "title": "Prompt Engineer",
    "location_raw": "Remote",
    "remote_hint": "remote",
    "description_html": None,
    "description_text": "Prompts.",
    "posted_at": "2026-09-01T10:00:00Z",
    "updated_at": None,
    "fetched_at": "2026-09-07T06:00:00Z",
    "employment_type": None,
    "compensation": {"min": 1, "max": 2, "currency": "USD", "period": "year", "raw": "$1-2"},
    "compensation_ranges": [{"min": 1, "max": 2, "currency": "USD", "period": "year"}],
    "attribution_url": None,
}
ODD_VALUES = [
    42, 1.5, True, None, "", " ", "x", "remote", "ftp://x", "2026-13-45T06:00:00Z",
    "2026-09-07T06:00:00", "2026-09-07T06:00:00.123Z", {"a": 1}, [1], [], 1e308,
]  # fmt: skip
ODD_PAY = [
    {"min": 1e308}, {"max": "1e308"}, {"min": -5, "currency": "USD", "period": "year"},
    {"min": "lots", "currency": 5}, {"min": 10**400}, "not an object", [], [{"min": 1e300}],
]  # fmt: skip


def variants() -> list[str]:
    lines = []
    for name in LANDING_FIELDS:
        for value in ODD_VALUES + ODD_PAY:
            lines.append(json.dumps({**GOOD, name: value}))
        lines.append(json.dumps({k: v for k, v in GOOD.items() if k != name}))
    # A key spelt with an escape reaches Polars decoded: `\u0074itle` is `title`.
    lines.append(json.dumps(GOOD).replace('"title": "Prompt Engineer"', '"\\u0074itle": 42'))
    lines.append(json.dumps(GOOD)[:-1] + ', "title": 42}')  # a duplicate key
    return lines


def test_every_landing_field_has_a_screen_rule() -> None:
    assert set(RULES) == set(LANDING_FIELDS)


@pytest.mark.parametrize("line", variants())
def test_the_screen_never_clears_a_line_the_model_rejects(line: str) -> None:
    try:
        frame = pl.read_ndjson(io.BytesIO(line.encode()), schema=LANDING_SCHEMA)
    except pl.exceptions.PolarsError:
        return  # Polars cannot read it: ingest reads that file line by line, model on each
    suspect = suspects(frame, pl.Series([line]))[0]
    if landing_json_problem(line) is not None:
        assert suspect, f"cleared a line the model rejects: {landing_json_problem(line)}"


def test_the_screen_clears_plain_good_lines() -> None:
    lines = [json.dumps({**GOOD, "source_id": str(n)}) for n in range(3)]
    frame = pl.read_ndjson(io.BytesIO("\n".join(lines).encode()), schema=LANDING_SCHEMA)
    assert suspects(frame, pl.Series(lines)).to_list() == [False, False, False]


def _sealed_file(settings: Settings, kit: SimpleNamespace, ids: list[str]) -> LandingWriter:
    """A landing file as the spiders' pipeline writes it: each record accepted by the model,
    so the writer seals it."""
    writer = LandingWriter(
        settings.landing_dir, "lever", date(2026, 10, 1), "20261001T060000-5ea1ed00"
    )
    for source_id in ids:
        item = kit.item("lever", source_id)
        assert landing_problem(item) is None
        writer.write(ValidLandingRecord(item))
    writer.close({"run_id": writer.run_id, "source": "lever", "crawl_date": "2026-10-01",
                  "status": "ok", "items": len(ids), "boards_ok": ["acme"],
                  "boards_not_found": [], "boards_failed": []})  # fmt: skip
    return writer


def _screened_lines(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the lines ingest puts through the screen."""
    screened: list[int] = []

    def counting(frame: pl.DataFrame, raw: pl.Series) -> pl.Series:
        screened.append(frame.height)
        return suspects(frame, raw)

    monkeypatch.setattr("warehouse.landing_ingest.suspects", counting)
    return screened


def test_a_sealed_landing_file_loads_whole_without_being_screened_again(
    settings: Settings, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _sealed_file(settings, kit, ["a", "b", "c"])
    screened = _screened_lines(monkeypatch)
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        rows = con.sql("select source_id, title, company from raw_postings order by 1").fetchall()
    assert screened == []
    assert (result.rows_read, result.rows_invalid) == (3, 0)
    assert rows == [(i, "Prompt Engineer", "Acme AI") for i in "abc"]


def test_a_sealed_file_changed_after_it_was_sealed_is_screened_and_its_bad_line_named(
    settings: Settings, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _sealed_file(settings, kit, ["a", "b"])
    with gzip.open(writer.path, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    lines.insert(1, json.dumps(kit.item("lever", "num", title=42)))  # Polars would read "42"
    writer.path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    screened = _screened_lines(monkeypatch)
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        ids = [r[0] for r in con.sql("select source_id from raw_postings order by 1").fetchall()]
    assert screened, "a seal whose digest no longer matches vouches for nothing"
    assert ids == ["a", "b"]
    assert [line.split(" ", 1)[1] for line in result.invalid_lines] == [
        "line 2: `title`: Input should be a valid string"
    ]


def test_a_file_sealed_under_another_landing_model_is_screened(
    settings: Settings, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = _sealed_file(settings, kit, ["a", "b"])
    stats = json.loads(writer.stats_path.read_text())
    stats["landing_seal"]["model"] = "an-older-model"
    writer.stats_path.write_text(json.dumps(stats))
    screened = _screened_lines(monkeypatch)
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
    assert screened == [2], "every line screened"


def test_a_seal_counting_other_lines_than_polars_reads_has_the_file_read_line_by_line(
    settings: Settings, kit: SimpleNamespace
) -> None:
    writer = _sealed_file(settings, kit, ["a", "b", "c"])
    stats = json.loads(writer.stats_path.read_text())
    stats["landing_seal"]["lines"] = 4
    writer.stats_path.write_text(json.dumps(stats))
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        ids = [r[0] for r in con.sql("select source_id from raw_postings order by 1").fetchall()]
    assert ids == ["a", "b", "c"]
    assert (result.rows_read, result.rows_invalid, result.sightings) == (3, 0, 3)
