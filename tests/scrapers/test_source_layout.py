"""A source is one folder: every listed source has all its parts, and a new folder is picked up
by the registry, Scrapy's SpiderLoader, the crawl child, the demo server, the CLI and dedupe
without any other file being edited."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest

from scrapers import settings as project_settings
from scrapers.registry import ATS_SOURCES, LANDING_SOURCES, SOURCES
from scrapers.sources import (
    SourceInfo,
    SourceLayoutError,
    all_sources,
    dedupe_priorities,
    source_module,
    spider_modules,
)
from scrapers.sources.base import PostingSpider
from warehouse.dedupe import UnknownSourcePriority, find_clusters

ROOT = Path(__file__).resolve().parents[2]
SOURCES_DIR = ROOT / "scrapers" / "sources"


@pytest.mark.parametrize("info", all_sources(), ids=lambda s: s.name)
def test_every_source_folder_has_metadata_spider_parser_demo_and_tests(info: SourceInfo):
    folder = SOURCES_DIR / info.name
    spiders = [
        obj
        for _, obj in inspect.getmembers(source_module(info.name, "spider"), inspect.isclass)
        if issubclass(obj, PostingSpider) and obj.__module__.endswith(f"{info.name}.spider")
    ]
    assert [s.name for s in spiders] == [info.name]
    [spider] = spiders
    assert spider.info is info and spider.source == info.name
    # The politeness of the metadata is what Scrapy gets.
    assert spider.custom_settings["DOWNLOAD_DELAY"] == info.politeness.delay_s
    assert (folder / "parse.py").is_file()
    demo = source_module(info.name, "demo")
    assert callable(demo.boards) and callable(demo.serve)
    assert list((folder / "tests").glob("test_*.py")), "the source's tests live in its folder"
    assert list((folder / "tests" / "fixtures").iterdir()), "with our own wire-format fixtures"
    assert info.name in LANDING_SOURCES and info.name in dedupe_priorities()
    # An archive source lands files but is not crawled (`promptjobs backfill` runs it).
    assert (info.name in SOURCES) == (info.kind != "archive")
    assert (info.name in ATS_SOURCES) == (info.kind == "ats")


def docs_source_table() -> dict[str, list[str]]:
    """The source table of docs/architecture.md §5: name -> its cells."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## 5. Sources", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 5:
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_the_docs_source_table_has_one_true_line_per_source():
    table = docs_source_table()
    assert sorted(table) == sorted(LANDING_SOURCES)
    for info in all_sources():
        kind, _api, priority, politeness = table[info.name]
        per_host = (
            info.politeness.per_host_concurrency or project_settings.CONCURRENT_REQUESTS_PER_DOMAIN
        )
        assert (kind, int(priority)) == (info.kind, info.dedupe_priority), info.name
        assert politeness == f"{info.politeness.delay_s:g} s, {per_host}", info.name


def test_the_spider_modules_are_the_source_folders():
    assert spider_modules() == [f"scrapers.sources.{s}.spider" for s in LANDING_SOURCES]


def test_a_source_missing_from_the_priorities_fails_loudly_instead_of_getting_a_default():
    candidates = pl.DataFrame(
        {
            "posting_id": ["a", "b"],
            "source": ["greenhouse", "newboard"],
            "company_key": ["acme", "acme"],
            "title": ["Prompt Engineer", "Prompt Engineer"],
            "country": ["us", "us"],
            "city": ["", ""],
            "period_start": [20_000, 20_001],
            "period_end": [20_010, 20_011],
        },
        schema_overrides={"period_start": pl.Date, "period_end": pl.Date},
    )
    with pytest.raises(UnknownSourcePriority, match="newboard"):
        find_clusters(candidates, dedupe_priorities())
    clusters = find_clusters(candidates, {**dedupe_priorities(), "newboard": 0})
    assert set(clusters["canonical_posting_id"]) == {"a"}  # same rank: the earlier one


