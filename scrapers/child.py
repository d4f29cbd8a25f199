"""The crawl child process: `python -m scrapers.child SPEC.json` (see scrapers.run)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from common.parent_watch import watch_owner


class DropDownloadTraceback(logging.Filter):
    """Scrapy's robots.txt middleware logs an unreachable host with the whole stack. Its
    message line already says what happened (and the board is counted as failed), so a
    user reading the log sees one line per failure, not a traceback that looks like a crash."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True


def run(spec: dict[str, Any]) -> None:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings as ScrapySettings

    base = ScrapySettings()
    base.setmodule("scrapers.settings", priority="project")
    if spec["jobs"]:
        base.set("LOG_LEVEL", spec["jobs"][0]["settings"].get("LOG_LEVEL", "INFO"))
    process = CrawlerProcess(base)
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(DropDownloadTraceback())
    for job in spec["jobs"]:
        # Scrapy's SpiderLoader knows every spider (SPIDER_MODULES of scrapers/settings.py).
        cls = process.spider_loader.load(job["source"])
        # Per-source settings ride on a subclass: spider settings outrank project settings.
        run_cls = type(
            cls.__name__,
            (cls,),
            {"custom_settings": {**(cls.custom_settings or {}), **job["settings"]}},
        )
        try:
            process.crawl(run_cls, **job["kwargs"])
        except Exception as exc:  # one broken source must not stop the others
            print(f"{job['source']}: could not start: {exc!r}", file=sys.stderr)
    parent_pid = spec.get("parent_pid")
    if parent_pid:
        watch_parent(process, int(parent_pid))
    process.start()


def watch_parent(process: Any, parent_pid: int, every_s: float = 1.0) -> None:
    """Stop the crawl cleanly (landing what finished, as on Ctrl-C) once the process that
    started it is gone: a refresh killed with SIGKILL must not leave a crawl running on its
    own, racing the re-run for the same boards."""
    from twisted.internet import reactor

    def stop() -> None:
        print("scrapers.child: parent process gone, stopping the crawl", file=sys.stderr)
        process.stop()

    # The watcher is a thread; the crawl is stopped from the reactor's own thread.
    watch_owner(parent_pid, lambda: reactor.callFromThread(stop), every_s=every_s)


def main(argv: list[str]) -> int:
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    run(spec)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
