"""Readers' latency while a refresh writes: a probe process that reads the warehouse in a loop.

Used by benchmarks/warehouse.py and benchmarks/lake.py around the next daily refresh:

    with ReaderProbe(home, target) as probe:
        run the refresh
    print(probe.report())

Each read is what a report or `promptjobs sql` does: open the warehouse read-only through
`Warehouse.reader()`, count the postings, fetch one report view whole, close. The probe
records every read's latency (open + queries + close) and every failure, and the same
reads with no writer running (the baseline), so the two can be compared. A read that had
to wait for the writer (a lock) or failed shows as a slow or failed read.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[1]

# One read: the postings count and a report view fetched whole (as the report does).
READ_QUERIES = ("select count(*) from postings", "select * from weekly_demand")
PAUSE_S = 0.05  # between reads, so the probe takes a share of a core, not all of it
BASELINE_READS = 20


def read_once(warehouse) -> int:  # type: ignore[no-untyped-def]
    """One reader session; the rows fetched."""
    rows = 0
    with warehouse.reader() as con:
        for query in READ_QUERIES:
            rows += len(con.sql(query).fetchall())
    return rows


def probe(home: str, target_json: str, out: str) -> None:
    """Run in the probe process: baseline reads, then reads until SIGTERM; JSON to `out`."""
    sys.path.insert(0, str(REPO))
    from promptjobs.settings import load_settings

    settings = load_settings({"home": home, **json.loads(target_json)}, environ={})
    warehouse = settings.open_warehouse()
    stop = [False]
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    result: dict[str, list] = {"baseline_s": [], "during_s": [], "errors": []}
    for _ in range(BASELINE_READS):
        t = time.perf_counter()
        read_once(warehouse)
        result["baseline_s"].append(time.perf_counter() - t)
    Path(out + ".ready").touch()
    while not stop[0]:
        t = time.perf_counter()
        try:
            read_once(warehouse)
            result["during_s"].append(time.perf_counter() - t)
        except Exception as error:  # noqa: BLE001 - every failure is a finding here
            result["errors"].append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        time.sleep(PAUSE_S)
    Path(out).write_text(json.dumps(result))


class ReaderProbe:
    """A probe process reading the warehouse in `home` (with `target`, the warehouse
    settings of a DuckLake or {} for the file) for as long as the `with` block runs."""

    def __init__(self, home: Path, target: dict[str, str] | None = None) -> None:
        self.home = home
        self.target = target or {}
        self.result: dict[str, list] = {}

    def __enter__(self) -> ReaderProbe:
        self._out = tempfile.mktemp(prefix="pj-readers-", suffix=".json")
        self._proc = subprocess.Popen(
            [sys.executable, __file__, str(self.home), json.dumps(self.target), self._out],
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        while not Path(self._out + ".ready").exists():
            if self._proc.poll() is not None:
                raise SystemExit("the reader probe failed before it started")
            time.sleep(0.05)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._proc.send_signal(signal.SIGTERM)
        self._proc.wait(timeout=120)
        out = Path(self._out)
        if out.exists():
            self.result = json.loads(out.read_text())
            out.unlink()
        Path(self._out + ".ready").unlink(missing_ok=True)

    def report(self) -> str:
        """One line: reads during the refresh vs before it (median, p95, max), failures."""
        if not self.result:
            return "readers: the probe left no result"
        during = sorted(self.result["during_s"])
        base = sorted(self.result["baseline_s"])

        def figures(values: list[float]) -> str:
            if not values:
                return "none"
            p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
            return (
                f"median {statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
                f"max {values[-1] * 1000:.0f} ms"
            )

        errors = self.result["errors"]
        failed = f"{len(errors)} failed" + (f" (first: {errors[0]})" if errors else "")
        return (
            f"readers during the refresh: {len(during)} reads, {figures(during)}; {failed}; "
            f"with no writer: {figures(base)}"
        )


if __name__ == "__main__":
    probe(*sys.argv[1:4])
