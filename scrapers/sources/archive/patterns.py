"""Which archived URLs are ATS job pages, and what they say about the job (ATS family, board
token, the ATS's own job id): the same id the live spider lands as `source_id`, so an
archived posting and a live one of the same job meet in the warehouse."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrapers.registry import BoardTokenError, validate_token

_PORT = r"(?::\d+)?"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_END = r"/?(?:[?#]|$)"


@dataclass(frozen=True)
class AtsPattern:
    ats: str
    # CDX `url` queries (host prefixes, or `*.domain` for every host of a domain):
    # everything the archive holds under them is listed, then only the URLs matching
    # `job_page` are fetched.
    cdx_urls: tuple[str, ...]
    # `board` and `job`, or (Workday) `tenant`, `dc`, `site` and `job`
    job_page: re.Pattern[str]


PATTERNS: dict[str, AtsPattern] = {
    p.ats: p
    for p in (
        AtsPattern(
            "greenhouse",
            ("boards.greenhouse.io/*", "job-boards.greenhouse.io/*"),
            re.compile(
                rf"^https?://(?:boards|job-boards)\.greenhouse\.io{_PORT}/(?P<board>[^/?#]+)"
                rf"/jobs/(?P<job>\d+){_END}",
                re.I,
            ),
        ),
        AtsPattern(
            "lever",
            ("jobs.lever.co/*",),
            re.compile(
                rf"^https?://jobs\.(?:eu\.)?lever\.co{_PORT}/(?P<board>[^/?#]+)/(?P<job>{_UUID}){_END}",
                re.I,
            ),
        ),
        AtsPattern(
            "ashby",
            ("jobs.ashbyhq.com/*",),
            re.compile(
                rf"^https?://jobs\.ashbyhq\.com{_PORT}/(?P<board>[^/?#]+)/(?P<job>{_UUID}){_END}",
                re.I,
            ),
        ),
        AtsPattern(
            "workable",
            ("apply.workable.com/*",),
            re.compile(
                rf"^https?://apply\.workable\.com{_PORT}/(?P<board>[^/?#]+)/j/(?P<job>[0-9A-F]{{10}}){_END}",
                re.I,
            ),
        ),
        AtsPattern(
            "smartrecruiters",
            ("jobs.smartrecruiters.com/*",),
            re.compile(
                rf"^https?://jobs\.smartrecruiters\.com{_PORT}/(?P<board>[^/?#]+)"
                rf"/(?P<job>\d{{6,}})(?:-[^/?#]*)?{_END}",
                re.I,
            ),
        ),
        AtsPattern(
            # `https://{tenant}.wd{N}.myworkdayjobs.com/[{locale}/]{site}/job/[{location}/]
            # {title}_{requisition id}`: the id after the last underscore (`RQ216675`,
            # `JR-0105489-1`: a repost keeps its suffix). Every tenant is its own host.
            "workday",
            ("*.myworkdayjobs.com",),
            re.compile(
                rf"^https?://(?P<tenant>[a-z0-9-]+)\.(?P<dc>wd\d{{1,3}})\.myworkdayjobs\.com{_PORT}"
                r"/(?:[a-z]{2}-[a-z]{2}/)?(?P<site>[a-z0-9][a-z0-9_-]*)/job/(?:[^/?#]+/)?"
                rf"[^/?#]*_(?P<job>[a-z0-9][a-z0-9-]*){_END}",
                re.I,
            ),
        ),
    )
}
ATS_FAMILIES: tuple[str, ...] = tuple(PATTERNS)
# What a backfill reads unless `--ats` says otherwise: Workday only when asked (`--ats
# workday`), because its CDX query is a whole domain (every tenant's host), far larger than
# the other families' host prefixes.
DEFAULT_FAMILIES: tuple[str, ...] = tuple(a for a in ATS_FAMILIES if a != "workday")


@dataclass(frozen=True)
class JobPage:
    ats: str
    board: str
    job_id: str

    @property
    def source_id(self) -> str:
        """`<ats>:<job id>`: the archive posting of the live posting `<ats>:<job id>`.
        Workday's job URL carries the requisition id, while the live `workday` source lands
        Workday's internal id: there the two never meet by id (docs/data-model.md)."""
        return f"{self.ats}:{self.job_id}"


def job_page(url: str, families: tuple[str, ...] | list[str] = ATS_FAMILIES) -> JobPage | None:
    """The job a captured URL shows, or None for anything else (a board index, an apply
    form, a page of another site, a board token that is not a plain token)."""
    for ats in families:
        match = PATTERNS[ats].job_page.match(url)
        if match is None:
            continue
        groups = match.groupdict()
        # A Workday board is `tenant.wdN.site`, the way the live source and discovery name it.
        token = (
            groups.get("board")
            or f"{groups['tenant'].lower()}.{groups['dc'].lower()}.{groups['site']}"
        )
        try:
            board = validate_token(token)
        except BoardTokenError:
            return None
        job = match["job"].lower() if ats in ("lever", "ashby") else match["job"]
        return JobPage(ats, board, job)
    return None
