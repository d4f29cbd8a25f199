"""The job-board sources: one folder per source, found by walking this package.

A source is the folder `scrapers/sources/<name>/` (docs/contributing.md, "How to add a
source"):

    __init__.py   SOURCE = SourceInfo(...): name, kind, dedupe priority, politeness, terms
    parse.py      pure functions: the source's wire payload -> posting item dicts
    spider.py     the Scrapy spider (found by Scrapy's SpiderLoader through SPIDER_MODULES)
    demo.py       how the demo boards serve this wire format: `boards(day)`, `serve(request)`
    tests/        the source's tests and its wire-format fixtures (not shipped in the wheel)

Everything that lists sources reads it from here: `scrapers.registry.SOURCES` and
`ATS_SOURCES`, the spider modules of `scrapers/settings.py`, the demo server's routes, the
CLI help, the dedupe priorities that the edges (CLI, Dagster) pass to `warehouse.dedupe`
and the terms links they pass to `dashboards.report.build_report`, both as plain mappings. This module imports no spider and no Scrapy: reading
the metadata is cheap.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any, Literal, get_args

Kind = Literal["ats", "feed", "site", "archive"]
KINDS: tuple[str, ...] = get_args(Kind)

_NAME_RE = re.compile(r"^[a-z][a-z0-9]{1,30}$")


class SourceLayoutError(RuntimeError):
    """A folder under scrapers/sources/ that is not a complete source."""


@dataclass(frozen=True)
class Politeness:
    """How hard one crawl may hit the source's host. `delay_s` is Scrapy's DOWNLOAD_DELAY
    (AutoThrottle may raise it, never lower it); `per_host_concurrency` is
    CONCURRENT_REQUESTS_PER_DOMAIN (None: the project default of scrapers/settings.py).
    `scrapers.run` lifts both only when every target is a loopback mirror."""

    delay_s: float
    per_host_concurrency: int | None = None

    def __post_init__(self) -> None:
        if not self.delay_s >= 0:
            raise ValueError(f"politeness delay_s must be >= 0, not {self.delay_s!r}")
        if self.per_host_concurrency is not None and self.per_host_concurrency < 1:
            raise ValueError("politeness per_host_concurrency must be >= 1")

    def scrapy_settings(self) -> dict[str, Any]:
        """The spider's `custom_settings`."""
        out: dict[str, Any] = {"DOWNLOAD_DELAY": self.delay_s}
        if self.per_host_concurrency is not None:
            out["CONCURRENT_REQUESTS_PER_DOMAIN"] = self.per_host_concurrency
        return out


@dataclass(frozen=True)
class SourceInfo:
    """What the rest of the project knows about a source.

    - `name`: the folder name, the spider name and the `source` column of every table;
    - `kind`: "ats" (employers' boards listed under [[employers]] in boards.toml, one board
      token each), "feed" (a search-type source: one or a few boards with their own section in
      boards.toml), "site" (start URLs instead of boards), "archive" (archived copies);
    - `dedupe_priority`: which posting of a cross-source duplicate cluster is canonical, lower
      wins (the most structured data: ATS 0, schema.org pages 1, remote boards 2, HN 3);
    - `politeness`: per-host delay and concurrency (the spider's custom_settings);
    - `terms_url`: the API's terms or documentation, which the politeness follows;
    - `attribution_url`: where a link back is owed (None when the terms ask for none);
    - `default_boards`: the boards of a "feed" source when boards.toml names none.
    """

    name: str
    kind: Kind
    dedupe_priority: int
    politeness: Politeness
    terms_url: str
    attribution_url: str | None = None
    default_boards: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise ValueError(f"source name {self.name!r}: use 2-31 lowercase letters or digits")
        if self.kind not in KINDS:
            raise ValueError(f"source {self.name}: kind {self.kind!r} is not one of {KINDS}")
        if not isinstance(self.dedupe_priority, int) or self.dedupe_priority < 0:
            raise ValueError(f"source {self.name}: dedupe_priority must be an int >= 0")


def _source_packages() -> list[str]:
    # Every sub-package of this package is a source; plain modules are not.
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.ispkg)


@cache
def all_sources() -> tuple[SourceInfo, ...]:
    """Every source, sorted by name."""
    infos = []
    for package in _source_packages():
        module = importlib.import_module(f"{__name__}.{package}")
        info = getattr(module, "SOURCE", None)
        if not isinstance(info, SourceInfo):
            raise SourceLayoutError(
                f"scrapers/sources/{package}/__init__.py must define SOURCE = SourceInfo(...)"
            )
        if info.name != package:
            raise SourceLayoutError(
                f"scrapers/sources/{package}/: SOURCE.name is {info.name!r}; it must be the "
                "folder name"
            )
        infos.append(info)
    return tuple(infos)


def source_names() -> tuple[str, ...]:
    return tuple(s.name for s in all_sources())


def get_source(name: str) -> SourceInfo:
    for info in all_sources():
        if info.name == name:
            return info
    raise KeyError(f"unknown source {name!r}; choose from {', '.join(source_names())}")


def source_module(name: str, part: str) -> ModuleType:
    """`scrapers.sources.<name>.<part>` (part: spider, parse, demo)."""
    get_source(name)
    return importlib.import_module(f"{__name__}.{name}.{part}")


def spider_modules() -> list[str]:
    """The spider module of every source: `SPIDER_MODULES` of scrapers/settings.py, so Scrapy's
    SpiderLoader finds every spider (and nothing under the sources' tests/)."""
    return [f"{__name__}.{name}.spider" for name in source_names()]


def dedupe_priorities() -> dict[str, int]:
    """Source -> dedupe priority, as the plain mapping `warehouse.dedupe` takes."""
    return {s.name: s.dedupe_priority for s in all_sources()}


def source_terms() -> dict[str, str]:
    """Source -> its terms (or API documentation) link, as the plain mapping the report's
    per-figure kit takes from the edges (CLI, Dagster)."""
    return {s.name: s.terms_url for s in all_sources()}
