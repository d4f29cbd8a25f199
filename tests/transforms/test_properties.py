"""Property-based tests: arbitrary text or HTML never raises, and pathological input
(1 MB posting, 10,000-digit number) is handled in bounded time (pytest-timeout guards it;
no timed assertions)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.extract import Extractor
from transforms.salary import find_pay
from transforms.text import prepare_text

# database=None everywhere: the example database would be written into the repo.
PAYISH = st.sampled_from(
    ["$", "€", "£", "USD", "k", "K", "-", "–", " to ", "/hr", " per year", "+", ",", ".", " ",
     "up to ", "from ", "401(k)", "M", "lakh", "CA$", "\n", "<li>", "</p>", "&amp;", "%"]
)  # fmt: skip
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=12)
PAY_TEXT = st.lists(st.one_of(PAYISH, DIGITS, st.text(max_size=8)), max_size=40).map("".join)
HTML = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<br/>", "<ul><li>", "</li>", "<script>x</script>", "<a href='x'>", "&nbsp;", "&#x27;", "<"]),
        st.text(max_size=20),
    ),
    max_size=30,
).map("".join)  # fmt: skip


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@settings(max_examples=150, deadline=None, database=None)
@given(PAY_TEXT)
def test_salary_parser_never_raises_and_spans_are_real(text: str) -> None:
    for pay in find_pay(text):
        assert (
            text[pay.start : pay.end] == pay.text or pay.text == text[pay.start : pay.end].strip()
        )
        assert pay.min is None or pay.max is None or pay.min <= pay.max
        assert pay.period in ("year", "month", "week", "day", "hour")


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.one_of(PAY_TEXT, HTML, st.text(max_size=300)))
def test_extract_never_raises_on_arbitrary_text_or_html(extractor: Extractor, text: str) -> None:
    out = extractor.extract({"id": "h", "title": text[:30], "location": text[:20], "text": text})
    assert out["id"] == "h"
    assert out["role"] in ("core", "adjacent", "other")
    assert all(isinstance(s, str) for s in out["skills"])


@settings(max_examples=100, deadline=None, database=None)
@given(HTML)
def test_html_preparation_never_raises(markup: str) -> None:
    assert "<script>" not in prepare_text(markup)


@pytest.mark.timeout(60)
def test_a_10000_digit_number_is_handled(extractor: Extractor) -> None:
    digits = "9" * 10_000
    assert find_pay(f"${digits}") == []
    assert find_pay(digits + "k - " + digits) == []
    out = extractor.extract({"id": "d", "title": "x", "text": f"Salary ${digits} per year"})
    assert out["salary"] is None


@pytest.mark.timeout(60)
def test_a_1mb_posting_is_handled(extractor: Extractor) -> None:
    block = "Senior engineer, Python, Go, $150k-$200k. " * 200 + "<p>1,000,000 " * 100
    text = (block * (1_000_000 // len(block) + 1))[:1_000_000]
    out = extractor.extract({"id": "big", "title": "Engineer", "text": text})
    assert out["salary"]["min"] == 150000
    assert "python" in out["skills"]


@pytest.mark.timeout(60)
def test_adversarial_separators_do_not_backtrack() -> None:
    assert isinstance(find_pay("1," * 50_000 + "x"), list)
    assert isinstance(find_pay("$" + " 000" * 30_000), list)
    assert isinstance(find_pay("years " * 50_000), list)
    assert isinstance(prepare_text("<" * 100_000 + "p" + ">" * 100_000), str)
