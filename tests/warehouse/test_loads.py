"""Loads: complete landing files once each, append-only raw rows, extract in and out."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pyarrow as pa
import pytest

from promptjobs.settings import Settings
from warehouse.extraction_handoff import (
    load_extraction_batches,
    load_extractions,
    pending_extraction,
    pending_tables,
)
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import compute_lifecycle
from warehouse.taxonomy import load_taxonomy

# Their writes exercise the catalog's transactions: they run on the Postgres catalog too.
pytestmark = pytest.mark.postgres_catalog


def rows(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple]:
    return con.sql(query).fetchall()


def test_only_complete_landing_files_load_and_each_only_once(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "a1")])
    landing.write("lever", "2026-10-01", [kit.item("lever", "a2")], complete=False)
    wh = settings.open_warehouse()
    with wh.writer() as con:
        first = ingest_landing(con, settings.landing_dir)
        again = ingest_landing(con, settings.landing_dir)
        assert rows(con, "select posting_id from raw_postings") == [("lever:a1",)]
    assert (first.landing_files, first.raw_rows_new) == (1, 1)
    assert (again.landing_files, again.raw_rows_new) == (0, 0)

    # The crawler finishes the second file (its stats appear): the next load takes it.
    landing.write(
        "lever", "2026-10-01", [kit.item("lever", "a2")], run_id="20261001T070000-abcdef01"
    )
    with wh.writer() as con:
        later = ingest_landing(con, settings.landing_dir)
        ids = rows(con, "select posting_id from raw_postings order by 1")
    assert later.landing_files == 1
    assert ids == [("lever:a1",), ("lever:a2",)]


def test_raw_rows_are_keyed_by_content_so_only_changes_add_rows(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("greenhouse", "2026-10-01", [kit.item("greenhouse", "1")])
    landing.write(
        "greenhouse",
        "2026-10-02",
        [kit.item("greenhouse", "1", fetched_at="2026-10-02T06:00:00Z")],
    )
    landing.write(
        "greenhouse",
        "2026-10-03",
        [
            kit.item(
                "greenhouse", "1", title="Senior Prompt Engineer", fetched_at="2026-10-03T06:00:00Z"
            )
        ],
    )
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        raw = rows(con, "select title, crawl_date::varchar from raw_postings order by crawl_date")
        sightings = rows(con, "select count(*) from posting_sightings")[0][0]
        latest = rows(con, "select title from latest_raw")
    assert result.raw_rows_new == 2
    assert raw == [("Prompt Engineer", "2026-10-01"), ("Senior Prompt Engineer", "2026-10-03")]
    assert sightings == 3
    assert latest == [("Senior Prompt Engineer",)]


def test_bad_lines_are_counted_and_never_lose_the_good_ones(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write(
        "hn",
        "2026-10-01",
        [kit.item("hn", "100", board="41000000"), kit.item("hn", "", board="41000000")],
        raw_lines=['{"source": "hn", "source_id": "101", "title": "Prompt writer', "[1, 2]"],
    )
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        ids = rows(con, "select posting_id from raw_postings")
        files = rows(con, "select rows_read, rows_invalid, rows_new from landing_files")
    assert ids == [("hn:100",)]
    assert result.rows_invalid == 3
    assert files == [(4, 3, 1)]


def test_stats_files_become_crawl_runs(settings: Settings, landing, kit: SimpleNamespace) -> None:
    landing.write(
        "ashby",
        "2026-10-05",
        [kit.item("ashby", "x", board="acme")],
        boards_ok=["acme"],
        boards_failed=["globex"],
        run_id="20261005T060000-0badcafe",
    )
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        run = rows(
            con,
            "select run_id, source, crawl_date::varchar, status, items, boards_ok, boards_failed "
            "from crawl_runs",
        )
    assert run == [
        ("20261005T060000-0badcafe", "ashby", "2026-10-05", "partial", 1, ["acme"], ["globex"])
    ]


def test_pending_extraction_gives_the_extract_input_of_the_latest_version(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    comp = kit.usd("150000", 200000) | {"min": 150000.0}
    landing.write(
        "workable",
        "2026-10-01",
        [
            kit.item(
                "workable",
                "w1",
                posted_at="2026-09-28T10:00:00+02:00",
                compensation=comp,
                remote_hint="remote",
            )
        ],
    )
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        batches = list(pending_extraction(con, "v1", batch_size=10))
    assert len(batches) == 1 and len(batches[0]) == 1
    record = batches[0][0]
    assert record["id"] == "workable:w1"
    assert record["title"] == "Prompt Engineer"
    assert record["company"] == "Acme AI"
    assert record["location"] == "San Francisco, CA"
    assert record["text"].startswith("We need prompt engineering")
    assert record["posted_at"] == "2026-09-28T08:00:00"  # normalised to UTC
    assert record["compensation"]["min"] == 150000.0
    assert record["compensation"]["currency"] == "USD"
    assert record["compensation_ranges"] == []
    assert record["remote_hint"] == "remote"
    assert record["source"] == "workable"


@pytest.mark.file_only  # a DuckLake writer is always one explicit transaction: no BEGIN here
def test_pending_pages_are_the_same_in_an_explicit_transaction_and_stay_a_snapshot(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Streamed from a second cursor normally; inside an explicit transaction (a MotherDuck
    # writer) that cursor would not see the new rows, so the set is paged from a temp table.
    landing.write("lever", "2026-10-01", [kit.item("lever", f"p{i}") for i in (3, 1, 4, 0, 2)])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        streamed = list(pending_extraction(con, "v1", batch_size=2))
        con.execute("begin transaction")
        paged = list(pending_extraction(con, "v1", batch_size=2))
        con.execute("rollback")
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        # Loading each page as it comes does not move the pages still to come.
        loaded = []
        for batch in pending_extraction(con, "v1", batch_size=2):
            loaded.append([r["id"] for r in batch])
            load_extractions(con, kit.extract(batch), "v1")
        assert list(pending_extraction(con, "v1")) == []
    assert [[r["id"] for r in b] for b in streamed] == [
        ["lever:p0", "lever:p1"],
        ["lever:p2", "lever:p3"],
        ["lever:p4"],
    ]
    assert paged == streamed
    assert loaded == [[r["id"] for r in b] for b in streamed]


def test_stopping_after_the_first_page_leaves_the_writer_usable(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # The next page is read ahead in a thread; a caller that stops early stops it too.
    landing.write("lever", "2026-10-01", [kit.item("lever", str(i)) for i in range(7)])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        pages = pending_tables(con, "v1", batch_size=2)
        first = next(pages)
        pages.close()
        assert first.num_rows == 2
        assert load_extractions(con, kit.extract(first.to_pylist()), "v1") == 2
        assert sum(t.num_rows for t in pending_tables(con, "v1", batch_size=2)) == 5


def test_only_new_changed_or_other_version_postings_are_pending(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", str(i)) for i in range(5)])
    wh = settings.open_warehouse()
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        batches = list(pending_extraction(con, "v1", batch_size=2))
        assert [len(b) for b in batches] == [2, 2, 1]
        for batch in batches:
            load_extractions(con, kit.extract(batch), "v1")
        assert list(pending_extraction(con, "v1")) == []
    landing.write(
        "lever",
        "2026-10-02",
        [kit.item("lever", str(i)) for i in range(4)]
        + [kit.item("lever", "4", description_text="Now with RAG.")],
    )
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        changed = [r["id"] for b in pending_extraction(con, "v1") for r in b]
        upgraded = [r["id"] for b in pending_extraction(con, "v2") for r in b]
    assert changed == ["lever:4"]
    assert upgraded == [f"lever:{i}" for i in range(5)]


def test_load_extractions_stores_postings_salaries_and_skills(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    item = kit.item(
        "greenhouse",
        "9",
        compensation=kit.usd(180000, 240000),
        compensation_ranges=[
            {
                "min": 160000,
                "max": 210000,
                "currency": "USD",
                "period": "year",
                "label": "Tier 2",
                "raw": "x",
            }
        ],
        description_text="Prompt engineering, Python and RAG.",
    )
    landing.write("greenhouse", "2026-10-01", [item])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        (batch,) = list(pending_extraction(con, "fake-1"))
        outputs = list(kit.extract(batch)) + [{"id": "greenhouse:never-landed"}, {"role": "core"}]
        loaded = load_extractions(con, outputs, "fake-1")
        posting = con.sql(
            "select posting_id, company, title, role, city, us_state, country, world_region, "
            "salary_min_annual_usd, salary_max_annual_usd, salary_currency, salary_period, "
            "salary_source, canonical_posting_id, extractor_version, extraction_run_id "
            "from postings"
        ).fetchall()
        salaries = rows(
            con,
            "select ordinal, min, max, label, is_primary from posting_salaries order by ordinal",
        )
        skills = rows(con, "select skill_id, evidence from posting_skills order by skill_id")
        runs = rows(
            con, "select extraction_run_id, extractor_version, postings from extraction_runs"
        )
    assert loaded == 1
    assert posting == [
        (
            "greenhouse:9",
            "Acme AI",
            "Prompt Engineer",
            "core",
            "San Francisco",
            "CA",
            "US",
            "North America",
            180000.0,
            240000.0,
            "USD",
            "year",
            "structured",
            "greenhouse:9",
            "fake-1",
            "fake-1#1",
        )
    ]
    assert salaries == [
        (0, 180000.0, 240000.0, None, True),
        (1, 160000.0, 210000.0, "Tier 2", False),
    ]
    assert skills == [
        ("prompt_engineering", "prompt engineering"),
        ("python", "python"),
        ("rag", "rag"),
    ]
    assert runs == [("fake-1#1", "fake-1", 1)]


def test_re_extraction_replaces_rows_instead_of_adding_them(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write(
        "lever", "2026-10-01", [kit.item("lever", "1", description_text="python and rag")]
    )
    wh = settings.open_warehouse()
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        for batch in pending_extraction(con, "v1"):
            load_extractions(con, kit.extract(batch), "v1")
    with wh.writer() as con:
        compute_lifecycle(con)
        for batch in pending_extraction(con, "v2"):
            load_extractions(con, kit.extract(batch), "v2")
        assert rows(con, "select count(*), max(extractor_version) from postings") == [(1, "v2")]
        assert rows(con, "select count(*) from posting_skills") == [(2,)]
        runs = rows(con, "select extraction_run_id, postings from extraction_runs order by 1")
    assert runs == [("v1#1", 1), ("v2#1", 1)]


def test_the_last_record_of_an_id_wins_and_unknown_or_missing_ids_are_skipped(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "a"), kit.item("lever", "b")])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        first = {"id": "lever:a", "role": "other", "skills": ["python"]}
        batches = [
            pa.Table.from_pylist([first, {"id": "lever:b", "role": "core"}]),
            [{"id": "lever:never-landed", "role": "core"}, {"role": "core"}, {"id": ""}],
            pa.Table.from_pylist([{"id": "lever:a", "role": "adjacent", "skills": ["rag"]}]),
        ]
        loaded = load_extraction_batches(con, batches, "v1")
        postings = rows(con, "select posting_id, role from postings order by 1")
        skills = rows(con, "select posting_id, skill_id from posting_skills order by 1, 2")
    assert loaded == 2
    assert postings == [("lever:a", "adjacent"), ("lever:b", "core")]
    assert skills == [("lever:a", "rag")]


def test_the_output_spool_is_removed_after_a_load_and_after_a_failed_one(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Extract output is spooled to a Parquet file in the database's temp directory
    # until it is merged; neither a load nor an extractor failing midway leaves it behind.
    landing.write("lever", "2026-10-01", [kit.item("lever", str(i)) for i in range(3)])

    def failing(records: list[dict]):
        yield from kit.extract(records[:1])
        raise RuntimeError("extractor crashed")

    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        spool_dir = Path(con.sql("select current_setting('temp_directory')").fetchall()[0][0])
        (batch,) = list(pending_extraction(con, "v1"))
        with pytest.raises(RuntimeError, match="extractor crashed"):
            load_extractions(con, failing(batch), "v1")
        assert list(spool_dir.glob("extract-output-*")) == []
        assert rows(con, "select count(*) from postings") == [(0,)]
        assert load_extractions(con, kit.extract(batch), "v1") == 3
        assert list(spool_dir.glob("extract-output-*")) == []
        assert rows(con, "select count(*) from postings") == [(3,)]


def test_the_taxonomy_replaces_the_skills_table(settings: Settings, kit: SimpleNamespace) -> None:
    with settings.open_warehouse().writer() as con:
        assert load_taxonomy(con, kit.taxonomy) == len(kit.taxonomy)
        assert load_taxonomy(con, kit.taxonomy[:2]) == 2
        skills = rows(con, "select skill_id, name, family, aliases from skills order by 1")
    assert skills == [
        (
            "prompt_engineering",
            "Prompt engineering",
            "ai_ml",
            ["prompt design", "prompt engineering"],
        ),
        ("python", "Python", "programming", ["python"]),
    ]


def test_a_backfilled_older_file_never_overrides_newer_content(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    wh = settings.open_warehouse()
    landing.write("lever", "2026-10-08", [kit.item("lever", "1", title="Prompt Engineer II")])
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
    landing.write("lever", "2026-10-01", [kit.item("lever", "1", title="Prompt Engineer I")])
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
        latest = rows(con, "select title, crawl_date::varchar from posting_latest")
        versions = rows(con, "select count(*) from raw_postings")
    assert latest == [("Prompt Engineer II", "2026-10-08")]
    assert versions == [(2,)]


# Migrations 003, 014 and 015's formula: every posting's latest version, the board it was
# last sighted on and the date it was first sighted, from all of its sightings.
LATEST_FROM_EVERY_SIGHTING = """
    with latest as (
        select posting_id,
            max_by(struct_pack(content_hash, board, crawl_date, fetched_at, run_id),
                   (crawl_date, fetched_at, run_id)) as v,
            min(crawl_date) as first_seen
        from posting_sightings group by posting_id
    )
    select r.posting_id, r.source, r.source_id, l.v.board, r.content_hash,
        l.v.crawl_date, l.v.fetched_at, l.v.run_id,
        r.company, r.title, r.location_raw, r.url, r.posted_at, l.first_seen
    from latest l
    join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.v.content_hash
    order by all
