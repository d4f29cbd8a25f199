"""`backfill()`: run the archive spider in one crawl child process (scrapers.child, as
`scrapers.run.crawl` does) and return what it landed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapers.landing import new_run_id
from scrapers.run import PROJECT_ROOT, is_loopback
from scrapers.sources.archive.cdx import ARCHIVES, Endpoints
from scrapers.sources.archive.patterns import DEFAULT_FAMILIES


@dataclass(frozen=True)
class BackfillPlan:
    """Plain values of one backfill (settings are read by the caller)."""

    home: Path
    months: list[str]
    archives: tuple[str, ...] = ARCHIVES
    families: tuple[str, ...] = DEFAULT_FAMILIES
    limit_per_month: int | None = None
    archive_base: str | None = None
    user_agent: str = "promptjobs"
    httpcache_dir: Path | None = None


def backfill(
    plan: BackfillPlan,
    *,
    progress: bool = True,
    scrapy_settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Blocking. Lands the postings of the plan's captures under `<home>/landing/source=archive/`
    and returns the run summary (files, units, errors, requests). Raises RuntimeError when
    the child process died without a summary."""
    home = plan.home.resolve()
    jobs_dir = home / "jobs"
    jobs_dir.mkdir(parents=True, exist_ok=True)
    run_id = new_run_id()
    summary_path = jobs_dir / f"archive-{run_id}.summary.json"
    overrides: dict[str, Any] = {
        "PROMPTJOBS_HOME": str(home),
        "PROMPTJOBS_RUN_ID": run_id,
        "PROMPTJOBS_ARCHIVE_SUMMARY": str(summary_path),
        "USER_AGENT": plan.user_agent,
        "HTTPCACHE_DIR": str((plan.httpcache_dir or home / "httpcache").resolve()),
        "LOG_LEVEL": "WARNING",
    }
    endpoints = Endpoints.for_base(plan.archive_base)
    if all(is_loopback(u) for u in (endpoints.cc_index, endpoints.cc_data, endpoints.wayback)):
        # Politeness protects the archives; a loopback replay server needs no delays.
        overrides.update(
            {"DOWNLOAD_DELAY": 0, "DOWNLOAD_SLOTS": {}, "CONCURRENT_REQUESTS_PER_DOMAIN": 8}
        )
    overrides.update(scrapy_settings or {})
    kwargs: dict[str, Any] = {
        "months": list(plan.months),
        "archives": list(plan.archives),
        "ats": list(plan.families),
        "progress": "1" if progress else "0",
    }
    if plan.limit_per_month:
        kwargs["limit_per_month"] = str(plan.limit_per_month)
    if plan.archive_base:
        kwargs["archive_base"] = plan.archive_base
    job = {"source": "archive", "run_id": run_id, "kwargs": kwargs, "settings": overrides}
    spec = {"jobs": [job], "parent_pid": os.getpid()}
    with tempfile.NamedTemporaryFile(
        "w", dir=jobs_dir, prefix="backfill-", suffix=".json", delete=False, encoding="utf-8"
    ) as fh:
        json.dump(spec, fh)
        spec_path = Path(fh.name)
    env = {**os.environ, "PROMPTJOBS_HOME": str(home)}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    log_dir = home / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "scrapers.child", str(spec_path)]
    try:
        with (log_dir / f"backfill-{run_id}.log").open("wb") as log:
            proc = subprocess.Popen(cmd, env=env, cwd=str(PROJECT_ROOT), stdout=log, stderr=None)
            try:
                returncode = proc.wait()
            except KeyboardInterrupt:
                proc.wait()
                raise
    finally:
        spec_path.unlink(missing_ok=True)
    try:
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        raise RuntimeError(
            f"the backfill stopped without a summary (exit status {returncode}); "
            f"see {log_dir / f'backfill-{run_id}.log'}"
        ) from None
    summary_path.unlink(missing_ok=True)
    return summary
