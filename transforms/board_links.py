"""Board discovery: find links to public ATS job boards in a posting's text, HTML and URLs.

Pure: strings in, `BoardRef`s out; no I/O. The warehouse scans every landed posting with
`find_boards` (warehouse/boards.py) and the crawler validates what it finds.

A board is named as the crawler names it: the ATS family and the token of the board's API
(`boards.greenhouse.io/acme/jobs/1?gh_src=x` -> greenhouse `acme`). Tokens are lower-cased,
trailing paths and query strings dropped, `embed/job_app?for=acme` read for its `for=`.
A Workday board is a tenant on a data centre plus a career site
(`acme.wd5.myworkdayjobs.com/en-US/External` -> token `acme.wd5`, site `External`; the site
keeps its case, Workday's own spelling); a Greenhouse or Lever board on its EU host has
site `eu`.
Links that name no board (a Greenhouse marketing page, `jobs.lever.co/` alone, a Workable
job short link) or whose token has characters no board token has are not boards.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

# The families discovery knows, in the order reports list them.
FAMILIES: tuple[str, ...] = (
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

# The same rule as the registry's (scrapers/registry.py): a token ends up in a URL path.
_TOKEN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_WORKDAY_SITE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
# A locale segment in front of a Workday site: `en-US`, `fr-CA`, `de`.
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{2,4})?$")

# Any URL-ish run on one of the families' domains; the path stops at whitespace, quotes,
# angle brackets and closing brackets (markdown and HTML attributes around links).
_LINK = re.compile(
    r"(?i)(?<![a-z0-9.-])((?:[a-z0-9-]+\.)*(?:greenhouse\.io|lever\.co|ashbyhq\.com|"
    r"workable\.com|smartrecruiters\.com|myworkdayjobs\.com|recruitee\.com|personio\.de|"
    r"personio\.com|bamboohr\.com|breezy\.hr))(?![a-z0-9-])((?:[/?#][^\s\"'<>()\[\]{}\\|^`]*)?)"
)
# The families' domains: a text that mentions none of them has no board link (most
# postings); the warehouse's scan narrows to texts that do (warehouse.boards.scan_landed).
DOMAINS: tuple[str, ...] = (
    "greenhouse.io",
    "lever.co",
    "ashbyhq.com",
    "workable.com",
    "smartrecruiters.com",
    "myworkdayjobs.com",
    "recruitee.com",
    "personio.de",
    "personio.com",
    "bamboohr.com",
    "breezy.hr",
)
# Cheap pre-test (the same domains).
_HINT = re.compile("(?i)" + "|".join(re.escape(d) for d in DOMAINS))

# Subdomains that are the vendor's own site, not a customer's board.
_VENDOR_SUBDOMAINS = frozenset(
    {
        "www",
        "app",
        "api",
        "apply",
        "jobs",
        "careers",
        "help",
        "support",
        "docs",
        "blog",
        "status",
        "developers",
        "developer",
        "marketplace",
        "partners",
        "assets",
        "static",
        "cdn",
        "mail",
        "login",
        "auth",
        "resources",
        "info",
    }
)
# First path segments on a board host that are pages of the host, not a board token.
_RESERVED_SEGMENTS = frozenset(
    {
        "embed",
        "api",
        "v0",
        "v1",
        "v3",
        "j",
        "jobs",
        "job",
        "posting-api",
        "oneclick-ui",
        "sr-jobs",
        "static",
        "assets",
        "favicon.ico",
        "robots.txt",
        "sitemap.xml",
        "privacy",
        "terms",
        "login",
        "signup",
        "search",
    }
)


@dataclass(frozen=True, order=True)
class BoardRef:
    """One board: `ats` (a family of FAMILIES), `token`, and `site` (Workday career site;
    `eu` for a Greenhouse or Lever board on the family's EU host; else None)."""

    ats: str
    token: str
    site: str | None = None

    @property
    def board(self) -> str:
        """The board argument the family's spider takes (Workday: `tenant.wdN.site`)."""
        if self.ats == "workday" and self.site:
            return f"{self.token}.{self.site}"
        return self.token

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity for de-duplication: case-insensitive in every part."""
        return (self.ats, self.token, (self.site or "").lower())


def _token(value: str | None) -> str | None:
    if not value:
        return None
    token = unquote(value).strip().rstrip(".,;:!").lower()
    if not _TOKEN.match(token) or ".." in token:
        return None
    return token


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _first_segment_board(path: str) -> str | None:
    segments = _segments(path)
    if not segments or segments[0].lower() in _RESERVED_SEGMENTS:
        return None
    return _token(segments[0])


def _after(segments: list[str], *prefix: str) -> str | None:
    """The segment following `prefix` at the start of the path (`/v1/boards/X` -> X)."""
    n = len(prefix)
    if len(segments) > n and [s.lower() for s in segments[:n]] == list(prefix):
        return segments[n]
    return None


def _subdomain_board(host: str, domain: str) -> str | None:
    """`acme.recruitee.com` -> `acme`; the vendor's own subdomains and deeper hosts -> None."""
    label = host[: -len(domain) - 1] if host.endswith("." + domain) else ""
    if not label or "." in label or label in _VENDOR_SUBDOMAINS:
        return None
    return _token(label)


def _greenhouse(host: str, path: str, query: str) -> BoardRef | None:
    segments = _segments(path)
    eu = ".eu." in host
    if host.replace(".eu.", ".") in ("boards.greenhouse.io", "job-boards.greenhouse.io"):
        if segments and segments[0].lower() == "embed":
            # embed/job_app?for=acme&token=123, embed/job_board?for=acme
            token = _token((parse_qs(query).get("for") or [None])[0])
        else:
            token = _first_segment_board(path)
    elif host.replace(".eu.", ".") in ("boards-api.greenhouse.io", "api.greenhouse.io"):
        token = _token(_after(segments, "v1", "boards"))
    else:
        # www.greenhouse.io and the rest are Greenhouse's own site.
        return None
    return BoardRef("greenhouse", token, "eu" if eu else None) if token else None


def _lever(host: str, path: str, query: str) -> BoardRef | None:
    segments = _segments(path)
    if host in ("jobs.lever.co", "jobs.eu.lever.co"):
        token = _first_segment_board(path)
    elif host in ("api.lever.co", "api.eu.lever.co"):
        token = _token(_after(segments, "v0", "postings"))
    else:
        return None
    if not token:
        return None
    return BoardRef("lever", token, "eu" if ".eu." in host else None)


def _ashby(host: str, path: str, query: str) -> BoardRef | None:
    segments = _segments(path)
    if host == "jobs.ashbyhq.com":
        token = _first_segment_board(path)
    elif host == "api.ashbyhq.com":
        token = _token(_after(segments, "posting-api", "job-board"))
    else:
        return None
    return BoardRef("ashby", token) if token else None


def _workable(host: str, path: str, query: str) -> BoardRef | None:
    segments = _segments(path)
    if host == "apply.workable.com":
        token = _token(
            _after(segments, "api", "v1", "widget", "accounts")
            or _after(segments, "api", "v3", "accounts")
        ) or _first_segment_board(path)
    elif host == "jobs.workable.com":
        return None  # Workable's own job search, not a board
    else:
        token = _subdomain_board(host, "workable.com")
    return BoardRef("workable", token) if token else None


def _smartrecruiters(host: str, path: str, query: str) -> BoardRef | None:
    segments = _segments(path)
    if host in ("jobs.smartrecruiters.com", "careers.smartrecruiters.com"):
        token = _first_segment_board(path)
    elif host == "api.smartrecruiters.com":
        token = _token(_after(segments, "v1", "companies"))
    else:
        return None
    return BoardRef("smartrecruiters", token) if token else None


_WORKDAY_HOST = re.compile(r"^([a-z0-9-]+)\.(wd\d{1,3})\.myworkdayjobs\.com$")


def _workday(host: str, path: str, query: str) -> BoardRef | None:
    match = _WORKDAY_HOST.match(host)
    if not match:
        return None
    tenant = _token(match.group(1))
    segments = _segments(path)
    if segments and segments[0].lower() == "wday":
        # The CXS API itself: /wday/cxs/{tenant}/{site}/jobs
        site = segments[3] if len(segments) > 3 and segments[1].lower() == "cxs" else None
    else:
        if segments and _LOCALE.match(segments[0]):
            segments = segments[1:]
        site = segments[0] if segments else None
    if not tenant or not site or not _WORKDAY_SITE.match(site):
        return None
    if site.lower() in ("job", "jobs", "login", "details"):
        return None
    return BoardRef("workday", f"{tenant}.{match.group(2)}", site)


def _subdomain_family(ats: str, domain: str):  # noqa: ANN202 - a small factory
    def parse(host: str, path: str, query: str) -> BoardRef | None:
        token = _subdomain_board(host, domain)
        return BoardRef(ats, token) if token else None

    return parse


def _personio(host: str, path: str, query: str) -> BoardRef | None:
    # The board is `acme.jobs.personio.de` (or .com); `acme.personio.de` is the HR login.
    for domain in ("jobs.personio.de", "jobs.personio.com"):
        token = _subdomain_board(host, domain)
        if token:
            return BoardRef("personio", token)
    return None


_BY_DOMAIN = (
    ("greenhouse.io", _greenhouse),
    ("lever.co", _lever),
    ("ashbyhq.com", _ashby),
    ("workable.com", _workable),
    ("smartrecruiters.com", _smartrecruiters),
    ("myworkdayjobs.com", _workday),
    ("recruitee.com", _subdomain_family("recruitee", "recruitee.com")),
    ("personio.de", _personio),
    ("personio.com", _personio),
    ("bamboohr.com", _subdomain_family("bamboohr", "bamboohr.com")),
    ("breezy.hr", _subdomain_family("breezy", "breezy.hr")),
)


def board_of_url(url: str) -> BoardRef | None:
    """The board a single URL (with or without scheme) points to, or None."""
    text = url.strip()
    if "//" not in text[:10]:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for domain, parse in _BY_DOMAIN:
        if host == domain or host.endswith("." + domain):
            return parse(host, parts.path, parts.query)
    return None


def find_boards(*texts: str | None) -> list[BoardRef]:
    """Every distinct board linked from the texts (plain text, HTML or bare URLs), in order
    of first appearance. HTML entities are decoded first (`&amp;for=` in an href) and a
    percent-encoded link (a redirect's `?url=https%3A%2F%2F...`) is read too."""
    seen: dict[tuple[str, str, str], BoardRef] = {}
    for text in texts:
        if not text or not _HINT.search(text):
            continue
        decoded = html.unescape(text)
        variants = [decoded]
        if "%2f" in decoded.lower():
            variants.append(unquote(decoded))
        for variant in variants:
            for match in _LINK.finditer(variant):
                ref = board_of_url(match.group(1) + match.group(2))
                if ref is not None and ref.key not in seen:
                    seen[ref.key] = ref
    return list(seen.values())


def count_by_family(refs: Iterable[BoardRef]) -> dict[str, int]:
    """How many boards of each family (every family of FAMILIES, zero included)."""
    counts = dict.fromkeys(FAMILIES, 0)
    for ref in refs:
        counts[ref.ats] = counts.get(ref.ats, 0) + 1
    return counts
