"""Extraction speed and memory, beside a bare spaCy tokenizer pass over the same texts.

    .venv/bin/python benchmarks/extract.py INPUT.jsonl --workers 2 --postings 10000
    .venv/bin/python benchmarks/extract.py INPUT.jsonl --postings 2000 --rounds 5
    .venv/bin/python benchmarks/extract.py INPUT.jsonl --postings 3000 --paired 100

INPUT is any JSONL of postings (e.g. ../shared/corpus/postings.jsonl, passed by path);
its records are cycled (with fresh ids) until --postings have been extracted, streamed,
never held in memory. Prints postings/s, words/s and the peak RSS of the whole process
tree (this process plus its workers, sampled from /proc every 0.1 s), the peak of the
tree's summed PSS (shared pages counted once, split between the processes sharing them)
and the CPU time (user+sys) of the whole tree: wall time is noisy on a shared machine.
With --rounds, the bare pass and the extraction alternate and the medians are printed:
one bare pass beside one extraction gave ratios from 24% to 36% for the same code within
ten minutes on a shared machine. --paired goes further: both in one process, taking turns
every CHUNK postings.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from itertools import cycle, islice
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """user+sys CPU seconds of one process so far (/proc/PID/stat fields 14 and 15)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def _proc_kb(pid: int, name: str, field: str) -> int:
    """A kB figure of /proc/<pid>/<name> (`Pss:` of smaps_rollup, `VmRSS:` of status);
    0 for a process that is gone."""
    try:
        with open(f"/proc/{pid}/{name}", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _pss_kb(pid: int) -> int:
    return _proc_kb(pid, "smaps_rollup", "Pss:")


def _rss_kb(pid: int) -> int:
    return _proc_kb(pid, "status", "VmRSS:")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            kids = [int(p) for p in fh.read().split()]
    except OSError:
        return []
    out = list(kids)
    for kid in kids:
        out.extend(_children(kid))
    return out


class TreePeakRss:
    """Peak resident memory of this process and all its descendants, in MB."""

    def __init__(self, interval_s: float = 0.1) -> None:
        self.interval_s = interval_s
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self._cpu_start = _cpu_s(os.getpid())
        self._child_cpu: dict[int, float] = {}  # the last CPU time seen of each descendant
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = os.getpid()
        kids = _children(me)
        self.peak_kb = max(self.peak_kb, _rss_kb(me) + sum(_rss_kb(p) for p in kids))
        self.peak_pss_kb = max(self.peak_pss_kb, _pss_kb(me) + sum(_pss_kb(p) for p in kids))
        for pid in kids:
            self._child_cpu[pid] = max(self._child_cpu.get(pid, 0.0), _cpu_s(pid))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval_s)

    def __enter__(self) -> TreePeakRss:
        self._thread.start()
        return self

    def cpu_now(self) -> float:
        """CPU seconds of the tree since the start, now."""
        me = os.getpid()
        seen = dict(self._child_cpu)
        for pid in _children(me):
            seen[pid] = max(seen.get(pid, 0.0), _cpu_s(pid))
        return _cpu_s(me) - self._cpu_start + sum(seen.values())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu_s = _cpu_s(os.getpid()) - self._cpu_start + sum(self._child_cpu.values())

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    @property
    def peak_pss_mb(self) -> float:
        return self.peak_pss_kb / 1024


