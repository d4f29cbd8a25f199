"""`promptjobs boards discover | list | accept`, end to end: landed postings link boards, the
check asks a loopback mirror once per candidate, the list shows the frame, and the next crawl
covers the valid boards (under `review`, only once accepted)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from promptjobs.boards import crawl_targets
from promptjobs.settings import load_settings
from scrapers.loopback import LoopbackServer, Reply

PROMPTJOBS = str(Path(sys.executable).with_name("promptjobs"))
ASHBY_BOARD = json.dumps(
    {
        "apiVersion": "1",
        "jobs": [
            {
                "id": "q1",
                "title": "LLM Evaluation Lead",
                "jobUrl": "https://jobs.ashbyhq.com/quillon/q1",
                "location": "Remote",
                "descriptionHtml": "<p>Evaluate model outputs.</p>",
                "publishedAt": "2026-10-01T10:00:00Z",
                "isListed": True,
            }
        ],
    }
).encode()


def route(path: str) -> Reply:
    if path.split("?", 1)[0] == "/posting-api/job-board/quillon":
        return Reply(body=ASHBY_BOARD)
    return Reply(status=404, body=b'{"success": false}')


def land(home: Path) -> None:
    """One lever crawl whose postings link two Ashby boards and a Recruitee one."""
    folder = home / "landing" / "source=lever" / "date=2026-10-01"
    folder.mkdir(parents=True)
    run_id = "20261001T060000-abcd1234"
    text = (
        "Our research arm hires at https://jobs.ashbyhq.com/Quillon/123 ; the old board "
        "https://jobs.ashbyhq.com/defunct is gone."
    )
    item = {
        "source": "lever",
        "board": "acme",
        "source_id": "p1",
        "url": "https://jobs.lever.co/acme/p1",
        "company": "Acme AI",
        "title": "Prompt Engineer",
        "location_raw": "Remote",
        "remote_hint": "remote",
        "description_html": None,
        "description_text": text,
        "posted_at": None,
        "updated_at": None,
        "fetched_at": "2026-10-01T06:00:00Z",
        "employment_type": None,
        "compensation": None,
        "compensation_ranges": [],
        "attribution_url": None,
    }
    with gzip.open(folder / f"{run_id}.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(item) + "\n")
    stats = {
        "run_id": run_id,
        "source": "lever",
        "crawl_date": "2026-10-01",
        "started_at": "2026-10-01T06:00:00Z",
        "finished_at": "2026-10-01T06:01:00Z",
        "duration_s": 60.0,
        "status": "ok",
        "requests": 1,
        "responses": 1,
        "items": 1,
        "items_invalid": 0,
        "errors": {},
        "boards_ok": ["acme"],
        "boards_not_found": [],
        "boards_failed": [],
    }
    (folder / f"{run_id}.stats.json").write_text(json.dumps(stats))


def run(home: Path, *args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env.update({"PROMPTJOBS_HOME": str(home), **env_extra})
    return subprocess.run(
        [PROMPTJOBS, *args], capture_output=True, text=True, env=env, cwd=home, timeout=300
    )


def test_discover_checks_candidates_and_lists_the_frame(tmp_path: Path) -> None:
    home = tmp_path / "home"
    land(home)
    with LoopbackServer(route) as server:
        # Discovery reads what has landed (no refresh needed) and checks each candidate
        # once, politely (robots.txt first).
        found = run(home, "boards", "discover", "--api-base", server.url)
        hits = dict(server.hits)
        again = run(home, "boards", "discover", "--api-base", server.url)
        assert dict(server.hits) == hits  # nothing left to check
    assert found.returncode == 0, found.stderr
    assert hits == {
        "/robots.txt": 1,
        "/posting-api/job-board/quillon": 1,
        "/posting-api/job-board/defunct": 1,
    }
    assert "0 new candidate(s)" in again.stderr

    listed = run(home, "boards", "list", "--format", "json")
    rows = {(r["ats"], r["token"]): r for r in json.loads(listed.stdout)}
    assert rows[("ashby", "quillon")]["status"] == "valid"
    assert rows[("ashby", "defunct")]["status"] == "invalid"
    assert rows[("lever", "plaid")]["status"] == "registry"  # from the packaged registry
    assert rows[("ashby", "quillon")]["found_in_posting_id"] == "lever:p1"

    only_valid = run(home, "boards", "list", "--status", "valid", "--format", "csv")
    assert [r["token"] for r in csv.DictReader(io.StringIO(only_valid.stdout))] == ["quillon"]
    table = run(home, "boards", "list", "--ats", "ashby")
    assert "quillon" in table.stdout and "plaid" not in table.stdout
    bad = run(home, "boards", "list", "--status", "maybe")
    assert bad.returncode == 1 and "unknown status" in bad.stderr

    # The next crawl covers the valid board; under review only once a person accepts it.
    settings = load_settings({"home": home}, environ={})
    boards, _ = crawl_targets(settings, ["ashby", "lever"])
    assert boards is not None and "quillon" in boards["ashby"] and "defunct" not in boards["ashby"]
    review = load_settings({"home": home, "discovered_boards": "review"}, environ={})
    assert crawl_targets(review, ["ashby"]) == (None, {})
    accepted = run(home, "boards", "accept", "ashby", "quillon")
    assert accepted.returncode == 0 and "accepted: 1" in accepted.stderr
    boards, _ = crawl_targets(review, ["ashby"])
    assert boards is not None and boards["ashby"][-1] == "quillon"


def test_list_before_any_warehouse_is_one_line(tmp_path: Path) -> None:
    result = run(tmp_path, "boards", "list")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
