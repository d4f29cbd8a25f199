"""The one HTML-to-text helper: what the spiders land and what `extract` reads from HTML."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from common.markup import html_to_text, normalise_text


def test_html_becomes_readable_text() -> None:
    markup = (
        "<h2>Role</h2><p>Build RAG &amp; evals</p><ul><li>Python</li><li>SQL</li></ul>"
        "Bye<p>HN style"
    )
    assert html_to_text(markup) == "Role\n\nBuild RAG & evals\n\n- Python\n- SQL\nBye\nHN style"
    assert html_to_text(None) == ""
    assert html_to_text("") == ""


def test_scripts_and_styles_carry_no_text() -> None:
    markup = "<style>p{color:red}</style><p>Write evals</p><script>track('x')</script>"
    assert html_to_text(markup) == "Write evals"


def test_entities_and_odd_spaces_are_plain_text() -> None:
    assert html_to_text("<p>R&amp;D&nbsp;&nbsp;team&#x27;s\u200bwork</p>") == "R&D team's work"


def test_broken_markup_is_linear_and_never_raises() -> None:
    hostile = "<" * 200_000 + "p" + ">" * 200_000 + "<div class='" * 20_000
    started = time.process_time()
    html_to_text(hostile)
    # Generous: a quadratic pass over 600k characters takes minutes, a linear one milliseconds.
    assert time.process_time() - started < 5


def test_normalising_keeps_at_most_one_blank_line() -> None:
    assert normalise_text("  a  \r\n\n\n\n b\t\tc ") == "a\n\nb c"


_PLAIN_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


@settings(max_examples=400, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from([" ", "  ", "\t", "\u00a0", "\u200b", "\r\n", "\n", "a", "bc", "\f"]),
        max_size=20,
    ).map("".join)
)
def test_normalise_text_collapses_spaces_as_the_plain_pattern(text: str) -> None:
    # The fast pattern skips runs that are one plain space; the result is the plain one's.
    spaced = _PLAIN_SPACES.sub(" ", text.replace("\r\n", "\n"))
    lines = [line.strip() for line in spaced.split("\n")]
    expected = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    assert normalise_text(text) == expected
