from __future__ import annotations

import sys
from pathlib import Path

# Helper modules of this folder (fault_server, reliability_kit) import by name, like
# tests/scrapers' fixtures.
sys.path.insert(0, str(Path(__file__).parent))

# Short timeouts and backoffs so every fault finishes in seconds; RETRY_TIMES as in
# production (3), so a run of 500/502/503 is retried through.
FAST = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 3,
    "RETRY_BACKOFF_BASE": 0.05,
    "RETRY_AFTER_MAX": 5,
}
