"""Employer boilerplate (warehouse/boilerplate.py), through the one refresh path with the
real extractor: a paragraph an employer repeats on its postings of several titles names a
skill that is the employer's, not the job's; the views stop counting it for those
postings (the evidence stays), job skills stay, a small employer keeps it, and a later
refresh computes only the employer whose postings moved."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import duckdb
import pytest

from promptjobs.settings import Settings
from warehouse.boilerplate import MIN_POSTINGS, update_employer_boilerplate
from warehouse.refresh import Extraction, RefreshSummary, per_record, run_refresh

# Acme's own paragraph: no heading, never names Acme, never speaks of "we": the section
# tables cannot know it is the employer's.
ACME_ABOUT = (
    "Every week more than a million deliveries are planned by one routing engine, which "
    "runs on Kubernetes in three regions and serves {n} retailers."
)
BETA_ABOUT = (
    "Thousands of parcels a day leave the depots through a sorting system that runs on "
    "Kubernetes and that nobody outside the north of England has ever heard of."
)
JOBS = {
    "Backend Engineer": "- Build routing services in Python and Go.\n- Design REST APIs.",
    "Data Analyst": "- Write SQL against the warehouse and build dashboards in Tableau.",
    "Product Designer": "- Design the dispatcher app in Figma and run user research.",
    "Platform Engineer": (
        "- Operate the Kubernetes clusters our dispatchers rely on around the clock.\n"
        "- Automate the fleet with Terraform."
    ),
    "Machine Learning Engineer": "- Train demand forecasting models with PyTorch.",
}
ACME = [  # 6 postings of 4 titles
    ("1", "Backend Engineer", "Austin, TX"),
    ("2", "Backend Engineer", "New York, NY"),
    ("3", "Data Analyst", "Austin, TX"),
    ("4", "Data Analyst", "London, UK"),
    ("5", "Product Designer", "Austin, TX"),
    ("6", "Platform Engineer", "Austin, TX"),
]
BETA = [("b1", "Backend Engineer"), ("b2", "Data Analyst"), ("b3", "Product Designer")]


def text(about: str, title: str) -> str:
    return f"{about}\n\nWhat you'll do\n{JOBS[title]}\n\nBenefits\nHealth insurance and 401(k)."


# On these of Acme's postings the paragraph sits under "About Acme Freight", which the
# sections know: no skill there, but the sentence counts as on the posting.
UNDER_ABOUT = ("4", "5")


def acme_item(kit: SimpleNamespace, source_id: str, title: str, where: str) -> dict:
    about = ACME_ABOUT.format(n=f"{3000 + int(source_id):,}")  # the numbers differ
    if source_id in UNDER_ABOUT:
        about = f"About Acme Freight\n{about}"
    return kit.item(
        "greenhouse",
        source_id,
        board="acme",
        company="Acme Freight",
        title=title,
        location_raw=where,
        description_text=text(about, title),
    )


def beta_items(
    kit: SimpleNamespace, rows: list[tuple[str, str]] = BETA, board: str = "beta"
) -> list[dict]:
    return [
        kit.item(
            "lever",
            source_id,
            board=board,
            company="Beta Parcels",
            title=title,
            description_text=text(BETA_ABOUT, title),
        )
        for source_id, title in rows
    ]


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    """The real extractor, in this process (no worker processes)."""
    from transforms.extract import Extractor
    from transforms.taxonomy import load_taxonomy

    extractor = Extractor()
    taxonomy = [dataclasses.asdict(skill) for skill in load_taxonomy()]
    return Extraction(per_record(extractor.extract_many), "boilerplate-test-1", taxonomy)


def refresh(settings: Settings, extraction: Extraction, kit: SimpleNamespace) -> RefreshSummary:
    return run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        extraction.extract,
        extraction.extractor_version,
        extraction.taxonomy,
        source_priority=kit.source_priority,
    )


def counted_skills(settings: Settings) -> dict[str, set[str]]:
    """Each posting's skills as the views count them (canonical_skills: every posting
    here is its own job)."""
    with settings.open_warehouse().reader() as con:
        rows = con.sql("select canonical_posting_id, skill_id from canonical_skills").fetchall()
    found: dict[str, set[str]] = {}
    for posting_id, skill_id in rows:
        found.setdefault(posting_id, set()).add(skill_id)
    return found


def land_first_day(settings: Settings, kit: SimpleNamespace) -> list[dict]:
    acme = [acme_item(kit, *row) for row in ACME]
    landing = kit.landing(settings.landing_dir)
    landing.write("greenhouse", "2026-10-01", acme, ["acme"])
    landing.write("lever", "2026-10-01", beta_items(kit), ["beta"])
    return acme


def test_a_paragraph_on_an_employers_postings_of_several_titles_makes_no_skill(
    settings: Settings, kit: SimpleNamespace, extraction: Extraction
) -> None:
    land_first_day(settings, kit)
    summary = refresh(settings, extraction, kit)
    assert summary.boilerplate_employers == 2
    skills = counted_skills(settings)
    acme = [f"greenhouse:{source_id}" for source_id, _, _ in ACME]
    # The paragraph's Kubernetes is gone from Acme's postings; their own skills stay. It
    # is on 4 postings as the job's words and on 2 under the sections' "About": 6 of 6.
    assert all("kubernetes" not in skills[p] for p in acme[:5])
    assert {"python", "golang"} <= skills["greenhouse:1"]
    assert {"sql", "business_intelligence"} <= skills["greenhouse:3"]
    assert "figma_tool" in skills["greenhouse:5"]
    # The platform engineer operates Kubernetes in the job's own words: it stays.
    assert {"kubernetes", "terraform"} <= skills["greenhouse:6"]
    # Beta has 3 postings: too few to tell its paragraph from a job's, it keeps the skill.
    assert len(BETA) < MIN_POSTINGS
    assert all("kubernetes" in skills[f"lever:{source_id}"] for source_id, _ in BETA)

    with settings.open_warehouse().reader() as con:
        kept = con.sql(
            "select company_key, postings, titles, share from employer_boilerplate"
        ).fetchall()
        flagged = con.sql(
            "select posting_id, evidence from posting_skills "
            "where skill_id = 'kubernetes' and boilerplate order by posting_id"
        ).fetchall()
    assert kept == [("acme freight", 6, 4, 1.0)]
    # The raw evidence is kept, flagged.
    assert flagged == [(f"greenhouse:{i}", "Kubernetes") for i in "123"]


def snapshot(settings: Settings, kit: SimpleNamespace) -> dict[str, list[tuple]]:
    # step_fingerprints holds the pay premium's fingerprint of view rows; all else is data.
    return kit.snapshot(settings.open_warehouse())


def test_a_new_posting_recomputes_its_employer_only_and_a_rerun_changes_nothing(
    settings: Settings, kit: SimpleNamespace, extraction: Extraction
) -> None:
    acme = land_first_day(settings, kit)
    refresh(settings, extraction, kit)
    newcomer = acme_item(kit, "7", "Machine Learning Engineer", "Austin, TX")
    kit.landing(settings.landing_dir).write("greenhouse", "2026-10-02", [*acme, newcomer], ["acme"])
    second = refresh(settings, extraction, kit)
    assert second.extracted == 1
    assert second.boilerplate_employers == 1  # Acme; Beta's postings did not move
    skills = counted_skills(settings)
    assert "kubernetes" not in skills["greenhouse:7"]
    assert {"pytorch", "machine_learning"} <= skills["greenhouse:7"]
    with settings.open_warehouse().reader() as con:
        assert con.sql("select postings, titles from employer_boilerplate").fetchall() == [(7, 5)]

    # Incremental equals computing every employer again.
    before = snapshot(settings, kit)

    def full(con: duckdb.DuckDBPyConnection) -> int:
        return update_employer_boilerplate(con, full=True).employers

    assert settings.open_warehouse().write(full) == 2
    assert snapshot(settings, kit) == before

    # Nothing new: nothing computed, the same warehouse.
    third = refresh(settings, extraction, kit)
    assert third.boilerplate_employers == 0
    assert snapshot(settings, kit) == before


def test_postings_that_make_a_paragraph_boilerplate_take_it_from_the_older_ones_views(
    settings: Settings, kit: SimpleNamespace, extraction: Extraction
) -> None:
    land_first_day(settings, kit)
    refresh(settings, extraction, kit)
    beta = [f"lever:{source_id}" for source_id, _ in BETA]
    assert all("kubernetes" in counted_skills(settings)[p] for p in beta)
    # Two more postings: Beta's paragraph is now on 5 of 5 postings of 4 titles. The older
    # postings did not change, but their skills as the views count them did: the
    # incremental views must rebuild their jobs.
    more = [("b4", "Machine Learning Engineer"), ("b5", "Backend Engineer")]
    items = beta_items(kit, [*BETA, *more])
    kit.landing(settings.landing_dir).write("lever", "2026-10-02", items, ["beta"])
    assert refresh(settings, extraction, kit).boilerplate_employers == 1
    skills = counted_skills(settings)
    assert all("kubernetes" not in skills[p] for p in [*beta, "lever:b4", "lever:b5"])
    assert {"python", "golang"} <= skills["lever:b1"] and "pytorch" in skills["lever:b4"]


def test_postings_without_the_paragraph_give_the_skill_back_when_it_falls_below_the_share(
    settings: Settings, kit: SimpleNamespace, extraction: Extraction
) -> None:
    acme = land_first_day(settings, kit)
    refresh(settings, extraction, kit)
    assert "kubernetes" not in counted_skills(settings)["greenhouse:1"]
    # Ten more Acme postings that do not carry the paragraph: 6 of 16 is under the share,
    # so it is no longer the employer's boilerplate and the flags it set are cleared.
    plain = [
        kit.item(
            "greenhouse",
            f"p{i}",
            board="acme",
            company="Acme Freight",
            title=title,
            description_text=f"What you'll do\n{JOBS[title]}",
        )
        for i, title in enumerate(list(JOBS) * 2)
    ]
    kit.landing(settings.landing_dir).write("greenhouse", "2026-10-02", [*acme, *plain], ["acme"])
    refresh(settings, extraction, kit)
    assert 6 / (6 + len(plain)) < 0.4
    with settings.open_warehouse().reader() as con:
        assert con.sql("select count(*) from employer_boilerplate").fetchall() == [(0,)]
        assert con.sql("select count(*) from posting_skills where boilerplate").fetchall() == [(0,)]
    assert {"kubernetes", "python"} <= counted_skills(settings)["greenhouse:1"]
    before = snapshot(settings, kit)

    def full(con: duckdb.DuckDBPyConnection) -> int:
        return update_employer_boilerplate(con, full=True).employers

    settings.open_warehouse().write(full)
    assert snapshot(settings, kit) == before


def test_older_postings_that_nothing_else_touched_lose_the_skill_in_the_views_too(
    settings: Settings, kit: SimpleNamespace, extraction: Extraction
) -> None:
    # Beta's two new postings come from another of its boards, so its older postings are
    # not crawled again: the flags are the only change of theirs, and the views, which
    # compare only the postings the change record names, must still rebuild their jobs.
    land_first_day(settings, kit)
    refresh(settings, extraction, kit)
    more = beta_items(
        kit, [("b4", "Machine Learning Engineer"), ("b5", "Backend Engineer")], board="beta-uk"
    )
    kit.landing(settings.landing_dir).write("lever", "2026-10-02", more, ["beta-uk"])
    assert refresh(settings, extraction, kit).boilerplate_employers == 1
    skills = counted_skills(settings)
    assert all("kubernetes" not in skills[f"lever:{source_id}"] for source_id, _ in BETA)
    with settings.open_warehouse().reader() as con:
        assert con.sql("select count(*) from posting_changes").fetchall() == [(0,)]
