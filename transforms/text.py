"""Posting text preparation: HTML to plain text, whitespace normalised. Pure, no I/O.

The HTML path is a linear regex pass (block tags become line breaks, other tags are
dropped, entities decoded) so a 1 MB page of broken markup costs milliseconds and never
raises; lxml would be stricter but slower and it raises on some inputs.
"""

from __future__ import annotations

import html
import re

MAX_TEXT_CHARS = 200_000  # a posting longer than this is cut (real ones are < 30k)

_LOOKS_HTML_RE = re.compile(
    r"<(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|table|a|script|style)\b[^>]{0,200}>", re.I
)
_DROP_BLOCK_RE = re.compile(r"<(script|style|noscript)\b[^>]{0,500}>.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr)"
    r"\b[^>]{0,500}>",
    re.I,
)
_LI_OPEN_RE = re.compile(r"<li\b[^>]{0,500}>", re.I)
_ANY_TAG_RE = re.compile(r"<[A-Za-z/!][^<>]{0,1000}>")
_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
# Lone UTF-16 surrogates ('\ud800') are legal in JSON escapes but not in UTF-8 text:
# spaCy and every UTF-8 writer raise on them. They carry no meaning, so they become U+FFFD.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(text: str) -> str:
    return _SURROGATE_RE.sub("\ufffd", text)


def looks_like_html(text: str) -> bool:
    return "<" in text and _LOOKS_HTML_RE.search(text[:20_000]) is not None


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: block tags become line breaks, list items bullets."""
    text = _DROP_BLOCK_RE.sub(" ", markup)
    text = _LI_OPEN_RE.sub("\n- ", text)
    text = _BLOCK_TAG_RE.sub("\n", text)
    text = _ANY_TAG_RE.sub("", text)
    return html.unescape(text)


def normalise_text(text: str) -> str:
    """Collapse runs of spaces, trim lines, keep at most one blank line in a row."""
    text = _SPACES_RE.sub(" ", text.replace("\r\n", "\n"))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def prepare_text(raw: object) -> str:
    """The text to extract from: HTML stripped when the input is HTML, size-bounded."""
    if not isinstance(raw, str):
        return ""
    text = scrub_surrogates(raw[: MAX_TEXT_CHARS * 2])
    if looks_like_html(text):
        text = html_to_text(text)
    return normalise_text(text)[:MAX_TEXT_CHARS]
