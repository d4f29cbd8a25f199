"""Board-level resume: an interrupted or partly failed crawl of the same boards on the same
day crawls only the boards that did not land completely (like Scrapy's JOBDIR, but at the
granularity the warehouse cares about: a board lands whole or is crawled again)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from scrapers.landing import write_json_atomic


def checkpoint_path(
    jobs_dir: Path, source: str, crawl_date: date, api_base: str, boards: list[str]
) -> Path:
    key = hashlib.sha256(
        json.dumps([api_base, sorted(boards)], separators=(",", ":")).encode()
    ).hexdigest()[:12]
    return Path(jobs_dir) / f"{source}-{crawl_date.isoformat()}-{key}.json"


def boards_done(path: Path) -> set[str]:
    """Boards that already landed completely in an earlier run of this crawl."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return set()
    return {b for b in data.get("boards_done", []) if isinstance(b, str)}


def record_run(path: Path, stats: dict[str, Any], *, complete: bool) -> None:
    """After a run: a complete crawl forgets its checkpoint; otherwise remember what landed."""
    path = Path(path)
    done = boards_done(path) | set(stats["boards_ok"]) | set(stats["boards_not_found"])
    if complete:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(path, {"boards_done": sorted(done), "last_run_id": stats["run_id"]})
