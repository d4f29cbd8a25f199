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


def test_archive_postings_take_their_history_from_capture_dates(history) -> None:
    got = rows(
        history,
        "select first_seen::varchar, last_seen::varchar, closed_at, url from postings "
        "where posting_id = 'archive:greenhouse:1'",
    )
    # Job 1 is still open: its live posting was seen by the live crawl of its board.
    assert got == [("2024-01-10", "2024-03-08", None, "https://boards.greenhouse.io/acme/jobs/1")]
    # The March captures without job 2 do not close it (a capture of one job page says
    # nothing about the board's other jobs); the live crawl of its board in October does.
    closed = rows(
        history,
        "select posting_id, closed_at::varchar, closed_by from postings "
        "where source = 'archive' and closed_at is not null order by posting_id",
    )
    assert closed == [
        (f"archive:greenhouse:{job}", "2026-10-01", "board_crawl") for job in ("2", "3", "4", "5")
    ]


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


def load(settings: Settings, kit: SimpleNamespace) -> None:
    kit.refresh(settings)


def lifecycle(settings: Settings) -> dict[str, tuple]:
    found = rows(
        settings,
        "select posting_id, first_seen::varchar, last_seen::varchar, closed_at::varchar, "
        "closed_by, closed_run_id, canonical_posting_id from postings",
    )
    return {r[0]: r[1:] for r in found}


def capture(kit: SimpleNamespace, job: str, when: str, **fields):
    return archived(kit, "greenhouse", job, when, "commoncrawl", **fields)


def test_an_archive_posting_closes_at_its_valid_through_when_nothing_saw_it_later(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    feb = "2024-02-15"
    # V: captured in January, its page says it closes in February, never captured again.
    # W: captured in January and in March, its page also saying February: the March capture
    # proves it was still open then, so February does not close it.
    landing.write(
        "archive",
        "2024-01-10",
        [
            capture(kit, "10", "2024-01-10T10:00:00Z", valid_through=feb),
            capture(kit, "11", "2024-01-10T10:00:00Z", valid_through=feb),
        ],
        boards_ok=[],
    )
    landing.write(
        "archive",
        "2024-03-08",
        [capture(kit, "11", "2024-03-08T10:00:00Z", valid_through=feb)],
        boards_ok=[],
    )
    load(settings, kit)
    got = lifecycle(settings)
    assert got["archive:greenhouse:10"][:5] == (
        "2024-01-10",
        "2024-01-10",
        feb,
        "valid_through",
        None,
    )
    assert got["archive:greenhouse:11"][:4] == ("2024-01-10", "2024-03-08", None, None)
    assert rows(
        settings,
        "select valid_through::date::varchar from raw_postings "
        "where posting_id = 'archive:greenhouse:10'",
    ) == [(feb,)]


def test_a_valid_through_later_than_every_crawl_closes_nothing_yet(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # The warehouse holds nothing after March: an end in April has not come in the data.
    landing.write(
        "archive",
        "2024-03-08",
        [capture(kit, "12", "2024-03-08T10:00:00Z", valid_through="2024-04-30T23:59:59Z")],
        boards_ok=[],
    )
    load(settings, kit)
    assert lifecycle(settings)["archive:greenhouse:12"][2:4] == (None, None)
    # A later crawl of another board moves the warehouse past April: now it closes.
    landing.write("lever", "2024-06-01", [kit.item("lever", "x", board="globex")])
    load(settings, kit)
    assert lifecycle(settings)["archive:greenhouse:12"][2:4] == ("2024-04-30", "valid_through")


def test_gaps_in_the_archives_never_close_a_posting(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # G: captured in January and March, not in February (other jobs of its board were).
    # H: captured in January only, no validThrough; its board is captured again later.
    landing.write(
        "archive",
        "2024-01-10",
        [capture(kit, "20", "2024-01-10T10:00:00Z"), capture(kit, "21", "2024-01-10T11:00:00Z")],
        boards_ok=[],
    )
    landing.write(
        "archive", "2024-02-12", [capture(kit, "22", "2024-02-12T10:00:00Z")], boards_ok=[]
    )
    landing.write(
        "archive", "2024-03-08", [capture(kit, "20", "2024-03-08T10:00:00Z")], boards_ok=[]
    )
    load(settings, kit)
    got = lifecycle(settings)
    assert got["archive:greenhouse:20"][:4] == ("2024-01-10", "2024-03-08", None, None)
    assert got["archive:greenhouse:21"][:4] == ("2024-01-10", "2024-01-10", None, None)
    assert all(v[2] is None for v in got.values())


def test_a_later_complete_crawl_of_its_board_closes_an_archive_posting_it_does_not_show(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Archive captures of jobs 30, 31 and 32 on greenhouse board acme; job 33 on board globex.
    landing.write(
        "archive",
        "2024-01-10",
        [
            capture(kit, "30", "2024-01-10T10:00:00Z", valid_through="2024-12-31"),
            capture(kit, "31", "2024-01-10T10:00:00Z"),
            capture(kit, "32", "2024-01-10T10:00:00Z", valid_through="2024-02-01"),
            capture(kit, "33", "2024-01-10T10:00:00Z", board="globex"),
        ],
        boards_ok=[],
    )
    # The live Greenhouse crawl of board acme in April shows job 30 only (its live posting,
    # under another title); a live Lever board called acme says nothing about Greenhouse's.
    landing.write(
        "greenhouse",
        "2024-04-02",
        [
            kit.item(
                "greenhouse", "30", title="Prompt Engineer II", fetched_at="2024-04-02T06:00:00Z"
            )
        ],
        boards_ok=["acme"],
        run_id="20240402T060000-live",
    )
    landing.write("lever", "2024-04-03", [kit.item("lever", "l1")], boards_ok=["acme"])
    load(settings, kit)
    got = lifecycle(settings)
    # 30: seen live after its capture, so open; one job with its live posting.
    assert got["archive:greenhouse:30"][2:] == (None, None, None, "greenhouse:30")
    assert got["greenhouse:30"][2:] == (None, None, None, "greenhouse:30")
    # 31: the April crawl of its board did not show it: closed there, that run the evidence.
    assert got["archive:greenhouse:31"][1:5] == (
        "2024-01-10",
        "2024-04-02",
        "board_crawl",
        "20240402T060000-live",
    )
    # 32: its validThrough came before that crawl: the earlier evidence wins.
    assert got["archive:greenhouse:32"][2:4] == ("2024-02-01", "valid_through")
    # 33: no crawl of its board: stays as last seen.
    assert got["archive:greenhouse:33"][2] is None
    # The job counts once, open, with its history from the archive.
    assert rows(
        settings,
        "select count(*), min(first_seen)::varchar, max(last_seen)::varchar, "
        "bool_or(closed_at is not null) from posting_facts "
        "where canonical_posting_id = 'greenhouse:30'",
    ) == [(1, "2024-01-10", "2024-04-02", False)]

    # In May the live posting closes (a complete crawl without it): the archive posting of
    # the same job closes with it.
    landing.write("greenhouse", "2024-05-07", [], boards_ok=["acme"], run_id="20240507T060000-live")
    load(settings, kit)
    got = lifecycle(settings)
    assert got["greenhouse:30"][2:4] == ("2024-05-07", "board_crawl")
    assert got["archive:greenhouse:30"][2:5] == (
        "2024-05-07",
        "board_crawl",
        "20240507T060000-live",
    )
