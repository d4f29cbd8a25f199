"""Crawl throughput: our greenhouse spider (parsing, ItemLoader, validation, gzip landing)
against a bare Scrapy spider that fetches the same URLs and does nothing else, in one run.

A keep-alive HTTP/1.1 server on 127.0.0.1 serves N Greenhouse boards (default 2,000) in the
real wire format, two jobs each. Politeness is off for both (no robots.txt, no delays, no
AutoThrottle, no HTTP cache), same concurrency, best of --rounds runs in alternating order.
Each crawl runs in its own process; the rates use the crawl's own elapsed time (spider open
to close), so process start-up is excluded. The server shares the machine's cores.

    .venv/bin/python benchmarks/crawl.py [--boards 2000] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each; the best counts")
    args = parser.parse_args()

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
