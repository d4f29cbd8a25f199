"""One crawl against servers that fail in every way: greenhouse boards on a fault server (one
board per fault), lever and ashby on the demo boards. The crawl must finish, the healthy
sources must land exactly what they serve, every failure must be counted by kind, nothing
half-written may be left, and nothing may leave the landing directory or the API's host.

One module-scoped crawl (a Scrapy child process costs seconds); each test checks one promise.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fault_server import (
    ALL_BOARDS,
    EXPECTED_FAILED,
    EXPECTED_NOT_FOUND,
    EXPECTED_OK,
    FAST,
    LATIN1_LOCATION,
    LATIN1_TITLE,
    FaultServer,
)

from promptjobs.settings import load_settings
from scrapers.demo.server import DemoServer
from scrapers.landing import partition_dir, read_landing
from scrapers.run import crawl
from scrapers.sources.ashby import demo as ashby_demo
from scrapers.sources.lever import demo as lever_demo

DAY = date(2026, 9, 7)
SECRET_VAR = "PROMPTJOBS_SECRET_GREENHOUSE"
SECRET_VALUE = "pj-fake-secret-5b0c2e9a41"


@dataclass
class FaultRun:
    home: Path
    stats: dict[str, dict]
    requests: list[tuple[str, dict[str, str]]]
    hits: dict[str, int]

    def landed(self, source: str) -> list[dict]:
        folder = partition_dir(self.home / "landing", source, DAY)
        return read_landing(folder / self.stats[source]["landing_file"])


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    home = tmp_path_factory.mktemp("faults") / "home"
    settings = load_settings({"home": home}, environ={})
    with pytest.MonkeyPatch.context() as mp, FaultServer(stall_s=3) as faults, DemoServer() as demo:
        # A key for a future keyed source, in the environment as the rule says.
        mp.setenv(SECRET_VAR, SECRET_VALUE)
        mp.setenv("PROMPTJOBS_HOME", str(home))
        bases = demo.api_bases(DAY) | {"greenhouse": faults.url}
        boards = {
            "greenhouse": ALL_BOARDS,
            "lever": demo.boards(DAY)["lever"],
            "ashby": demo.boards(DAY)["ashby"],
        }
        results = crawl(
            settings.crawl_config(),
            ["greenhouse", "lever", "ashby"],
            boards=boards,
            api_base=bases,
            crawl_date=DAY,
            progress=False,
            scrapy_settings=FAST,
        )
        yield FaultRun(
            home=home,
            stats={s["source"]: s for s in results},
            requests=list(faults.requests),
            hits=dict(faults.hits),
        )


def test_every_board_ends_ok_not_found_or_failed_as_its_fault_says(run: FaultRun) -> None:
    gh = run.stats["greenhouse"]
    assert gh["status"] == "partial"
    assert sorted(gh["boards_ok"]) == sorted(EXPECTED_OK)
    assert sorted(gh["boards_not_found"]) == sorted(EXPECTED_NOT_FOUND)
    assert sorted(gh["boards_failed"]) == sorted(EXPECTED_FAILED)


def test_every_failure_is_counted_by_kind(run: FaultRun) -> None:
    expected: dict[str, int] = {"board_not_found": 2, "invalid_board_token": 1}
    for kind in EXPECTED_FAILED.values():
        expected[kind] = expected.get(kind, 0) + 1
    assert run.stats["greenhouse"]["errors"] == expected


def test_recoverable_faults_are_retried_and_land_their_postings(run: FaultRun) -> None:
    by_board: dict[str, list[str]] = {}
    for record in run.landed("greenhouse"):
        by_board.setdefault(record["board"], []).append(record["source_id"])
    assert by_board == EXPECTED_OK
    # Retries stop where they should: a run of 500/502/503 is retried through (3 retries),
    # a board that is always down gets 1 + RETRY_TIMES attempts, a Retry-After of a day
    # is not waited for, a redirect loop stops at Scrapy's 20 hops.
    assert run.hits["/v1/boards/flaky-5xx/jobs"] == 4
    assert run.hits["/v1/boards/down-503/jobs"] == 4
    assert run.hits["/v1/boards/ratelimit-tomorrow/jobs"] == 1
    assert run.hits["/v1/boards/redirect-loop/jobs"] == 21


def test_non_utf8_answers_are_decoded_by_their_declared_or_detected_encoding(
    run: FaultRun,
) -> None:
    encoded = [
        r
        for r in run.landed("greenhouse")
        if r["board"] in ("latin1", "cp1252-undeclared", "utf16")
    ]
    assert len(encoded) == 3
    assert {(r["title"], r["location_raw"]) for r in encoded} == {(LATIN1_TITLE, LATIN1_LOCATION)}


def test_lone_surrogates_become_replacement_characters_instead_of_losing_the_posting(
    run: FaultRun,
) -> None:
    [record] = [r for r in run.landed("greenhouse") if r["board"] == "surrogates"]
    assert record["title"] == "Prompt \ufffdEngineer \ufffd"


def test_the_other_sources_land_everything_they_serve(run: FaultRun) -> None:
    for source, serve in (("lever", lever_demo.postings), ("ashby", ashby_demo.job_board)):
        stats = run.stats[source]
        assert stats["status"] == "ok" and stats["errors"] == {}
        served = 0
        for board in stats["boards_ok"]:
            data = serve(DAY, board)
            jobs = data if isinstance(data, list) else data["jobs"]
            # Ashby's unlisted jobs are not public postings (scrapers/sources/ashby/spider.py).
            served += sum(1 for job in jobs if job.get("isListed", True) is not False)
        assert stats["items"] == len(run.landed(source)) == served > 0


def test_no_half_written_landing_file_is_left(run: FaultRun) -> None:
    landing = run.home / "landing"
    files = [p for p in landing.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.startswith(".") or p.name.endswith(".tmp")]
    data_files = [p for p in files if p.name.endswith(".jsonl.gz")]
    assert len(data_files) == 3
    for path in data_files:
        assert path.with_name(path.name.replace(".jsonl.gz", ".stats.json")).exists()
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            assert fh.read().endswith("\n")  # complete gzip stream, whole lines


def test_a_traversal_token_reaches_neither_the_server_nor_the_file_system(run: FaultRun) -> None:
    assert not any(".." in path or "/x/" in path for path, _ in run.requests)
    written = [p.relative_to(run.home) for p in run.home.rglob("*") if p.is_file()]
    assert {p.parts[0] for p in written} <= {"landing", "logs", "jobs", "httpcache"}
    landing = [p for p in written if p.parts[0] == "landing"]
    assert all(p.parts[1].startswith("source=") and p.parts[2] == f"date={DAY}" for p in landing)
    assert not (run.home.parent / "x").exists() and not (run.home / "x").exists()


def test_api_spiders_refuse_redirects_to_another_host(run: FaultRun) -> None:
    # The offsite target (same server, host name `localhost`) was never requested, while a
    # redirect within the host was followed.
    hosts = {headers.get("Host", "").split(":")[0] for _, headers in run.requests}
    assert hosts == {"127.0.0.1"}
    assert run.hits["/v1/boards/onsite-redirect-target/jobs"] == 1


def test_the_crawler_sends_no_cookies_or_credentials(run: FaultRun) -> None:
    assert len(run.requests) > 50
    for _, headers in run.requests:
        names = {name.lower() for name in headers}
        assert not names & {"cookie", "authorization", "proxy-authorization"}
        assert "github.com/promptjobs/promptjobs" in headers["User-Agent"]


def test_a_secret_in_the_environment_is_never_sent_logged_or_landed(run: FaultRun) -> None:
    needle = SECRET_VALUE.encode()
    for _, headers in run.requests:
        assert SECRET_VALUE not in repr(headers)
    checked = 0
    for path in run.home.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        assert needle not in data, f"secret found in {path}"
        assert SECRET_VAR.encode() not in data, f"secret's name found in {path}"
        checked += 1
    assert checked >= 8  # landing + stats per source, the crawl log, the cache
    assert SECRET_VALUE not in load_settings(environ={SECRET_VAR: SECRET_VALUE}).model_dump_json()
