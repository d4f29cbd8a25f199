"""The demo boards in the wire format of Personio's public XML feed (`/xml`); pay in the
description text, as the feed has no pay element."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from scrapers.demo.http import DemoRequest, html_reply
from scrapers.demo.market import boards_of, postings_on
from scrapers.demo.paytext import with_pay_paragraph
from scrapers.loopback import Reply


def feed(day: date, board: str) -> str | None:
    if board not in boards_of("personio", discoverable=True):
        return None
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>']
    for p in postings_on(day, "personio", board):
        office = "Remote" if p.remote == "remote" else p.city
        description = with_pay_paragraph(p, "Gehalt / Salary")
        parts.append(
            f"""
<position>
    <id>{p.uid}</id>
    <subcompany>{escape(p.company)}</subcompany>
    <office>{escape(office)}</office>
    <department>AI</department>
    <name>{escape(p.title)}</name>
    <jobDescriptions>
        <jobDescription>
            <name>Your role</name>
            <value><![CDATA[{description}]]></value>
        </jobDescription>
    </jobDescriptions>
    <employmentType>permanent</employmentType>
    <schedule>{"full-time" if p.employment_type == "Full-time" else "part-time"}</schedule>
    <createdAt>{p.posted.isoformat()}T08:00:00+00:00</createdAt>
</position>"""
        )
    parts.append("\n</workzag-jobs>")
    return "".join(parts)


def boards(day: date, base: str) -> list[str]:
    return boards_of("personio")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /{board}/xml` (the mirror form of `{board}.jobs.personio.de/xml`)"""
    seg = request.segments
    if len(seg) == 2 and seg[1] == "xml":
        text = feed(request.day, seg[0])
        return None if text is None else html_reply(text, "application/xml; charset=utf-8")
    return None
