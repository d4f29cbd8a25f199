"""Employer boilerplate across postings: a sentence an employer repeats, word for word, in
many of its postings ("Ramp is building the smart infrastructure for finance teams...")
is the employer's, not the job's. A skill whose only evidence in a posting lies in such
sentences is not a skill of that job. Pure: one employer's postings in, flags out.

The per-posting section splitter (sections.py) drops the boilerplate it recognises by
its headings and cues; this rule needs no cue, only the employer's other postings, so it
runs where they all are (the warehouse, warehouse/boilerplate.py), over the postings'
texts and stored skills, without re-extracting them.

A sentence is repeated when, normalised (lower case, words only), it appears in the
postings of at least `MIN_REPEATS` different jobs of the employer and in at least
`MIN_SHARE` of its jobs, for an employer with at least `MIN_POSTINGS` jobs. A job is a
title (normalised): one opening posted in five cities is one job, whose five identical
texts say nothing about the employer. Only prose sentences of `MIN_WORDS` words or more
count: list items (duties, requirements) and short lines ("Strong communication skills")
are the job's even when an employer writes them the same way in every posting. A skill
is flagged in a posting when its aliases (or its stored evidence) occur in the posting's
job text only inside repeated sentences; a skill named in the title, in any other
sentence of the job's sections, or found by a duty rule whose words are not an alias
(nothing to locate) stays the job's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from transforms.sections import JOB_KINDS, split_sections

MIN_POSTINGS = 5
MIN_REPEATS = 3
MIN_SHARE = 0.02
MIN_WORDS = 8
SENTENCE_SHOWN_CHARS = 200
# Part of the state the warehouse keeps: a change here recomputes every employer.
RULE_VERSION = f"1:{MIN_POSTINGS}:{MIN_REPEATS}:{MIN_SHARE}:{MIN_WORDS}"

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[A-Z0-9À-Ý])")
_NON_WORD_RE = re.compile(r"[\W_]+")
_BULLET_RE = re.compile(r"^(?:[-•*▪◦·]\s|\d+[.)]\s)")


@dataclass(frozen=True)
class EmployerPosting:
    """One job of the employer: its text as extracted (transforms.text.prepare_text), its
    title, and per stored skill the words that may name it (aliases, stored evidence)."""

    posting_id: str
    text: str
    title: str = ""
    skills: Mapping[str, Sequence[str]] = field(default_factory=dict)
    company: str | None = None  # as posted (the sections read the employer's own name)


@dataclass(frozen=True)
class BoilerplateSkill:
    posting_id: str
    skill_id: str
    sentence: str  # the first repeated sentence that names the skill (cut)
    sentence_jobs: int  # the employer's jobs (titles) whose postings hold that sentence
    employer_jobs: int  # the employer's jobs (distinct titles)
    reason: str


def normalise_sentence(sentence: str) -> str:
    return _NON_WORD_RE.sub(" ", sentence.lower()).strip()


def job_sentences(text: str, company: str | None) -> list[tuple[str, str, bool]]:
    """(normalised, original, prose) for every sentence of the job's own sections
    (intro, job, nice); `prose` is false for list items."""
    sections = split_sections(text, company)
    out: list[tuple[str, str, bool]] = []
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        line = raw.strip()
        if not line or sections.kind_at(start) not in JOB_KINDS:
            continue
        prose = _BULLET_RE.match(line) is None
        for sentence in _SENTENCE_END_RE.split(line) if prose else (line,):
            norm = normalise_sentence(sentence)
            if norm:
                out.append((norm, sentence.strip(), prose))
    return out


def _job(posting: EmployerPosting) -> str:
    return normalise_sentence(posting.title) or f"\0{posting.posting_id}"


@lru_cache(maxsize=8192)
def _words_re(words: tuple[str, ...]) -> re.Pattern[str] | None:
    forms = sorted({normalise_sentence(w) for w in words} - {""}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def employer_boilerplate(
    postings: Iterable[EmployerPosting],
    company: str | None = None,
    *,
    min_postings: int = MIN_POSTINGS,
    min_repeats: int = MIN_REPEATS,
    min_share: float = MIN_SHARE,
    min_words: int = MIN_WORDS,
) -> list[BoilerplateSkill]:
    """The (posting, skill) pairs of one employer whose only evidence is repeated text."""
    items = list(postings)
    read = [(p, job_sentences(p.text, p.company or company)) for p in items]
    jobs_of: dict[str, set[str]] = {}
    for posting, sentences in read:
        job = _job(posting)
        for norm, _, prose in sentences:
            if prose and norm.count(" ") + 1 >= min_words:
                jobs_of.setdefault(norm, set()).add(job)
    employer_jobs = len({_job(p) for p in items})
    if employer_jobs < min_postings:
        return []
    needed = max(min_repeats, math.ceil(min_share * employer_jobs))
    repeated = {norm: len(jobs) for norm, jobs in jobs_of.items() if len(jobs) >= needed}
    if not repeated:
        return []
    flags: list[BoilerplateSkill] = []
    for posting, sentences in read:
        if not any(norm in repeated for norm, _, _ in sentences):
            continue
        title = normalise_sentence(posting.title)
        for skill_id, words in posting.skills.items():
            pattern = _words_re(tuple(words))
            if pattern is None or (title and pattern.search(title)):
                continue
            hits = [(norm, text) for norm, text, _ in sentences if pattern.search(norm)]
            if not hits or any(norm not in repeated for norm, _ in hits):
                continue
            norm, text = hits[0]
            shown = text[:SENTENCE_SHOWN_CHARS]
            count = repeated[norm]
            flags.append(
                BoilerplateSkill(
                    posting_id=posting.posting_id,
                    skill_id=skill_id,
                    sentence=shown,
                    sentence_jobs=count,
                    employer_jobs=employer_jobs,
                    reason=(
                        f"named only in employer text repeated in {count} of "
                        f'{employer_jobs} jobs: "{shown}"'
                    ),
                )
            )
    return flags
