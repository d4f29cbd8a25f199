"""Every spider against a loopback server answering in the source's wire format, with faults.

Each test is one `crawl()` call: a child process running the real spiders, pipelines and
landing writer over real HTTP on 127.0.0.1."""

from __future__ import annotations

from datetime import date

from scraper_fixtures import FAST

from scrapers.landing import partition_dir, read_landing
from scrapers.registry import SOURCES
from scrapers.run import crawl

DAY = date(2026, 9, 7)


def landed(settings, stats: dict) -> list[dict]:
    folder = partition_dir(
        settings.landing_dir, stats["source"], date.fromisoformat(stats["crawl_date"])
    )
    return read_landing(folder / stats["landing_file"])


def test_greenhouse_faults_are_counted_per_board_and_never_stop_the_crawl(settings, fixture_server):
    server, routes = fixture_server
    boards = [
        "acme",
        "missing",
        "ratelimited",
        "flaky",
        "slow",
        "truncated",
        "htmlpage",
        "huge",
        "../../x",
    ]
    [stats] = crawl(
        settings.crawl_config(),
        ["greenhouse"],
        boards={"greenhouse": boards},
        api_base=server.url,
        crawl_date=DAY,
        progress=False,
        scrapy_settings=FAST,
    )
    assert sorted(stats["boards_ok"]) == ["acme", "flaky", "ratelimited"]
    assert sorted(stats["boards_not_found"]) == ["../../x", "missing"]
    assert sorted(stats["boards_failed"]) == ["htmlpage", "huge", "slow", "truncated"]
    assert stats["status"] == "partial"
    assert stats["errors"] == {
        "bad_json": 1,
        "board_not_found": 1,
        "invalid_board_token": 1,
        "invalid_item": 1,
        "not_json": 1,
        "oversized": 1,
        "timeout": 1,
    }
    # 429 waited for Retry-After then succeeded; 500 was retried; the timeout retried once.
    assert routes.calls["/v1/boards/ratelimited/jobs"] == 2
    assert routes.calls["/v1/boards/flaky/jobs"] == 2
    assert routes.calls["/v1/boards/slow/jobs"] == 2
    assert stats["items"] == 5 and stats["items_invalid"] == 1
    # Polite by default: robots.txt first, a User-Agent with a contact URL, no cookies.
    assert server.hits["/robots.txt"] == 1
    for headers in server.request_headers:
        assert "github.com/promptjobs/promptjobs" in headers.get("User-Agent", "")
        assert "Cookie" not in headers
    # The token never reached the server, nor the file system.
    assert not any(".." in path for path in routes.calls)
    records = landed(settings, stats)
    by_id = {r["source_id"]: r for r in records}
    assert set(by_id) == {"101", "102", "103", "201", "301"}
    senior = by_id["101"]
    assert senior["board"] == "acme" and senior["company"] == "Acme AI"
    assert senior["compensation"] == {
        "min": 190000,
        "max": 260000,
        "currency": "USD",
        "period": "year",
        "raw": "Zone A",
    }
    assert [r["label"] for r in senior["compensation_ranges"]] == ["Zone A", "Zone B"]
    assert "<h2>About the role</h2>" in senior["description_html"]  # entities unescaped once
    assert "design prompts & evaluations" in senior["description_text"]
    assert "- 3+ years of experience with Python" in senior["description_text"]
    assert senior["fetched_at"] == "2026-09-07T06:00:00Z"
    assert by_id["102"]["compensation"]["period"] == "hour"
    assert by_id["103"]["compensation"] is None and by_id["103"]["compensation_ranges"] == []


