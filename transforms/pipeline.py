"""The one spaCy pipeline: `spacy.blank("en")` with the fast tokenizer, plus three
registered components.

    promptjobs_sections -> doc._.sections (Sections: the kind of every line), doc._.language
    promptjobs_pay     -> doc._.pay (list[Pay]), doc.spans["pay"]
    promptjobs_skills  -> doc._.skills (list[(skill_id, Span)]), doc.spans["skills"],
                          doc._.skill_mentions (skill_id -> its mentions, one per sentence),
                          doc._.outside_sentences (skill names outside the job's sections)
    promptjobs_role    -> doc._.role, doc._.role_evidence, doc._.seniority, doc._.years,
                          doc._.ai_involvement

A Doc is made with `make_posting_doc` so the components can read the posting's title,
location and structured hints from `doc._.posting` (no model, nothing downloaded).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from transforms import role as role_rules
from transforms.languages import detect_language, reading
from transforms.salary import find_pay, pay_in_section
from transforms.sections import split_sections
from transforms.skills import (
    build_language_matchers,
    build_matchers,
    employer_skills,
    match_skills,
)
from transforms.taxonomy import load_taxonomy
from transforms.tokenizer import FastTokenizer

_EXTENSIONS: dict[str, Any] = {
    "posting": None,  # dict: title, location, country, default_dollar
    "sections": None,
    "language": None,
    "ai_involvement": None,
    "pay": None,
    "skills": None,
    "skill_mentions": None,  # dict: skill_id -> list[Span], one per sentence (skills.py)
    "outside_sentences": None,  # (start, end) of skill-naming sentences outside the job's
    "role": None,
    "role_evidence": None,
    "seniority": None,
    "years": None,
    "ai_hits": None,  # start offsets of AI/LLM phrase matches (read by the role rules)
}
for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _posting(doc: Doc) -> dict[str, Any]:
    return doc._.posting or {}


def _text(doc: Doc) -> str:
    """The doc's text, kept by make_posting_doc (rebuilding doc.text costs ~0.4 ms)."""
    return _posting(doc).get("text") or doc.text


def _in_language(component: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
    """`component` reading the rule tables of the doc's language and English only (see
    languages.reading); the sections component, first, detects the language."""

    def run(doc: Doc) -> Doc:
        with reading(doc._.language):
            return component(doc)

    return run


@Language.factory("promptjobs_sections")
def make_sections_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def sections_component(doc: Doc) -> Doc:
        posting = _posting(doc)
        text = _text(doc)
        doc._.language = detect_language(text)
        with reading(doc._.language):
            doc._.sections = split_sections(
                text, posting.get("company"), posting.get("title_start")
            )
        return doc

    return sections_component


@Language.factory("promptjobs_pay")
def make_pay_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def pay_component(doc: Doc) -> Doc:
        text = _text(doc)
        sections = doc._.sections
        pays = [
            pay
            for pay in find_pay(text, default_dollar=_posting(doc).get("default_dollar", "USD"))
            if sections is None or pay_in_section(text, pay, sections.kind_at(pay.start))
        ]
        doc._.pay = pays
        spans = []
        for pay in pays:
            span = doc.char_span(pay.start, pay.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["pay"] = spans
        return doc

    return _in_language(pay_component)


@Language.factory("promptjobs_skills")
def make_skills_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    taxonomy = load_taxonomy()
    phrase = build_matchers(nlp, taxonomy)
    in_language = build_language_matchers(nlp, taxonomy)
    ai_ids = frozenset(s.id for s in taxonomy if s.family == "ai_ml")
    employer_cache: dict[str | None, frozenset[str]] = {}

    def skills_component(doc: Doc) -> Doc:
        ai_hits: list[int] = []
        mentions: dict[str, list[Span]] = {}
        outside: list[tuple[int, int]] = []
        company = _posting(doc).get("company")
        if company not in employer_cache:
            if len(employer_cache) > 10_000:
                employer_cache.clear()
            employer_cache[company] = employer_skills(company, taxonomy)
        found = match_skills(
            doc,
            phrase,
            _text(doc),
            ai_ids,
            ai_hits,
            doc._.sections,
            company,
            employer_cache[company],
            mentions,
            outside,
            in_language.get(doc._.language or "en"),
        )
        doc._.ai_hits = ai_hits
        doc._.skill_mentions = mentions
        doc._.outside_sentences = outside
        doc._.skills = found
        doc.spans["skills"] = [span for _, span in found]
        return doc

    return _in_language(skills_component)


@Language.factory("promptjobs_role")
def make_role_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def role_component(doc: Doc) -> Doc:
        posting = _posting(doc)
        title = posting.get("title") or ""
        body = _text(doc)
        sections = doc._.sections
        job = role_rules.job_text(body, sections)
        decision = role_rules.classify_role(title, body, doc._.ai_hits, sections, job)
        years = role_rules.years_of_experience(body, sections, job)
        doc._.role = decision.role
        doc._.role_evidence = decision.evidence
        doc._.ai_involvement = decision.ai_involvement
        doc._.years = years
        titles = role_rules.role_titles(title, body)
        doc._.seniority = role_rules.classify_seniority(
            " | ".join(titles[:2]), years["min"] if years else None
        )
        return doc

    return _in_language(role_component)


def build_pipeline() -> Language:
    """The extraction pipeline (the one factory): blank English + our four components."""
    nlp = spacy.blank("en")
    # The blank English tokenizer's affix rules are not needed for phrase matching; the
    # fast one is ~2.5x quicker and keeps the same text and offsets (see tokenizer.py).
    nlp.tokenizer = FastTokenizer(nlp.vocab)
    nlp.add_pipe("promptjobs_sections")
    nlp.add_pipe("promptjobs_pay")
    nlp.add_pipe("promptjobs_skills")
    nlp.add_pipe("promptjobs_role")
    return nlp


def make_posting_doc(nlp: Language, text: str, posting: dict[str, Any]) -> Doc:
    """Tokenise `text` and attach the posting fields the components read."""
    doc = nlp.make_doc(text)
    doc._.posting = {**posting, "text": text}
    return doc
