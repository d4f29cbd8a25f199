"""A small archive of job pages written by us: six jobs on five ATS families, captured by
Common Crawl and/or the Wayback Machine in several months, plus the captures a real index
also lists (a board index, an apply form, a 404, a PDF, a "job not found" page)."""

from __future__ import annotations

from scrapers.sources.archive.demo import DemoJob, closed_page, job_page_html
from scrapers.sources.archive.replay import ReplayCapture

PROMPT = DemoJob(
    "greenhouse",
    "acme",
    "4012345",
    "Acme AI",
    "Prompt Engineer",
    "San Francisco",
    "CA",
    "US",
    "<p>Design prompts &amp; evals for our LLM products.</p><ul><li>Python</li></ul>",
    "2024-01-05",
    valid_through="2024-03-31",
    salary=(150000, 200000, "USD", "YEAR"),
)
ANALYST = DemoJob(
    "greenhouse",
    "acme",
    "4012399",
    "Acme AI",
    "Data Analyst",
    "Austin",
    "TX",
    "US",
    "<p>Dashboards and SQL.</p>",
    "2024-01-12",
)
EVALUATOR = DemoJob(
    "lever",
    "fjord",
    "0b6f0c1e-1111-4222-8333-944455556666",
    "Fjord",
    "LLM Evaluation Analyst",
    "Berlin",
    "BE",
    "DE",
    "<p>Evaluate large language model outputs and write rubrics.</p>",
    "2024-02-01",
)
TRAINER = DemoJob(
    "ashby",
    "nimbus",
    "5a0d1a44-2b7e-4d1b-9c55-0a6c1b2d3e4f",
    "Nimbus Labs",
    "AI Trainer",
    "New York",
    "NY",
    "US",
    "<p>Teach our assistant to write.</p>",
    "2024-03-18",
    remote=True,
)
DESIGNER = DemoJob(
    "workable",
    "quill",
    "8F2A3B1C4D",
    "Quill",
    "Conversation Designer",
    "London",
    "England",
    "GB",
    "<p>Conversation design for chat products.</p>",
    "2024-02-10",
)
ML = DemoJob(
    "smartrecruiters",
    "Harbor",
    "743999912345678",
    "Harbor Health",
    "Machine Learning Engineer",
    "Boston",
    "MA",
    "US",
    "<p>Train models.</p>",
    "2024-01-18",
    # Captured in January only; its page says it closes in February.
    valid_through="2024-02-29",
)
# Workday (asked for by name: `--ats workday`): a job captured in January whose page says it
# closes in February, one captured in January and March, one page without JSON-LD.
WORKDAY_BOARD = "gdit.wd5.External_Career_Site"
WD_PROMPT = DemoJob(
    "workday",
    WORKDAY_BOARD,
    "RQ301234",
    "GDIT",
    "Prompt Engineer",
    "Washington",
    "DC",
    "US",
    "<p>Write and evaluate prompts for LLM assistants.</p><ul><li>Python</li></ul>",
    "2024-01-08",
    valid_through="2024-02-20",
)
WD_ANALYST = DemoJob(
    "workday",
    WORKDAY_BOARD,
    "RQ301299-1",
    "GDIT",
    "Data Analyst",
    "Falls Church",
    "VA",
    "US",
    "<p>Reports and SQL.</p>",
    "2024-01-09",
    valid_through="2024-12-31",
)
WD_SHELL = DemoJob(
    "workday",
    WORKDAY_BOARD,
    "RQ301300",
    "GDIT",
    "Program Manager",
    "Reston",
    "VA",
    "US",
    "<p>Run programs.</p>",
    "2024-02-01",
)
CC, WB, BOTH = ("commoncrawl",), ("wayback",), ("commoncrawl", "wayback")


def captures() -> list[ReplayCapture]:
    return [
        ReplayCapture(PROMPT.url, "20240110101010", job_page_html(PROMPT), BOTH),
        ReplayCapture(PROMPT.url, "20240212101010", job_page_html(PROMPT), CC),
        ReplayCapture(PROMPT.url, "20240308101010", job_page_html(PROMPT), CC),
        # Captured twice in one crawl: one posting per job and month is fetched.
        ReplayCapture(PROMPT.url, "20240309111111", job_page_html(PROMPT), CC),
        ReplayCapture(ANALYST.url, "20240115080000", job_page_html(ANALYST, jsonld=False), CC),
        ReplayCapture(
            EVALUATOR.url, "20240203090000", job_page_html(EVALUATOR, jsonld=False), BOTH
        ),
        ReplayCapture(EVALUATOR.url, "20240303090000", job_page_html(EVALUATOR, jsonld=False), WB),
        ReplayCapture(TRAINER.url, "20240320120000", job_page_html(TRAINER, jsonld=False), CC),
        ReplayCapture(DESIGNER.url, "20240214150000", job_page_html(DESIGNER), WB),
        ReplayCapture(ML.url, "20240120070000", job_page_html(ML), CC),
        ReplayCapture(WD_PROMPT.url, "20240111090000", job_page_html(WD_PROMPT), CC),
        ReplayCapture(WD_ANALYST.url, "20240112090000", job_page_html(WD_ANALYST), CC),
        ReplayCapture(WD_ANALYST.url, "20240311090000", job_page_html(WD_ANALYST), CC),
        ReplayCapture(WD_SHELL.url, "20240205090000", job_page_html(WD_SHELL, jsonld=False), CC),
        # What an index lists besides job pages.
        ReplayCapture(
            "https://gdit.wd5.myworkdayjobs.com/External_Career_Site",
            "20240111090001",
            "<html>career site</html>",
            CC,
        ),
        ReplayCapture(
            "https://boards.greenhouse.io/acme", "20240110101011", "<html>board</html>", BOTH
        ),
        ReplayCapture(EVALUATOR.url + "/apply", "20240203090001", "<html>apply</html>", CC),
        ReplayCapture(
            "https://boards.greenhouse.io/acme/jobs/4011111",
            "20240111000000",
            "gone",
            CC,
            status=404,
        ),
        ReplayCapture(
            "https://jobs.lever.co/fjord/0b6f0c1e-1111-4222-8333-944455550000",
            "20240204000000",
            "%PDF-1.4",
            CC,
            mime="application/pdf",
        ),
        ReplayCapture(
            "https://boards.greenhouse.io/acme/jobs/4012000",
            "20240309000000",
            closed_page("Acme AI"),
            CC,
        ),
    ]


# Postings each (archive, month) lands: job ids by month.
EXPECTED = {
    ("commoncrawl", "2024-01"): {
        "greenhouse:4012345",
        "greenhouse:4012399",
        "smartrecruiters:743999912345678",
    },
    ("wayback", "2024-01"): {"greenhouse:4012345"},
    ("commoncrawl", "2024-02"): {
        "greenhouse:4012345",
        "lever:0b6f0c1e-1111-4222-8333-944455556666",
    },
    ("wayback", "2024-02"): {"lever:0b6f0c1e-1111-4222-8333-944455556666", "workable:8F2A3B1C4D"},
    ("commoncrawl", "2024-03"): {
        "greenhouse:4012345",
        "ashby:5a0d1a44-2b7e-4d1b-9c55-0a6c1b2d3e4f",
    },
    ("wayback", "2024-03"): {"lever:0b6f0c1e-1111-4222-8333-944455556666"},
}

# Postings a `--ats workday` backfill lands per (archive, month).
WORKDAY_EXPECTED = {
    ("commoncrawl", "2024-01"): {"workday:RQ301234", "workday:RQ301299-1"},
    ("commoncrawl", "2024-03"): {"workday:RQ301299-1"},
}
