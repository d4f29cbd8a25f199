"""Re-extraction is keyed on content: the version each posting records includes a digest
of the extraction code and its data files and one of the taxonomy's content, so a code
edit re-extracts every posting, a taxonomy edit re-extracts exactly the postings whose
text holds an alias it changed, and an unchanged extractor re-extracts nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from promptjobs.settings import Settings
from transforms.version import PACKAGE_DIR, content_digest, extraction_files

REPO = Path(__file__).resolve().parents[2]
NEW_SKILL = "flurb_tuning\tFlurb tuning\ttechnique\tai_ml\tflurb tuning|flurbonics\n"

# A refresh with the real extractor (transforms_extraction) in a fresh interpreter, so the
# `transforms` package it imports is whichever PYTHONPATH puts first.
REFRESH = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from promptjobs.settings import load_settings
    from scrapers.sources import dedupe_priorities
    from warehouse.refresh import run_refresh, transforms_extraction
    import transforms
    settings = load_settings({"home": Path(sys.argv[1])}, environ={})
    summary = run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        *transforms_extraction(workers=1),
        source_priority=dedupe_priorities(),
    )
    with settings.open_warehouse().reader() as con:
        versions = con.sql("select distinct extractor_version from postings").fetchall()
        skills = con.sql(
            "select posting_id, skill_id from posting_skills where skill_id = 'flurb_tuning'"
        ).fetchall()
        runs = dict(con.sql("select posting_id, extraction_run_id from postings").fetchall())
    print(json.dumps({"extracted": summary.extracted, "carried_over": summary.carried_over,
                      "versions": [v for (v,) in versions], "runs": runs,
                      "flurb": [p for p, _ in skills], "package": transforms.__file__}))
    """
)


def copy_of_transforms(tmp_path: Path) -> Path:
    """A copy of the transforms package under <tmp>/pkg/transforms (its parent is returned)."""
    root = tmp_path / "pkg"
    shutil.copytree(PACKAGE_DIR, root / "transforms", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_the_digest_covers_code_and_data_and_nothing_else(tmp_path: Path) -> None:
    root = copy_of_transforms(tmp_path)
    copy = root / "transforms"
    names = {p.relative_to(copy).as_posix() for p in extraction_files(copy)}
    assert {"data/skills.tsv", "data/fx_rates.csv", "extract.py", "skills.py"} <= names
    assert content_digest(package_dir=copy) == content_digest()  # same files, same digest

    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "extract.cpython-311.pyc").write_bytes(b"compiled")
    assert content_digest(package_dir=copy) == content_digest()

    with (copy / "data" / "skills.tsv").open("a", encoding="utf-8") as fh:
        fh.write(NEW_SKILL)
    edited_taxonomy = content_digest(package_dir=copy)
    assert edited_taxonomy != content_digest()
    # The code part stays: only the taxonomy part names the edit.
    assert edited_taxonomy.split(".")[0] == content_digest().split(".")[0]

    (copy / "salary.py").write_text((copy / "salary.py").read_text() + "\n# a comment\n")
    assert content_digest(package_dir=copy) not in {edited_taxonomy, content_digest()}
    assert content_digest(package_dir=copy).split(".")[0] != edited_taxonomy.split(".")[0]
    assert content_digest("EUR,1.1\n") != content_digest()  # an FX override counts too


def refresh_in_child(home: Path, first_on_path: Path | None = None) -> dict:
    path = [str(first_on_path)] if first_on_path else []
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([*path, str(REPO)]),
        "PROMPTJOBS_HOME": str(home),
    }
    done = subprocess.run(
        [sys.executable, "-c", REFRESH, str(home)],
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_editing_the_taxonomy_re_extracts_only_the_postings_it_can_change(
    settings: Settings, landing, kit: SimpleNamespace, tmp_path: Path
) -> None:
    landing.write(
        "lever",
        "2026-10-01",
        [
            kit.item("lever", "1", description_text="Prompt engineering with flurbonics daily."),
            kit.item("lever", "2", description_text="Prompt engineering and Python."),
        ],
    )
    first = refresh_in_child(settings.home)
    again = refresh_in_child(settings.home)
    assert first["extracted"] == 2 and first["flurb"] == []
    assert again["extracted"] == 0  # same code, same data: nothing to redo
    assert again["versions"] == first["versions"]

    root = copy_of_transforms(tmp_path)
    with (root / "transforms" / "data" / "skills.tsv").open("a", encoding="utf-8") as fh:
        fh.write(NEW_SKILL)
    edited = refresh_in_child(settings.home, first_on_path=root)
    assert Path(edited["package"]).is_relative_to(root)  # the edited copy ran
    # Only lever:1 names the new skill's alias; lever:2 keeps its extraction (same run).
    assert (edited["extracted"], edited["carried_over"]) == (1, 1)
    assert len(edited["versions"]) == 1 and edited["versions"] != first["versions"]
    assert edited["versions"][0].split("+")[0] == first["versions"][0].split("+")[0]
    assert edited["flurb"] == ["lever:1"]
    assert edited["runs"]["lever:2"] == first["runs"]["lever:2"]
    assert edited["runs"]["lever:1"] != first["runs"]["lever:1"]

    # A code edit re-extracts everything, taxonomy edit or not.
    (root / "transforms" / "salary.py").write_text(
        (root / "transforms" / "salary.py").read_text() + "\n# a comment\n"
    )
    recoded = refresh_in_child(settings.home, first_on_path=root)
    assert (recoded["extracted"], recoded["carried_over"]) == (2, 0)
