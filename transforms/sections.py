"""A posting cut into sections: the job's own (duties, requirements, nice-to-haves) and
the employer's boilerplate (company description, benefits, pay statement, EEO / privacy /
legal notices, recruiting-scam warnings, application instructions). Pure functions.

Sections open at headings (a short line, or an HTML heading turned into one by text.py)
that start with a pattern of `[headings]` in the language tables; a line that is itself a
recognisable boilerplate paragraph (`[paragraphs]`: "is an equal opportunity employer",
"we will never ask you for payment") is that kind whatever its heading. The text before
the first heading is `intro`: it counts as the job's unless a line is recognised.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from transforms import languages
from transforms.text import SENTENCE_OPENERS

# Heading kinds, in the order they are tried: "Pay transparency" is legal, not pay;
# "Compensation & Benefits" is pay; "About the role" is the job, "About us" the company.
HEADING_ORDER = ("scam", "legal", "nice", "pay", "benefits", "company", "apply", "job")
PARAGRAPH_ORDER = ("scam", "legal", "benefits", "company", "apply")
_COMPANY_CUE_CHARS = 150  # a company cue must open its paragraph ("We are a ...")
SECTION_KINDS = ("intro", "job", "nice", "company", "benefits", "pay", "legal", "scam", "apply")
# Where the job's skills, role words, seniority and years are read.
JOB_KINDS = frozenset({"intro", "job", "nice"})
# Where pay may be stated (benefits, legal and the rest only with a salary word nearby).
PAY_KINDS = frozenset({"intro", "job", "nice", "pay"})
# Boilerplate sections that never say where or how the job is done (a company blurb or
# the benefits may: "we are remote-first", "flexible remote work").
NO_WORKPLACE_KINDS = frozenset({"scam"})

_HEADING_MAX_CHARS = 70
_PARAGRAPH_MAX_CHARS = 600
_LONG_CUE_CHARS = 200
# Every kind's heading pattern in one alternation, in HEADING_ORDER: `match` gives the
# first kind whose pattern matches (as trying them in turn would), in one call.
_HEADING_ANY_RE = languages.pattern(
    lambda langs: "|".join(
        rf"(?P<{kind}>(?:\d+[.)]\s*)?(?:{languages.alternation('headings', kind, langs)}))"
        for kind in HEADING_ORDER
    ),
    re.IGNORECASE,
)
# All paragraph cues in one pattern, run once over the lower-cased text (one pass instead
# of five regexes per line); the group that matched names the kind.
_PARAGRAPH_ANY_RE = languages.pattern(
    # `\b` first: the branches are tried only where a word starts (~4x faster).
    lambda langs: (
        r"\b(?:"
        + "|".join(
            f"(?P<{kind}>{languages.alternation('paragraphs', kind, langs)})"
            for kind in PARAGRAPH_ORDER
        )
        + ")"
    ),
    re.MULTILINE,
)
# Where any cue of _PARAGRAPH_ANY_RE starts, in one grouped alternation: most paragraphs
# have none, and one test per word start finds that ~3x faster than the five kinds' groups
# tried in turn; only where it matches is _PARAGRAPH_ANY_RE run, to name the kind.
_PARAGRAPH_CUE_RE = languages.pattern(
    lambda langs: (
        r"\b"
        + languages.grouped_alternation(
            [p for kind in PARAGRAPH_ORDER for p in languages.rules("paragraphs", kind, langs)]
        )
    ),
    re.MULTILINE,
)
_JOB_PARAGRAPH_RE = languages.compiled_lower("paragraphs", "job")
_BULLET_RE = re.compile(r"^(?:[-•*▪◦·]\s|\d+[.)]\s+\S.{40})")
_COMPANY_SUFFIX_RE = re.compile(
    r"[,.]?\s+(?:inc|llc|ltd|gmbh|sas|sa|bv|b\.v|ag|plc|corp|co|limited|technologies|labs)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sections:
    """The kind of every line of a text: `kind_at(offset)` answers for any character."""

    starts: tuple[int, ...]
    kinds: tuple[str, ...]
    headings: tuple[str, ...]

    def kind_at(self, pos: int) -> str:
        i = bisect_right(self.starts, pos) - 1
        return self.kinds[i] if i >= 0 else "intro"

    def heading_at(self, pos: int) -> str:
        i = bisect_right(self.starts, pos) - 1
        return self.headings[i] if i >= 0 else ""

    def is_job(self, pos: int) -> bool:
        return self.kind_at(pos) in JOB_KINDS

    def spans(self, text_len: int) -> list[tuple[str, int, int]]:
        """(kind, start, end) runs of consecutive lines of one kind."""
        out: list[tuple[str, int, int]] = []
        for i, (start, kind) in enumerate(zip(self.starts, self.kinds, strict=True)):
            end = self.starts[i + 1] if i + 1 < len(self.starts) else text_len
            if out and out[-1][0] == kind:
                out[-1] = (kind, out[-1][1], end)
            else:
                out.append((kind, start, end))
        return out


def heading_kind(line: str) -> str | None:
    """The section kind a line opens when it is a heading, else None. A heading is short,
    not a bullet and not a sentence; "Unknown heading" gives "" (a heading of no kind)."""
    stripped = line.strip()
    if not stripped or _BULLET_RE.match(stripped):
        return None
    bare = stripped.strip("#*_-:•|=[]() ").strip()
    if not bare or len(bare) > _HEADING_MAX_CHARS or bare.endswith((".", ",", ";", "?", "!")):
        return None
    if ":" in stripped.rstrip(": ") and len(stripped.split(":", 1)[1].strip(" *_")) > 0:
        return None  # "Apply here: https://...", "Location: Berlin": a field, not a heading
    words = bare.split()
    if not (
        stripped.endswith(":")
        or stripped.startswith(("#", "_", "*", "="))
        or bare.istitle()
        or bare.isupper()
        or len(words) <= 6
    ):
        return None
    heading = _HEADING_ANY_RE.match(bare)
    if heading is not None:
        return next(kind for kind in HEADING_ORDER if heading.group(kind) is not None)
    return "" if (stripped.endswith(":") or len(words) <= 5) and bare[:1].isupper() else None


def _company_names(company: str | None) -> list[str]:
    if not company:
        return []
    name = _COMPANY_SUFFIX_RE.sub("", company.strip())
    return [n for n in {company.strip(), name} if len(n) >= 2]


def _cue_kind(line: str) -> str | None:
    """The kind of the first boilerplate cue in a paragraph (one regex pass), else None."""
    low = line.lower()
    pos = 0
    while (cue := _PARAGRAPH_CUE_RE.search(low, pos)) is not None:
        # Some kind matches here, and nowhere between `pos` and here: the match
        # _PARAGRAPH_ANY_RE.finditer would give next.
        m = _PARAGRAPH_ANY_RE.match(low, cue.start())
        if m is None or m.end() == m.start():
            break  # (never with the tables' cues) read the rest the plain way
        found = next(kind for kind in PARAGRAPH_ORDER if m.group(kind) is not None)
        if found != "company" or m.start() <= _COMPANY_CUE_CHARS:
            return found
        pos = m.end()
    else:
        return None
    for m in _PARAGRAPH_ANY_RE.finditer(low, pos):
        found = next(kind for kind in PARAGRAPH_ORDER if m.group(kind) is not None)
        if found != "company" or m.start() <= _COMPANY_CUE_CHARS:
            return found
    return None


# What follows the employer's name when a paragraph opens with it describing itself.
_COMPANY_SELF_RE = re.compile(
    r"['’]s mission| is (?:a|an|the)\b| are (?:a|an|the)\b|"
    r" was founded| helps\b| builds\b| powers\b| est une?\b| ist (?:ein|eine|der|die)\b|"
    r" es (?:una?|la|el)\b| é (?:uma?|a|o)\b| è (?:una?|la|il)\b| is een\b",
    re.IGNORECASE,
)
_AT_RE = re.compile(r"at ", re.IGNORECASE)
_AT_TAIL_RE = re.compile(r", (?:we|our)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _name_re(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name), re.IGNORECASE)


class CompanyOpening:
    """Whether a paragraph opens with the employer describing itself: "Stripe is a
    financial infrastructure platform...", "At Plaid, we believe...".

    The same test as one pattern `(?:NAME)(?:'s mission| is a|...)|at (?:NAME), (?:we|our)`
    anchored at the paragraph's start, run as a name then its tail: one such pattern per
    employer cost ~5 ms to compile, more than all its matches."""

    def __init__(self, names: list[str]) -> None:
        self._names = [_name_re(n) for n in sorted(names, key=len, reverse=True)]

    def match(self, line: str) -> bool:
        for name in self._names:
            m = name.match(line)
            if m is not None and _COMPANY_SELF_RE.match(line, m.end()):
                return True
        if _AT_RE.match(line):
            for name in self._names:
                m = name.match(line, 3)
                if m is not None and _AT_TAIL_RE.match(line, m.end()):
                    return True
        return False


def _company_re(company: str | None) -> CompanyOpening | None:
    """A paragraph that opens with the employer describing itself (see CompanyOpening)."""
    names = _company_names(company)
    if not names:
        return None
    return CompanyOpening(names)


# A paragraph that speaks to the candidate or about the role is the job's, whoever it names.
_ADDRESSES_READER_RE = re.compile(
    r"\b(?:you|your|you['’](?:ll|re|ve|d)|this (?:role|position|job)|the (?:role|position)|"
    r"(?:is|are|we['’]re) (?:looking|hiring|seeking|searching)|"
    r"vous|votre|du|dich|dein\w*|sie werden|ihr\w*|tu|tus?|usted|você|seu|sua|jij|je|jouw|"
    r"voi|tuo|tua)\b",
    re.IGNORECASE,
)
_NAMES_EMPLOYER_CHARS = 120
_TEAM_RE = re.compile(r"\b(?:team|squad|équipe|equipo|equipa|squadra|teams?)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _names_re_cached(alt: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


_SENTENCE_END_RE = re.compile(rf"[.!?]\s+(?=[{SENTENCE_OPENERS}\"“(])")


# The employer speaking of itself from a paragraph's first word ("We believe...", "Our
# mission...", "Nous sommes...", "Wir sind..."): in the posting's opening text, with the
# employer named anywhere in the paragraph, that is the company's self-description.
_WE_OPENING_RE = re.compile(
    r"(?:we|we['’](?:re|ve)|our|nous|notre|wir|unser\w*|nosotros|somos|nuestr[ao]s?|wij|"
    r"onze?|noi|siamo|la nostra|il nostro|nós|nossa|nosso)\b",
    re.IGNORECASE,
)


def employer_part(line: str, company: str | None, intro: bool = False) -> int | None:
    """How much of a paragraph is the employer describing itself ("Acme Europe is
    building the network...", "At Acme, our mission is..."): a paragraph
    that names the employer near its start and does not address the candidate or the role
    before its later sentences. Returns the offset where the job's words begin (the
    sentence that addresses the reader: "In this role, you'll..."), len(line) for the
    whole paragraph, None when the paragraph is the job's."""
    names = _company_names(company)
    if not names or _BULLET_RE.match(line):
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    names_re = _names_re_cached(alt)
    if not names_re.search(line[:_NAMES_EMPLOYER_CHARS]) and not (
        intro and _WE_OPENING_RE.match(line) and names_re.search(line)
    ):
        return None
    if _JOB_PARAGRAPH_RE.search(line[:200].lower()) or _TEAM_RE.search(
        line[:_NAMES_EMPLOYER_CHARS]
    ):
        return None  # a job paragraph; a team's work ("The AI team at Acme builds") is the job's
    reader = _ADDRESSES_READER_RE.search(line)
    if reader is None:
        return len(line)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(line, 0, reader.start())]
    return ends[-1] if ends else None


