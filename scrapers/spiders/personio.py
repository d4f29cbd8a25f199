"""Personio public XML feed: `GET https://{board}.jobs.personio.de/xml?language=en` (every
published position with its description sections, one request). No structured pay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from scrapy.http import Request, Response

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str
from scrapers.spiders.base import PostingSpider, SourceFormatError
from scrapers.spiders.hosted import hosted_base


def _text(node: Element | None, tag: str) -> str | None:
    found = node.find(tag) if node is not None else None
    return clean_str(found.text) if found is not None and found.text else None


def parse_personio_feed(body: bytes) -> list[Element]:
    """The `<position>` elements of a feed; SourceFormatError if it is not one. Parsed with
    defusedxml: a feed is someone else's XML (no entity expansion, no external DTDs)."""
    try:
        root = fromstring(body)
    except (ParseError, DefusedXmlException) as exc:
        raise SourceFormatError("bad_xml", f"not a Personio XML feed: {exc}") from None
    if root.tag != "workzag-jobs":
        raise SourceFormatError("bad_shape", f"expected <workzag-jobs>, got <{root.tag}>")
    return root.findall("position")


def parse_personio_position(
    position: Element, board: str, company: str, fetched_at: str
) -> PostingItem:
    sections = []
    for part in position.iterfind("jobDescriptions/jobDescription"):
        name, value = _text(part, "name"), (part.findtext("value") or "").strip()
        if value:
            sections.append(f"<h3>{name}</h3>\n{value}" if name else value)
    offices = [_text(position, "office")] + [
        clean_str(o.text) for o in position.iterfind("additionalOffices/office")
    ]
    places = [o for o in dict.fromkeys(offices) if o]
    remote = any(o.lower() == "remote" for o in places)
    job_id = _text(position, "id")
    return build_posting(
        source="personio",
        board=board,
        source_id=job_id,
        url=f"https://{board}.jobs.personio.de/job/{job_id}",
        company=_text(position, "subcompany") or company,
        title=_text(position, "name"),
        location_raw="; ".join(places) or None,
        remote_hint="remote" if remote else None,
        description_html="\n".join(sections) or None,
        posted_at=iso_date_str(_text(position, "createdAt")),
        fetched_at=fetched_at,
        employment_type=" ".join(
            p for p in (_text(position, "employmentType"), _text(position, "schedule")) if p
        )
        or None,
    )


class PersonioSpider(PostingSpider):
    name = "personio"
    source = "personio"
    custom_settings = {"DOWNLOAD_DELAY": 0.5}

    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{hosted_base(self.api_base, board)}/xml?language=en"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        head = response.body.lstrip()[:200].lower()
        if head.startswith(b"<!doctype html") or b"<html" in head:
            raise SourceFormatError("not_xml", "expected the XML feed, got HTML")
        positions = parse_personio_feed(response.body)
        company = self.company_name(board)
        fetched = self.fetched_at()
        yield from self.each_posting(
            positions, lambda p: parse_personio_position(p, board, company, fetched)
        )
