"""A failing source fails its own landing partition, is retried, and the others complete."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.assets.landing import build_landing_assets
from pipelines.keys import landing_key
from pipelines.resources import CrawlerResource, build_resources

pytestmark = pytest.mark.slow


def write_boards_file(path: Path, greenhouse_api: str, lever_api: str) -> Path:
    path.write_text(
        f"""
[api]
greenhouse = "{greenhouse_api}"
lever = "{lever_api}"

[[employers]]
name = "Lumina Labs"
ats = "greenhouse"
board = "luminalabs"

[[employers]]
name = "Vanished Corp"
ats = "lever"
board = "vanishedcorp"
""",
        encoding="utf-8",
    )
    return path


def test_a_failing_source_fails_alone_and_is_retried(
    project_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrapers.demo.server import DemoServer
    from scrapers.loopback import LoopbackServer, Reply

    # Lever is down: every request answers 503, so each attempt of its crawl fails.
    with DemoServer() as demo, LoopbackServer(lambda _path: Reply(status=503)) as lever_down:
        day = demo.snapshot_dates[0]
        boards = write_boards_file(
            tmp_path / "boards.toml",
            greenhouse_api=demo.api_bases(day)["greenhouse"],
            lever_api=lever_down.url,
        )
        monkeypatch.setenv("PROMPTJOBS_ENV", "live")
        monkeypatch.setenv("PROMPTJOBS_BOARDS_FILE", str(boards))
        landing = build_landing_assets(dg.RetryPolicy(max_retries=1, delay=0))
        selected = [
            a for a in landing if a.key in {landing_key("greenhouse"), landing_key("lever")}
        ]
        resources = build_resources()
        # No Scrapy-level retries, so the test sees Dagster's retry alone.
        resources["crawler"] = CrawlerResource(
            config=resources["promptjobs_config"], scrapy_settings={"RETRY_TIMES": "0"}
        )
        result = dg.materialize(
            selected, partition_key=day.isoformat(), resources=resources, raise_on_error=False
        )

    assert not result.success
    materialized = {e.asset_key for e in result.get_asset_materialization_events()}
    assert materialized == {landing_key("greenhouse")}
    greenhouse = result.asset_materializations_for_node("landing__greenhouse")[0]
    assert greenhouse.metadata["items"].value > 0
    assert greenhouse.metadata["status"].value == "ok"

    lever_runs = list((project_home / "landing").glob("source=lever/date=*/*.stats.json"))
    assert len(lever_runs) == 2, "the first attempt and one retry"
    retried = [e for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"]
    assert [e.step_key for e in retried] == ["landing__lever"]
    failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert [e.step_key for e in failures] == ["landing__lever"]
    why = failures[0].step_failure_data.user_failure_data
    assert why.description.startswith(f"crawl of lever for {day} failed")
    assert why.metadata["boards_failed"].value == 1

    assert len(list((project_home / "landing").glob("source=greenhouse/date=*/*.stats.json"))) == 1


def test_a_demo_day_before_the_first_snapshot_fails_once_with_what_to_do(
    project_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrapers.demo.server import DemoServer

    monkeypatch.setenv("PROMPTJOBS_ENV", "demo")
    first = DemoServer().snapshot_dates[0]
    greenhouse = [a for a in build_landing_assets() if a.key == landing_key("greenhouse")]
    result = dg.materialize(
        greenhouse,
        partition_key="2025-06-01",
        resources=build_resources(),
        raise_on_error=False,
    )
    assert not result.success
    assert not [e for e in result.all_events if e.event_type_value == "STEP_UP_FOR_RETRY"]
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    message = failure.step_failure_data.user_failure_data.description
    assert message == (
        f"the demo boards start on {first.isoformat()}; "
        f"materialise a partition from {first.isoformat()} on"
    )
    assert not (project_home / "landing").exists()