def paragraph_kind(line: str, company: str | None = None) -> str | None:
    """The boilerplate kind a paragraph is on its own words, else None."""
    if len(line) > _PARAGRAPH_MAX_CHARS:
        return None  # a whole posting on one line: its words are not one paragraph's
    found = _cue_kind(line)
    if found:
        return found
    company_re = _company_re(company)
    return "company" if company_re is not None and company_re.match(line.strip()) else None


def split_sections(text: str, company: str | None = None, job_from: int | None = None) -> Sections:
    """The kind of each line of `text`. Lines from `job_from` on (the title, appended by the
    extractor after the body) are the job's."""
    starts: list[int] = []
    kinds: list[str] = []
    headings: list[str] = []
    kind, heading = "intro", ""
    company_re = _company_re(company)
    # Paragraphs read as the employer's by `employer_part`, kept so only when a heading of
    # the job's own (duties, requirements) follows: a posting without one (a forum post, a
    # one-paragraph ad) is all the job's, whatever it names.
    pending: list[tuple[int, str]] = []
    job_heading_at = -1
    pos = 0
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        employer_kind: str | None = None
        if job_from is not None and start >= job_from:
            starts.append(start)
            kinds.append("job")
            headings.append("title")
            continue
        opened = heading_kind(line)
        if opened in ("job", "nice"):
            job_heading_at = len(kinds)
        if opened:
            kind, heading = opened, line[:80]
            line_kind = kind
        elif opened == "":
            # A heading of no known kind ("Senior Engineer, Payments"): it ends a company
            # description, not the benefits or legal notices at the end of a posting.
            if kind in ("intro", "company"):
                kind, heading = "job", line[:80]
            line_kind = kind
        else:
            if (
                kind == "company"
                and len(line) <= _PARAGRAPH_MAX_CHARS
                and _JOB_PARAGRAPH_RE.search(line[:200].lower())
            ):
                kind, heading = "job", ""  # "As a Data Scientist, you will..." after "About us"
            line_kind = kind
            # A bullet under a duties/requirements heading is the job's own: only other
            # lines are read for boilerplate cues (they are most of the text's cost).
            bullet = kind in ("job", "nice") and line[:1] in "-•*"
            if kind in ("intro", "job", "nice", "pay") and len(line) <= _PARAGRAPH_MAX_CHARS:
                line_kind = (None if bullet else _cue_kind(line)) or kind
                if line_kind == kind and company_re is not None and company_re.match(line):
                    line_kind = "company"
                elif line_kind == kind and kind in ("intro", "job"):
                    cut = employer_part(line, company, intro=kind == "intro")
                    if cut is not None and cut < len(line):
                        # The employer's sentences, then the job's ("In this role, you'll").
                        pending.append((len(kinds), kind))
                        starts.extend((start, start + (len(raw) - len(raw.lstrip())) + cut))
                        kinds.extend(("company", kind))
                        headings.extend((heading, heading))
                        continue
                    if cut is not None:
                        line_kind, employer_kind = "company", kind
            elif kind in ("intro", "job", "nice", "pay") and not bullet:
                # A long paragraph is legal or scam boilerplate only when it opens so
                # ("Plaid is proud to be an equal opportunity employer ... [800 chars]").
                opening = _cue_kind(line[:_LONG_CUE_CHARS])
                line_kind = opening if opening in ("legal", "scam") else kind
                if line_kind == kind and company_re is not None and company_re.match(line):
                    # "At Acme, our mission is ... [700 chars]" (kept so only before the
                    # job's own headings, see `pending`)
                    line_kind, employer_kind = "company", kind
                elif (
                    line_kind == kind
                    and kind == "intro"
                    and employer_part(line, company, intro=True) == len(line)
                ):
                    # "We believe ... Acme powers ... [780 chars]", never addressing the
                    # reader, before the job's first heading (kept so only if one follows).
                    line_kind, employer_kind = "company", kind
        if (
            starts
            and kinds[-1] == line_kind
            and headings[-1] == heading
            and employer_kind is None
            and not (pending and pending[-1][0] == len(kinds) - 1)
        ):
            continue
        if employer_kind is not None:
            pending.append((len(kinds), employer_kind))
        starts.append(start)
        kinds.append(line_kind)
        headings.append(heading)
    for index, original in pending:
        if index >= job_heading_at:
            kinds[index] = original
    return Sections(tuple(starts), tuple(kinds), tuple(headings))


