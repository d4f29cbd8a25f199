"""Two writer processes on one Postgres-catalog DuckLake (two machines' worth: separate
homes, so no shared flock) commit concurrently: the one whose commit conflicts runs its
refresh again (Warehouse.write), and the lake equals a serial run of the same loads."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from promptjobs.settings import load_settings

TESTS_DIR = Path(__file__).resolve().parent
REPO = TESTS_DIR.parents[1]

# One refresh with the fake extractor. On its first attempt it waits, after the ingest
# (inside its open transaction), until the other writer has ingested too (a file barrier),
# so the two transactions surely overlap whatever the machine's load.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    import conftest as kit
    from promptjobs.settings import load_settings

    settings = load_settings(
        {{"home": sys.argv[1], "warehouse": sys.argv[2], "lake_data_path": sys.argv[3]}},
        environ={{}},
    )
    held = []
    mine, other = Path(sys.argv[4]), Path(sys.argv[5])

    def progress(message):
        print(message, flush=True)
        if message.startswith("ingested") and not held:
            held.append(1)
            mine.touch()
            deadline = time.monotonic() + 120
            while not other.exists() and time.monotonic() < deadline:
                time.sleep(0.05)

    kit.refresh_with_fakes(settings, progress=progress)
    """
).format(tests=str(TESTS_DIR))


def settings_for(home: Path, target: str, data: Path):  # noqa: ANN201
    return load_settings(
        {"home": home, "warehouse": target, "lake_data_path": str(data)}, environ={}
    )


@pytest.mark.parametrize("warehouse_target", ["ducklake-postgres"], indirect=True)
def test_two_concurrent_writers_both_commit_and_equal_a_serial_run(
    tmp_path: Path, postgres_server, kit: SimpleNamespace, warehouse_target: dict[str, str]
) -> None:
    homes = {name: tmp_path / name for name in ("base", "one", "two")}
    jobs = [kit.item("greenhouse", str(i), title=f"Prompt Engineer {i}") for i in range(6)]
    kit.landing(homes["base"] / "landing").write("greenhouse", "2026-10-01", jobs[:4])
    kit.landing(homes["one"] / "landing").write("greenhouse", "2026-10-08", jobs[2:])
    kit.landing(homes["two"] / "landing").write(
        "hn", "2026-10-08", [kit.item("hn", "h1", board="41", title="Prompt Engineer 1")]
    )
    concurrent = f"ducklake:postgres:{postgres_server.new_database()}"
    serial = f"ducklake:postgres:{postgres_server.new_database()}"
    data = {concurrent: tmp_path / "lake-concurrent", serial: tmp_path / "lake-serial"}
    for target in (concurrent, serial):
        kit.refresh(settings_for(homes["base"], target, data[target]))

    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(homes[name]),
                concurrent,
                str(data[concurrent]),
                str(tmp_path / f"ingested-{name}"),
                str(tmp_path / f"ingested-{other}"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for name, other in (("one", "two"), ("two", "one"))
    ]
    outputs = [w.communicate(timeout=600) for w in writers]
    for writer, (_out, errors) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, errors[-3000:]
    retried = [out for out, _ in outputs if "commit conflicted with another writer" in out]
    assert retried, "the two writers overlapped, so one commit must have conflicted"

    for name in ("one", "two"):
        kit.refresh(settings_for(homes[name], serial, data[serial]))
    got = kit.snapshot(settings_for(homes["base"], concurrent, data[concurrent]).open_warehouse())
    want = kit.snapshot(settings_for(homes["base"], serial, data[serial]).open_warehouse())
    assert got.keys() == want.keys()
    assert {t for t in got if got[t] != want[t]} == set()
    assert len(got["landing_files"]) == 3 and len(got["postings"]) == 7


def test_a_writer_that_keeps_conflicting_gives_up_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    from warehouse import store

    monkeypatch.setattr(store, "RETRY_BASE_S", 0.0)
    warehouse = store.Warehouse(tmp_path / "w.duckdb", lock_dir=tmp_path)
    calls: list[int] = []

    def conflicting(con: duckdb.DuckDBPyConnection) -> None:
        calls.append(1)
        raise duckdb.TransactionException(
            "TransactionContext Error: Failed to commit DuckLake transaction: conflict"
        )

    with pytest.raises(store.WarehouseConflict) as raised:
        warehouse.write(conflicting, attempts=3)
    assert len(calls) == 3 and len(str(raised.value).splitlines()) == 1
    assert "conflicted with this one 3 times" in str(raised.value)
    # Another error is not retried.
    with pytest.raises(ZeroDivisionError):
        warehouse.write(lambda con: 1 / 0)
