"""Cross-source duplicates: one job on an ATS and on HN or a remote board is one job."""

from __future__ import annotations

import random
from types import SimpleNamespace

import numpy as np
import polars as pl
import pytest
from rapidfuzz import fuzz, process

from promptjobs.settings import Settings
from warehouse import dedupe
from warehouse.dedupe import cluster_duplicates, normalize_title
from warehouse.extraction_handoff import load_extractions, pending_extraction
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import apply_lifecycle, compute_lifecycle


@pytest.mark.parametrize(
    ("title", "normalised"),
    [
        ("Sr. Prompt Engineer (Remote)", "senior prompt engineer"),
        ("Prompt Engineer | San Francisco | $180k", "prompt engineer"),
        ("LLM Eng - Evals & Safety", "llm engineer"),
        ("Prompt Engineer, Senior", "prompt engineer senior"),
    ],
)
def test_titles_are_normalised_to_what_identifies_the_job(title: str, normalised: str) -> None:
    assert normalize_title(title) == normalised


def cluster(settings: Settings, kit: SimpleNamespace) -> tuple[int, dict[str, str]]:
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        for batch in pending_extraction(con, "v1"):
            load_extractions(con, kit.extract(batch), "v1")
        apply_lifecycle(con)
        clusters = cluster_duplicates(con, kit.source_priority)
        mapping = dict(con.sql("select posting_id, canonical_posting_id from postings").fetchall())
    return clusters, mapping


def test_the_same_job_on_an_ats_and_on_hn_is_one_cluster_led_by_the_ats(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write(
        "hn",
        "2026-10-01",
        [
            kit.item(
                "hn",
                "555",
                board="41",
                company="ACME AI, Inc.",
                title="Sr. Prompt Engineer (Remote)",
            )
        ],
    )
    landing.write(
        "greenhouse", "2026-10-03", [kit.item("greenhouse", "77", title="Senior Prompt Engineer")]
    )
    landing.write(
        "remotive",
        "2026-10-04",
        [
            kit.item(
                "remotive", "r9", board="all", company="Acme AI", title="Prompt Engineer, Senior"
            )
        ],
    )
    clusters, mapping = cluster(settings, kit)
    assert clusters == 1
    assert mapping == {
        "hn:555": "greenhouse:77",
        "greenhouse:77": "greenhouse:77",
        "remotive:r9": "greenhouse:77",
    }


def test_a_posting_only_the_dedupe_moves_leaves_the_views_with_its_new_job(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # The HN post's thread is not crawled again: joining the ATS posting's cluster is its
    # only change, which the views see through the change record's `dedupe` rows.
    landing.write(
        "hn", "2026-10-01", [kit.item("hn", "555", board="41", title="Sr. Prompt Engineer")]
    )
    kit.refresh(settings)
    landing.write(
        "greenhouse", "2026-10-03", [kit.item("greenhouse", "77", title="Senior Prompt Engineer")]
    )
    kit.refresh(settings)
    with settings.open_warehouse().reader() as con:
        jobs = con.sql("select posting_id from posting_facts").fetchall()
        moved = con.sql("select canonical_posting_id from postings where posting_id = 'hn:555'")
        assert moved.fetchall() == [("greenhouse:77",)]
    assert jobs == [("greenhouse:77",)]


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ({"title": "Data Analyst"}, "different title"),
        ({"location_raw": "London, UK"}, "different country"),
        ({"company": "Globex"}, "different company"),
        ({"fetched_at": "2026-12-20T06:00:00Z"}, "seen far apart"),
    ],
)
def test_different_jobs_stay_apart(
    settings: Settings, landing, kit: SimpleNamespace, other: dict, why: str
) -> None:
    landing.write("greenhouse", "2026-10-01", [kit.item("greenhouse", "1")])
    day = "2026-12-20" if why == "seen far apart" else "2026-10-02"
    landing.write("hn", day, [kit.item("hn", "2", board="41", **other)])
    clusters, mapping = cluster(settings, kit)
    assert clusters == 0, why
    assert all(pid == canon for pid, canon in mapping.items())


