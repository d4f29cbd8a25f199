"""Input anybody on the internet wrote, where tests/transforms/test_properties.py stops:
arbitrary bytes and JSON values as `promptjobs extract` input lines, arbitrary structured pay
objects, and the whole command end to end on a hostile file. No exception may escape;
good lines around bad ones come out, in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promptjobs.extract_io import parse_line
from transforms.extract import Extractor

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
PAY_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "min": JSON_SCALARS,
        "max": JSON_SCALARS,
        "currency": st.one_of(st.sampled_from(["USD", "EUR", "usd", "XXX", "", "€"]), JSON_SCALARS),
        "period": st.one_of(st.sampled_from(["year", "hour", "YEARLY", "fortnight"]), JSON_SCALARS),
        "raw": JSON_SCALARS,
        "label": JSON_SCALARS,
    },
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_an_input_line_are_a_record_a_reason_or_blank(raw: bytes) -> None:
    record, reason = parse_line(raw)
    assert record is None or reason is None
    if record is not None:
        assert isinstance(record, dict) and "id" in record


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_any_json_value_as_an_input_line_is_a_record_or_a_reason(value: object) -> None:
    raw = json.dumps(value).encode()
    record, reason = parse_line(raw)
    assert (record is None) != (reason is None)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    compensation=st.one_of(PAY_FIELDS, JSON_VALUES),
    ranges=st.one_of(st.lists(PAY_FIELDS, max_size=3), JSON_VALUES),
    remote_hint=JSON_VALUES,
    posted_at=st.one_of(st.text(max_size=30), JSON_SCALARS),
)
def test_arbitrary_structured_pay_and_extras_never_break_extraction(
    extractor: Extractor,
    compensation: object,
    ranges: object,
    remote_hint: object,
    posted_at: object,
) -> None:
    record = {
        "id": "p1",
        "title": "Prompt Engineer",
        "company": "Acme",
        "location": "Remote",
        "text": "Prompt engineering with Python. $120k - $150k per year.",
        "posted_at": posted_at,
        "compensation": compensation,
        "compensation_ranges": ranges,
        "remote_hint": remote_hint,
        "source": "greenhouse",
    }
    out = extractor.extract(record)
    assert out["id"] == "p1"
    for pay in out["salaries"]:
        low, high = pay["min_annual_usd"], pay["max_annual_usd"]
        assert low is None or high is None or low <= high


def run_extract_cli(lines: bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    source = tmp_path / "in.jsonl"
    source.write_bytes(lines)
    return subprocess.run(
        [sys.executable, "-m", "promptjobs.cli", "extract", str(source), "--workers", "1"],
        capture_output=True,
        env={**os.environ, "PROMPTJOBS_HOME": str(tmp_path / "home")},
        cwd=tmp_path,
        timeout=240,
    )


HOSTILE_LINES = [
    b'{"id": "first", "title": "Prompt Engineer", "text": "LLM evals, $150,000 - $190,000"}',
    b"\xff\xfe\x00garbage",
    b"[" * 50_000,
    b'{"id": "html", "title": "<script>alert(1)</script>", "text": "<p>'
    + b"<b>" * 5000
    + b'</p>"}',
    b'{"id": {"nested": 1}, "text": "x"}',
    b'{"id": "big", "title": "Engineer", "text": "' + b"Python, prompts. " * 60_000 + b'"}',
    b'{"id": "digits", "text": "Salary $' + b"9" * 10_000 + b' per year"}',
    b'{"id": "nul", "text": "a\\u0000b\\u001fc"}',
    b"null",
    b'{"id": 7, "text": null, "compensation": {"min": "lots", "max": [], "currency": 5}}',
    b'{"id": "last", "title": "AI Trainer", "text": "Rate and rank model answers. $40/hr."}',
]


def test_the_extract_command_survives_a_hostile_file_and_keeps_the_good_lines(
    tmp_path: Path,
) -> None:
    result = run_extract_cli(b"\n".join(HOSTILE_LINES) + b"\n", tmp_path)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["first", "html", "big", "digits", "nul", 7, "last"]
    stderr = result.stderr.decode()
    for line_no in (2, 3, 5, 9):
        assert f"line {line_no}: malformed" in stderr
    assert "Traceback" not in stderr


def test_a_json_line_with_a_10000_digit_integer_is_one_malformed_line() -> None:
    record, reason = parse_line(b'{"id": "n", "text": "x", "n": ' + b"9" * 10_000 + b"}")
    assert record is None and reason is not None


def test_a_line_with_lone_surrogate_escapes_does_not_stop_the_run(extractor: Extractor) -> None:
    record, reason = parse_line(b'{"id": "s", "text": "Prompt \\ud800 engineer \\udc00"}')
    if record is not None:
        out = extractor.extract(record)
        assert out["id"] == "s"
    else:
        assert reason is not None
