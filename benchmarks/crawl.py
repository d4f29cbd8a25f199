"""Crawl at scale: N boards spread over every ATS family (default), or our greenhouse spider
against a bare Scrapy spider (`--versus-bare`).

Spread (`--boards 5000`): one keep-alive loopback server per family on its own address
(127.0.0.2, 127.0.0.3, ...: one host serves every board of a family, as Greenhouse's API
does), each family's real wire format, two postings per board, list + detail requests where
the family needs them. All families crawl at once in one child process, with the per-host
limit (CONCURRENT_REQUESTS_PER_DOMAIN) on and no delays. Printed per family: boards, items,
requests its host served, requests/s, the most requests the host saw in flight at once,
the crawl's duration; then the same crawl while one host times out on every request, to show
the other families finish as fast; then peak RSS.

    .venv/bin/python benchmarks/crawl.py --boards 5000 [--per-host 4] [--failing smartrecruiters]

Versus bare (`--versus-bare`):

A keep-alive HTTP/1.1 server on 127.0.0.1 serves N Greenhouse boards (default 2,000) in the
real wire format, two jobs each. Politeness is off for both (no robots.txt, no delays, no
AutoThrottle, no HTTP cache), same concurrency, best of --rounds runs in alternating order.
Each crawl runs in its own process; the rates use the crawl's own elapsed time (spider open
to close), so process start-up is excluded. The server shares the machine's cores.

    .venv/bin/python benchmarks/crawl.py --versus-bare [--boards 2000] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from promptjobs.settings import load_settings  # noqa: E402
from scrapers.loopback import LoopbackServer, Reply  # noqa: E402
from scrapers.run import crawl  # noqa: E402

CONTENT = html.escape(
    "<h2>About the role</h2><p>Design and evaluate prompts for our assistant.</p>"
    "<ul><li>3+ years of Python</li><li>RAG, LangChain</li></ul><p>$180,000 - $240,000 per year.</p>"
)

BARE_SPIDER = r"""
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

urls = json.load(open(sys.argv[1]))
out = sys.argv[2]
concurrency = int(sys.argv[3])

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for url in urls:
            yield scrapy.Request(url, dont_filter=True)
    def parse(self, response):
        return None

process = CrawlerProcess({
    "ROBOTSTXT_OBEY": False, "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False,
    "CONCURRENT_REQUESTS": concurrency, "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "HTTPCACHE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
})
crawler = process.create_crawler(Bare)
process.crawl(crawler)
process.start()
stats = crawler.stats.get_stats()
json.dump({"elapsed": stats.get("elapsed_time_seconds"),
           "responses": stats.get("downloader/response_count", 0)}, open(out, "w"))
