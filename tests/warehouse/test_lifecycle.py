"""Lifecycle on hand-made crawl histories: first/last seen from crawl dates, closing only
on a complete crawl of the posting's board, reopening when it comes back."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest

from promptjobs.settings import Settings
from warehouse.extraction_handoff import load_extractions, pending_extraction
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import apply_lifecycle, compute_lifecycle

# Their writes exercise the catalog's transactions: they run on the Postgres catalog too.
pytestmark = pytest.mark.postgres_catalog


def load(settings: Settings, kit: SimpleNamespace) -> dict[str, int]:
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        # The order of warehouse.refresh: the lifecycle is computed before the load (new
        # postings are inserted with theirs) and applied to the others after it.
        changes = compute_lifecycle(con)
        for batch in pending_extraction(con, "v1"):
            load_extractions(con, kit.extract(batch), "v1")
        return {**apply_lifecycle(con), **changes}


def history(settings: Settings) -> dict[str, tuple]:
    with settings.open_warehouse().reader() as con:
        found = con.sql(
            "select posting_id, first_seen::varchar, last_seen::varchar, closed_at::varchar "
            "from postings order by 1"
        ).fetchall()
    return {r[0]: r[1:] for r in found}


def test_a_posting_missing_from_a_later_complete_crawl_is_closed(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    a, b = kit.item("lever", "a"), kit.item("lever", "b")
    landing.write("lever", "2026-10-01", [a, b])
    landing.write("lever", "2026-10-08", [a, b])
    landing.write("lever", "2026-10-15", [a], boards_ok=["acme"], run_id="20261015T060000-c1")
    result = load(settings, kit)
    assert history(settings) == {
        "lever:a": ("2026-10-01", "2026-10-15", None),
        "lever:b": ("2026-10-01", "2026-10-08", "2026-10-15"),
    }
    assert result["newly_closed"] == 1 and result["open_postings"] == 1
    # Why, and which crawl: the evidence is in the row.
    assert evidence(settings) == {
        "lever:a": (None, None),
        "lever:b": ("board_crawl", "20261015T060000-c1"),
    }


def evidence(settings: Settings) -> dict[str, tuple]:
    with settings.open_warehouse().reader() as con:
        found = con.sql("select posting_id, closed_by, closed_run_id from postings").fetchall()
    return {r[0]: r[1:] for r in found}


def test_a_posting_on_a_board_that_is_gone_closes_at_the_second_404(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "a")])
    landing.write("lever", "2026-10-08", [], boards_ok=[], boards_not_found=["acme"])
    landing.write(
        "lever", "2026-10-15", [], boards_ok=[], boards_not_found=["acme"], run_id="20261015-g"
    )
    load(settings, kit)
    assert history(settings)["lever:a"] == ("2026-10-01", "2026-10-01", "2026-10-15")
    assert evidence(settings)["lever:a"] == ("board_gone", "20261015-g")


def test_a_board_gone_closes_a_posting_sighted_between_its_two_404s(
    settings: Settings, landing, kit: SimpleNamespace, tmp_path
) -> None:
    # A refresh reads a board's answers only from its postings' last sighting on; the 404
    # before that sighting still makes the next one the second in a row (a failed crawl is
    # no answer), whether each crawl is loaded on its day or all at once.
    from promptjobs.settings import load_settings

    a = kit.item("lever", "a")
    crawls = [
        lambda: landing.write("lever", "2026-10-01", [a]),
        lambda: landing.write("lever", "2026-10-08", [], boards_ok=[], boards_not_found=["acme"]),
        # the board failed on the 12th, after listing a
        lambda: landing.write("lever", "2026-10-12", [a], boards_ok=[], boards_failed=["acme"]),
        lambda: landing.write(
            "lever", "2026-10-15", [], boards_ok=[], boards_not_found=["acme"], run_id="20261015-g"
        ),
    ]
    for crawl in crawls:
        crawl()
        load(settings, kit)
    assert history(settings)["lever:a"] == ("2026-10-01", "2026-10-12", "2026-10-15")
    assert evidence(settings)["lever:a"] == ("board_gone", "20261015-g")

    once = load_settings({"home": tmp_path / "once"}, environ={})
    shutil.copytree(settings.landing_dir, once.landing_dir)
    load(once, kit)
    assert (history(once), evidence(once)) == (history(settings), evidence(settings))


def test_a_failed_or_other_board_crawl_closes_nothing(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    a = kit.item("lever", "a")
    other_board = kit.item("lever", "z", board="globex")
    landing.write("lever", "2026-10-01", [a])
    # The acme board failed on the 8th; only globex was crawled completely.
    landing.write(
        "lever", "2026-10-08", [other_board], boards_ok=["globex"], boards_failed=["acme"]
    )
    # Greenhouse also has a board called acme; it says nothing about lever's.
    landing.write("greenhouse", "2026-10-09", [kit.item("greenhouse", "g")], boards_ok=["acme"])
    load(settings, kit)
    assert history(settings)["lever:a"] == ("2026-10-01", "2026-10-01", None)


def test_a_posting_that_comes_back_is_reopened(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    a, b = kit.item("ashby", "a"), kit.item("ashby", "b")
    landing.write("ashby", "2026-10-01", [a, b])
    landing.write("ashby", "2026-10-08", [a])
    first = load(settings, kit)
    assert history(settings)["ashby:b"][2] == "2026-10-08"
    assert first["newly_closed"] == 1

    landing.write("ashby", "2026-10-15", [a, b])
    again = load(settings, kit)
    assert history(settings)["ashby:b"] == ("2026-10-01", "2026-10-15", None)
    assert again["reopened"] == 1 and again["closed_postings"] == 0

    landing.write("ashby", "2026-10-22", [a])
    load(settings, kit)
    assert history(settings)["ashby:b"] == ("2026-10-01", "2026-10-15", "2026-10-22")


def test_dates_come_from_crawls_not_from_the_wall_clock(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Past snapshots crawled today (fetched_at is today, the partition date is the past).
    for day in ("2026-06-01", "2026-06-08"):
        landing.write(
            "workable", day, [kit.item("workable", "w", fetched_at="2026-11-25T06:00:00Z")]
        )
    load(settings, kit)
    assert history(settings)["workable:w"] == ("2026-06-01", "2026-06-08", None)


def test_days_open_is_derivable_from_the_history(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    a, b = kit.item("lever", "a"), kit.item("lever", "b")
    landing.write("lever", "2026-10-01", [a, b])
    landing.write("lever", "2026-10-11", [a])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        for batch in pending_extraction(con, "v1"):
            load_extractions(con, kit.extract(batch), "v1")
        apply_lifecycle(con)
        from warehouse.views import create_views

        create_views(con)
        days = con.sql("select posting_id, days_open from posting_facts order by 1").fetchall()
    assert days == [("lever:a", 10), ("lever:b", 10)]


def test_postings_ingested_by_an_earlier_writer_get_their_lifecycle_when_first_loaded(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # `promptjobs boards discover` ingests what landed in a writer of its own; the next
    # refresh then holds those runs already, and must still date the postings it loads.
    a, b = kit.item("lever", "a"), kit.item("lever", "b")
    landing.write("lever", "2026-10-01", [a, b])
    kit.refresh(settings)
    landing.write("lever", "2026-10-08", [a, b, kit.item("lever", "c")])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
    kit.refresh(settings)
    found = history(settings)
    assert found["lever:c"] == ("2026-10-08", "2026-10-08", None)
    assert found["lever:a"][:2] == ("2026-10-01", "2026-10-08")


def test_a_history_loaded_crawl_by_crawl_ends_as_the_same_history_loaded_at_once(
    settings: Settings, landing, kit: SimpleNamespace, tmp_path
) -> None:
    # A refresh recomputes only the postings its new crawls can change (sighted, or on a
    # board they answered); whatever order the crawls arrive in, the end is the one a
    # single refresh over all of them gives.
    from promptjobs.settings import load_settings

    item = kit.item
    a, b, c = item("lever", "a"), item("lever", "b"), item("lever", "c")
    g1 = item("lever", "g1", board="globex")
    i1 = item("lever", "i1", board="initech")
    crawls = [
        ("2026-10-01", [a, b, c, g1, i1], ["acme", "globex", "initech"], []),
        # globex failed (not listed): its posting stays open
        ("2026-10-08", [a, b, i1], ["acme", "initech"], []),
        # c comes back; b is gone from a complete crawl of acme
        ("2026-10-15", [a, c, i1], ["acme", "initech"], []),
        # initech answers 404 twice: gone
        ("2026-10-22", [a, c], ["acme"], ["initech"]),
        ("2026-10-29", [item("lever", "a", board="acme-labs")], ["acme-labs"], ["initech"]),
        # a crawl of acme only: c closes; a moved to acme-labs (same content) stays open
        ("2026-11-05", [], ["acme"], []),
        # a backfilled crawl from before b's closing, which saw b
        ("2026-10-12", [b], ["acme"], []),
    ]
    for day, items, ok, not_found in crawls:
        landing.write("lever", day, items, ok, boards_not_found=not_found)
        load(settings, kit)
    incremental = history(settings), evidence(settings)

    once = load_settings({"home": tmp_path / "once"}, environ={})
    shutil.copytree(settings.landing_dir, once.landing_dir)
    load(once, kit)
    assert (history(once), evidence(once)) == incremental
    assert incremental[0] == {
        "lever:a": ("2026-10-01", "2026-10-29", None),
        "lever:b": ("2026-10-01", "2026-10-12", "2026-10-15"),
        "lever:c": ("2026-10-01", "2026-10-22", "2026-11-05"),
        "lever:g1": ("2026-10-01", "2026-10-01", None),
        "lever:i1": ("2026-10-01", "2026-10-15", "2026-10-29"),
    }


def test_a_refresh_with_no_new_crawl_computes_no_lifecycle(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "a"), kit.item("lever", "b")])
    load(settings, kit)
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)
        recomputed = con.sql("select count(*) from lifecycle_new").fetchall()[0][0]
    assert recomputed == 0
    # A crawl of another board computes only what it can change.
    landing.write("lever", "2026-10-08", [kit.item("lever", "z", board="globex")], ["globex"])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)
        recomputed = con.sql("select posting_id from lifecycle_new").fetchall()
    assert recomputed == [("lever:z",)]


def test_a_posting_whose_runs_were_taken_in_before_it_was_loaded_gets_its_dates(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # A writer took the runs in (their lifecycle applied) without loading the postings:
    # the next refresh sees no new sighting of them and must still date them.
    landing.write("lever", "2026-10-01", [kit.item("lever", "a")])
    landing.write("lever", "2026-10-08", [kit.item("lever", "a"), kit.item("lever", "b")])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)
        apply_lifecycle(con)
    landing.write("lever", "2026-10-15", [kit.item("lever", "c")], ["globex"])
    kit.refresh(settings)
    found = history(settings)
    assert found["lever:a"] == ("2026-10-01", "2026-10-08", None)
    assert found["lever:b"] == ("2026-10-08", "2026-10-08", None)
    assert found["lever:c"] == ("2026-10-15", "2026-10-15", None)
