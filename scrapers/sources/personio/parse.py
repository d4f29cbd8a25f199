"""Personio public XML feed: `GET https://{board}.jobs.personio.de/xml?language=en` (every
published position with its description sections, one request). No structured pay."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str
from scrapers.sources.base import SourceFormatError


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
