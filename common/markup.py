"""HTML to plain text: the one helper the spiders (landing text) and the extractor (HTML
handed to `promptjobs extract`) share.

A linear regex pass rather than a parser (html-text, lxml): job-board HTML is fragments,
often broken (HN comments open paragraphs and never close them), and a 1 MB page of broken
markup must cost milliseconds and never raise. Every pattern is bounded, so no input makes
a regex backtrack quadratically.
"""

from __future__ import annotations

import html
import re

# Scripts, styles and noscript blocks carry no posting text.
_DROP_BLOCK = re.compile(r"<(script|style|noscript)\b[^>]{0,500}>.*?</\1\s*>", re.I | re.S)
_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/h[1-6]|/ul|/ol|/tr|/section)\s*>")
_LIST_ITEM = re.compile(r"(?i)<\s*li(\s[^>]{0,500})?>")
# HN and other hand-written HTML open paragraphs without closing them.
_PARAGRAPH_START = re.compile(r"(?i)<\s*p(\s[^>]{0,500})?/?>")
_ANY_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,1000}>")
# A run of spaces that is not already one plain " " (which would be replaced by itself:
# most of a text's runs, and skipping them makes the pass ~1.5x faster).
_SPACE = r"[ \t\r\f\v\u00a0\u200b]"
_SPACES = re.compile(rf" {_SPACE}+|[\t\r\f\v\u00a0\u200b]{_SPACE}*")
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment: block ends and paragraph starts become line breaks,
    list items bullets, other tags go, entities are decoded, spaces collapse and at most
    one blank line stays in a row."""
    if not markup:
        return ""
    text = _DROP_BLOCK.sub(" ", markup)
    text = _BLOCK_END.sub("\n", text)
    text = _LIST_ITEM.sub("\n- ", text)
    text = _PARAGRAPH_START.sub("\n", text)
    return normalise_text(html.unescape(_ANY_TAG.sub("", text)))


def normalise_text(text: str) -> str:
    """Collapse runs of spaces, trim lines, keep at most one blank line in a row."""
    # One pass over the whole text: a run of spaces never spans a line break.
    spaced = _SPACES.sub(" ", text.replace("\r\n", "\n"))
    lines = [line.strip() for line in spaced.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