FAKE_SOURCE = {
    "__init__.py": """
        from scrapers.sources import Politeness, SourceInfo

        SOURCE = SourceInfo(
            name="fakeboard",
            kind="ats",
            dedupe_priority=0,
            politeness=Politeness(delay_s=2.5, per_host_concurrency=2),
            terms_url="https://fakeboard.example/terms",
        )
    """,
    "parse.py": """
        from scrapers.items import build_posting

        def parse_job(job, board, company, fetched_at):
            return build_posting(
                source="fakeboard", board=board, source_id=job["id"], url=job["url"],
                company=company, title=job["title"], description_html=job["html"],
                fetched_at=fetched_at,
            )
    """,
    "spider.py": """
        from scrapers.sources.base import PostingSpider
        from scrapers.sources.fakeboard import SOURCE
        from scrapers.sources.fakeboard.parse import parse_job

        class FakeBoardSpider(PostingSpider, info=SOURCE):
            def board_requests(self, board):
                yield self.board_request(
                    f"{self.api_base}/v1/{board}/jobs", board, self.parse_board, root=True
                )

            def parse_board(self, response, board):
                jobs = self.expect(self.json_of(response), list, "jobs")
                fetched = self.fetched_at()
                company = self.company_name(board)
                yield from self.each_posting(jobs, lambda j: parse_job(j, board, company, fetched))
    """,
    "demo.py": """
        from scrapers.demo.http import json_reply

        def boards(day, base):
            return ["acme-ai"]

        def serve(request):
            if request.segments == ("v1", "acme-ai", "jobs"):
                return json_reply([
                    {"id": n, "url": f"https://fakeboard.example/{n}", "title": f"Role {n}",
                     "html": "<p>Write prompts.</p>"}
                    for n in (1, 2)
                ])
            return None
    """,
}

PROBE = """
import json, sys
from pathlib import Path
import scrapers.sources
scrapers.sources.__path__.append(sys.argv[1])  # the new folder, next to the real ones

from typer.testing import CliRunner
from scrapy.settings import Settings as ScrapySettings
from scrapy.spiderloader import SpiderLoader

from promptjobs.cli import app
from promptjobs.settings import load_settings
from scrapers import child, run
from scrapers.demo.server import DemoServer
from scrapers.landing import partition_dir, read_landing
from scrapers.registry import ATS_SOURCES, SOURCES, load_registry
from scrapers.sources import dedupe_priorities

boards = Path(sys.argv[2]) / "boards.toml"
boards.write_text('[api]\\nfakeboard = "https://fakeboard.example"\\n'
                  '[[employers]]\\nname = "Acme AI"\\nats = "fakeboard"\\nboard = "acme-ai"\\n')
scrapy_settings = ScrapySettings()
scrapy_settings.setmodule("scrapers.settings")
loader = SpiderLoader.from_settings(scrapy_settings)
out = {
    "sources": list(SOURCES),
    "ats": list(ATS_SOURCES),
    "registry_boards": load_registry(boards).boards_for("fakeboard"),
    "spiders": loader.list(),
    "custom_settings": loader.load("fakeboard").custom_settings,
    "priority": dedupe_priorities()["fakeboard"],
    "cli_help": CliRunner().invoke(app, ["crawl", "--help"], terminal_width=200).output,
}
settings = load_settings({"home": Path(sys.argv[2]) / "home"}, environ={})
settings.ensure_home()
with DemoServer() as demo:
    day = demo.snapshot_dates[0]
    out["demo_sources"] = demo.sources(day)
    job = run._job(
        settings, "fakeboard", boards=demo.boards(day), api_base=demo.api_bases(day),
        crawl_date=day, replay=False, urls=None, months=None, log_level="WARNING",
        scrapy_settings={"HTTPCACHE_ENABLED": False},
    )
    child.run({"jobs": [job]})  # the crawl child's code path: SpiderLoader, one CrawlerProcess
landed = sorted(partition_dir(settings.landing_dir, "fakeboard", day).glob("*.jsonl.gz"))
out["landed"] = [(r["company"], r["title"]) for path in landed for r in read_landing(path)]
print(json.dumps(out))
"""


@pytest.mark.slow
def test_a_new_source_folder_is_picked_up_without_editing_any_other_file(tmp_path: Path):
    extra = tmp_path / "extra_sources"
    (extra / "fakeboard").mkdir(parents=True)
    for name, code in FAKE_SOURCE.items():
        (extra / "fakeboard" / name).write_text(textwrap.dedent(code).lstrip())
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(extra), str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert "fakeboard" in out["sources"] and "fakeboard" in out["ats"]
    assert out["registry_boards"] == ["acme-ai"]
    assert "fakeboard" in out["spiders"]
    assert out["custom_settings"] == {"DOWNLOAD_DELAY": 2.5, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
    assert out["priority"] == 0
    assert "fakeboard" in out["cli_help"]
    assert "fakeboard" in out["demo_sources"]
    assert out["landed"] == [["Acme Ai", "Role 1"], ["Acme Ai", "Role 2"]]


def test_a_folder_without_metadata_is_a_clear_error(tmp_path: Path):
    (tmp_path / "halfdone").mkdir()
    (tmp_path / "halfdone" / "__init__.py").write_text("# no SOURCE yet\n")
    code = (
        "import sys, scrapers.sources as s; s.__path__.append(sys.argv[1]); "
        "s.all_sources.cache_clear(); s.all_sources()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert SourceLayoutError.__name__ in result.stderr
    assert "scrapers/sources/halfdone/__init__.py must define SOURCE" in result.stderr
