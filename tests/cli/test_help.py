"""Every command documents itself; --help answers without heavy imports."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from promptjobs.cli import app

COMMANDS = [
    "demo",
    "crawl",
    "refresh",
    "boards",
    "extract",
    "report",
    "sql",
    "export",
    "maintain",
    "ui",
]


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_help_does_not_import_the_heavy_stack() -> None:
    code = (
        "import sys; from promptjobs.cli import app; "
        "heavy = {'scrapy', 'spacy', 'dagster', 'plotly', 'duckdb'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unknown_crawl_source_is_one_clear_line(tmp_path) -> None:
    result = CliRunner().invoke(app, ["crawl", "monster", "--home", str(tmp_path)])
    assert result.exit_code == 1
    assert "unknown source 'monster'" in result.output
