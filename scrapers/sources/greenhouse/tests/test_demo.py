"""The demo's Greenhouse boards: the wire format our parser reads, with the market's postings."""

from __future__ import annotations

from scrapers.demo import market
from scrapers.demo.http import DemoRequest
from scrapers.sources.greenhouse import demo
from scrapers.sources.greenhouse.parse import parse_job

DAY = market.SNAPSHOT_DATES[1]


def test_a_demo_board_serves_the_market_postings_open_that_day():
    board = demo.boards(DAY, "http://x")[0]
    answer = demo.jobs(DAY, board)
    open_uids = {p.uid for p in market.postings_on(DAY, "greenhouse", board)}
    assert answer["meta"]["total"] == len(answer["jobs"]) == len(open_uids) > 0
    items = [parse_job(j, board, "Demo", "2026-09-21T06:00:00Z") for j in answer["jobs"]]
    titles = {p.title for p in market.postings_on(DAY, "greenhouse", board)}
    assert {i["title"] for i in items} == titles


def test_structured_pay_reaches_the_parser_as_zones():
    board = "luminalabs"
    paid = [p for p in market.postings_on(DAY, "greenhouse", board) if p.structured_pay]
    answer = {j["id"] - 7_000_000_000: j for j in demo.jobs(DAY, board)["jobs"]}
    for posting in paid:
        item = parse_job(answer[posting.uid], board, "Demo", "2026-09-21T06:00:00Z")
        assert item["compensation"]["min"] == posting.pay[0]
        assert item["compensation"]["currency"] == posting.currency


def test_only_the_api_path_is_served_and_unknown_boards_are_not_found():
    ok = demo.serve(DemoRequest(DAY, ("v1", "boards", "luminalabs", "jobs"), {}, "http://x"))
    assert ok is not None and ok.status == 200
    assert demo.serve(DemoRequest(DAY, ("v1", "boards", "nosuch", "jobs"), {}, "http://x")) is None
    assert demo.serve(DemoRequest(DAY, ("v1", "jobs"), {}, "http://x")) is None