def workplace_text(text: str, sections: Sections) -> str:
    """The text without the recruiting-scam notices ("we never interview remotely by
    chat"), which never say how the job is done."""
    return "\n".join(
        text[a:b] for kind, a, b in sections.spans(len(text)) if kind not in NO_WORKPLACE_KINDS
    )


# --- the sentence a piece of evidence came from -----------------------------------------
# An employer repeats its own paragraphs (its "About us", its product names, its scam
# notice in words no table knows) on every posting; the warehouse finds them as sentences
# repeated across an employer's postings (warehouse/boilerplate.py), by this key.
_SENTENCE_BREAK_RE = re.compile(r"[.!?;]+(?=\s|$)")
_KEY_DIGITS_RE = re.compile(r"\d+")
_KEY_SPACE_RE = re.compile(r"\s+")
_KEY_EDGES = " \t-•*▪◦·#_:.!?;,()[]\"'“”‘’"
# A sentence of fewer words is a list item ("- Python", "AWS / GCP"): it names the job's
# skill, never an employer's paragraph, so it gets no key and is never boilerplate.
SENTENCE_KEY_MIN_WORDS = 5
# A list item is the job's duty or requirement, even when the employer posts one job
# template under many titles (the same "- Interest in machine learning" for every
# language it hires raters in); its paragraphs about itself are prose. No key either.
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-•*▪◦·–]\s|\d{1,2}[.)]\s)")


