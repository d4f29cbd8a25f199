"""The asset checks on a small hand-written warehouse: a clean fixture passes every check,
and each corruption makes exactly the check that guards against it fail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
from pipelines_fixtures import (
    CRAWL_DAY,
    TAXONOMY,
    extraction,
    land_every_source,
    landed_posting_id,
    posting_item,
    write_landing,
)

from pipelines.checks import build_checks
from pipelines.definitions import build_assets
from pipelines.keys import REPORT, table_key
from pipelines.partitions import CONTRACT_SOURCES
from pipelines.resources import build_resources
from promptjobs.settings import load_settings

CHECKS_ON_DATA = dg.AssetSelection.all_asset_checks() - dg.AssetSelection.checks_for_assets(REPORT)


def load_fixture(records: list[dict] | None = None) -> list[str]:
    """Land one posting per source, then load them with their extraction records."""
    from warehouse.extraction_handoff import load_extractions
    from warehouse.landing_ingest import ingest_landing
    from warehouse.lifecycle import compute_lifecycle
    from warehouse.taxonomy import load_taxonomy

    settings = load_settings()
    ids = land_every_source(settings.landing_dir)
    by_id = {r["id"]: r for r in records or []}
    assert set(by_id) <= set(ids), f"records for postings never landed: {set(by_id) - set(ids)}"
    with settings.open_warehouse().writer() as con:
        load_taxonomy(con, TAXONOMY)
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        load_extractions(con, [by_id.get(pid, extraction(pid)) for pid in ids], "fixture-1")
    return ids


def run_checks(
    instance: dg.DagsterInstance | None = None,
) -> dict[str, dg.AssetCheckEvaluation]:
    result = dg.materialize(
        [*build_assets(), *build_checks()],
        selection=CHECKS_ON_DATA,
        resources=build_resources(),
        instance=instance,
        raise_on_error=False,
    )
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def failing(evaluations: dict[str, dg.AssetCheckEvaluation]) -> set[str]:
    return {name for name, e in evaluations.items() if not e.passed}


def test_clean_fixture_passes_every_check(project_home: Path) -> None:
    load_fixture()
    evaluations = run_checks()
    assert {"salary_min_not_above_max", "unique_source_ids", "hn_crawled_recently"} <= set(
        evaluations
    )
    assert failing(evaluations) == set()


def test_salary_min_above_max_fails_the_salary_check(project_home: Path) -> None:
    lever = landed_posting_id("lever")
    bad = extraction(lever, low=250000, high=120000)
    load_fixture([bad])
    evaluations = run_checks()
    assert failing(evaluations) == {"salary_min_not_above_max"}
    check = evaluations["salary_min_not_above_max"]
    assert check.metadata["violations"].value == 2  # postings and posting_salaries
    assert lever in check.metadata["examples"].value


def test_an_hourly_rate_read_as_yearly_fails_the_plausible_range_check(
    project_home: Path,
) -> None:
    # $95/h mistaken for thousands per hour: 95,000 * 2,080 h.
    ashby = landed_posting_id("ashby")
    bad = extraction(ashby, low=197_600_000, high=197_600_000)
    load_fixture([bad])
    evaluations = run_checks()
    assert failing(evaluations) == {"annual_usd_plausible"}
    assert ashby in evaluations["annual_usd_plausible"].metadata["examples"].value


def test_a_skill_missing_from_the_taxonomy_fails_the_reference_check(
    project_home: Path,
) -> None:
    bad = extraction(landed_posting_id("hn"), skills=["python", "quantum_knitting"])
    load_fixture([bad])
    evaluations = run_checks()
    assert failing(evaluations) == {"skill_ids_known"}
    assert "quantum_knitting" in evaluations["skill_ids_known"].metadata["examples"].value


def test_a_duplicated_posting_fails_the_uniqueness_check(project_home: Path) -> None:

    load_fixture()
    with load_settings().open_warehouse().writer() as con:
        # What a broken load would leave behind: the same job twice.
        con.execute(
            "insert into postings select * from postings where posting_id = ?",
            [landed_posting_id("lever")],
        )
        assert (
            con.execute("select count(*) from postings").fetchone()[0] == len(CONTRACT_SOURCES) + 1
        )
    evaluations = run_checks()
    assert failing(evaluations) == {"unique_source_ids"}
    assert evaluations["unique_source_ids"].severity == dg.AssetCheckSeverity.ERROR


def test_a_source_not_crawled_for_two_days_is_a_freshness_warning(project_home: Path) -> None:
    from warehouse.landing_ingest import ingest_landing
    from warehouse.taxonomy import load_taxonomy

    settings = load_settings()
    land_every_source(settings.landing_dir)
    # remotive's only crawl finished two days ago.
    for path in settings.landing_dir.glob("source=remotive/date=*/*"):
        path.unlink()
    write_landing(
        settings.landing_dir,
        "remotive",
        [posting_item("remotive", "r-1", "Prompt Engineer", "Remote Co")],
        day=CRAWL_DAY - timedelta(days=2),
        finished_at=datetime.now(UTC) - timedelta(days=2),
    )
    with settings.open_warehouse().writer() as con:
        load_taxonomy(con, TAXONOMY)
        ingest_landing(con, settings.landing_dir)
    evaluations = run_checks()
    assert failing(evaluations) == {"remotive_crawled_recently"}
    warning = evaluations["remotive_crawled_recently"]
    assert warning.severity == dg.AssetCheckSeverity.WARN
    assert warning.metadata["age_hours"].value >= 47


def test_a_table_losing_most_rows_fails_the_row_count_check(project_home: Path) -> None:

    settings = load_settings()
    land_every_source(settings.landing_dir)
    ingest = dg.AssetSelection.assets(table_key("raw_postings")).required_multi_asset_neighbors()
    with dg.instance_for_test() as instance:
        first = dg.materialize(
            [*build_assets(), *build_checks()],
            selection=ingest,
            resources=build_resources(),
            instance=instance,
        )
        assert first.success
        with settings.open_warehouse().writer() as con:
            con.execute("delete from raw_postings where source <> 'greenhouse'")
        second = dg.materialize(
            [*build_assets(), *build_checks()],
            selection=ingest,
            resources=build_resources(),
            instance=instance,
            raise_on_error=False,
        )
    by_asset = {(e.asset_key, e.check_name): e for e in second.get_asset_check_evaluations()}
    collapsed = by_asset[(table_key("raw_postings"), "row_count_not_collapsed")]
    assert not collapsed.passed
    assert collapsed.metadata["previous_row_count"].value == len(CONTRACT_SOURCES)
    assert collapsed.metadata["row_count"].value == 1
