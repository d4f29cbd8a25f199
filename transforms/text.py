"""Posting text preparation: HTML to plain text (the one helper, `common.markup`),
whitespace normalised, size-bounded. Pure, no I/O."""

from __future__ import annotations

import re

from common.markup import html_to_text, normalise_text

MAX_TEXT_CHARS = 200_000  # a posting longer than this is cut (real ones are < 30k)

_LOOKS_HTML_RE = re.compile(
    r"<(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|table|a|script|style)\b[^>]{0,200}>", re.I
)
# Lone UTF-16 surrogates ('\ud800') are legal in JSON escapes but not in UTF-8 text:
# spaCy and every UTF-8 writer raise on them. They carry no meaning, so they become U+FFFD.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


# What a sentence may begin with: a capital of the Latin alphabets (accented ones too:
# "Élaboration", "Über", "Ñandú") or Spanish inverted punctuation ("¿Te interesa?",
# "¡Únete!"). Used where a text is split into sentences.
SENTENCE_OPENERS = (
    "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper() and chr(c).isalpha()) + "¿¡"
)
# A sentence's end: its punctuation, spaces, and the next sentence's first character.
SENTENCE_BREAK_RE = re.compile(rf"(?<=[.!?])\s+(?=[{SENTENCE_OPENERS}])")


def split_sentences(line: str) -> list[str]:
    """A line cut into its sentences (before each capital or "¿"/"¡" after ". ", "! ", "? ")."""
    return [s for s in SENTENCE_BREAK_RE.split(line) if s]


def scrub_surrogates(text: str) -> str:
    return _SURROGATE_RE.sub("\ufffd", text)


def looks_like_html(text: str) -> bool:
    return "<" in text and _LOOKS_HTML_RE.search(text[:20_000]) is not None


def prepare_text(raw: object) -> str:
    """The text to extract from: HTML stripped when the input is HTML, size-bounded."""
    if not isinstance(raw, str):
        return ""
    text = scrub_surrogates(raw[: MAX_TEXT_CHARS * 2])
    if looks_like_html(text):
        text = html_to_text(text)
    return normalise_text(text)[:MAX_TEXT_CHARS]
