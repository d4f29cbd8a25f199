"""reports/latest/: a copy of the newest report folder, replaced all at once."""

from __future__ import annotations

import shutil
from pathlib import Path


def publish_latest(report_dir: Path, latest: Path) -> None:
    """Replace `latest` with a copy of report_dir, never leaving it half-copied."""
    staging = latest.with_name(".latest.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(report_dir, staging)
    old = latest.with_name(".latest.old")
    shutil.rmtree(old, ignore_errors=True)
    if latest.exists():
        latest.rename(old)
    staging.rename(latest)
    shutil.rmtree(old, ignore_errors=True)
