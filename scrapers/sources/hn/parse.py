"""The Algolia HN API's wire format (Hacker News) -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

import re
from typing import Any

from common.markup import html_to_text
from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str

_PARAGRAPH = re.compile(r"(?i)<p\s*/?>|\n")
_PAY = re.compile(r"[$€£]|\b\d+\s?k\b|\b(usd|eur|gbp|cad)\b|salary|/h(ou)?r\b", re.I)
_EMPLOYMENT = re.compile(
    r"(?i)\b(full[- ]?time|part[- ]?time|contract(or)?|intern(ship)?|freelance|permanent)\b"
)
_EMPLOYMENT_FILLER = re.compile(r"(?i)\b(or|and|to|hire|ok|possible)\b|[\W\d_]+")


def is_employment_part(part: str) -> bool:
    """`Full-time`, `Contract or Full-time`, `Part-time (20h/wk)`: employment words only."""
    if not _EMPLOYMENT.search(part):
        return False
    rest = _EMPLOYMENT_FILLER.sub(" ", _EMPLOYMENT.sub(" ", part))
    rest = re.sub(r"(?i)\b(h|hrs?|wk|week)\b", " ", rest)
    return len(rest.strip()) <= 3


_URL = re.compile(r"(?i)^(https?://|www\.)|\.(com|io|ai|dev|co|org)(/|$)")
_ONLY_REMOTE_WORDS = re.compile(
    r"(?i)^\W*(fully\s+)?(remote|onsite|on-site|on site|hybrid|in[- ]office|remote ok|"
    r"remote[- ]friendly|visa|visa sponsorship|no remote)\W*$"
)


_REMOTE_LOCATION = re.compile(r"(?i)^\W*(fully\s+)?(remote|onsite|on-site|hybrid)\b")


def remote_hint_of(parts: list[str]) -> str | None:
    joined = " ".join(parts).lower()
    if "hybrid" in joined:
        return "hybrid"
    if re.search(r"\bremote\b", joined) and not re.search(r"\bno remote\b", joined):
        return "remote"
    if re.search(r"\b(onsite|on-site|on site|in[- ]office)\b", joined):
        return "onsite"
    return None


def parse_hn_header(text_html: str) -> dict[str, Any]:
    """The conventional first line `Company | Role | Location | REMOTE | $pay` -> fields."""
    first = _PARAGRAPH.split(text_html or "", maxsplit=1)[0]
    header = html_to_text(first)
    parts = [p.strip() for p in header.split("|") if p.strip()]
    if not parts:
        return {"company": None, "title": None, "location": None, "remote": None, "type": None}
    company = re.sub(r"\s*\((https?://)?[^)]*\.[a-z]{2,}[^)]*\)\s*$", "", parts[0]).strip()
    title = location = employment = None
    for part in parts[1:]:
        if is_employment_part(part):
            employment = employment or part
            continue
        if _PAY.search(part) or _URL.search(part) or _ONLY_REMOTE_WORDS.match(part):
            continue
        if _REMOTE_LOCATION.match(part):
            # "Remote (US only)" names where, not what.
            location = location or part
            continue
        if title is None:
            title = part
        elif location is None:
            location = part
    if location is None:
        # "Remote (US)" is a location too when nothing else names one.
        location = next(
            (p for p in parts[1:] if re.search(r"(?i)remote\s*\(", p) and p != title), None
        )
    return {
        "company": company or None,
        "title": title,
        "location": location,
        "remote": remote_hint_of(parts[1:]),
        "type": employment,
        "header": header,
    }


def parse_hn_comment(comment: dict[str, Any], board: str, fetched_at: str) -> PostingItem | None:
    text_html = comment.get("text")
    if not text_html or comment.get("deleted") or comment.get("dead") or not comment.get("author"):
        return None
    head = parse_hn_header(text_html)
    header = head.get("header") or ""
    piped = "|" in header
    # A comment without the conventional header is still kept; its author stands in.
    company = (head["company"] if piped else None) or clean_str(comment.get("author"))
    title = head["title"] or (header[:120] if header else None)
    return build_posting(
        source="hn",
        board=board,
        source_id=comment["id"],
        url=f"https://news.ycombinator.com/item?id={comment['id']}",
        company=company,
        title=title,
        location_raw=head["location"],
        remote_hint=head["remote"],
        description_html=text_html,
        posted_at=iso_date_str(comment.get("created_at")),
        fetched_at=fetched_at,
        employment_type=head["type"],
    )
