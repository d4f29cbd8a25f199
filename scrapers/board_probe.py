"""Checking discovered boards: one polite request per candidate board through the normal
crawler (a probe crawl: each board's first API request only). Plain values in and out.

The probe crawl lands (nothing) under `<home>/probes`, never in the real landing folder,
so no probe is ever loaded as a crawl."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from scrapers.registry import SOURCES
from scrapers.run import CrawlConfig, crawl

# The families whose boards carry an `eu` site (the family's EU host).
EU_FAMILIES = ("greenhouse", "lever")


def probe_config(config: CrawlConfig) -> CrawlConfig:
    """The crawl configuration of a probe: everything it writes is under <home>/probes."""
    home = config.home / "probes"
    return dataclasses.replace(
        config,
        home=home,
        landing_dir=home / "landing",
        httpcache_dir=home / "httpcache",
        jobs_dir=home / "jobs",
    )


def probe_boards(
    config: CrawlConfig,
    candidates: Iterable[Mapping[str, Any]],
    *,
    api_base: str | dict[str, str] | None = None,
    scrapy_settings: dict[str, Any] | None = None,
) -> list[tuple[str, str, str]]:
    """Probe each candidate ({ats, board, site}) once; (ats, board, status) with status
    `valid` (a well-formed 200), `invalid` (404/410) or `candidate` (an error: try again)."""
    crawlable = [c for c in candidates if c["ats"] in SOURCES]
    if not crawlable:
        return []
    families = sorted({c["ats"] for c in crawlable})
    boards = {f: [c["board"] for c in crawlable if c["ats"] == f] for f in families}
    args: dict[str, dict[str, Any]] = {f: {"probe": "1", "resume": "0"} for f in families}
    for f in families:
        eu = [c["board"] for c in crawlable if c["ats"] == f and c.get("site") == "eu"]
        if eu and f in EU_FAMILIES:
            args[f]["eu_boards"] = eu
    stats = crawl(
        probe_config(config),
        families,
        boards=boards,
        api_base=api_base if api_base is not None else config.api_base,
        progress=False,
        spider_args=args,
        scrapy_settings=scrapy_settings,
    )
    answers: list[tuple[str, str, str]] = []
    for s in stats:
        ok = set(s.get("boards_ok") or [])
        gone = set(s.get("boards_not_found") or [])
        for board in boards.get(s["source"], []):
            status = "valid" if board in ok else "invalid" if board in gone else "candidate"
            answers.append((s["source"], board, status))
    return answers
