"""Archive postings in the warehouse: ordinary postings rows whose history comes from
capture dates, one job with the live posting of the same ATS job id, and the
`archive_monthly` view with its Wilson intervals. Landing files are written in the exact
shape `promptjobs backfill` lands (partition = capture date, no complete boards)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from promptjobs.settings import Settings

COLUMNS = [
    "month",
    "captures",
    "postings",
    "core",
    "adjacent",
    "core_share",
    "core_share_lo",
    "core_share_hi",
    "adjacent_share",
    "adjacent_share_lo",
    "adjacent_share_hi",
]


def archived(kit: SimpleNamespace, ats: str, job: str, when: str, archive: str, **fields):
    url = f"https://boards.greenhouse.io/acme/jobs/{job}"
    return kit.item(
        "archive",
        f"{ats}:{job}",
        url=url,
        fetched_at=when,
        raw={"archive": archive, "record_id": f"crawl-data/x.warc.gz#bytes=0-{len(job)}"},
        **fields,
    )


def wilson(x: int, n: int) -> tuple[float, float]:
    z = 1.96
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@pytest.fixture
def history(settings: Settings, landing, kit: SimpleNamespace) -> Settings:
    # January: one prompt job (captured by both archives) and three others.
    jan = [
        archived(kit, "greenhouse", "1", "2024-01-10T10:00:00Z", "commoncrawl"),
        archived(
            kit, "greenhouse", "2", "2024-01-10T11:00:00Z", "commoncrawl", title="LLM Ops Lead"
        ),
        archived(kit, "greenhouse", "3", "2024-01-10T12:00:00Z", "commoncrawl", title="Accountant"),
        archived(kit, "greenhouse", "4", "2024-01-10T13:00:00Z", "commoncrawl", title="Designer"),
    ]
    landing.write("archive", "2024-01-10", jan, boards_ok=[])
    landing.write(
        "archive",
        "2024-01-10",
        [archived(kit, "greenhouse", "1", "2024-01-10T10:00:00Z", "wayback")],
        boards_ok=[],
    )
    # March: the prompt job again, and a new prompt job.
    mar = [
        archived(kit, "greenhouse", "1", "2024-03-08T10:00:00Z", "commoncrawl"),
        archived(
            kit, "greenhouse", "5", "2024-03-08T10:00:00Z", "commoncrawl", title="Prompt Writer"
        ),
    ]
    landing.write("archive", "2024-03-08", mar, boards_ok=[])
    # The prompt job, live on the board today, under another company spelling and title.
    live = kit.item(
        "greenhouse",
        "1",
        company="Acme",
        title="Prompt Engineer, LLM products",
        fetched_at="2026-10-01T06:00:00Z",
    )
    landing.write("greenhouse", "2026-10-01", [live])
    kit.refresh(settings)
    return settings


def rows(settings: Settings, sql: str) -> list[tuple]:
    with settings.open_warehouse().reader() as con:
        return con.sql(sql).fetchall()


def test_archive_postings_take_their_history_from_capture_dates_and_never_close(history) -> None:
    got = rows(
        history,
        "select first_seen::varchar, last_seen::varchar, closed_at, url from postings "
        "where posting_id = 'archive:greenhouse:1'",
    )
    assert got == [("2024-01-10", "2024-03-08", None, "https://boards.greenhouse.io/acme/jobs/1")]
    # Later captures without job 2 do not close it: a capture of one job page says nothing
    # about the board's other jobs.
    assert rows(
        history, "select closed_at from postings where posting_id = 'archive:greenhouse:2'"
    ) == [(None,)]


def test_an_archived_job_and_its_live_posting_are_one_job(history) -> None:
    assert rows(
        history,
        "select canonical_posting_id from postings where source_id in ('1', 'greenhouse:1')",
    ) == [("greenhouse:1",), ("greenhouse:1",)]
    facts = rows(
        history,
        "select count(*), min(first_seen)::varchar, max(last_seen)::varchar from posting_facts "
        "where canonical_posting_id = 'greenhouse:1'",
    )
    assert facts == [(1, "2024-01-10", "2026-10-01")]


def test_archive_monthly_counts_captures_jobs_and_shares_with_wilson_intervals(history) -> None:
    with history.open_warehouse().reader() as con:
        result = con.sql("select * from archive_monthly order by month")
        assert [d[0] for d in result.description] == COLUMNS
        got = result.fetchall()
    jan, mar = got
    assert [str(jan[0]), *jan[1:5]] == ["2024-01-01", 5, 4, 1, 1]
    assert [str(mar[0]), *mar[1:5]] == ["2024-03-01", 2, 2, 2, 0]
    for row in got:
        _month, _captures, n, core, adjacent, cs, clo, chi, as_, alo, ahi = row
        assert cs == core / n and as_ == adjacent / n
        assert (clo, chi) == pytest.approx(wilson(core, n), abs=1e-9)
        assert (alo, ahi) == pytest.approx(wilson(adjacent, n), abs=1e-9)
    assert mar[6] == pytest.approx(0.342371952890) and mar[7] == 1.0  # 2 of 2: [0.34, 1]
    assert mar[9] == 0.0  # 0 of 2: a lower bound of exactly 0