def test_every_source_lands_its_postings_in_one_crawl(settings, fixture_server):
    server, routes = fixture_server
    boards = {
        "greenhouse": ["acme"],
        "lever": ["fjord"],
        "ashby": ["promptly"],
        "workable": ["babelvoice"],
        "smartrecruiters": ["GlobexBank", "Nobody"],
        "workday": ["orbitbank.wd5.Orbit_Careers"],
        "recruitee": ["parfait"],
        "personio": ["brezel"],
        "bamboohr": ["woodland"],
        "breezy": ["caribougames"],
        "remotive": ["all"],
        "remoteok": ["all"],
    }
    sources = list(SOURCES)  # every source
    # Workable's "server" is down: that source fails alone, every other source lands.
    api_bases = {source: server.url for source in sources}
    api_bases["workable"] = "http://127.0.0.1:9"
    results = crawl(
        settings.crawl_config(),
        sources,
        boards=boards,
        api_base=api_bases,
        crawl_date=DAY,
        progress=False,
        urls=[f"{server.url}/careers/", f"{server.url}/sitemap.xml"],
        months=2,
        scrapy_settings=FAST,
    )
    stats = {s["source"]: s for s in results}
    assert [s["source"] for s in results] == sources
    items = {src: landed(settings, s) for src, s in stats.items()}
    expected = {src: "ok" for src in sources} | {"workable": "failed"}
    assert {src: s["status"] for src, s in stats.items()} == expected
    assert stats["workable"]["boards_failed"] == ["babelvoice"]
    assert stats["workable"]["errors"] == {"connection_refused": 1}

    lever = items["lever"]
    assert [p["title"] for p in lever] == ["Conversation Designer", "AI Data Trainer"]
    assert lever[0]["company"] == "Fjord" and lever[0]["remote_hint"] == "hybrid"
    assert (
        lever[0]["compensation"]["period"] == "year"
        and lever[0]["compensation"]["currency"] == "EUR"
    )
    assert "4+ years of NLP" in lever[0]["description_text"]
    assert lever[0]["posted_at"] == "2026-08-29T10:40:00Z"
    assert lever[1]["compensation"]["period"] == "hour"

    [ashby] = items["ashby"]  # the unlisted job is skipped
    assert ashby["remote_hint"] == "hybrid"
    assert ashby["compensation"] == {
        "min": 170000,
        "max": 230000,
        "currency": "USD",
        "period": "year",
        "raw": "$170K - $230K",
        "pay_basis": "base",
    }

    sr = items["smartrecruiters"]
    assert sorted(p["source_id"] for p in sr) == ["744000000000001", "744000000000002"]
    assert stats["smartrecruiters"]["boards_ok"] == ["GlobexBank"]
    assert stats["smartrecruiters"]["boards_not_found"] == ["Nobody"]
    assert stats["smartrecruiters"]["errors"] == {"board_not_found": 1, "posting_gone_404": 1}
    hourly = next(p for p in sr if p["source_id"] == "744000000000001")
    assert hourly["compensation"]["period"] == "hour" and hourly["remote_hint"] == "hybrid"
    assert routes.calls["/v1/companies/GlobexBank/postings"] == 2  # two pages

    # The newer families: Workday's search is a POST, then one detail per row (the second
    # row's detail vanished: counted, the board still complete).
    [workday] = items["workday"]
    assert workday["company"] == "Orbit Bank, N.A." and workday["remote_hint"] == "hybrid"
    assert stats["workday"]["boards_ok"] == ["orbitbank.wd5.Orbit_Careers"]
    assert stats["workday"]["errors"] == {"posting_gone_404": 1}
    recruitee = {p["source_id"]: p for p in items["recruitee"]}
    assert recruitee["3105522"]["compensation"]["currency"] == "EUR"
    assert [p["title"] for p in items["personio"]][0] == "Prompt Engineer (m/w/d)"
    assert sorted(p["source_id"] for p in items["bamboohr"]) == ["57", "61"]
    assert routes.calls["/woodland/careers/57/detail"] == 1
    assert {p["title"] for p in items["breezy"]} == {"Narrative AI Designer", "QA Tester"}

    hn = sorted(items["hn"], key=lambda p: p["source_id"], reverse=True)
    # Backfill of two months: the newest two "Who is hiring?" threads, never the other two.
    assert stats["hn"]["boards_ok"] == ["48900001", "48700001"]
    assert "/v1/items/48900002" not in routes.calls and "/v1/items/48900003" not in routes.calls
    assert [p["source_id"] for p in hn] == ["49000002", "49000001", "48800002"]  # deleted skipped
    first = next(p for p in hn if p["source_id"] == "49000001")
    assert (first["company"], first["title"], first["location_raw"], first["remote_hint"]) == (
        "Quillstone",
        "Senior Prompt Engineer",
        "New York, NY",
        "hybrid",
    )
    assert "We're building writing tools." in first["description_text"]
    assert hn[0]["remote_hint"] == "remote" and hn[0]["employment_type"] == "Contract"
    assert {p["board"] for p in hn} == {"48900001", "48700001"}

    # Every category lands (the role classifier decides what is prompt work, not the crawl).
    by_title = {item["title"]: item for item in items["remotive"]}
    assert set(by_title) == {"Prompt Engineer", "Nurse Educator"}
    remotive = by_title["Prompt Engineer"]
    assert remotive["attribution_url"] == remotive["url"]
    assert "Salary: $150k - $180k" in remotive["description_text"]
    assert stats["remotive"]["attribution_url"] == "https://remotive.com"

    # Element 0 of the feed is the legal notice; the non-tech sales job lands too.
    by_position = {item["title"]: item for item in items["remoteok"]}
    assert set(by_position) == {"LLM Engineer", "Sales Rep"}
    remoteok = by_position["LLM Engineer"]
    assert remoteok["source_id"] == "1130788"
    assert remoteok["compensation"]["min"] == 160000 and remoteok["attribution_url"].startswith(
        "https://remoteOK.com/"
    )

    jsonld = {p["source_id"]: p for p in items["jsonld"]}
    assert set(jsonld) == {"ACME-7", "ACME-8"}
    assert jsonld["ACME-7"]["remote_hint"] == "remote"
    assert jsonld["ACME-7"]["compensation"]["currency"] == "GBP"
    assert jsonld["ACME-8"]["compensation"] == {
        "min": 35,
        "max": 35,
        "currency": "USD",
        "period": "hour",
        "raw": jsonld["ACME-8"]["compensation"]["raw"],
    }
    assert jsonld["ACME-8"]["company"] == "Acme Robotics"