"""


def board_body(n: int) -> bytes:
    jobs = []
    for k in range(2):
        job_id = n * 10 + k
        jobs.append(
            {
                "absolute_url": f"https://job-boards.greenhouse.io/b{n}/jobs/{job_id}",
                "internal_job_id": job_id,
                "location": {"name": "San Francisco, CA"},
                "metadata": None,
                "id": job_id,
                "updated_at": "2026-09-01T10:00:00-04:00",
                "requisition_id": f"R-{job_id}",
                "title": "Prompt Engineer" if k == 0 else "Data Analyst",
                "company_name": f"Company {n}",
                "first_published": "2026-08-20T09:30:00-04:00",
                "language": "en",
                "content": CONTENT,
                "departments": [],
                "offices": [],
                "pay_input_ranges": [
                    {
                        "min_cents": 18000000,
                        "max_cents": 24000000,
                        "currency_type": "USD",
                        "title": "US",
                        "blurb": "",
                        "description": "",
                    }
                ]
                if k == 0
                else [],
            }
        )
    return json.dumps({"jobs": jobs, "meta": {"total": 2}}).encode()


# --- the spread crawl: N boards over every ATS family, one loopback host per family ---------

# Boards per family out of 100 (roughly the real registry's and discovery's mix).
SPREAD = {
    "greenhouse": 30,
    "lever": 15,
    "ashby": 15,
    "workable": 6,
    "smartrecruiters": 4,
    "workday": 6,
    "recruitee": 6,
    "personio": 6,
    "bamboohr": 6,
    "breezy": 6,
}
DESCRIPTION = (
    "<h2>About the role</h2><p>Design and evaluate prompts for our assistant.</p>"
    "<ul><li>3+ years of Python</li><li>RAG, LangChain</li></ul>"
)


def _lever(board: str) -> bytes:
    return json.dumps(
        [
            {
                "id": f"{board}-{k}",
                "text": "Prompt Engineer",
                "hostedUrl": f"https://jobs.lever.co/{board}/{k}",
                "categories": {"location": "Remote", "commitment": "Full-time"},
                "description": DESCRIPTION,
                "descriptionPlain": "Design and evaluate prompts.",
                "createdAt": 1767225600000,
                "workplaceType": "remote",
            }
            for k in range(2)
        ]
    ).encode()


def _ashby(board: str) -> bytes:
    jobs = [
        {
            "id": f"{board}-{k}",
            "title": "Prompt Engineer",
            "jobUrl": f"https://jobs.ashbyhq.com/{board}/{k}",
            "location": "Remote",
            "descriptionHtml": DESCRIPTION,
            "publishedAt": "2026-09-01T10:00:00Z",
            "isListed": True,
        }
        for k in range(2)
    ]
    return json.dumps({"apiVersion": "1", "jobs": jobs}).encode()


def _workable(board: str) -> bytes:
    jobs = [
        {
            "title": "Prompt Engineer",
            "shortcode": f"{board.upper()}{k}",
            "url": f"https://apply.workable.com/j/{board.upper()}{k}",
            "city": "London",
            "country": "United Kingdom",
            "description": DESCRIPTION,
            "published_on": "2026-09-01",
        }
        for k in range(2)
    ]
    return json.dumps({"name": board, "jobs": jobs}).encode()


def _sr_list(board: str) -> bytes:
    content = [{"id": f"{board}{k}", "name": "Prompt Engineer"} for k in range(2)]
    return json.dumps({"offset": 0, "limit": 100, "totalFound": 2, "content": content}).encode()


def _sr_detail(board: str, posting_id: str) -> bytes:
    return json.dumps(
        {
            "id": posting_id,
            "name": "Prompt Engineer",
            "company": {"name": board},
            "location": {"city": "Berlin", "country": "de", "remote": False},
            "releasedDate": "2026-09-01T10:00:00.000Z",
            "jobAd": {"sections": {"jobDescription": {"title": "Job", "text": DESCRIPTION}}},
            "postingUrl": f"https://jobs.smartrecruiters.com/{board}/{posting_id}",
        }
    ).encode()


def _workday_page(board: str) -> bytes:
    rows = [
        {"title": "Prompt Engineer", "externalPath": f"/job/Remote/Prompt-Engineer_R{k}"}
        for k in range(2)
    ]
    return json.dumps({"total": 2, "jobPostings": rows, "facets": []}).encode()


def _workday_detail(tenant: str, site: str, path: str) -> bytes:
    return json.dumps(
        {
            "jobPostingInfo": {
                "id": f"{tenant}-{site}-{path.rsplit('_', 1)[-1]}",
                "title": "Prompt Engineer",
                "jobDescription": DESCRIPTION + "<p>Base Pay Range: $150,000 - $190,000</p>",
                "location": "Remote",
                "startDate": "2026-09-01",
                "timeType": "Full time",
                "remoteType": "Remote",
                "externalUrl": f"https://{tenant}.wd5.myworkdayjobs.com/{site}{path}",
            },
            "hiringOrganization": {"name": tenant},
        }
    ).encode()


def _recruitee(board: str) -> bytes:
    offers = [
        {
            "id": k + 1,
            "title": "Prompt Engineer",
            "careers_url": f"https://{board}.recruitee.com/o/prompt-{k}",
            "company_name": board,
            "description": DESCRIPTION,
            "remote": True,
            "published_at": "2026-09-01 10:00:00 UTC",
            "salary": {"min": "60000", "max": "80000", "period": "year", "currency": "EUR"},
            "status": "published",
        }
        for k in range(2)
    ]
    return json.dumps({"offers": offers}).encode()


def _personio(board: str) -> bytes:
    positions = "".join(
        f"<position><id>{k + 1}</id><subcompany>{board}</subcompany><office>Berlin</office>"
        f"<name>Prompt Engineer</name><jobDescriptions><jobDescription><name>Role</name>"
        f"<value><![CDATA[{DESCRIPTION}]]></value></jobDescription></jobDescriptions>"
        f"<createdAt>2026-09-01T10:00:00+00:00</createdAt></position>"
        for k in range(2)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workzag-jobs>{positions}</workzag-jobs>'.encode()
    )


def _bamboo_list(board: str) -> bytes:
    rows = [{"id": str(k + 1), "jobOpeningName": "Prompt Engineer"} for k in range(2)]
    return json.dumps({"meta": {"totalCount": 2}, "result": rows}).encode()


def _bamboo_detail(board: str, job_id: str) -> bytes:
    opening = {
        "jobOpeningShareUrl": f"https://{board}.bamboohr.com/careers/{job_id}",
        "jobOpeningName": "Prompt Engineer",
        "location": {"city": "Denver", "state": "Colorado"},
        "description": DESCRIPTION,
        "compensation": "$150,000 - $190,000",
        "datePosted": "2026-09-01",
        "locationType": "1",
    }
    return json.dumps({"meta": {}, "result": {"jobOpening": opening}}).encode()


def _breezy(board: str) -> bytes:
    return json.dumps(
        [
            {
                "id": f"{board}{k}",
                "name": "Prompt Engineer",
                "url": f"https://{board}.breezy.hr/p/{board}{k}",
                "published_date": "2026-09-01T10:00:00.000Z",
                "location": {"name": "Remote", "is_remote": True},
                "salary": "$150k - $190k / year",
                "company": {"name": board},
            }
            for k in range(2)
        ]
    ).encode()


def family_route(family: str) -> tuple:
    """(GET route, POST route) answering `family`'s wire format for every board name."""

    def get(path: str) -> Reply:
        bare = path.split("?", 1)[0]
        seg = [s for s in bare.split("/") if s]
        body: bytes | None = None
        ctype = "application/json"
        if bare == "/robots.txt":
            return Reply(status=404, body=b"")
        if family == "greenhouse" and len(seg) == 4:
            body = board_body(int(seg[2][1:]))
        elif family == "lever" and len(seg) == 3:
            body = _lever(seg[2])
        elif family == "ashby" and len(seg) == 3:
            body = _ashby(seg[2])
        elif family == "workable" and len(seg) == 5:
            body = _workable(seg[4])
        elif family == "smartrecruiters" and len(seg) == 4:
            body = _sr_list(seg[2])
        elif family == "smartrecruiters" and len(seg) == 5:
            body = _sr_detail(seg[2], seg[4])
        elif family == "workday" and len(seg) >= 6 and seg[4] == "job":
            body = _workday_detail(seg[2], seg[3], "/" + "/".join(seg[4:]))
        elif family == "recruitee" and seg[1:] == ["api", "offers"]:
            body = _recruitee(seg[0])
        elif family == "personio" and seg[1:] == ["xml"]:
            body, ctype = _personio(seg[0]), "application/xml"
        elif family == "bamboohr" and seg[1:] == ["careers", "list"]:
            body = _bamboo_list(seg[0])
        elif family == "bamboohr" and len(seg) == 4 and seg[3] == "detail":
            body = _bamboo_detail(seg[0], seg[2])
        elif family == "breezy" and seg[1:] == ["json"]:
            body = _breezy(seg[0])
        if body is None:
            return Reply(status=404, body=b"{}")
        return Reply(body=body, content_type=ctype)

    def post(path: str, body: bytes) -> Reply:
        seg = [s for s in path.split("?", 1)[0].split("/") if s]
        if family == "workday" and len(seg) == 5 and seg[4] == "jobs":
            return Reply(body=_workday_page(seg[3]))
        return Reply(status=404, body=b"{}")

    return get, post


