"""The demo's registry is the demo home's registry: `promptjobs demo` writes it to
<home>/boards.toml, and every later command in that home (refresh, boards discover, the
Dagster assets) seeds the `boards` table from it, so the demo's boards stay registry boards
and none of the packaged registry's employers enter a demo warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest

from promptjobs.boards import discover, registry_rows
from promptjobs.demo import write_demo_registry
from promptjobs.settings import SettingsError, load_settings
from scrapers.registry import PACKAGED_BOARDS_FILE, load_registry

DEMO_BOARDS = {"lever": ["tessellate"], "ashby": ["quillon"], "hn": ["48600001"]}


def frame(home: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    settings = load_settings({"home": home}, environ={})
    with settings.open_warehouse().reader() as con:
        rows = con.sql("select ats, board, status, in_registry from boards").fetchall()
    return {(ats, board): (status, registered) for ats, board, status, registered in rows}


def test_a_later_command_in_a_demo_home_reads_the_demo_registry(tmp_path: Path) -> None:
    demo_settings = write_demo_registry(load_settings({"home": tmp_path}, environ={}), DEMO_BOARDS)
    later = load_settings({"home": tmp_path}, environ={})  # a fresh process, as `refresh`
    assert later.boards_file == tmp_path / "boards.toml" == demo_settings.boards_file
    rows = registry_rows(later)
    assert sorted((r["ats"], r["board"], r["company"]) for r in rows) == [
        ("ashby", "quillon", "Quillon"),
        ("lever", "tessellate", "Tessellate"),
    ]
    # The source tables the spiders read come from the packaged registry.
    assert load_registry(later.boards_file).sections == load_registry().sections


def test_refresh_after_the_demo_keeps_the_demo_boards_registry_boards(tmp_path: Path) -> None:
    demo_settings = write_demo_registry(load_settings({"home": tmp_path}, environ={}), DEMO_BOARDS)
    discover(demo_settings, validate=False)  # what the demo runs after each day
    expected = {
        ("lever", "tessellate"): ("registry", True),
        ("ashby", "quillon"): ("registry", True),
    }
    assert frame(tmp_path) == expected
    # What `refresh` (and `boards discover`) run next in that home: same frame.
    discover(load_settings({"home": tmp_path}, environ={}), validate=False)
    assert frame(tmp_path) == expected
    # A second demo run writes the same file and changes nothing either.
    before = (tmp_path / "boards.toml").read_bytes()
    discover(write_demo_registry(demo_settings, DEMO_BOARDS), validate=False)
    assert (tmp_path / "boards.toml").read_bytes() == before
    assert frame(tmp_path) == expected


def test_a_home_without_its_own_registry_reads_the_packaged_one(tmp_path: Path) -> None:
    settings = load_settings({"home": tmp_path}, environ={})
    assert settings.boards_file is None
    assert len(registry_rows(settings)) == len(load_registry(PACKAGED_BOARDS_FILE).employers)


def test_the_demo_never_overwrites_a_registry_of_the_users_own(tmp_path: Path) -> None:
    own = tmp_path / "boards.toml"
    own.write_text('[[employers]]\nname = "Mine"\nats = "lever"\nboard = "mine"\n')
    with pytest.raises(SettingsError, match="registry of your own"):
        write_demo_registry(load_settings({"home": tmp_path}, environ={}), DEMO_BOARDS)
    assert "Mine" in own.read_text()
