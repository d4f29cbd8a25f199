"""Rooms take plain values: no module of scrapers/, transforms/, warehouse/ or dashboards/
imports the CLI package `promptjobs` (settings are read at the edge and passed down).
Scrapy's own entry point, scrapers/settings.py (`scrapy crawl`), may read the configuration."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ROOMS = ("scrapers", "transforms", "warehouse", "dashboards")
ALLOWED = {Path("scrapers/settings.py")}


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import in a module, at any depth (lazy imports included)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def promptjobs_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of every import of `promptjobs` or one of its modules."""
    return [
        (line, module)
        for line, module in imported_modules(ast.parse(source))
        if module == "promptjobs" or module.startswith("promptjobs.")
    ]


def imports_of_promptjobs(path: Path) -> list[str]:
    return [
        f"{path.relative_to(REPO)}:{line} imports {module}"
        for line, module in promptjobs_imports(path.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize("room", ROOMS)
def test_no_module_of_a_room_imports_the_cli_package(room: str) -> None:
    modules = sorted((REPO / room).rglob("*.py"))
    assert modules, f"{room}/ has no modules"
    offending = [
        line
        for path in modules
        if path.relative_to(REPO) not in ALLOWED
        # A source folder's tests/ are tests (end to end through the CLI edge), not the room.
        and "tests" not in path.relative_to(REPO).parts
        for line in imports_of_promptjobs(path)
    ]
    assert offending == []


def test_the_rule_sees_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from promptjobs.settings import Settings\n"
        "def f():\n    import promptjobs.cli\n"
        "import promptjobsx\n"
    )
    assert promptjobs_imports(module.read_text()) == [
        (3, "promptjobs.settings"),
        (5, "promptjobs.cli"),
    ]


def documented_imports() -> dict[str, set[str]]:
    """The rooms table of docs/architecture.md: room -> the packages of ours it may import
    (every backticked name in its "may import" column, cut to its package)."""
    import re

    ours = {
        "promptjobs",
        "scrapers",
        "transforms",
        "warehouse",
        "dashboards",
        "pipelines",
        "common",
    }
    table: dict[str, set[str]] = {}
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    for row in re.findall(r"^\| `(\w+)/` \|[^|]*\| (.*) \|$", text, re.MULTILINE):
        room, may_import = row
        named = {name.split(".")[0].split("/")[0] for name in re.findall(r"`([^`]+)`", may_import)}
        table[room] = ours if may_import.startswith("every room") else named & ours
    return table


@pytest.mark.parametrize("room", (*ROOMS, "common"))
def test_the_rooms_table_names_every_package_a_room_imports(room: str) -> None:
    table = documented_imports()
    allowed = table[room] | {room}
    imported = {
        f"{path.relative_to(REPO)} imports {module}"
        for path in sorted((REPO / room).rglob("*.py"))
        if "tests" not in path.relative_to(REPO).parts and path.relative_to(REPO) not in ALLOWED
        for _line, module in imported_modules(ast.parse(path.read_text(encoding="utf-8")))
        if module.split(".")[0] in table and module.split(".")[0] not in allowed
    }
    assert imported == set()
