"""The `boards` table: seeded from the registry, grown by discovery in landed postings,
kept current by the crawls (last ok, postings, two 404s in a row = gone, postings closed)."""

from __future__ import annotations

from types import SimpleNamespace

from promptjobs.settings import Settings
from transforms.board_links import find_boards
from warehouse import boards
from warehouse.extraction_handoff import load_extractions, pending_extraction
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import apply_lifecycle, compute_lifecycle

DOMAINS = ("greenhouse.io", "lever.co", "ashbyhq.com", "myworkdayjobs.com", "recruitee.com")
REGISTRY = [
    {"ats": "lever", "token": "acme", "board": "acme", "company": "Acme AI"},
    {"ats": "greenhouse", "token": "initech", "board": "Initech", "company": "Initech"},
]


def refresh(settings: Settings, kit: SimpleNamespace, registry=REGISTRY) -> dict[str, int]:
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        for batch in pending_extraction(con, "v1"):
            load_extractions(con, kit.extract(batch), "v1")
        apply_lifecycle(con)
        boards.seed_registry(con, registry)
        boards.update_from_crawls(con)
        return boards.scan_landed(con, find_boards, DOMAINS)


def table(settings: Settings, **filters) -> dict[tuple[str, str], dict]:
    with settings.open_warehouse().reader() as con:
        return {(r["ats"], r["board"]): r for r in boards.list_boards(con, **filters)}


def test_links_in_landed_postings_become_candidates_once(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    text = (
        "We also hire via https://jobs.ashbyhq.com/Quillon/123 and "
        "https://orbit.wd5.myworkdayjobs.com/en-US/Orbit_Careers/job/x; "
        "sister company: https://boards.greenhouse.io/initech/jobs/9"
    )
    a = kit.item("lever", "a", description_text=text, url="https://jobs.lever.co/acme/a")
    b = kit.item("lever", "b", description_html='<a href="https://jobs.ashbyhq.com/quillon">x</a>')
    landing.write("lever", "2026-10-01", [a, b])
    first = refresh(settings, kit)
    rows = table(settings)
    assert first == {"scanned": 2, "links": 4, "new_candidates": 2}
    quillon = rows[("ashby", "quillon")]
    assert quillon["status"] == "candidate" and quillon["found_count"] == 2
    assert quillon["found_in_posting_id"] == "lever:a"
    assert str(quillon["first_seen"]) == "2026-10-01"
    orbit = rows[("workday", "orbit.wd5.Orbit_Careers")]
    assert (orbit["token"], orbit["site"], orbit["status"]) == (
        "orbit.wd5",
        "Orbit_Careers",
        "candidate",
    )
    # A registry board linked from a posting keeps its status and counts the link; the
    # posting's link to its own board (lever acme) is not a discovery.
    assert rows[("greenhouse", "Initech")]["status"] == "registry"
    assert rows[("greenhouse", "Initech")]["found_count"] == 1
    assert rows[("lever", "acme")]["found_count"] == 0

    # The same landing files again, and a new version of posting a: nothing counted twice.
    landing.write("lever", "2026-10-02", [{**a, "title": "Senior Prompt Engineer"}])
    again = refresh(settings, kit)
    assert again["new_candidates"] == 0 and again["scanned"] == 1
    assert table(settings)[("ashby", "quillon")]["found_count"] == 2


def test_checks_make_boards_valid_invalid_or_leave_them_for_the_next_try(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    text = "https://jobs.ashbyhq.com/good https://jobs.ashbyhq.com/bad https://x.recruitee.com/o/1"
    landing.write("lever", "2026-10-01", [kit.item("lever", "a", description_text=text)])
    refresh(settings, kit)
    with settings.open_warehouse().writer() as con:
        assert [b["board"] for b in boards.to_validate(con)] == ["bad", "good", "x"]
        boards.record_checks(
            con,
            [
                ("ashby", "good", "valid"),
                ("ashby", "bad", "invalid"),
                ("recruitee", "x", "candidate"),
            ],
        )
        assert [b["board"] for b in boards.to_validate(con)] == ["x"]
        [plan] = boards.crawl_plan(con, review=False)
        assert (plan["ats"], plan["board"], plan["site"]) == ("ashby", "good", None)
        assert str(plan["first_seen"]) == "2026-10-01"
        # Under review, a valid board waits for a person to accept it.
        assert boards.crawl_plan(con, review=True) == []
        assert boards.accept(con, ats="ashby") == 1
        assert [b["board"] for b in boards.crawl_plan(con, review=True)] == ["good"]
    assert set(table(settings, status="invalid")) == {("ashby", "bad")}
    assert set(table(settings, ats="recruitee")) == {("recruitee", "x")}
    assert table(settings)[("recruitee", "x")]["last_checked"] is not None


def test_a_board_404ing_twice_in_a_row_is_gone_and_its_postings_close(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    a, b = kit.item("lever", "a"), kit.item("lever", "b")
    landing.write("lever", "2026-10-01", [a, b])
    landing.write("lever", "2026-10-08", [], boards_ok=[], boards_not_found=["acme"])
    refresh(settings, kit)
    # One 404 may be a hiccup: nothing closes, the board stays.
    acme = table(settings)[("lever", "acme")]
    assert acme["status"] == "registry" and str(acme["last_ok"]) == "2026-10-01"
    assert acme["postings_last_crawl"] == 2
    with settings.open_warehouse().reader() as con:
        assert con.sql("select count(*) from postings where closed_at is null").fetchone() == (2,)

    landing.write("lever", "2026-10-09", [], boards_ok=[], boards_failed=["acme"])
    landing.write("lever", "2026-10-15", [], boards_ok=[], boards_not_found=["acme"])
    refresh(settings, kit)
    assert table(settings)[("lever", "acme")]["status"] == "gone"
    with settings.open_warehouse().reader() as con:
        closed = con.sql(
            "select posting_id, closed_at::varchar from postings order by 1"
        ).fetchall()
    assert closed == [("lever:a", "2026-10-15"), ("lever:b", "2026-10-15")]

    # It answers again: back in the registry's frame, its postings reopened.
    landing.write("lever", "2026-10-22", [a])
    refresh(settings, kit)
    assert table(settings)[("lever", "acme")]["status"] == "registry"
    with settings.open_warehouse().reader() as con:
        open_now = con.sql("select posting_id from postings where closed_at is null").fetchall()
    assert open_now == [("lever:a",)]
    assert table(settings)[("lever", "acme")]["postings_last_crawl"] == 1
    with settings.open_warehouse().reader() as con:
        b_closed = con.sql("select closed_at::varchar from postings where posting_id = 'lever:b'")
        assert b_closed.fetchone() == ("2026-10-15",)


def test_a_board_leaving_the_registry_file_keeps_its_history(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "a")])
    refresh(settings, kit)
    refresh(settings, kit, registry=REGISTRY[1:])
    acme = table(settings)[("lever", "acme")]
    assert acme["status"] == "valid" and acme["postings_last_crawl"] == 1