@lru_cache(maxsize=8)
def _sentence_breaks(text: str) -> list[int]:
    """The end offset of every sentence break of `text`, found once per posting: a
    posting's every skill mention asks for its sentence (a search from the line's start
    each time cost about 8% of an extraction)."""
    return [m.end() for m in _SENTENCE_BREAK_RE.finditer(text)]


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) offsets of the sentence of `text[start:end]`: within its line,
    from the end of the previous sentence (`.`, `!`, `?`, `;` before a space) to the end
    of its own. (`start` is a word's start, never a space: a run of marks just before it
    ends the previous sentence too, as the line read up to `start` alone would say.)"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    breaks = _sentence_breaks(text)
    before = bisect_left(breaks, start)
    a = breaks[before - 1] if before and breaks[before - 1] > line_start else line_start
    if start > line_start and text[start - 1] in ".!?;":
        a = start
    after = bisect_right(breaks, end)
    return a, breaks[after] if after < len(breaks) and breaks[after] <= line_end else line_end


def normalise_sentence(sentence: str) -> str:
    """Lower case, every number as 0, whitespace as one space, list marks and punctuation
    off its edges: the same paragraph on two postings gives the same text."""
    low = _KEY_DIGITS_RE.sub("0", sentence.lower())
    return _KEY_SPACE_RE.sub(" ", low).strip(_KEY_EDGES)


def sentence_key(text: str, start: int, end: int) -> str | None:
    """A short stable hash (16 hex digits, BLAKE2b) of the normalised sentence that
    `text[start:end]` is in; None for a sentence under SENTENCE_KEY_MIN_WORDS words or
    on a list item's line."""
    return key_of_sentence(text, *sentence_bounds(text, start, end))


@lru_cache(maxsize=1024)  # (a skill named three times in one sentence asks three times)
def key_of_sentence(text: str, a: int, b: int) -> str | None:
    """sentence_key of the sentence `text[a:b]` (its bounds, see sentence_bounds)."""
    if _LIST_ITEM_RE.match(text, text.rfind("\n", 0, a) + 1):
        return None
    normal = normalise_sentence(text[a:b])
    if normal.count(" ") + 1 < SENTENCE_KEY_MIN_WORDS:
        return None
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=8).hexdigest()
