"""Archive history written by us, in the shape `promptjobs backfill` lands it (one landing
file per archive and capture day, in the partition of the capture day, `boards_ok` empty,
the capture as provenance in `raw`), loaded with a market by the real refresh (market.py)."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from market import TITLES, Job, build_warehouse, job_text, settings_for

BOARDS = ("northwind", "lumen", "tessellate")

# month -> (core, adjacent, other) archived postings captured that month
Months = Mapping[date, tuple[int, int, int]]


def archive_items(months: Months, seed: int = 19) -> dict[date, list[dict[str, Any]]]:
    """Capture day -> the archive landing records of that day: each month's jobs captured on
    the 10th (new jobs each month, so every month's share is its own)."""
    rng = random.Random(seed)
    out: dict[date, list[dict[str, Any]]] = {}
    serial = 0
    for month, counts in sorted(months.items()):
        day = month.replace(day=10)
        items = []
        for role, count in zip(("core", "adjacent", "other"), counts, strict=True):
            for _ in range(count):
                serial += 1
                board = BOARDS[serial % len(BOARDS)]
                job_id = str(4_000_000 + serial)
                url = f"https://boards.greenhouse.io/{board}/jobs/{job_id}"
                item = Job(
                    source="archive",
                    board=board,
                    source_id=f"greenhouse:{job_id}",
                    company=board.capitalize(),
                    title=rng.choice(TITLES[role]),
                    text=job_text(role, rng),
                    posted_at=month,
                ).item(day)
                item["url"] = url
                item["fetched_at"] = f"{day.isoformat()}T10:10:10Z"
                item["raw"] = {
                    "archive": "commoncrawl",
                    "record_id": f"crawl-data/CC-MAIN/x.warc.gz#bytes={serial}-{serial + 99}",
                    "capture_key": f"commoncrawl:D{serial}:{day:%Y%m%d}101010",
                    "ats": "greenhouse",
                    "board": board,
                    "job_id": job_id,
                }
                items.append(item)
        out[day] = items
    return out


def write_archive_landing(landing_dir: Path, months: Months) -> int:
    """The archive landing files of `months`; returns the number of postings written."""
    written = 0
    for day, items in archive_items(months).items():
        run_id = f"{day:%Y%m%d}T101010-archive"
        folder = landing_dir / "source=archive" / f"date={day.isoformat()}"
        folder.mkdir(parents=True, exist_ok=True)
        with gzip.open(folder / f"{run_id}.jsonl.gz", "wt", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item) + "\n")
        stats = {
            "run_id": run_id,
            "source": "archive",
            "crawl_date": day.isoformat(),
            "status": "ok",
            "items": len(items),
            "errors": {},
            "boards_ok": [],
            "boards_not_found": [],
            "boards_failed": [],
            "archive": "commoncrawl",
            "month": f"{day:%Y-%m}",
            "captures": len(items),
        }
        (folder / f"{run_id}.stats.json").write_text(json.dumps(stats), encoding="utf-8")
        written += len(items)
    return written


def build_history_warehouse(home: Path, jobs: Iterable[Job], months: Months) -> Path:
    """`jobs` crawled live (market.py) plus the archive captures of `months`, one refresh."""
    settings = settings_for(home)
    settings.ensure_home()
    write_archive_landing(settings.landing_dir, months)
    return build_warehouse(home, jobs)


def months_of(year: int, counts: tuple[int, int, int], months: Iterable[int]) -> Months:
    return {date(year, m, 1): counts for m in months}


# A history for the report pages: 2023 thin in its first months, prompt work rising in 2024.
REPORT_HISTORY: Months = {
    **months_of(2023, (2, 10, 38), (1, 2, 3)),  # 50 a month: thin
    **months_of(2023, (8, 45, 157), (10, 11, 12)),  # 210
    **months_of(2024, (40, 70, 100), (1, 2, 3, 4)),  # 210
}
