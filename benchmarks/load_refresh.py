"""Load: a crawl + refresh of 200 boards x 250 postings (50,000) served on 127.0.0.1.

    .venv/bin/python benchmarks/load_refresh.py --boards 200 --per-board 250

Boards are greenhouse, lever and ashby (3:1:1) in their real wire formats, built from the
demo boards' postings (scrapers.demo.market) with new ids, so every posting is distinct. The
crawl runs through `scrapers.run.crawl()` (its own child process), then
`promptjobs refresh --no-crawl --no-report` runs as a child process. For each phase it prints
the wall time, the peak RSS of the largest process (`getrusage`/`wait4`) and the peak of the
whole process tree (sampled from /proc every 0.25 s), then checks that the warehouse holds
every posting exactly once. Prints figures; exits 1 if postings are lost or duplicated.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from promptjobs.settings import load_settings  # noqa: E402
from scrapers.demo import market  # noqa: E402
from scrapers.loopback import LoopbackServer, Reply  # noqa: E402
from scrapers.run import crawl  # noqa: E402
from scrapers.sources.ashby import demo as ashby_demo  # noqa: E402
from scrapers.sources.greenhouse import demo as greenhouse_demo  # noqa: E402
from scrapers.sources.lever import demo as lever_demo  # noqa: E402

CRAWL_DATE = date(2026, 11, 16)
SHARES = (("greenhouse", 3), ("lever", 1), ("ashby", 1))


def templates(source: str) -> list[dict[str, Any]]:
    """Every distinct demo posting of a source, in its wire format."""
    seen: dict[str, dict[str, Any]] = {}
    for day in market.SNAPSHOT_DATES:
        for board in market.boards_of(source):
            if source == "greenhouse":
                jobs = (greenhouse_demo.jobs(day, board) or {}).get("jobs", [])
            elif source == "lever":
                jobs = lever_demo.postings(day, board) or []
            else:
                jobs = (ashby_demo.job_board(day, board) or {}).get("jobs", [])
            for job in jobs:
                seen.setdefault(str(job["id"]), job)
    return list(seen.values())


class LoadBoards:
    """Route for the loopback server: board i of a source answers `per_board` postings."""

    def __init__(self, boards: dict[str, list[str]], per_board: int) -> None:
        self.boards = boards
        self.per_board = per_board
        self.templates = {source: templates(source) for source in boards}

    def _jobs(self, source: str, board: str) -> list[dict[str, Any]]:
        index = self.boards[source].index(board)
        pool = self.templates[source]
        jobs = []
        for k in range(self.per_board):
            job = copy.deepcopy(pool[(index * self.per_board + k) % len(pool)])
            uid = f"{index:04d}{k:05d}"
            if source == "greenhouse":
                job["id"] = int(f"9{uid}")
                job["company_name"] = f"Load Company {index}"
                job["absolute_url"] = f"https://job-boards.greenhouse.io/{board}/jobs/9{uid}"
            elif source == "lever":
                job["id"] = f"00000000-0000-4000-8000-{uid:0>12}"
                job["hostedUrl"] = f"https://jobs.lever.co/{board}/{job['id']}"
            else:
                job["id"] = f"00000000-0000-4000-9000-{uid:0>12}"
                job["isListed"] = True
                job["jobUrl"] = f"https://jobs.ashbyhq.com/{board}/{job['id']}"
            jobs.append(job)
        return jobs

    def __call__(self, raw_path: str) -> Reply:
        path = urlsplit(raw_path).path
        if path == "/robots.txt":
            return Reply(body=b"User-agent: *\nAllow: /\n", content_type="text/plain")
        parts = [p for p in path.split("/") if p]
        if len(parts) < 2:
            return Reply(status=404, body=b"{}")
        source, rest = parts[0], parts[1:]
        # Each source's real API path, with the board token where the source puts it.
        api_paths = {
            "greenhouse": (4, ["v1", "boards"]),
            "lever": (3, ["v0", "postings"]),
            "ashby": (3, ["posting-api", "job-board"]),
        }
        length, prefix = api_paths.get(source, (0, []))
        board = rest[2] if len(rest) == length and rest[:2] == prefix else None
        if board is None or board not in self.boards.get(source, []):
            return Reply(status=404, body=b'{"error": "not found"}')
        jobs = self._jobs(source, board)
        if source == "greenhouse":
            payload: Any = {"jobs": jobs, "meta": {"total": len(jobs)}}
        elif source == "lever":
            payload = jobs
        else:
            payload = {"jobs": jobs, "apiVersion": "1"}
        return Reply(body=json.dumps(payload).encode())


def split_boards(total: int) -> dict[str, list[str]]:
    weight = sum(w for _, w in SHARES)
    counts = {s: total * w // weight for s, w in SHARES}
    counts["greenhouse"] += total - sum(counts.values())
    return {s: [f"load-{s[:2]}-{i:03d}" for i in range(n)] for s, n in counts.items()}


class TreeRss:
    """Peak summed RSS of a process and its descendants, sampled from /proc."""

    def __init__(self, root_pid: int, every_s: float = 0.25) -> None:
        self.root = root_pid
        self.every_s = every_s
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    parents[int(entry.name)] = int(fields[1])
                except (OSError, IndexError):
                    continue
        tree, frontier = {self.root}, [self.root]
        while frontier:
            pid = frontier.pop()
            for child, parent in parents.items():
                if parent == pid and child not in tree:
                    tree.add(child)
                    frontier.append(child)
        return list(tree)

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                except OSError:
                    continue
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.every_s)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def mb(kb: float) -> str:
    return f"{kb / 1024:,.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--boards", type=int, default=200)
    parser.add_argument("--per-board", type=int, default=250)
    parser.add_argument("--workers", type=int, default=0, help="extraction workers (0: per core)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the home here")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="load-refresh-"))
    home = work / "home"
    settings = load_settings({"home": home}, environ={})
    boards = split_boards(args.boards)
    expected = args.boards * args.per_board
    print(
        f"{args.boards} boards ({', '.join(f'{s} {len(b)}' for s, b in boards.items())}) x "
        f"{args.per_board} postings = {expected:,}; {os.cpu_count()} cores"
    )
    try:
        route = LoadBoards(boards, args.per_board)
        with LoopbackServer(route) as server:
            bases = {s: f"{server.url}/{s}" for s in boards}
            started = time.monotonic()
            stats = crawl(
                settings.crawl_config(),
                list(boards),
                boards=boards,
                api_base=bases,
                crawl_date=CRAWL_DATE,
                progress=False,
            )
            crawl_s = time.monotonic() - started
        crawl_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        items = sum(s["items"] for s in stats)
        print(
            f"crawl: {crawl_s:,.1f} s wall, {items:,} postings landed "
            f"({items / crawl_s:,.0f}/s), peak RSS of the crawl process {mb(crawl_rss)}; "
            + ", ".join(f"{s['source']} {s['status']} {s['items']:,}" for s in stats)
        )
        landing_bytes = sum(p.stat().st_size for p in (home / "landing").rglob("*.gz"))
        print(f"landing: {landing_bytes / 1e6:,.1f} MB gzip JSONL")

        cmd = [sys.executable, "-m", "promptjobs.cli", "refresh", "--no-crawl", "--no-report"]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
        env |= {"PROMPTJOBS_HOME": str(home), "PYTHONPATH": str(REPO)}
        started = time.monotonic()
        proc = subprocess.Popen(
            cmd, env=env, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        with TreeRss(proc.pid) as tree:
            output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            _, status, usage = os.wait4(proc.pid, 0)
        refresh_s = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            print(output[-3000:])
            return 1
        print(
            f"refresh: {refresh_s:,.1f} s wall ({expected / refresh_s:,.0f} postings/s), "
            f"peak RSS largest process {mb(usage.ru_maxrss)}, whole tree {mb(tree.peak_kb)}"
        )
        print("  " + output.strip().splitlines()[-1][:300] if output.strip() else "")
        con = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
        try:
            postings, distinct = con.sql(
                "select count(*), count(distinct posting_id) from postings"
            ).fetchone()
            raw = con.sql("select count(*) from raw_postings").fetchone()[0]
        finally:
            con.close()
        db_mb = (home / "warehouse.duckdb").stat().st_size / 1e6
        print(
            f"warehouse: {postings:,} postings ({distinct:,} distinct), {raw:,} raw rows, {db_mb:,.1f} MB"
        )
        print(f"total (crawl + refresh): {crawl_s + refresh_s:,.1f} s")
        ok = postings == distinct == raw == items == expected
        print("every posting exactly once: " + ("yes" if ok else "NO"))
        return 0 if ok else 1
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
