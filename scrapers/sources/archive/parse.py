"""Postings from a captured job page: schema.org JSON-LD first (the `jsonld` spider's own
parser), then the page's own HTML shape for the ATS families whose pages carry none; and the
HTTP answer inside a Common Crawl WARC record (warcio)."""

from __future__ import annotations

import html
import io
import json
import re
import zlib
from typing import Any

from parsel import Selector
from warcio.archiveiterator import ArchiveIterator

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str
from scrapers.sources.archive.cdx import Capture
from scrapers.sources.jsonld.parse import extract_postings, parse_job_posting

_ESCAPED_TAG = re.compile(r"&lt;\s*/?\s*[a-zA-Z]")
_APP_DATA = re.compile(r"window\.__appData\s*=\s*(\{.*?\})\s*;?\s*</script>", re.S)


class WarcRecordError(ValueError):
    """A byte range that is not one WARC response record."""


def warc_response(data: bytes) -> tuple[int, dict[str, str], bytes, dict[str, str]]:
    """(HTTP status, HTTP headers, body, WARC headers) of the one gzip WARC record that a
    Common Crawl range request returns. Each record is its own gzip member, so the range must
    decompress to the member's end: warcio alone reads a truncated or shifted range as a
    shorter page (or an empty one) without a word."""
    try:
        member = zlib.decompressobj(wbits=31)
        member.decompress(data)
    except zlib.error as exc:
        raise WarcRecordError(f"not a gzip WARC record: {exc}") from exc
    if not member.eof:
        raise WarcRecordError("the range ends inside its gzip member (truncated)")
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            http = record.http_headers
            status = int(http.get_statuscode()) if http is not None else 200
            headers = dict(http.headers) if http is not None else {}
            body = record.content_stream().read()
            return status, headers, body, dict(record.rec_headers.headers)
    except Exception as exc:  # warcio raises several kinds for a broken stream
        raise WarcRecordError(f"not a WARC record: {exc}") from exc
    raise WarcRecordError("no WARC response record in the range")


def _description(value: Any) -> str | None:
    """Greenhouse and others put the description into JSON-LD entity-escaped (`&lt;p&gt;`):
    that is HTML once unescaped, not text with angle brackets."""
    if not value:
        return None
    text = str(value)
    if "<" not in text and _ESCAPED_TAG.search(text):
        text = html.unescape(text)
    return text


def _as_archive(item: PostingItem, capture: Capture) -> PostingItem:
    item["source"] = "archive"
    item["board"] = capture.job.board
    item["source_id"] = capture.job.source_id
    item["url"] = capture.url
    item["fetched_at"] = capture.captured_at
    item["raw"] = capture.raw()
    return item


def _from_jsonld(node: dict[str, Any], capture: Capture) -> PostingItem:
    node = {**node, "description": _description(node.get("description"))}
    item = parse_job_posting(node, capture.url, capture.job.board, capture.captured_at)
    item = _as_archive(item, capture)
    # The day the page says the posting closes: the warehouse closes an archive posting
    # there when nothing saw the job later (warehouse/sql/lifecycle_compute.sql).
    item["valid_through"] = iso_date_str(node.get("validThrough"))
    return item


def _company_from_board(board: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_.]+", board) if w)


def _greenhouse_html(sel: Selector, capture: Capture) -> PostingItem | None:
    """The classic board page: `#app_body` with `.app-title`, `.company-name`, `.location`
    and the description in `#content`."""
    title = clean_str(" ".join(sel.css(".app-title ::text").getall()))
    if not title:
        return None
    company = clean_str(" ".join(sel.css(".company-name ::text").getall()))
    if company and company.lower().startswith("at "):
        company = company[3:]
    return build_posting(
        source="archive",
        board=capture.job.board,
        source_id=capture.job.source_id,
        url=capture.url,
        company=company or _company_from_board(capture.job.board),
        title=title,
        location_raw=clean_str(" ".join(sel.css(".location ::text").getall())),
        description_html=sel.css("#content").get(),
        fetched_at=capture.captured_at,
    )


def _lever_html(sel: Selector, capture: Capture) -> PostingItem | None:
    """`.posting-headline h2`, `.posting-categories .location`, the description sections."""
    title = clean_str(" ".join(sel.css(".posting-headline h2 ::text").getall()))
    if not title:
        return None
    sections = sel.css('[data-qa="job-description"], .posting-page .section-wrapper .section')
    company = clean_str(sel.css('meta[property="og:site_name"]::attr(content)').get())
    return build_posting(
        source="archive",
        board=capture.job.board,
        source_id=capture.job.source_id,
        url=capture.url,
        company=company or _company_from_board(capture.job.board),
        title=title,
        location_raw=clean_str(" ".join(sel.css(".posting-categories .location ::text").getall())),
        employment_type=clean_str(
            " ".join(sel.css(".posting-categories .commitment ::text").getall())
        ),
        description_html="\n".join(sections.getall()) or None,
        fetched_at=capture.captured_at,
    )


def _ashby_html(page: str, capture: Capture) -> PostingItem | None:
    """The job board app's `window.__appData = {...}` (its `posting` object)."""
    match = _APP_DATA.search(page)
    if not match:
        return None
    try:
        data = json.loads(match[1])
    except ValueError:
        return None
    posting = data.get("posting") if isinstance(data, dict) else None
    if not isinstance(posting, dict) or not clean_str(posting.get("title")):
        return None
    org = data.get("organization") if isinstance(data.get("organization"), dict) else {}
    return build_posting(
        source="archive",
        board=capture.job.board,
        source_id=capture.job.source_id,
        url=capture.url,
        company=org.get("name") or _company_from_board(capture.job.board),
        title=posting.get("title"),
        location_raw=posting.get("locationName"),
        remote_hint="remote" if posting.get("isRemote") else None,
        description_html=posting.get("descriptionHtml"),
        posted_at=iso_date_str(posting.get("publishedDate")),
        employment_type=posting.get("employmentType"),
        fetched_at=capture.captured_at,
    )


def postings_from_page(page: str, capture: Capture) -> tuple[list[PostingItem], str]:
    """The postings a captured page shows (as `archive` items) and how they were found:
    `jsonld`, `html` or `none`. A page with JSON-LD for several jobs keeps only the one
    whose URL was captured (the rest are "similar jobs" widgets)."""
    nodes, _broken = extract_postings(page, capture.url)
    if nodes:
        return [_from_jsonld(nodes[0], capture)], "jsonld"
    sel = Selector(text=page)
    shape = {
        "greenhouse": lambda: _greenhouse_html(sel, capture),
        "lever": lambda: _lever_html(sel, capture),
        "ashby": lambda: _ashby_html(page, capture),
    }.get(capture.job.ats)
    item = shape() if shape else None
    if item is None:
        return [], "none"
    return [_as_archive(item, capture)], "html"
