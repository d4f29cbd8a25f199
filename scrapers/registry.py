"""The board registry (`boards.toml`): which employers to crawl on which ATS, and the
settings of the search-type sources (HN, Remotive, RemoteOK, schema.org career pages)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SOURCES: tuple[str, ...] = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "workday",
    "recruitee",
    "personio",
    "bamboohr",
    "breezy",
    "hn",
    "remotive",
    "remoteok",
    "jsonld",
)
ATS_SOURCES: tuple[str, ...] = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "workday",
    "recruitee",
    "personio",
    "bamboohr",
    "breezy",
)

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
    hn: dict[str, Any] = field(default_factory=dict)
    remotive: dict[str, Any] = field(default_factory=dict)
    remoteok: dict[str, Any] = field(default_factory=dict)
    jsonld: dict[str, Any] = field(default_factory=dict)

    def boards_for(self, source: str) -> list[str]:
        """Every board of the registry for `source` (HN: none, threads are found at crawl time)."""
        if source in ATS_SOURCES:
            return [e.board for e in self.employers if e.ats == source]
        if source in ("remotive", "remoteok"):
            return list(getattr(self, source).get("boards", ["all"]))
        return []

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
        hn=dict(data.get("hn", {})),
        remotive=dict(data.get("remotive", {})),
        remoteok=dict(data.get("remoteok", {})),
        jsonld=dict(data.get("jsonld", {})),
    )