def test_two_openings_on_one_source_are_two_jobs(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "1"), kit.item("lever", "2")])
    landing.write("hn", "2026-10-02", [kit.item("hn", "3", board="41", company="Other Co")])
    clusters, mapping = cluster(settings, kit)
    assert clusters == 0
    assert mapping["lever:1"] == "lever:1" and mapping["lever:2"] == "lever:2"


def test_clustering_is_stable_when_run_again(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("hn", "2026-10-01", [kit.item("hn", "5", board="41")])
    landing.write("lever", "2026-10-02", [kit.item("lever", "6")])
    first = cluster(settings, kit)
    second = cluster(settings, kit)
    assert first == second == (1, {"hn:5": "lever:6", "lever:6": "lever:6"})


def test_one_hn_post_never_chains_two_openings_of_one_board(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Two openings with the same title on one ATS board, and one HN post for that title.
    landing.write("lever", "2026-10-01", [kit.item("lever", "1"), kit.item("lever", "2")])
    landing.write("hn", "2026-10-02", [kit.item("hn", "3", board="41")])
    clusters, mapping = cluster(settings, kit)
    assert clusters == 1
    assert mapping["lever:1"] != mapping["lever:2"]
    assert mapping["hn:3"] in {mapping["lever:1"], mapping["lever:2"]}


# The matching rule read pair by pair, as the module doc states it: the set-wise code
# (one join per pair of sources, each pair of titles scored once) must find the same pairs
# and the same clusters.
def pairwise_matches(
    candidates: pl.DataFrame,
) -> tuple[set[tuple[str, str, int]], list[tuple[int, int, str, str]]]:
    """(every cross-source pair whose titles and places match, with its gap; the pairs
    within the window, in the order they are joined), from rows sorted as
    dedupe_block_rows.sql sorts them."""
    rows = candidates.to_dicts()
    code = {s: i for i, s in enumerate(sorted({r["source"] for r in rows}))}
    matches, joins = set(), []
    for key in dict.fromkeys(r["company_key"] for r in rows):
        block = [(i, r) for i, r in enumerate(rows) if r["company_key"] == key]
        ranked = []
        for i, a in block:
            for j, b in block:
                if code[a["source"]] >= code[b["source"]] or not a["norm"]:
                    continue
                if a["country"] and b["country"] and a["country"] != b["country"]:
                    continue
                if a["city"] and b["city"] and a["city"] != b["city"]:
                    continue
                score = process.cdist(
                    [a["norm"]], [b["norm"]], scorer=fuzz.token_sort_ratio,
                    score_cutoff=dedupe.TITLE_SCORE_CUTOFF, dtype=np.uint8,
                )[0, 0]  # fmt: skip
                if not score:
                    continue
                gap = max(
                    a["period_start"] - b["period_end"], b["period_start"] - a["period_end"], 0
                )
                matches.add((a["posting_id"], b["posting_id"], gap))
                if gap <= dedupe.WINDOW_DAYS:
                    ranked.append((int(score), -gap, i, j))
        joins += [
            (i, j, rows[i]["posting_id"], rows[j]["posting_id"])
            for *_, i, j in sorted(ranked, reverse=True)
        ]
    return matches, joins


def random_candidates(rng: random.Random) -> pl.DataFrame:
    titles = [
        "prompt engineer", "senior prompt engineer", "prompt engineer senior", "llm engineer",
        "prompt engineers", "data scientist", "", "ai trainer",
    ]  # fmt: skip
    rows = [
        {
            "posting_id": f"{source}:{n}",
            "source": source,
            "company_key": rng.choice(["acme", "globex", "initech", ""]),
            "title": title,
            "norm": title,
            "country": rng.choice(["", "us", "us", "gb"]),
            "city": rng.choice(["", "", "london", "new york"]),
            "period_start": (start := rng.randrange(20_000, 20_100)),
            "period_end": start + rng.randrange(0, 60),
        }
        for n in range(rng.randrange(2, 40))
        for source in [rng.choice(["greenhouse", "hn", "lever", "remotive"])]
        for title in [rng.choice(titles)]
    ]
    return pl.DataFrame(rows).sort("company_key", "posting_id")


@pytest.mark.parametrize("seed", range(40))
def test_set_wise_matching_finds_the_pairs_and_clusters_of_the_pairwise_rule(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    candidates = random_candidates(random.Random(seed))
    matches, joins = pairwise_matches(candidates)
    priority = {"greenhouse": 0, "lever": 1, "remotive": 2, "hn": 3}
    # a small chunk, so blocks are paired in several runs
    monkeypatch.setattr(dedupe, "PAIR_CHUNK_ROWS", 7)
    found = dedupe.match_candidates(candidates, priority)
    assert set(found.pairs.select("posting_a", "posting_b", "gap").iter_rows()) == matches
    # The clusters of joining the pairwise rule's matches in its order.
    uf = dedupe._UnionFind([priority[s] for s in candidates["source"]])
    for i, j, _a, _b in joins:
        uf.union(i, j)
    ids = candidates["posting_id"].to_list()
    expected: dict[int, set[str]] = {}
    for i in uf.linked():
        expected.setdefault(uf.find(i), set()).add(ids[i])
    clusters: dict[str, set[str]] = {}
    for posting_id, canonical_id in found.members.select(
        "posting_id", "canonical_posting_id"
    ).iter_rows():
        clusters.setdefault(canonical_id, set()).add(posting_id)
    assert sorted(map(sorted, clusters.values())) == sorted(map(sorted, expected.values()))


# Incremental dedupe: a refresh matches only the blocks its new or changed postings touch,
# and its result is the full rebuild's.
DEDUPE_TABLES = (
    "postings",
    "dedupe_titles",
    "dedupe_postings",
    "dedupe_pairs",
    "dedupe_members",
)


def archive_capture(
    kit: SimpleNamespace,
    live_id: str,
    company: str,
    title: str,
    warc: str,
    byte_range: str,
    **fields: str,
) -> dict:
    """A Common Crawl capture of the live posting `live_id` (archive:<live_id>), fetched
    on 2026-09-20, from `crawl-data/<warc>.warc.gz` at `byte_range`."""
    return kit.item(
        "archive",
        live_id,
        company=company,
        title=title,
        fetched_at="2026-09-20T10:00:00Z",
        raw={
            "archive": "commoncrawl",
            "record_id": f"crawl-data/{warc}.warc.gz#bytes={byte_range}",
        },
        **fields,
    )


def market_day_one(kit: SimpleNamespace) -> dict[str, list[dict]]:
    """Four companies on several sources, a one-source company, an archive capture."""
    day = "2026-10-01T06:00:00Z"
    return {
        "greenhouse": [
            kit.item("greenhouse", "1", title="Senior Prompt Engineer", fetched_at=day),
            kit.item("greenhouse", "2", title="Data Analyst", location_raw="London, UK"),
            kit.item("greenhouse", "3", board="initech", company="Initech", title="AI Trainer"),
            kit.item("greenhouse", "4", board="umbrella", company="Umbrella", title="Designer"),
        ],
        "lever": [
            kit.item("lever", "l1", board="globex", company="Globex", title="LLM Engineer"),
            kit.item("lever", "l2", board="globex", company="Globex", title="LLM Engineer"),
        ],
        "hn": [
            kit.item("hn", "10", board="41", company="ACME AI, Inc.", title="Sr. Prompt Engineer"),
            kit.item("hn", "11", board="41", company="Globex", title="LLM Engineer (Remote)"),
        ],
        "remotive": [
            kit.item("remotive", "r1", board="all", title="Prompt Engineer, Senior"),
            kit.item("remotive", "r2", board="all", company="Initech", title="AI Trainer"),
        ],
        # The capture of greenhouse:3 under another company spelling: a tie across blocks.
        "archive": [
            archive_capture(
                kit, "greenhouse:3", "Initech Holdings Group", "AI Trainer (Contract)", "x", "0-9"
            ),
            archive_capture(
                kit,
                "greenhouse:90",
                "Initech Holdings Group",
                "AI Trainer",
                "x",
                "9-19",
                location_raw="Austin, TX",
            ),
        ],
    }


def write_day(landing, day: str, market: dict[str, list[dict]]) -> None:  # type: ignore[no-untyped-def]
    for source, items in market.items():
        boards_ok = [] if source == "archive" else None
        stamped = [
            {**i, "fetched_at": f"{day}T06:00:00Z"} if source != "archive" else i for i in items
        ]
        landing.write(source, day, stamped, boards_ok=boards_ok)


def dedupe_tables(settings: Settings) -> dict[str, list[tuple]]:
    with settings.open_warehouse().reader() as con:
        return {
            t: sorted(con.sql(f"select * from {t}").fetchall(), key=repr) for t in DEDUPE_TABLES
        }


def canonical(settings: Settings) -> dict[str, str]:
    with settings.open_warehouse().reader() as con:
        return dict(con.sql("select posting_id, canonical_posting_id from postings").fetchall())


class Spy:
    """Counts the block matchings and title normalisations the dedupe does, and keeps
    what each dedupe of a refresh reports."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.blocks = 0
        self.titles = 0
        self.runs: list[dedupe.DedupeRun] = []
        matching_pairs, normalize = dedupe._matching_pairs, dedupe.normalize_title
        update = dedupe.update_clusters

        def reported(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.runs.append(update(*args, **kwargs))
            return self.runs[-1]

        def counted_blocks(frame: pl.DataFrame, blocks: pl.DataFrame) -> pl.DataFrame:
            self.blocks += blocks.height
            return matching_pairs(frame, blocks)

        def counted_title(title: str) -> str:
            self.titles += 1
            return normalize(title)

        monkeypatch.setattr(dedupe, "_matching_pairs", counted_blocks)
        monkeypatch.setattr(dedupe, "normalize_title", counted_title)
        monkeypatch.setattr(dedupe, "update_clusters", reported)


@pytest.mark.postgres_catalog
def test_incremental_dedupe_after_a_day_of_new_changed_and_closed_postings_is_a_full_rebuild(
    settings: Settings, landing, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    market = market_day_one(kit)
    write_day(landing, "2026-10-01", market)
    kit.refresh(settings)
    before = canonical(settings)
    assert before["hn:10"] == before["remotive:r1"] == "greenhouse:1"
    assert before["archive:greenhouse:3"] == before["remotive:r2"] == "greenhouse:3"
    assert before["hn:11"] in {"lever:l1", "lever:l2"} and before["lever:l1"] == "lever:l1"

    # Day two: Umbrella's job shows up on HN (a new block), an HN post for Initech's
    # trainer job, remotive's Acme post is retitled to another job, greenhouse:1 is edited
    # in a way its normalised title does not see, lever:l1 is gone from its board (closes).
    day2 = market_day_one(kit)
    del day2["archive"]
    day2["greenhouse"][0]["title"] = "Senior Prompt Engineer (updated)"
    day2["remotive"][0]["title"] = "Data Scientist"
    day2["lever"] = [day2["lever"][1]]
    day2["hn"].append(kit.item("hn", "12", board="41", company="Umbrella", title="Designer"))
    day2["hn"].append(kit.item("hn", "13", board="41", company="Initech", title="AI Trainer"))
    # and Globex posts a job no other source lists: its block keeps its clusters.
    day2["greenhouse"].append(
        kit.item("greenhouse", "5", board="globex", company="Globex", title="Accountant")
    )
    write_day(landing, "2026-10-02", day2)
    spy = Spy(monkeypatch)
    kit.refresh(settings)
    incremental = dedupe_tables(settings)
    after = canonical(settings)
    assert after["hn:12"] == "greenhouse:4"
    assert after["remotive:r1"] == "remotive:r1"  # another job now
    assert after["hn:10"] == "greenhouse:1"
    assert after["hn:13"] == "greenhouse:3" and after["archive:greenhouse:3"] == "greenhouse:3"
    with settings.open_warehouse().reader() as con:
        closed = con.sql("select closed_at from postings where posting_id = 'lever:l1'").fetchall()
    assert closed[0][0] is not None
    # Matched again: Acme (a retitled post), Initech and its archive's block (tied to it:
    # one source, so no fuzzy matching of its own), Umbrella (new); not Globex's block,
    # where a closing date moved and a new job matches nothing. Normalised: the
    # candidates' new titles only (the two retitled posts, "Designer", "Accountant").
    [run] = spy.runs
    assert (run.blocks, run.blocks_matched) == (5, 4)
    assert spy.blocks == 3 and spy.titles == 4
    assert after["greenhouse:5"] == "greenhouse:5"

    with settings.open_warehouse().writer() as con:
        run = dedupe.update_clusters(con, kit.source_priority, full=True)
    assert run.blocks_matched == run.blocks == 5
    assert dedupe_tables(settings) == incremental


@pytest.mark.postgres_catalog
def test_a_company_left_with_one_source_keeps_no_candidates(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Umbrella's job is on its board and in an HN post; the post is then edited to name
    # another company. Umbrella is left with one source, so none of its postings is a
    # candidate any more: its kept rows go, as a full rebuild has it.
    board = kit.item("greenhouse", "4", board="umbrella", company="Umbrella", title="Designer")
    post = kit.item("hn", "12", board="41", company="Umbrella", title="Designer")
    write_day(landing, "2026-10-01", {"greenhouse": [board], "hn": [post]})
    kit.refresh(settings)
    assert canonical(settings)["hn:12"] == "greenhouse:4"
    write_day(landing, "2026-10-02", {"greenhouse": [board], "hn": [{**post, "company": "Hooli"}]})
    kit.refresh(settings)
    assert canonical(settings) == {"greenhouse:4": "greenhouse:4", "hn:12": "hn:12"}
    incremental = dedupe_tables(settings)
    assert not [row for row in incremental["dedupe_postings"] if "greenhouse:4" in row]
    with settings.open_warehouse().writer() as con:
        dedupe.update_clusters(con, kit.source_priority, full=True)
    assert dedupe_tables(settings) == incremental


def test_matching_a_few_blocks_at_a_time_gives_the_clusters_of_one_matching(
    settings: Settings, landing, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The dedupe matches its candidates MATCH_CHUNK_ROWS at a time, each block together with
    # the blocks tied to it: Initech's, and that of its capture filed under "Initech
    # Holdings Group". One candidate at a time: a block and its ties per matching.
    write_day(landing, "2026-10-01", market_day_one(kit))
    matchings = []
    match = dedupe.match_candidates

    def counted(candidates: pl.DataFrame, source_priority: dict[str, int]) -> dedupe.Clusters:
        matchings.append(sorted(set(candidates["company_key"].to_list())))
        return match(candidates, source_priority)

    monkeypatch.setattr(dedupe, "match_candidates", counted)
    monkeypatch.setattr(dedupe, "MATCH_CHUNK_ROWS", 1)
    kit.refresh(settings)
    chunked, chunked_jobs = dedupe_tables(settings), canonical(settings)
    assert chunked_jobs["archive:greenhouse:3"] == chunked_jobs["remotive:r2"] == "greenhouse:3"
    assert chunked_jobs["hn:10"] == chunked_jobs["remotive:r1"] == "greenhouse:1"
    assert len(matchings) > 2 and all(len(keys) == 1 for keys in matchings if "initech" not in keys)
    assert ["initech", "initech holdings group"] in matchings

    monkeypatch.setattr(dedupe, "MATCH_CHUNK_ROWS", 500_000)
    matchings.clear()
    with settings.open_warehouse().writer() as con:
        dedupe.update_clusters(con, kit.source_priority, full=True)
    assert len(matchings) == 1
    assert dedupe_tables(settings) == chunked and canonical(settings) == chunked_jobs


def test_an_archive_capture_landed_later_joins_a_live_posting_nothing_else_touched(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # Umbrella posts on one source only, so its posting is no candidate; a week later a
    # capture of it lands from a web archive (another company spelling) while its board is
    # not crawled: the link makes the live posting a candidate, with no change of its own.
    landing.write(
        "greenhouse",
        "2026-10-01",
        [kit.item("greenhouse", "4", board="umbrella", company="Umbrella", title="Designer")],
    )
    kit.refresh(settings)
    capture = archive_capture(
        kit, "greenhouse:4", "Umbrella Holdings Group", "Product Designer", "y", "0-9"
    )
    landing.write("archive", "2026-10-08", [capture], boards_ok=[])
    kit.refresh(settings)
    incremental = dedupe_tables(settings)
    assert canonical(settings)["archive:greenhouse:4"] == "greenhouse:4"
    assert "greenhouse:4" in {row[1] for row in incremental["dedupe_postings"]}
    with settings.open_warehouse().writer() as con:
        dedupe.update_clusters(con, kit.source_priority, full=True)
    assert dedupe_tables(settings) == incremental


@pytest.mark.postgres_catalog
def test_a_refresh_that_only_sees_the_same_postings_again_does_no_dedupe_work(
    settings: Settings, landing, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_day(landing, "2026-10-01", market_day_one(kit))
    kit.refresh(settings)
    kept = dedupe_tables(settings)
    # The next days: every posting seen again, unchanged (only last_seen moves), then a
    # refresh with nothing new at all.
    day2 = market_day_one(kit)
    del day2["archive"]
    write_day(landing, "2026-10-08", day2)
    spy = Spy(monkeypatch)
    kit.refresh(settings)
    kit.refresh(settings)
    assert spy.blocks == 0 and spy.titles == 0
    with settings.open_warehouse().reader() as con:
        seen = con.sql("select last_seen from postings where posting_id = 'hn:10'").fetchall()
    assert str(seen[0][0]) == "2026-10-08"
    assert dedupe_tables(settings)["dedupe_members"] == kept["dedupe_members"]
    with settings.open_warehouse().writer() as con:
        run = dedupe.update_clusters(con, kit.source_priority)
    assert run.blocks_matched == 0 and run.blocks == 4


def test_a_pair_whose_gap_comes_into_the_window_is_matched_again(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # An ATS job last seen on 1 October and an HN post first seen 35 days later: apart.
    landing.write("greenhouse", "2026-10-01", [kit.item("greenhouse", "1")])
    landing.write(
        "hn",
        "2026-11-05",
        [kit.item("hn", "2", board="41", fetched_at="2026-11-05T06:00:00Z")],
    )
    kit.refresh(settings)
    assert canonical(settings)["hn:2"] == "hn:2"
    # A crawl of 20 October lands late and saw the ATS job: 16 days apart, one job. Only
    # the end of a seen period moved, which the kept pair's gap tells.
    landing.write(
        "greenhouse",
        "2026-10-20",
        [kit.item("greenhouse", "1", fetched_at="2026-10-20T06:00:00Z")],
    )
    kit.refresh(settings)
    assert canonical(settings)["hn:2"] == "greenhouse:1"
    incremental = dedupe_tables(settings)
    with settings.open_warehouse().writer() as con:
        dedupe.update_clusters(con, kit.source_priority, full=True)
    assert dedupe_tables(settings) == incremental
