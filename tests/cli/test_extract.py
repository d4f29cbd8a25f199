"""`promptjobs extract` as ../shared/EXTRACT-CONTRACT.md fixes it, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

POSTINGS = [
    {"id": "a1", "title": "Prompt Engineer", "company": "Acme", "location": "Remote (US)",
     "text": "Write and test prompts for our LLM assistant; evaluate model outputs. $120k-$150k."},
    {"id": "a2", "title": "Line Cook", "company": "Diner", "location": "Austin, TX",
     "text": "<p>Cook breakfast on site.</p><p>$18/hr</p>"},
    {"id": "a3", "title": "LLM Engineer", "company": "Beta", "location": "London, UK",
     "text": "Build RAG pipelines and AI agents in Python. £90k–£110k.", "posted_at": "2026-10-01"},
]  # fmt: skip


def _run(args: list[str], stdin: str | None, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROMPTJOBS_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "promptjobs.cli", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


def _lines(records: list[object]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.fixture
def input_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(_lines([POSTINGS[0], "{not json", POSTINGS[1], "[1, 2]", POSTINGS[2]]))
    return path


def test_file_to_file_in_order_with_malformed_lines_reported(
    input_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = _run([str(input_file), "-o", str(out), "--workers", "1"], None, tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # progress goes to stderr only
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2", "a3"]
    assert "line 2: malformed" in result.stderr
    assert "line 4: malformed" in result.stderr
    first = records[0]
    assert first["role"] == "core" and first["remote"] == "remote"
    assert (first["salary"]["min"], first["salary"]["max"], first["salary"]["currency"]) == (
        120000,
        150000,
        "USD",
    )
    assert records[1]["salary"]["period"] == "hour" and records[1]["remote"] == "onsite"
    assert records[2]["salary"]["currency"] == "GBP" and "rag" in records[2]["skills"]


def test_stdin_to_stdout_and_output_does_not_depend_on_workers(
    input_file: Path, tmp_path: Path
) -> None:
    text = input_file.read_text()
    one = _run(["-", "--workers", "1"], text, tmp_path / "home")
    two = _run(["-", "-o", "-", "--workers", "2"], text, tmp_path / "home")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 3


def test_strict_exits_1_when_a_line_was_malformed(input_file: Path, tmp_path: Path) -> None:
    result = _run(
        [str(input_file), "-o", str(tmp_path / "o.jsonl"), "--strict", "--workers", "1"],
        None,
        tmp_path / "home",
    )
    assert result.returncode == 1
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 3  # nothing lost


def test_missing_input_is_one_clear_line(tmp_path: Path) -> None:
    result = _run(
        [str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")], None, tmp_path / "home"
    )
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b'{"id": "a", "text": "x"}', None),
        (b'{"id": 7, "text": null}', None),
        (b"   \n", None),
        (b"{oops", "not JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"text": "no id"}', "`id`: Field required"),
        (b'{"id": true, "text": "x"}', "`id`"),
        (b'{"id": "a", "title": 42, "text": "x"}', "`title`: Input should be a valid string"),
        (b'{"id": "a", "text": "x", "compensation": {"min": Infinity}}', "not a finite number"),
        (b'{"id": "a", "text": "x", "compensation_ranges": [{"max": NaN}]}', "not a finite"),
        (b'{"id": "a", "text": "x", "compensation": {"min": 1e308}}', "too large to be pay"),
        (b'{"id": "a", "text": ["not", "a", "string"]}', "`text`: Input should be a valid string"),
        (b'{"id": "a", "text": "\xff\xfe"}', "not UTF-8"),
    ],
)
def test_each_malformed_line_gets_a_reason(raw: bytes, problem: str | None) -> None:
    from promptjobs.extract_io import parse_line

    record, reason = parse_line(raw)
    if problem is None:
        assert reason is None
    else:
        assert record is None and reason is not None and problem in reason


def test_bad_numbers_are_reported_lines_and_absurd_pay_is_dropped_with_a_reason(
    tmp_path: Path,
) -> None:
    year = {"currency": "USD", "period": "year"}
    lines = [
        POSTINGS[0],
        '{"id": "inf", "text": "x", "compensation": {"min": Infinity, "currency": "USD"}}',
        '{"id": "nan", "text": "x", "compensation_ranges": [{"max": NaN, "currency": "USD"}]}',
        {"id": "huge", "text": "x", "compensation": {"min": 1e308, **year}},
        {"id": "title", "title": 42, "text": "x"},
        {"id": "absurd", "title": "Prompt Engineer", "text": "x", "compensation": {"min": 1e300, **year}},
        POSTINGS[2],
    ]  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text(_lines(lines))
    out = tmp_path / "out.jsonl"
    result = _run([str(path), "-o", str(out), "--workers", "1"], None, tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["a1", "absurd", "a3"]
    for line_no, field in ((2, "compensation.min"), (3, "compensation_ranges.0.max")):
        assert f"line {line_no}: malformed, skipped: `{field}`: pay figure" in result.stderr
    assert "line 4: malformed, skipped: `compensation.min`: pay figure 1e+308" in result.stderr
    assert "line 5: malformed, skipped: `title`" in result.stderr
    assert "4 malformed line(s) skipped" in result.stderr
    absurd = records[1]
    assert absurd["salary"] is None
    assert "outside 0-50,000,000" in absurd["pay_dropped"][0]["reason"]
