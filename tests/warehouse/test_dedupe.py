"""Cross-source duplicates: one job on an ATS and on HN or a remote board is one job."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from promptjobs.settings import Settings
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
