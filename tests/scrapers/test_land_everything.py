"""Land everything: the search-type feeds keep every posting whatever its tags or category
(the role classifier decides what is prompt work), even with an old registry that still
lists `keep_tags` / `keep_categories`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from scrapers.landing import partition_dir, read_landing
from scrapers.loopback import LoopbackServer, Reply
from scrapers.run import crawl

DAY = date(2026, 11, 30)
REMOTEOK = [
    {"legal": "API terms: link back to Remote OK."},
    {
        "id": "1101",
        "epoch": 1764460800,
        "date": "2026-11-30T00:00:00+00:00",
        "company": "Tutorly",
        "position": "AI Trainer - Evaluate LLM Outputs (Part-time)",
        "tags": ["training", "part time", "non tech"],
        "description": "<p>Rate and rewrite model answers.</p>",
        "location": "Worldwide",
        "salary_min": 0,
        "salary_max": 0,
        "url": "https://remoteOK.com/remote-jobs/1101",
    },
    {
        "id": "1102",
        "epoch": 1764460800,
        "date": "2026-11-30T00:00:00+00:00",
        "company": "Helpful Inc",
        "position": "Customer Support Specialist",
        "tags": ["support", "customer service"],
        "description": "<p>Answer tickets.</p>",
        "location": "USA",
        "url": "https://remoteOK.com/remote-jobs/1102",
    },
]
REMOTIVE = {
    "job-count": 2,
    "jobs": [
        {
            "id": 2201,
            "url": "https://remotive.com/remote-jobs/writing/llm-output-reviewer-2201",
            "title": "LLM Output Reviewer",
            "company_name": "Scribe Labs",
            "category": "All others",
            "job_type": "contract",
            "publication_date": "2026-11-29T10:00:00",
            "candidate_required_location": "Worldwide",
            "salary": "$25-$35/hour",
            "description": "<p>Review model outputs against a style guide.</p>",
        },
        {
            "id": 2202,
            "url": "https://remotive.com/remote-jobs/sales/account-executive-2202",
            "title": "Account Executive",
            "company_name": "Sellco",
            "category": "Sales / Business",
            "job_type": "full_time",
            "publication_date": "2026-11-29T11:00:00",
            "candidate_required_location": "USA",
            "salary": "",
            "description": "<p>Close deals.</p>",
        },
    ],
}
OLD_REGISTRY = """
[api]
remoteok = "https://remoteok.com"
remotive = "https://remotive.com"
[remotive]
boards = ["all"]
keep_categories = ["Software Development"]
attribution = "https://remotive.com"
[remoteok]
boards = ["all"]
keep_tags = ["python"]
attribution = "https://remoteok.com"
"""


def route(path: str) -> Reply:
    bare = path.split("?", 1)[0]
    if bare == "/api":
        return Reply(body=json.dumps(REMOTEOK).encode())
    if bare == "/api/remote-jobs":
        return Reply(body=json.dumps(REMOTIVE).encode())
    return Reply(status=404, body=b"{}")


def test_every_feed_posting_lands_whatever_its_tags_or_category(settings, tmp_path: Path):
    registry = tmp_path / "boards.toml"
    registry.write_text(OLD_REGISTRY)
    settings = settings.model_copy(update={"boards_file": registry})
    with LoopbackServer(route) as server:
        stats = crawl(
            settings.crawl_config(),
            ["remoteok", "remotive"],
            api_base=server.url,
            crawl_date=DAY,
            progress=False,
            scrapy_settings={"ROBOTSTXT_OBEY": False},
        )
    titles = {}
    for s in stats:
        assert s["status"] == "ok", s
        folder = partition_dir(settings.landing_dir, s["source"], DAY)
        titles[s["source"]] = sorted(r["title"] for r in read_landing(folder / s["landing_file"]))
    assert titles == {
        "remoteok": [
            "AI Trainer - Evaluate LLM Outputs (Part-time)",
            "Customer Support Specialist",
        ],
        "remotive": ["Account Executive", "LLM Output Reviewer"],
    }