def load_postings(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                records.append(obj)
    if not records:
        sys.exit(f"{path}: no JSON postings")
    return records


def replicated(records: list[dict], n: int) -> Iterator[dict]:
    for i, rec in enumerate(islice(cycle(records), n)):
        yield {**rec, "id": f"{rec.get('id')}#{i}"}


def warm_blank_english(records: list[dict]) -> Any:
    """`spacy.blank("en")` with its vocabulary warmed, as the extractor's warm-up does."""
    import spacy

    nlp = spacy.blank("en")
    for rec in records[:100]:
        nlp.make_doc(rec.get("text") or "")
    return nlp


def bare_tokenizer(records: list[dict], n: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, tokens) of a bare `spacy.blank("en")` pass."""
    nlp = warm_blank_english(records)
    words = 0
    started = time.perf_counter()
    cpu = time.process_time()
    for rec in replicated(records, n):
        doc = nlp.make_doc(rec.get("text") or "")
        words += len(doc)
    return time.perf_counter() - started, time.process_time() - cpu, words


def bare_tokenizer_apart(path: Path, n: int) -> tuple[float, float, int]:
    """`bare_tokenizer` in a process of its own, so the process tree measured next is the
    one `promptjobs extract` runs (its parent never loads spaCy: a bare pass here left
    ~70 MB of it in the tree's RSS)."""
    run = subprocess.run(
        [sys.executable, __file__, str(path), "--postings", str(n), "--bare-child"],
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu, tokens = json.loads(run.stdout.splitlines()[-1])
    return wall, cpu, tokens


def full_extraction(
    records: list[dict],
    n: int,
    workers: int,
    batch_size: int,
    on_first: Callable[[], None] = lambda: None,
) -> tuple[float, float, int]:
    """(seconds including start-up, seconds after the first result, count); nothing kept."""
    from transforms.parallel import extract_parallel

    count = 0
    first: float | None = None
    started = time.perf_counter()
    for out in extract_parallel(replicated(records, n), workers=workers, batch_size=batch_size):
        count += 1
        if first is None:
            first = time.perf_counter()
            on_first()
        if not out.get("id"):
            raise SystemExit("output without id")
    ended = time.perf_counter()
    if count != n:
        raise SystemExit(f"expected {n} outputs, got {count}")
    return ended - started, ended - (first or started), count


def paired(records: list[dict], n: int, chunk: int) -> None:
    """The bare pass and the extraction in one process, `chunk` postings at a time each
    (taking turns at going first), so both see the machine as it is at that second; the
    extractor is built and its language model loaded before the clock starts (that
    start-up is printed apart)."""
    from transforms.extract import Extractor
    from transforms.languages import _identifier

    nlp = warm_blank_english(records)
    started = time.perf_counter()
    extractor = Extractor()
    # The language model loads on the first posting its function words leave unclear (1
    # in 528 of the corpus), once per process: start-up too, so loaded before the clock.
    _identifier()
    startup_s = time.perf_counter() - started
    wall = {"bare": 0.0, "full": 0.0}
    cpu = {"bare": 0.0, "full": 0.0}

    def bare(part: list[dict]) -> None:
        for rec in part:
            nlp.make_doc(rec.get("text") or "")

    def full(part: list[dict]) -> None:
        for out in extractor.extract_many(part):
            if not out.get("id"):
                raise SystemExit("output without id")

    postings = replicated(records, n)
    turn = 0
    while part := list(islice(postings, chunk)):
        order = [("bare", bare), ("full", full)]
        for name, run in order if turn % 2 == 0 else order[::-1]:
            t, c = time.perf_counter(), time.process_time()
            run(part)
            wall[name] += time.perf_counter() - t
            cpu[name] += time.process_time() - c
        turn += 1
    print(f"paired, 1 process, {chunk} postings a turn ({turn} turns; extractor start-up "
          f"{startup_s:.2f} s, not counted): bare tokenizer {n / wall['bare']:.1f} postings/s, "
          f"full extraction {n / wall['full']:.1f} postings/s = {wall['bare'] / wall['full']:.0%} "
          f"of bare (per CPU-s {cpu['bare'] / cpu['full']:.0%})")  # fmt: skip


class Round(NamedTuple):
    """One round's figures: postings/s of the bare pass (0 when skipped) and of the full
    extraction, whole and after start-up, each also per CPU second."""

    bare: float
    bare_cpu: float
    full: float
    full_steady: float
    full_cpu: float
    full_cpu_steady: float
    rss_mb: float
    pss_mb: float


def run_round(records: list[dict], n: int, args: argparse.Namespace, words: float) -> Round:
    bare = bare_cpu = 0.0
    if not args.skip_bare:
        elapsed, cpu_s, tokens = bare_tokenizer_apart(args.input, n)
        bare, bare_cpu = n / elapsed, n / cpu_s
        print(f"bare spacy.blank('en') tokenizer, 1 process: {bare:8.1f} postings/s "
              f"{n * words / elapsed:10.0f} words/s  ({tokens / elapsed:,.0f} tokens/s)"
              f"  CPU {cpu_s:.2f} s = {bare_cpu:.1f} postings per CPU-s")  # fmt: skip

    first_cpu: list[float] = []
    with TreePeakRss() as rss:
        elapsed, steady_s, count = full_extraction(
            records, n, args.workers, args.batch_size, lambda: first_cpu.append(rss.cpu_now())
        )
    rate = count / elapsed
    steady = (count - 1) / steady_s if steady_s > 0 and count > 1 else rate
    line = (f"full extraction, {args.workers} worker(s):       {rate:8.1f} postings/s "
            f"{count * words / elapsed:10.0f} words/s  peak RSS {rss.peak_mb:,.0f} MB "
            f"(process tree); after start-up {steady:.1f} postings/s")  # fmt: skip
    if bare:
        line += f"  = {rate / bare:.0%} of bare tokenizer ({steady / bare:.0%} after start-up)"
    print(line)
    steady_cpu = rss.cpu_s - (first_cpu[0] if first_cpu else 0.0)
    steady_rate = (count - 1) / steady_cpu if steady_cpu > 0 and count > 1 else 0.0
    cpu_line = (f"  CPU (user+sys, process tree) {rss.cpu_s:.2f} s = {count / rss.cpu_s:.1f} postings "
                f"per CPU-s ({steady_rate:.1f} after start-up); peak PSS {rss.peak_pss_mb:,.0f} MB "
                f"(process tree); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip
    if bare:
        cpu_line += (f"  = {(count / rss.cpu_s) / bare_cpu:.0%} of bare per CPU-s "
                     f"({steady_rate / bare_cpu:.0%} after start-up)")  # fmt: skip
    print(cpu_line)
    return Round(
        bare, bare_cpu, rate, steady, count / rss.cpu_s, steady_rate, rss.peak_mb, rss.peak_pss_mb
    )


def summary(rounds: list[Round]) -> str:
    """The medians over the rounds. Each round's ratio divides by the bare pass of that
    round, run just before it, so a machine whose speed drifts (by a third within minutes
    on a shared one) moves both sides of the ratio alike."""
    med = statistics.median
    text = (f"median of {len(rounds)} rounds: full extraction {med(r.full for r in rounds):.1f} "
            f"postings/s ({med(r.full_steady for r in rounds):.1f} after start-up), peak RSS "
            f"{max(r.rss_mb for r in rounds):,.0f} MB, peak PSS {max(r.pss_mb for r in rounds):,.0f} MB "
            f"(process tree, highest round)")  # fmt: skip
    if all(r.bare for r in rounds):
        text += (f"; bare tokenizer {med(r.bare for r in rounds):.1f} postings/s; ratio "
                 f"{med(r.full / r.bare for r in rounds):.0%} "
                 f"({med(r.full_steady / r.bare for r in rounds):.0%} after start-up), per CPU-s "
                 f"{med(r.full_cpu / r.bare_cpu for r in rounds):.0%} "
                 f"({med(r.full_cpu_steady / r.bare_cpu for r in rounds):.0%} after start-up); "
                 f"ratio by round {', '.join(f'{r.full / r.bare:.0%}' for r in rounds)}")  # fmt: skip
    return text


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("input", type=Path)
    ap.add_argument("--workers", type=int, default=1, help="worker processes (1 = in-process)")
    ap.add_argument(
        "--postings", type=int, default=0, help="postings to extract (default: input size)"
    )
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--skip-bare", action="store_true", help="skip the bare tokenizer pass")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the bare pass and the full extraction this many times, alternating, and "
        "print the medians (each round's ratio against its own bare pass); 3 or more on a "
        "shared machine, whose speed drifts between two passes run minutes apart",
    )
    ap.add_argument("--bare-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument(
        "--paired",
        type=int,
        metavar="CHUNK",
        help="instead: the bare pass and the extraction taking turns in this process, CHUNK "
        "postings at a time (the steadiest one-process ratio on a shared machine)",
    )
    args = ap.parse_args()
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    if args.paired is not None and (args.paired < 1 or args.workers != 1):
        ap.error("--paired takes a CHUNK of at least 1 and runs in one process (--workers 1)")

    records = load_postings(args.input)
    n = args.postings or len(records)
    if args.bare_child:
        print(json.dumps(bare_tokenizer(records, n)))
        return
    words_per_posting = sum(len((r.get("text") or "").split()) for r in records) / len(records)
    print(f"input: {args.input} ({len(records)} postings, {words_per_posting:.0f} words each), "
          f"running {n:,} postings; cpu cores: {os.cpu_count()}")  # fmt: skip
    if args.paired:
        paired(records, n, args.paired)
        return

    rounds = []
    for index in range(args.rounds):
        if args.rounds > 1:
            print(f"round {index + 1} of {args.rounds}:")
        rounds.append(run_round(records, n, args, words_per_posting))
    if args.rounds > 1:
        print(summary(rounds))


if __name__ == "__main__":
    main()
