"""The one spaCy pipeline: `spacy.blank("en")` with the fast tokenizer, plus three
registered components.

    promptjobs_pay     -> doc._.pay (list[Pay]), doc.spans["pay"]
    promptjobs_skills  -> doc._.skills (list[(skill_id, Span)]), doc.spans["skills"]
    promptjobs_role    -> doc._.role, doc._.role_evidence, doc._.seniority, doc._.years

A Doc is made with `make_posting_doc` so the components can read the posting's title,
location and structured hints from `doc._.posting` (no model, nothing downloaded).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms import role as role_rules
from transforms.salary import find_pay
from transforms.skills import build_matchers, match_skills
from transforms.taxonomy import load_taxonomy
from transforms.tokenizer import FastTokenizer

_EXTENSIONS: dict[str, Any] = {
    "posting": None,  # dict: title, location, country, default_dollar
    "pay": None,
    "skills": None,
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


@Language.factory("promptjobs_pay")
def make_pay_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def pay_component(doc: Doc) -> Doc:
        pays = find_pay(_text(doc), default_dollar=_posting(doc).get("default_dollar", "USD"))
        doc._.pay = pays
        spans = []
        for pay in pays:
            span = doc.char_span(pay.start, pay.end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["pay"] = spans
        return doc

    return pay_component


@Language.factory("promptjobs_skills")
def make_skills_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    taxonomy = load_taxonomy()
    phrase = build_matchers(nlp, taxonomy)
    ai_ids = frozenset(s.id for s in taxonomy if s.family == "ai_ml")

    def skills_component(doc: Doc) -> Doc:
        ai_hits: list[int] = []
        found = match_skills(doc, phrase, _text(doc), ai_ids, ai_hits)
        doc._.ai_hits = ai_hits
        doc._.skills = found
        doc.spans["skills"] = [span for _, span in found]
        return doc

    return skills_component


@Language.factory("promptjobs_role")
def make_role_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def role_component(doc: Doc) -> Doc:
        posting = _posting(doc)
        title = posting.get("title") or ""
        body = _text(doc)
        decision = role_rules.classify_role(title, body, doc._.ai_hits)
        years = role_rules.years_of_experience(body)
        doc._.role = decision.role
        doc._.role_evidence = decision.evidence
        doc._.years = years
        titles = role_rules.role_titles(title, body)
        doc._.seniority = role_rules.classify_seniority(
            " | ".join(titles[:2]), years["min"] if years else None
        )
        return doc

    return role_component


def build_pipeline() -> Language:
    """The extraction pipeline (the one factory): blank English + our three components."""
    nlp = spacy.blank("en")
    # The blank English tokenizer's affix rules are not needed for phrase matching; the
    # fast one is ~2.5x quicker and keeps the same text and offsets (see tokenizer.py).
    nlp.tokenizer = FastTokenizer(nlp.vocab)
    nlp.add_pipe("promptjobs_pay")
    nlp.add_pipe("promptjobs_skills")
    nlp.add_pipe("promptjobs_role")
    return nlp


def make_posting_doc(nlp: Language, text: str, posting: dict[str, Any]) -> Doc:
    """Tokenise `text` and attach the posting fields the components read."""
    doc = nlp.make_doc(text)
    doc._.posting = {**posting, "text": text}
    return doc
