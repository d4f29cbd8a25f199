"""Extraction: one posting record in, one output record out (see docs/architecture.md §2
and ../shared/EXTRACT-CONTRACT.md). Pure: no file or network I/O; the packaged taxonomy
and FX table are read once when the Extractor is built."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import resources
from itertools import islice
from typing import Any

from transforms.languages import reading
from transforms.location import classify_remote, normalise_location, places_in_text
from transforms.pipeline import build_pipeline, make_posting_doc
from transforms.records import plausible_pays
from transforms.salary import (
    FxTable,
    Pay,
    choose_primary,
    parse_fx_table,
    pay_record,
    structured_pay,
)
from transforms.sections import key_of_sentence, sentence_key, workplace_text
from transforms.taxonomy import load_taxonomy
from transforms.text import prepare_text, scrub_surrogates

# Bump when the output for the same input changes: the warehouse re-extracts on a new one.
EXTRACTOR_VERSION = "1.3.0"

CONTRACT_FIELDS = ("id", "role", "seniority", "remote", "salary", "skills")


def packaged_fx_text() -> str:
    return resources.files("transforms").joinpath("data", "fx_rates.csv").read_text("utf-8")


def _str(value: object) -> str:
    if value is None:
        return ""
    return scrub_surrogates(value if isinstance(value, str) else str(value))


def _location_from_header(body: str, fallback: dict[str, Any]) -> dict[str, Any]:
    """HN-style posts put `Company | Role | Location | ...` on their first line: when the
    location field says nothing, the first segment that names a place is used."""
    first_line = body.split("\n", 1)[0]
    if "|" not in first_line:
        return fallback
    for segment in first_line.split("|")[1:6]:
        found = normalise_location(segment.strip()[:120])
        if found["country"] is not None:
            return {**found, "raw": fallback["raw"]}
    return fallback


# Countries whose own currency is written "$".
_LOCAL_DOLLARS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD"}
# A location open beyond its one named country ("REMOTE (North America preferred) /
# Vancouver"): its "$" stays USD.
_BEYOND_ONE_COUNTRY_RE = re.compile(
    r"anywhere|worldwide|global|north america|americas|emea|apac|latam|europe", re.I
)


class Extractor:
    """Builds the spaCy pipeline once; `extract` / `extract_many` turn postings into records.

    `fx_csv_text` replaces the packaged FX table (the CLI passes settings.fx_file's text).
    """

    # A vocabulary keeps every word it has seen; on an endless stream of real postings
    # (ids, numbers, names) it grows without bound. Past this many lexemes the pipeline is
    # rebuilt between batches (~0.3 s), which keeps a worker's memory flat. Output is the
    # same: nothing learned is kept in the vocabulary.
    max_lexemes = 250_000

    def __init__(self, fx_csv_text: str | None = None) -> None:
        self.nlp = build_pipeline()
        self.fx: FxTable = parse_fx_table(fx_csv_text or packaged_fx_text())
        self.families = {s.id: s.family for s in load_taxonomy()}

    # -- public API -------------------------------------------------------------------
    def extract(self, record: dict) -> dict:
        return next(self.extract_many([record], batch_size=1))

    def extract_many(self, records: Iterable[dict], batch_size: int = 64) -> Iterator[dict]:
        """Records out in input order; `nlp.pipe` runs over batches of `batch_size`."""
        batch_size = max(1, int(batch_size))
        iterator = iter(records)
        while True:
            chunk = list(islice(iterator, batch_size))
            if not chunk:
                return
            prepared = [self._prepare(r) for r in chunk]
            docs = [make_posting_doc(self.nlp, text, posting) for text, posting in prepared]
            for (_, posting), doc in zip(
                prepared, self.nlp.pipe(docs, batch_size=batch_size), strict=True
            ):
                yield self._record(posting, doc)
            del docs
            if len(self.nlp.vocab) > self.max_lexemes:
                self.nlp = build_pipeline()

    # -- internals --------------------------------------------------------------------
    def _prepare(self, record: object) -> tuple[str, dict[str, Any]]:
        rec: dict[str, Any] = record if isinstance(record, dict) else {}
        title = prepare_text(_str(rec.get("title")))[:500]
        body = prepare_text(rec.get("text") if "text" in rec else rec.get("description_text"))
        if not body and rec.get("description_html"):
            body = prepare_text(rec.get("description_html"))
        location_raw = rec.get("location") if "location" in rec else rec.get("location_raw")
        location = normalise_location(_str(location_raw) or None)
        if location["country"] is None and location["world_region"] == "Remote / unspecified":
            location = _location_from_header(body, location)
        if location["country"] is None:
            in_text = places_in_text(body)
            if in_text is not None:
                location = {**in_text, "raw": location["raw"]}
        # A bare "$" is USD unless the words near it name another dollar (salary.py reads
        # them) or the posting is in one dollar country only ("Toronto, ON" -> CAD); a
        # list across countries ("Remote, North America / Vancouver") keeps USD.
        countries = location.get("countries") or []
        beyond = _BEYOND_ONE_COUNTRY_RE.search(_str(location_raw))
        default_dollar = (
            _LOCAL_DOLLARS.get(countries[0], "USD") if len(countries) == 1 and not beyond else "USD"
        )
        appended = bool(title) and title not in body[:2000]
        text = f"{body}\n\n{title}" if appended and body else (body or title)
        posting = {
            "id": rec.get("id"),
            "title": title,
            "company": _str(rec.get("company")) or None,
            # Where the appended title starts: the sections read it as the job's own line.
            "title_start": len(body) + 2 if appended and body else None,
            "location_raw": _str(location_raw) or None,
            "location": location,
            "default_dollar": default_dollar,
            "remote_hint": rec.get("remote_hint"),
            "compensation": rec.get("compensation"),
            "compensation_ranges": rec.get("compensation_ranges"),
        }
        return text, posting

    @staticmethod
    def _skill_evidence(doc: Any, sections: Any) -> list[dict[str, Any]]:
        """Per skill (in the order of `skills`), each sentence that named it: the words,
        the section, and the sentence's key (transforms.sections.sentence_key)."""
        text = doc._.posting["text"]
        mentions = doc._.skill_mentions or {}
        evidence: list[dict[str, Any]] = []
        for skill_id, first in doc._.skills or []:
            for span in mentions.get(skill_id) or [first]:
                evidence.append(
                    {
                        "skill_id": skill_id,
                        "text": span.text,
                        "section": sections.kind_at(span.start_char) if sections else "job",
                        "sentence_key": sentence_key(text, span.start_char, span.end_char),
                    }
                )
        return evidence

    @staticmethod
    def _outside_keys(doc: Any) -> list[str]:
        """The keys of the sentences outside the job's sections that name a skill."""
        text = doc._.posting["text"]
        keys = (key_of_sentence(text, a, b) for a, b in doc._.outside_sentences or [])
        return list(dict.fromkeys(k for k in keys if k is not None))

    def _record(self, posting: dict[str, Any], doc: Any) -> dict:
        structured, pay_dropped = plausible_pays(
            structured_pay(posting["compensation"], posting["compensation_ranges"]), self.fx
        )
        pays: list[Pay] = structured
        if not structured:
            pays, text_dropped = plausible_pays(list(doc._.pay or []), self.fx)
            pay_dropped += text_dropped
        source = "structured" if structured else ("text" if pays else None)
        primary = 0 if structured else choose_primary(pays)
        salaries = [pay_record(p, self.fx, is_primary=i == primary) for i, p in enumerate(pays)]
        salary = None
        if primary is not None:
            chosen = salaries[primary]
            salary = {
                k: chosen[k]
                for k in (
                    "min",
                    "max",
                    "currency",
                    "period",
                    "min_annual_usd",
                    "max_annual_usd",
                    "text",
                )
            }
        skills = [skill_id for skill_id, _ in doc._.skills or []]
        sections = doc._.sections
        families = sorted({self.families[s] for s in skills if s in self.families})
        with reading(doc._.language):  # the posting's language's rules, and English
            remote, _remote_evidence = classify_remote(
                posting["location_raw"],
                posting["title"],
                doc._.posting["text"],
                posting["remote_hint"],
                workplace_text(doc._.posting["text"], sections) if sections else None,
            )
        record_id = posting["id"]
        record = {
            "id": record_id if isinstance(record_id, str | int) else _str(record_id),
            "role": doc._.role or "other",
            "seniority": doc._.seniority,
            "remote": remote,
            "salary": salary,
            "skills": skills,
            "salary_source": source,
            "salaries": salaries,
            "skill_evidence": self._skill_evidence(doc, sections),
            "outside_sentence_keys": self._outside_keys(doc),
            "role_evidence": doc._.role_evidence or "",
            "location": posting["location"],
            "years_experience": doc._.years,
            "ai_involvement": doc._.ai_involvement or "none",
            "language": doc._.language,
            "skill_families": families,
            "extractor_version": EXTRACTOR_VERSION,
        }
        if pay_dropped:  # transforms/records.py: present only when a range was dropped
            record["pay_dropped"] = pay_dropped
        # Spans stored on the doc point back at it: break the cycle now, or memory grows
        # until the cyclic GC runs (measured: +110 MB over 3,000 postings).
        doc.spans.clear()
        doc.user_data.clear()
        return record
