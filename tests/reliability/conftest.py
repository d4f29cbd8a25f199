from __future__ import annotations

import sys
from pathlib import Path

# Helper modules of this folder (fault_server) import by name, like tests/scrapers' fixtures.
sys.path.insert(0, str(Path(__file__).parent))