"""


@pytest.mark.parametrize(
    ("flush_rows", "part_sightings"), [(1, 2_000_000), (300_000, 2_000_000), (300_000, 2)]
)
def test_posting_latest_kept_by_each_ingest_equals_the_latest_of_every_sighting(
    settings: Settings,
    landing,
    kit: SimpleNamespace,
    monkeypatch,
    flush_rows: int,
    part_sightings: int,
) -> None:
    # Each ingest updates posting_latest from its own sightings only (in place when the
    # content is the same); after any history it must be what every sighting gives.
    # flush_rows=1: every landing file is its own flush (and its own staging statement).
    # part_sightings=2: posting_latest is updated in parts of two sightings' worth of
    # postings (an ingest of 5 sightings in 3 parts), as a large ingest's is.
    import warehouse.landing_ingest as landing_ingest

    monkeypatch.setattr(landing_ingest, "STAGE_FLUSH_ROWS", flush_rows)
    monkeypatch.setattr(landing_ingest, "STAGE_INSERT_ROWS", flush_rows)
    monkeypatch.setattr(landing_ingest, "TOUCHED_PART_SIGHTINGS", part_sightings)
    wh = settings.open_warehouse()

    def at(day: str, hour: str = "06") -> str:
        return f"{day}T{hour}:00:00Z"

    def crawl(day: str, items: list[dict], run: str | None = None) -> None:
        landing.write("lever", day, items, run_id=run)

    item = kit.item
    crawl("2026-10-01", [item("lever", "same", fetched_at=at("2026-10-01"))])
    crawl(
        "2026-10-01",
        [
            item("lever", "edit", title="A", fetched_at=at("2026-10-01")),
            item("lever", "back", title="A", fetched_at=at("2026-10-01")),
        ],
    )
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
    crawl("2026-10-02", [item("lever", "same", fetched_at=at("2026-10-02"))])
    crawl(
        "2026-10-02",
        [
            item("lever", "edit", title="B", fetched_at=at("2026-10-02")),
            item("lever", "back", title="B", fetched_at=at("2026-10-02")),
            # listed twice in one run: its last line is the run's sighting
            item("lever", "twice", title="first", fetched_at=at("2026-10-02", "07")),
            item("lever", "twice", title="last", fetched_at=at("2026-10-02", "05")),
        ],
    )
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
    # Back to an earlier version, a new one, an older file loaded late, and a same-day run
    # that fetched later.
    crawl("2026-10-03", [item("lever", "back", title="A", fetched_at=at("2026-10-03"))])
    crawl("2026-10-03", [item("lever", "edit", title="C", fetched_at=at("2026-10-03"))])
    # The same content listed on another board now: the version stays, the board moves.
    crawl("2026-10-03", [item("lever", "same", board="acme-labs", fetched_at=at("2026-10-03"))])
    crawl("2026-09-20", [item("lever", "same", title="old", fetched_at=at("2026-09-20"))])
    crawl(
        "2026-10-02",
        [item("lever", "twice", title="later", fetched_at=at("2026-10-02", "09"))],
        run="20261002T090000-00000001",
    )
    with wh.writer() as con:
        ingest_landing(con, settings.landing_dir)
        kept = rows(con, "select * from posting_latest order by all")
        expected = rows(con, LATEST_FROM_EVERY_SIGHTING)
        titles = dict(rows(con, "select source_id, title from posting_latest"))
        boards = dict(rows(con, "select source_id, board from posting_latest"))
    assert kept == expected
    assert titles == {"same": "Prompt Engineer", "edit": "C", "back": "A", "twice": "later"}
    assert boards == {"same": "acme-labs", "edit": "acme", "back": "acme", "twice": "acme"}


def test_an_ingest_keeps_no_landed_batch_alive_in_the_open_transaction(
    settings: Settings, landing, kit: SimpleNamespace, monkeypatch
) -> None:
    # A DuckLake refresh is one open transaction: a batch handed to DuckDB as a registered
    # view would be kept, with its data, until the commit (warehouse/landing_ingest.py), and
    # a first load would hold every landed batch at once.
    import warehouse.landing_ingest as landing_ingest

    handed: list[weakref.ref] = []
    scan_ready = landing_ingest.scan_ready

    def recorded(table):  # type: ignore[no-untyped-def]
        ready = scan_ready(table)
        handed.append(weakref.ref(ready))
        return ready

    monkeypatch.setattr(landing_ingest, "scan_ready", recorded)
    for day in ("2026-10-01", "2026-10-02"):
        items = [kit.item("lever", f"{day}-{i}", fetched_at=f"{day}T06:00:00Z") for i in range(5)]
        landing.write("lever", day, items)
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        gc.collect()
        alive = [ref for ref in handed if ref() is not None]
        loaded = rows(con, "select count(*) from raw_postings")[0][0]
    assert loaded == 10 and len(handed) >= 2
    assert alive == []


def test_a_number_as_title_is_an_invalid_line_and_an_odd_pay_figure_is_no_figure(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # The landing record model decides, as in the spiders' pipeline and `extract`.
    odd_pay = {"min": "150k", "max": 200000, "currency": "USD", "period": "year", "raw": "$150k+"}
    landing.write(
        "workable",
        "2026-10-01",
        [kit.item("workable", "1", compensation=odd_pay), kit.item("workable", "2", title=42)],
    )
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        found = rows(
            con,
            "select posting_id, title, compensation.min, compensation.max from raw_postings "
            "order by 1",
        )
    assert result.rows_invalid == 1
    assert [line.split(" ", 1)[1] for line in result.invalid_lines] == [
        "line 2: `title`: Input should be a valid string"
    ]
    assert found == [("workable:1", "Prompt Engineer", None, 200000.0)]


def test_pay_that_is_not_an_object_is_no_pay_on_the_fast_and_line_by_line_paths(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    items = [
        kit.item("lever", "1", compensation="$150k"),
        kit.item(
            "lever",
            "2",
            compensation_ranges=[
                {"min": 90000, "max": "120000", "currency": "USD", "label": "Tier 2"},
                5,
                "Tier 3: ask",
                None,
            ],
        ),
        kit.item("lever", "3", compensation_ranges={"min": 1}),
    ]
    found = []
    for day, broken_line in (("2026-10-01", []), ("2026-10-02", ['{"source_id": "9"'])):
        # The second file has one malformed line, so it is read line by line.
        landing.write(
            "lever", day, [{**i, "source": f"lever{day[-1]}"} for i in items], raw_lines=broken_line
        )
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        for source in ("lever1", "lever2"):
            found.append(
                rows(
                    con,
                    "select source_id, compensation, "
                    "[(r.min, r.max, r.label) for r in compensation_ranges] "
                    f"from raw_postings where source = '{source}' order by 1",
                )
            )
    fast, line_by_line = found
    assert fast == line_by_line
    assert fast == [
        ("1", None, []),
        ("2", None, [(90000.0, 120000.0, "Tier 2")]),
        ("3", None, []),
    ]


# Extract output of unusual but valid shapes: no salaries list (the salary becomes the
# primary range), an empty salary object, an empty salaries list beside a salary,
# repeated skills, evidence missing or empty, empty strings.
ODD_OUTPUTS: list[dict] = [
    {
        "id": "lever:1",
        "role": "core",
        "seniority": "",
        "salary": {"min": 150000, "max": 190000, "currency": "USD", "period": "year"},
        "salary_source": "text",
        "skills": ["python", "rag", "python", ""],
        "skill_evidence": [
            {"skill_id": "python", "text": ""},
            {"skill_id": "python", "text": "Python 3"},
            {"skill_id": "rag", "text": "RAG"},
            {"skill_id": "rag", "text": "retrieval"},
        ],
        "location": {"city": "Austin", "us_state": "TX", "country": "US", "raw": "Austin"},
        "years_experience": {"min": 3, "max": None},
    },
    {
        "id": "lever:2",
        "role": "other",
        "salary": {},
        "salary_source": "text",
        "skills": ["evals"],
        "location": None,
    },
    {
        "id": "lever:3",
        "role": "adjacent",
        "salary": {"min": 90.0, "max": 120.0, "currency": "USD", "period": "hour"},
        "salaries": [],
        "salary_source": "structured",
        "skills": [],
        "skill_evidence": None,
        "extra_field_of_a_newer_extractor": {"anything": [1, 2]},
    },
]


def _loaded_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    tables = {
        table: rows(con, f"select * from {table} order by all")
        for table in ("posting_salaries", "posting_skills")
    }
    tables["postings"] = rows(
        con, "select * exclude (extraction_run_id) from postings order by posting_id"
    )
    tables["facts"] = rows(
        con,
        "select posting_id, seniority, salary_source, salary_min, years_min, city "
        "from postings order by posting_id",
    )
    return tables


def test_odd_but_valid_extract_output_loads_the_same_on_the_fast_and_tolerant_paths(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", str(i)) for i in (1, 2, 3)])
    # A record with a value of the wrong type (a number for a text field) makes its whole
    # chunk take the record-by-record path; it is for a posting never landed, so it
    # adds nothing itself.
    wrong_type = {"id": "lever:never-landed", "role": 7, "skills": ["python"]}
    results = []
    for outputs in (ODD_OUTPUTS, [*ODD_OUTPUTS, wrong_type]):
        with settings.open_warehouse().writer() as con:
            con.execute("delete from postings; delete from posting_salaries")
            con.execute("delete from posting_skills")
            ingest_landing(con, settings.landing_dir)
            compute_lifecycle(con)  # the load gives new postings their lifecycle
            assert load_extractions(con, outputs, "v1") == 3
            results.append(_loaded_tables(con))
    fast, tolerant = results
    assert fast == tolerant
    salaries = [(r[0], r[1], r[2], r[3], r[10]) for r in fast["posting_salaries"]]
    assert salaries == [
        ("lever:1", 0, 150000.0, 190000.0, True),  # the salary as the one primary range
    ]
    assert [r[:3] for r in fast["posting_skills"]] == [
        ("lever:1", "python", "Python 3"),
        ("lever:1", "rag", "RAG"),
        ("lever:2", "evals", None),
    ]
    assert fast["facts"] == [
        ("lever:1", None, "text", 150000.0, 3.0, "Austin"),
        ("lever:2", None, None, None, None, None),  # an empty salary object is no salary
        ("lever:3", None, "structured", 90.0, None, None),
    ]


def test_a_value_of_the_wrong_type_nulls_that_value_and_keeps_the_rest(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "1")])
    record = {
        "id": "lever:1",
        "role": "core",
        "seniority": ["senior"],  # a list where text belongs
        "salary": {"min": "150000", "max": 190000, "currency": "USD", "period": "year"},
        "skills": ["python"],
    }
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        assert load_extractions(con, [record], "v1") == 1
        posting = rows(con, "select role, seniority, salary_min, salary_max from postings")
        skills = rows(con, "select skill_id from posting_skills")
    assert posting == [("core", None, 150000.0, 190000.0)]
    assert skills == [("python",)]


def test_a_truncated_landing_file_is_skipped_and_loads_once_it_is_whole(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Files are parsed a batch ahead in a thread: a broken file in the middle must not
    # stop or shift the ones after it.
    landing.write("lever", "2026-10-01", [kit.item("lever", "1")])
    broken = landing.write("lever", "2026-10-02", [kit.item("lever", str(i)) for i in range(50)])
    landing.write("lever", "2026-10-03", [kit.item("lever", "99")])
    whole = broken.read_bytes()
    broken.write_bytes(whole[: len(whole) // 2])
    wh = settings.open_warehouse()
    with wh.writer() as con:
        first = ingest_landing(con, settings.landing_dir)
        ids = rows(con, "select source_id from raw_postings order by 1")
    assert ids == [("1",), ("99",)]
    assert first.landing_files == 2
    assert [s.split(":")[0] for s in first.skipped_files] == [
        broken.relative_to(settings.landing_dir).as_posix()
    ]
    broken.write_bytes(whole)  # the crawler's file, complete this time
    with wh.writer() as con:
        second = ingest_landing(con, settings.landing_dir)
        count = rows(con, "select count(*) from raw_postings")
    assert (second.landing_files, second.skipped_files) == (1, [])
    assert count == [(51,)]


def test_a_crawl_that_landed_nothing_is_recorded_and_loads_nothing(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("ashby", "2026-10-01", [], boards_ok=[], boards_failed=["acme"])
    with settings.open_warehouse().writer() as con:
        result = ingest_landing(con, settings.landing_dir)
        raw = rows(con, "select count(*) from raw_postings")
        runs = rows(con, "select source, items, boards_failed from crawl_runs")
    assert (result.landing_files, result.rows_read, result.raw_rows_new) == (1, 0, 0)
    assert raw == [(0,)]
    assert runs == [("ashby", 0, ["acme"])]
