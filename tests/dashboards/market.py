"""A small job market written by us, crawled on several dates, loaded by the real refresh.

The report tests run on warehouses built the way production builds them: landing files in
the scrapers' format (docs/architecture.md §1) for every crawl date, then
`warehouse.refresh.run_refresh` with the real spaCy extractor (`transforms.extract`), the
real taxonomy, the real loads, lifecycle, dedupe and `create_views`. Nothing here is a
stand-in for a view: the report reads what the real views compute from these records.

`Job` is one posting as a board shows it, plus the crawls it is visible in; `market()`
draws a seeded, plausible market of them; `build_warehouse()` lands and loads any list.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from promptjobs.settings import Settings, load_settings
from scrapers.sources import dedupe_priorities
from transforms.extract import EXTRACTOR_VERSION, Extractor
from transforms.taxonomy import load_taxonomy
from warehouse.refresh import RefreshSummary, per_record, run_refresh

# Weekly crawls on Mondays; the report is built on the Saturday after the last one, so the
# last crawled week is not complete yet.
CRAWLS: tuple[date, ...] = tuple(date(2026, 9, 28) + timedelta(weeks=k) for k in range(8))
REPORT_DAY = date(2026, 11, 21)

# Untrusted text as a hostile board could send it.
INJECTED_COMPANY = (
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','company')\">Acme"
)
INJECTED_TITLE = (
    "Prompt Engineer <script>document.documentElement.setAttribute('data-pwned','title')</script>"
)

# source -> (boards, attribution link its terms ask for, or None)
SOURCES: dict[str, tuple[tuple[str, ...], str | None]] = {
    "greenhouse": (("northwind", "lumen", "tessellate"), None),
    "lever": (("quillstone", "parsec"), None),
    "ashby": (("harbor", "cinder"), None),
    "remoteok": (("remoteok",), "https://remoteok.com"),
}
COMPANIES = {
    "northwind": "Northwind AI",
    "lumen": "Lumen Labs",
    "tessellate": "Tessellate",
    "quillstone": "Quillstone",
    "parsec": "Parsec Health",
    "harbor": "Harbor Analytics",
    "cinder": "Cinder Robotics",
}
FEED_COMPANIES = ("Vellum Studio", "Kestrel Games", "Polyglot Learning", "Orchid Biotech")
PLACES = (
    "San Francisco, CA",
    "New York, NY",
    "Seattle, WA",
    "Austin, TX",
    "Boston, MA",
    "Remote (US)",
    "London, United Kingdom",
    "Berlin, Germany",
    "Toronto, Canada",
)

# Duties per role class: what makes the extractor call a posting core / adjacent / other.
DUTIES = {
    "core": (
        "You will write, test and refine prompts and system prompts for our LLM products.",
        "Design prompt templates and evaluation sets for large language models.",
        "Own prompt engineering for our assistant: prompt design, evals and red teaming.",
    ),
    "adjacent": (
        "Build RAG pipelines and LLM agents in production.",
        "Fine-tune large language models and ship them behind our API.",
        "Evaluate model outputs and write rubrics for RLHF data.",
    ),
    "other": (
        "Build dashboards and reports for the finance team.",
        "Run our cloud infrastructure and on-call rotation.",
        "Own enterprise accounts and close new business.",
    ),
}
TITLES = {
    "core": ("Prompt Engineer", "Senior Prompt Engineer", "Prompt Designer", "AI Prompt Writer"),
    "adjacent": ("AI Engineer", "LLM Engineer", "Machine Learning Engineer, GenAI", "AI Trainer"),
    "other": ("Data Analyst", "Site Reliability Engineer", "Account Executive", "Backend Engineer"),
}
SKILL_LINES = (
    "Strong Python skills.",
    "Experience with SQL.",
    "Background in linguistics.",
    "Knowledge of psychology or human factors research.",
    "Creative writing experience.",
    "Experience with RAG and vector databases.",
    "Experience with Kubernetes and AWS.",
    "Experience with PyTorch.",
    "Familiarity with evals for LLMs.",
)
PAY_BY_ROLE = {
    "core": (150_000, 230_000),
    "adjacent": (160_000, 260_000),
    "other": (90_000, 160_000),
}


@dataclass
class Job:
    """One posting as its board shows it, and the crawls (indexes into `crawls`) it is in."""

    source: str
    board: str
    source_id: str
    company: str
    title: str
    text: str
    location: str | None = "San Francisco, CA"
    pay: tuple[float | None, float | None] | None = None  # USD a year, as the board states it
    posted_at: date | None = None
    seen: Sequence[int] = field(default_factory=lambda: range(len(CRAWLS)))
    attribution_url: str | None = None

    def item(self, crawl_date: date) -> dict[str, Any]:
        """The landing record a scraper writes for this job on one crawl."""
        compensation = None
        if self.pay is not None:
            lo, hi = self.pay
            compensation = {
                "min": lo,
                "max": hi,
                "currency": "USD",
                "period": "year",
                "raw": f"${lo or ''}-${hi or ''}",
            }
        return {
            "source": self.source,
            "board": self.board,
            "source_id": self.source_id,
            "url": f"https://boards.example.org/{self.board}/{self.source_id}",
            "company": self.company,
            "title": self.title,
            "location_raw": self.location,
            "remote_hint": "remote" if self.location and "Remote" in self.location else None,
            "description_html": None,
            "description_text": self.text,
            "posted_at": f"{self.posted_at.isoformat()}T09:00:00Z" if self.posted_at else None,
            "updated_at": None,
            "fetched_at": f"{crawl_date.isoformat()}T06:00:00Z",
            "employment_type": "full-time",
            "compensation": compensation,
            "compensation_ranges": [],
            "attribution_url": self.attribution_url,
        }


def job_text(role: str, rng: random.Random, years: int | None = None, extra: str = "") -> str:
    lines = ["About the role", rng.choice(DUTIES[role])]
    lines += ["Requirements", *rng.sample(SKILL_LINES, 3)]
    if years is not None:
        lines.append(f"{years}+ years of experience.")
    if extra:
        lines.append(extra)
    return "\n".join(lines)


def market(
    seed: int = 7, *, per_crawl: int = 30, hostile: bool = False, crawls: Sequence[date] = CRAWLS
) -> list[Job]:
    """A plausible market: `per_crawl` new jobs appear before each crawl, a stock of older
    jobs is open at the first crawl (posted up to ten weeks earlier), jobs close after two
    to nine weeks, a few companies repost a job after it closed, about 55% state pay."""
    rng = random.Random(seed)
    jobs: list[Job] = []
    serial = 0

    def new_job(role: str, posted: date, first: int) -> Job:
        nonlocal serial
        serial += 1
        source = rng.choices(list(SOURCES), weights=(5, 3, 2, 2))[0]
        boards, attribution = SOURCES[source]
        board = rng.choice(boards)
        company = COMPANIES.get(board) or rng.choice(FEED_COMPANIES)
        lifetime = rng.randint(2, 9)
        lo, hi = PAY_BY_ROLE[role]
        pay = None
        if rng.random() < 0.55:
            low = rng.randrange(lo, hi, 5_000)
            pay = (float(low), float(low + rng.randrange(20_000, 90_000, 5_000)))
        years = rng.choice((None, 1, 2, 3, 4, 5, 7))
        return Job(
            source=source,
            board=board,
            source_id=f"{board}-{serial}",
            company=company,
            title=rng.choice(TITLES[role]),
            text=job_text(role, rng, years),
            location=rng.choice(PLACES),
            pay=pay,
            posted_at=posted,
            seen=range(first, min(len(crawls), first + lifetime)),
            attribution_url=attribution,
        )

    roles = ("core", "adjacent", "other")
    weights = (0.25, 0.45, 0.30)
    # The stock open at the first crawl: survivors of the weeks before it.
    for _ in range(per_crawl * 2):
        posted = crawls[0] - timedelta(days=rng.randint(1, 70))
        jobs.append(new_job(rng.choices(roles, weights)[0], posted, 0))
    for k in range(1, len(crawls)):
        for _ in range(per_crawl + rng.randint(-5, 5)):
            posted = crawls[k] - timedelta(days=rng.randint(1, 7))
            jobs.append(new_job(rng.choices(roles, weights)[0], posted, k))
    # Reposts: the same company posts the same title again after the first one closed.
    for job in [j for j in jobs if j.seen and j.seen[-1] < len(crawls) - 3][:6]:
        serial += 1
        again = job.seen[-1] + 2
        jobs.append(
            dataclasses.replace(
                job,
                source_id=f"{job.board}-{serial}",
                posted_at=crawls[again] - timedelta(days=2),
                seen=range(again, len(crawls)),
            )
        )
    if hostile:
        biggest = max(set(COMPANIES.values()), key=lambda c: sum(j.company == c for j in jobs))
        for job in jobs:
            if job.company == biggest:
                job.company = INJECTED_COMPANY
        core = [j for j in jobs if j.title in TITLES["core"]][:30]
        for job in core:
            job.title = INJECTED_TITLE
        for job in jobs:
            if job.source == "remoteok":
                job.attribution_url = "javascript:alert(1)"
    return jobs


def write_landing(
    landing_dir: Path,
    jobs: Iterable[Job],
    crawls: Sequence[date] = CRAWLS,
    *,
    failed_boards: dict[int, set[str]] | None = None,
) -> int:
    """One landing file per source and crawl date, with its stats file (the crawl covered
    every board that had jobs, minus `failed_boards[crawl index]`). Returns files written."""
    jobs = list(jobs)
    written = 0
    for k, day in enumerate(crawls):
        for source, (boards, _) in SOURCES.items():
            items = [j.item(day) for j in jobs if j.source == source and k in j.seen]
            failed = sorted((failed_boards or {}).get(k, set()) & set(boards))
            run_id = f"{day:%Y%m%d}T060000-{source}"
            folder = landing_dir / f"source={source}" / f"date={day.isoformat()}"
            folder.mkdir(parents=True, exist_ok=True)
            with gzip.open(folder / f"{run_id}.jsonl.gz", "wt", encoding="utf-8") as fh:
                for item in items:
                    if item["board"] not in failed:
                        fh.write(json.dumps(item) + "\n")
            stats = {
                "run_id": run_id,
                "source": source,
                "crawl_date": day.isoformat(),
                "started_at": f"{day.isoformat()}T06:00:00Z",
                "finished_at": f"{day.isoformat()}T06:01:00Z",
                "duration_s": 60.0,
                "status": "partial" if failed else "ok",
                "requests": len(items) + 1,
                "responses": len(items) + 1,
                "items": len(items),
                "items_invalid": 0,
                "errors": {},
                "boards_ok": [b for b in boards if b not in failed],
                "boards_not_found": [],
                "boards_failed": failed,
            }
            (folder / f"{run_id}.stats.json").write_text(json.dumps(stats), encoding="utf-8")
            written += 1
    return written


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    """The real extractor, built once per test process (the spaCy pipeline takes ~3 s)."""
    return Extractor()


@lru_cache(maxsize=1)
def taxonomy() -> list[dict[str, Any]]:
    return [dataclasses.asdict(skill) for skill in load_taxonomy()]


def settings_for(home: Path) -> Settings:
    return load_settings({"home": home}, environ={})


def refresh(settings: Settings) -> RefreshSummary:
    """The refresh as `promptjobs refresh --no-crawl` runs it, in this process."""
    return run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        per_record(lambda records: extractor().extract_many(records)),
        EXTRACTOR_VERSION,
        taxonomy(),
        source_priority=dedupe_priorities(),
    )


def build_warehouse(
    home: Path,
    jobs: Iterable[Job],
    crawls: Sequence[date] = CRAWLS,
    *,
    failed_boards: dict[int, set[str]] | None = None,
) -> Path:
    """Land `jobs` for every crawl date, run the real refresh; return the warehouse file."""
    settings = settings_for(home)
    settings.ensure_home()
    write_landing(settings.landing_dir, jobs, crawls, failed_boards=failed_boards)
    refresh(settings)
    return Path(settings.warehouse_target)
