"""`scrapy crawl <name>` works from the project root, with the project's settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scrapers.landing import read_landing
from scrapers.registry import LANDING_SOURCES

ROOT = Path(__file__).resolve().parents[2]


def scrapy(*args: str, home: Path, **env_vars: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROMPTJOBS_HOME": str(home), **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_source_has_a_spider(tmp_path: Path):
    result = scrapy("list", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.split()) == sorted(
        LANDING_SOURCES
    )  # archive too: `backfill` runs its spider


def test_scrapy_crawl_lands_into_promptjobs_home(tmp_path: Path, fixture_server):
    server, _ = fixture_server
    # The mirror comes from PROMPTJOBS_API_BASE, as for `promptjobs crawl`.
    result = scrapy(
        "crawl",
        "workable",
        "-a",
        "boards=babelvoice",
        "-s",
        "AUTOTHROTTLE_ENABLED=0",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "HTTPCACHE_ENABLED=0",
        home=tmp_path,
        PROMPTJOBS_API_BASE=server.url,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    [landing] = list((tmp_path / "landing" / "source=workable").glob("date=*/*.jsonl.gz"))
    assert [r["company"] for r in read_landing(landing)] == ["Babel Voice"]
    assert landing.with_name(landing.name.replace(".jsonl.gz", ".stats.json")).exists()


def test_spider_contracts_pass_offline(tmp_path: Path):
    result = scrapy("check", home=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "OK" in result.stderr and "Ran 34 contracts" in result.stderr
