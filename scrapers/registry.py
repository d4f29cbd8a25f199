"""The board registry (`boards.toml`): which employers to crawl on which ATS, and the
settings of the search-type sources (HN, Remotive, RemoteOK, schema.org career pages).

The list of sources is not kept here: `SOURCES` and `ATS_SOURCES` are read from the source
folders' metadata (scrapers/sources/<name>/__init__.py)."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapers.sources import all_sources

# The sources that `crawl` (and `crawl all`, the daily refresh, the demo) runs. An "archive"
# source is not crawled: `promptjobs backfill` reads archived copies month by month.
SOURCES: tuple[str, ...] = tuple(s.name for s in all_sources() if s.kind != "archive")
# Every source that lands files (the landing contract's `source`).
LANDING_SOURCES: tuple[str, ...] = tuple(s.name for s in all_sources())
# Sources whose boards are employers' boards, listed under [[employers]] with `ats = <name>`.
ATS_SOURCES: tuple[str, ...] = tuple(s.name for s in all_sources() if s.kind == "ats")

PACKAGED_BOARDS_FILE = Path(__file__).with_name("boards.toml")

# A board token ends up in a URL path, never in a file path; still, only plain tokens pass,
# so `../../x` or `a/b?c` cannot reach another path of an API (or anything else).
_TOKEN_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class BoardTokenError(ValueError):
    """A board token that is not a plain token (letters, digits, '.', '_', '-')."""


def validate_token(token: str) -> str:
    """Return `token` if it is a plain board token, else raise BoardTokenError."""
    if not isinstance(token, str) or not _TOKEN_RE.match(token) or ".." in token:
        raise BoardTokenError(
            f"invalid board token {token!r}: use letters, digits, '.', '_' or '-' only"
        )
    return token


@dataclass(frozen=True)
class Employer:
    name: str
    ats: str
    board: str
    region: str | None = None


@dataclass(frozen=True)
class Registry:
    employers: tuple[Employer, ...]
    api: dict[str, str]
    # The `[<source>]` tables of boards.toml: each source's own settings.
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def section(self, source: str) -> dict[str, Any]:
        return self.sections.get(source, {})

    def boards_for(self, source: str) -> list[str]:
        """Every board of the registry for `source`: an ATS's employers; a feed's `boards`
        (else its SourceInfo.default_boards; HN has none, threads are found at crawl time);
        a site source has start URLs, not boards."""
        info = next((s for s in all_sources() if s.name == source), None)
        if info is None or info.kind == "site":
            return []
        if info.kind == "ats":
            return [e.board for e in self.employers if e.ats == source]
        return [str(b) for b in self.section(source).get("boards", info.default_boards)]

    def company_for(self, source: str, board: str) -> str | None:
        for e in self.employers:
            if e.ats == source and e.board == board:
                return e.name
        return None

    def eu_boards(self, source: str = "lever") -> list[str]:
        return [e.board for e in self.employers if e.ats == source and e.region == "eu"]


def load_registry(path: Path | None = None) -> Registry:
    """Read the registry TOML (default: the packaged `scrapers/boards.toml`)."""
    path = path or PACKAGED_BOARDS_FILE
    try:
        with Path(path).open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"board registry {path} does not exist; set PROMPTJOBS_BOARDS_FILE"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"board registry {path} is not valid TOML: {exc}") from None
    employers = []
    for row in data.get("employers", []):
        ats = row.get("ats")
        if ats not in ATS_SOURCES:
            raise ValueError(f"{path}: employer {row.get('name')!r} has unknown ats {ats!r}")
        employers.append(
            Employer(
                name=str(row["name"]),
                ats=ats,
                board=validate_token(str(row["board"])),
                region=row.get("region"),
            )
        )
    return Registry(
        employers=tuple(employers),
        api=dict(data.get("api", {})),
        sections={name: dict(data[name]) for name in SOURCES if isinstance(data.get(name), dict)},
    )


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise ValueError(f"a registry value is a string, number, boolean or list, not {value!r}")


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_value(key)


def registry_toml(registry: Registry, header: str = "") -> str:
    """The registry as the text of a registry file (`load_registry` reads it back the same):
    `header` (comment lines), [api], every source's table, then the employers."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    tables = {"api": registry.api, **registry.sections}
    for name, table in tables.items():
        lines += ["", f"[{name}]"] + [
            f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items()
        ]
    for e in registry.employers:
        lines += ["", "[[employers]]", f"name = {_toml_value(e.name)}"]
        lines += [f"ats = {_toml_value(e.ats)}", f"board = {_toml_value(validate_token(e.board))}"]
        if e.region is not None:
            lines.append(f"region = {_toml_value(e.region)}")
    return "\n".join(lines).lstrip("\n") + "\n"
