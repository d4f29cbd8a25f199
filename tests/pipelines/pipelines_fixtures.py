"""Small hand-written fixtures: landing files (docs/architecture.md §1) and extraction
output records (§2) for two prompt-engineering jobs, loaded through the real loads."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from pipelines.partitions import CONTRACT_SOURCES

CRAWL_DAY = date(2026, 11, 2)


def posting_item(source: str, source_id: str, title: str, company: str) -> dict[str, Any]:
    return {
        "source": source,
        "board": company.lower().replace(" ", ""),
        "source_id": source_id,
        "url": f"https://jobs.example.org/{source}/{source_id}",
        "company": company,
        "title": title,
        "location_raw": "San Francisco, CA",
        "remote_hint": "hybrid",
        "description_html": None,
        "description_text": f"{title} at {company}. Design and evaluate prompts for LLM "
        "features; Python and evaluation harnesses. Base pay $180,000 - $240,000 per year.",
        "posted_at": "2026-10-28T00:00:00Z",
        "updated_at": None,
        "fetched_at": f"{CRAWL_DAY.isoformat()}T06:00:00Z",
        "employment_type": "full-time",
        "compensation": {
            "min": 180000,
            "max": 240000,
            "currency": "USD",
            "period": "year",
            "raw": "$180,000 - $240,000",
        },
        "compensation_ranges": [],
        "attribution_url": None,
    }


def write_landing(
    landing_dir: Path,
    source: str,
    items: list[dict[str, Any]],
    *,
    day: date = CRAWL_DAY,
    finished_at: datetime | None = None,
    run_id: str | None = None,
) -> Path:
    """A complete landing file: the JSONL.gz, then its stats file (written last)."""
    finished = finished_at or datetime.now(UTC)
    run_id = run_id or f"{finished.strftime('%Y%m%dT%H%M%S')}-{abs(hash(source)) % 16**8:08x}"
    folder = landing_dir / f"source={source}" / f"date={day.isoformat()}"
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / f"{run_id}.jsonl.gz", "wt", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item) + "\n")
    boards = sorted({item["board"] for item in items})
    stats = {
        "run_id": run_id,
        "source": source,
        "crawl_date": day.isoformat(),
        "started_at": (finished - timedelta(seconds=4)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finished_at": finished.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration_s": 4.0,
        "status": "ok",
        "requests": len(boards),
        "responses": len(boards),
        "items": len(items),
        "items_invalid": 0,
        "errors": {},
        "boards_ok": boards,
        "boards_not_found": [],
        "boards_failed": [],
    }
    (folder / f"{run_id}.stats.json").write_text(json.dumps(stats), encoding="utf-8")
    return folder


def extraction(posting_id: str, *, low: float = 180000, high: float = 240000, **extra: Any) -> dict:
    """An extract output record as transforms/ would produce it for a US salaried job."""
    record = {
        "id": posting_id,
        "role": "prompt_engineer",
        "seniority": "senior",
        "remote": "hybrid",
        "salary": {
            "min": low,
            "max": high,
            "currency": "USD",
            "period": "year",
            "min_annual_usd": low,
            "max_annual_usd": high,
        },
        "skills": ["python", "prompt_engineering"],
        "salary_source": "structured",
        "skill_evidence": [{"skill_id": "python", "text": "Python"}],
        "role_evidence": "Prompt Engineer",
        "location": {
            "city": "San Francisco",
            "region": "California",
            "country": "US",
            "us_state": "CA",
            "world_region": "North America",
            "raw": "San Francisco, CA",
        },
        "years_experience": {"min": 3, "max": None},
        "skill_families": ["ai_ml", "programming"],
        "extractor_version": "fixture-1",
    }
    record.update(extra)
    return record


TAXONOMY = [
    {"id": "python", "name": "Python", "category": "language", "family": "programming"},
    {
        "id": "prompt_engineering",
        "name": "Prompt engineering",
        "category": "llm",
        "family": "ai_ml",
    },
]


def landed_posting_id(source: str) -> str:
    """The posting id land_every_source gives the one posting of `source`."""
    return f"{source}:job-{CONTRACT_SOURCES.index(source)}"


def land_every_source(landing_dir: Path, finished_at: datetime | None = None) -> list[str]:
    """One posting per source, all crawled successfully; returns the posting ids."""
    ids = []
    for n, source in enumerate(CONTRACT_SOURCES):
        item = posting_item(source, f"job-{n}", "Senior Prompt Engineer", f"Acme {n}")
        write_landing(landing_dir, source, [item], finished_at=finished_at)
        ids.append(landed_posting_id(source))
    return ids