def spread_boards(total: int) -> dict[str, list[str]]:
    weight = sum(SPREAD.values())
    out: dict[str, list[str]] = {}
    for family, share in SPREAD.items():
        n = max(1, round(total * share / weight))
        if family == "greenhouse":
            out[family] = [f"b{k:05d}" for k in range(n)]
        elif family == "workday":
            out[family] = [f"t{k:05d}.wd5.Careers" for k in range(n)]
        else:
            out[family] = [f"{family[:3]}{k:05d}" for k in range(n)]
    return out


class HostLog:
    """Per host: requests, first/last request time, most requests in flight at once."""

    def __init__(self, route, post=None, delay: float = 0.0) -> None:  # noqa: ANN001
        self.route, self.post, self.delay = route, post, delay
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def _wrap(self, answer):  # noqa: ANN001, ANN202
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.times.append(time.monotonic())
        try:
            if self.delay:
                time.sleep(self.delay)
            return answer()
        finally:
            with self.lock:
                self.in_flight -= 1

    def get(self, path: str) -> Reply:
        return self._wrap(lambda: self.route(path))

    def post_route(self, path: str, body: bytes) -> Reply:
        return self._wrap(lambda: self.post(path, body))


def run_spread(args: argparse.Namespace) -> None:
    boards = spread_boards(args.boards)
    families = list(SPREAD)
    print(
        f"{sum(len(b) for b in boards.values())} boards over {len(families)} ATS families, "
        f"one loopback host each (127.0.0.2 ...), 2 postings per board; per-host limit "
        f"CONCURRENT_REQUESTS_PER_DOMAIN={args.per_host}, CONCURRENT_REQUESTS={args.concurrency}"
        " per family crawler, no delays (loopback)"
    )

    def one_run(failing: str | None) -> dict:
        logs: dict[str, HostLog] = {}
        servers = []
        for n, family in enumerate(families):
            get, post = family_route(family)
            # The failing host answers every request after the download timeout.
            logs[family] = HostLog(get, post, delay=args.timeout + 0.25 if family == failing else 0)
            servers.append(
                LoopbackServer(
                    logs[family].get, logs[family].post_route, host=f"127.0.0.{n + 2}"
                ).start()
            )
        try:
            with tempfile.TemporaryDirectory() as tmp:
                settings = load_settings({"home": Path(tmp) / "home"}, environ={})
                t0 = time.monotonic()
                stats = crawl(
                    settings.crawl_config(),
                    families,
                    boards=boards,
                    api_base={f: s.url for f, s in zip(families, servers, strict=True)},
                    crawl_date=date.today(),
                    progress=False,
                    scrapy_settings={
                        "ROBOTSTXT_OBEY": False,
                        "AUTOTHROTTLE_ENABLED": False,
                        "DOWNLOAD_DELAY": 0,
                        "HTTPCACHE_ENABLED": False,
                        "CONCURRENT_REQUESTS": args.concurrency,
                        "CONCURRENT_REQUESTS_PER_DOMAIN": args.per_host,
                        "DOWNLOAD_TIMEOUT": args.timeout,
                        "RETRY_TIMES": 1,
                        "RETRY_BACKOFF_BASE": 0.1,
                    },
                )
                wall = time.monotonic() - t0
        finally:
            for server in servers:
                server.stop()
        return {"wall": wall, "stats": {s["source"]: s for s in stats}, "logs": logs}

    def report(title: str, run: dict) -> None:
        print(f"\n{title}: wall {run['wall']:.1f} s (one child process, all families at once)")
        print(
            f"{'family':<16}{'boards':>7}{'ok':>7}{'items':>7}{'requests':>9}{'host s':>8}"
            f"{'req/s':>7}{'max in flight':>14}{'crawl s':>9}"
        )
        for family in families:
            log, s = run["logs"][family], run["stats"][family]
            span = (log.times[-1] - log.times[0]) if len(log.times) > 1 else 0.0
            rate = len(log.times) / span if span else 0.0
            print(
                f"{family:<16}{len(boards[family]):>7}{len(s.get('boards_ok') or []):>7}"
                f"{s.get('items', 0):>7}{len(log.times):>9}{span:>8.1f}{rate:>7.0f}"
                f"{log.max_in_flight:>14}{s.get('duration_s', 0):>9.1f}"
            )

    failing = args.failing
    # The failing run first, so a warm machine cannot flatter it.
    bad = one_run(failing)
    base = one_run(None)
    report("all hosts answering", base)
    report(f"host of {failing} timing out (every request > {args.timeout} s)", bad)
    others = [f for f in families if f != failing]
    slowest_base = max(base["stats"][f]["duration_s"] for f in others)
    slowest_bad = max(bad["stats"][f]["duration_s"] for f in others)
    print(
        f"\nthe other {len(others)} families: slowest crawl {slowest_base:.1f} s with every host "
        f"answering, {slowest_bad:.1f} s while {failing}'s host timed out "
        f"({len(bad['stats'][failing].get('boards_failed') or [])} of its boards failed)"
    )
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak RSS: crawl child {rss:.0f} MB; this process (the {len(families)} servers) {own:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each; the best counts")
    parser.add_argument(
        "--versus-bare", action="store_true", help="greenhouse only, against a bare spider"
    )
    parser.add_argument("--per-host", type=int, default=4, help="requests in flight per host")
    parser.add_argument("--timeout", type=float, default=1.0, help="download timeout, s")
    parser.add_argument(
        "--failing", default="smartrecruiters", choices=list(SPREAD), help="the host that fails"
    )
    args = parser.parse_args()
    if not args.versus_bare:
        run_spread(args)
        return
    versus_bare(args)


def versus_bare(args: argparse.Namespace) -> None:

    bodies = {f"/v1/boards/b{n:05d}/jobs": board_body(n) for n in range(args.boards)}
    names = [f"b{n:05d}" for n in range(args.boards)]

    def route(path: str) -> Reply:
        body = bodies.get(path.split("?", 1)[0])
        return Reply(body=body) if body is not None else Reply(status=404, body=b"{}")

    avg_kb = sum(len(b) for b in bodies.values()) / len(bodies) / 1024
    print(f"{args.boards} boards, ~{avg_kb:.1f} KB each, concurrency {args.concurrency}")
    with LoopbackServer(route) as server, tempfile.TemporaryDirectory() as tmp:
        urls = [
            f"{server.url}/v1/boards/{b}/jobs?content=true&pay_transparency=true" for b in names
        ]
        url_file = Path(tmp) / "urls.json"
        url_file.write_text(json.dumps(urls))
        bare_out = Path(tmp) / "bare.json"
        script = Path(tmp) / "bare.py"
        script.write_text(BARE_SPIDER)
        settings = load_settings({"home": Path(tmp) / "home"}, environ={})

        def child_cpu() -> float:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime

        def run_bare() -> tuple[dict, float]:
            cpu0 = child_cpu()
            t0 = time.monotonic()
            subprocess.run(
                [sys.executable, str(script), str(url_file), str(bare_out), str(args.concurrency)],
                check=True,
            )
            result = json.loads(bare_out.read_text())
            result["cpu"] = child_cpu() - cpu0
            return result, time.monotonic() - t0

        def run_ours() -> tuple[dict, float]:
            cpu0 = child_cpu()
            t0 = time.monotonic()
            [stats] = crawl(
                settings.crawl_config(),
                ["greenhouse"],
                boards={"greenhouse": names},
                api_base=server.url,
                crawl_date=date.today(),
                progress=False,
                scrapy_settings={
                    "ROBOTSTXT_OBEY": False,
                    "AUTOTHROTTLE_ENABLED": False,
                    "DOWNLOAD_DELAY": 0,
                    "HTTPCACHE_ENABLED": False,
                    "CONCURRENT_REQUESTS": args.concurrency,
                    "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
                },
            )
            stats["cpu"] = child_cpu() - cpu0
            return stats, time.monotonic() - t0

        # Alternate the order each round so neither spider profits from a warm server.
        bare_runs, our_runs = [], []
        for n in range(args.rounds):
            if n % 2 == 0:
                bare_runs.append(run_bare())
                our_runs.append(run_ours())
            else:
                our_runs.append(run_ours())
                bare_runs.append(run_bare())
        bare, bare_wall = max(bare_runs, key=lambda r: r[0]["responses"] / r[0]["elapsed"])
        stats, ours_wall = max(our_runs, key=lambda r: r[0]["responses"] / r[0]["duration_s"])

    bare_rate = bare["responses"] / bare["elapsed"]
    ours_rate = stats["responses"] / stats["duration_s"]
    items_rate = stats["items"] / stats["duration_s"]
    # CPU per response (process start-up included) is steadier than rates on a busy machine.
    bare_cpu_ms = 1000 * bare["cpu"] / bare["responses"]
    ours_cpu_ms = 1000 * stats["cpu"] / stats["responses"]
    header = f"{'spider':<12}{'responses':>10}{'items':>8}{'seconds':>9}{'resp/s':>9}"
    print(header + f"{'items/s':>9}{'wall s':>8}{'CPU ms/resp':>13}")
    print(
        f"{'bare scrapy':<12}{bare['responses']:>10}{0:>8}{bare['elapsed']:>9.1f}"
        f"{bare_rate:>9.0f}{0:>9}{bare_wall:>8.1f}{bare_cpu_ms:>13.2f}"
    )
    print(
        f"{'greenhouse':<12}{stats['responses']:>10}{stats['items']:>8}{stats['duration_s']:>9.1f}"
        f"{ours_rate:>9.0f}{items_rate:>9.0f}{ours_wall:>8.1f}{ours_cpu_ms:>13.2f}"
    )
    print(
        f"ours / bare: {ours_rate / bare_rate:.0%} of the bare spider's response rate, "
        f"{bare_cpu_ms / ours_cpu_ms:.0%} by CPU per response (goal >= 70%)"
    )
    if stats["status"] != "ok":
        print(f"warning: crawl status {stats['status']}: {stats['errors']}")


if __name__ == "__main__":
    main()
