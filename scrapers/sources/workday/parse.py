"""Workday CXS (the JSON API behind every `myworkdayjobs.com` career site):
`POST https://{tenant}.{dc}.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs` with
`{"limit": 20, "offset": N}`, page after page, then one
`GET .../wday/cxs/{tenant}/{site}{externalPath}` per posting for its description.

A Workday board is named `tenant.dc.site` (`gdit.wd5.External_Career_Site`), the way board
discovery writes it. Pay is in the description text only ("Base Pay Range: $151,500 USD -
$227,300 USD"), so the extractor reads it there."""

from __future__ import annotations

import re
from typing import Any

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str
from scrapers.sources.base import SourceFormatError

PAGE_SIZE = 20  # Workday's own page size; larger limits are refused
# Workday stops paging at 2,000 results however many there are.
MAX_OFFSET = 2000
_BOARD = re.compile(r"^([a-z0-9-]+)\.(wd\d{1,3})\.([A-Za-z0-9][A-Za-z0-9_-]*)$")
_REMOTE = {"remote": "remote", "flex": "hybrid", "hybrid": "hybrid", "onsite": "onsite"}


def split_board(board: str) -> tuple[str, str, str]:
    """`gdit.wd5.External_Career_Site` -> (`gdit`, `wd5`, `External_Career_Site`)."""
    match = _BOARD.match(board)
    if not match:
        raise ValueError(f"a Workday board is tenant.wdN.site, not {board!r}")
    return match.group(1), match.group(2), match.group(3)


def workday_remote(value: Any) -> str | None:
    key = re.sub(r"[^a-z]", "", str(value or "").lower())
    return _REMOTE.get(key)


def parse_workday_job(
    detail: dict[str, Any], listed: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    """One posting from its detail answer and its row of the list."""
    info = detail.get("jobPostingInfo")
    if not isinstance(info, dict):
        raise SourceFormatError("bad_shape", "job detail: no jobPostingInfo")
    tenant, dc, site = split_board(board)
    places = [info.get("location"), *(info.get("additionalLocations") or [])]
    location = "; ".join(p for p in dict.fromkeys(clean_str(x) for x in places) if p)
    path = listed.get("externalPath") or ""
    url = info.get("externalUrl") or f"https://{tenant}.{dc}.myworkdayjobs.com/{site}{path}"
    return build_posting(
        source="workday",
        board=board,
        source_id=info.get("id") or info.get("jobReqId") or path,
        url=url,
        company=(detail.get("hiringOrganization") or {}).get("name") or company,
        title=info.get("title") or listed.get("title"),
        location_raw=location or clean_str(listed.get("locationsText")),
        remote_hint=workday_remote(info.get("remoteType") or listed.get("remoteType")),
        description_html=info.get("jobDescription"),
        posted_at=iso_date_str(info.get("startDate")),
        fetched_at=fetched_at,
        employment_type=info.get("timeType"),
    )
