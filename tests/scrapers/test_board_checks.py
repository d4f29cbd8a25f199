"""Checking discovered boards: one request per candidate through the normal crawler, against
a loopback server: a well-formed 200 is valid, a 404 invalid, a 500 or a timeout leaves the
board a candidate for the next try. Nothing of a check is landed."""

from __future__ import annotations

import json

from promptjobs.settings import Settings
from scrapers.board_probe import probe_boards
from scrapers.loopback import LoopbackServer, Reply

BOARD = json.dumps(
    {
        "jobs": [
            {
                "id": 1,
                "title": "Prompt Engineer",
                "absolute_url": "https://job-boards.greenhouse.io/good/jobs/1",
                "location": {"name": "Remote"},
                "content": "&lt;p&gt;Write prompts.&lt;/p&gt;",
                "updated_at": "2026-10-01T10:00:00-04:00",
            }
        ],
        "meta": {"total": 1},
    }
).encode()
RECRUITEE = json.dumps({"offers": []}).encode()


def route(path: str) -> Reply:
    bare = path.split("?", 1)[0]
    if bare == "/v1/boards/good/jobs":
        return Reply(body=BOARD)
    if bare == "/v1/boards/notjson/jobs":
        return Reply(body=b"<html>maintenance</html>", content_type="text/html")
    if bare == "/v1/boards/broken/jobs":
        return Reply(status=500, body=b"{}")
    if bare == "/v1/boards/slow/jobs":
        return Reply(body=BOARD, delay=2.5)
    if bare == "/parfait/api/offers/":
        return Reply(body=RECRUITEE)
    return Reply(status=404, body=b'{"status": 404, "error": "Not Found"}')


QUICK = {"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 0, "ROBOTSTXT_OBEY": False}


def test_each_candidate_gets_one_request_and_an_answer(settings: Settings) -> None:
    candidates = [
        {"ats": "greenhouse", "board": b, "site": None}
        for b in ("good", "missing", "broken", "slow", "notjson")
    ] + [{"ats": "recruitee", "board": "parfait", "site": None}]
    with LoopbackServer(route) as server:
        answers = probe_boards(
            settings.crawl_config(), candidates, api_base=server.url, scrapy_settings=QUICK
        )
        hits = dict(server.hits)
    assert sorted(answers) == [
        ("greenhouse", "broken", "candidate"),
        ("greenhouse", "good", "valid"),
        ("greenhouse", "missing", "invalid"),
        ("greenhouse", "notjson", "candidate"),
        ("greenhouse", "slow", "candidate"),
        ("recruitee", "parfait", "valid"),
    ]
    # One polite request per board, no retries of a 404, nothing but the board's list.
    assert hits["/v1/boards/good/jobs"] == 1 and hits["/v1/boards/missing/jobs"] == 1
    assert set(hits) <= {
        f"/v1/boards/{b}/jobs" for b in ("good", "missing", "broken", "slow", "notjson")
    } | {"/parfait/api/offers/"}
    # A check lands nothing where a refresh would load it.
    assert not list(settings.landing_dir.rglob("*.jsonl.gz"))


def test_a_probe_of_a_family_with_detail_pages_asks_only_the_list(settings: Settings) -> None:
    listing = json.dumps({"meta": {"totalCount": 1}, "result": [{"id": "7"}]}).encode()

    def bamboo(path: str) -> Reply:
        if path == "/woodland/careers/list":
            return Reply(body=listing)
        return Reply(status=404, body=b"{}")

    with LoopbackServer(bamboo) as server:
        answers = probe_boards(
            settings.crawl_config(),
            [{"ats": "bamboohr", "board": "woodland", "site": None}],
            api_base=server.url,
            scrapy_settings=QUICK,
        )
        hits = dict(server.hits)
    assert answers == [("bamboohr", "woodland", "valid")]
    assert hits == {"/woodland/careers/list": 1}
