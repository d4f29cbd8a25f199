"""salary_pay_basis: on-target earnings kept apart from base pay, from the range's own words."""

from __future__ import annotations

from types import SimpleNamespace

from promptjobs.settings import Settings
from warehouse.extraction_handoff import load_extractions, pending_extraction
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import compute_lifecycle
from warehouse.views import create_views


def test_ote_ranges_are_flagged_and_base_ranges_are_not(
    settings: Settings, landing, kit: SimpleNamespace
):
    ote = {
        "min": 240000,
        "max": 300000,
        "currency": "USD",
        "period": "year",
        "raw": "OTE $240K - $300K",
    }
    base = {
        "min": 150000,
        "max": 185000,
        "currency": "USD",
        "period": "year",
        "raw": "$150K - $185K",
    }
    remote = {**base, "raw": "Remote (US) $150K - $185K"}  # "remote" contains no OTE word
    landing.write(
        "ashby",
        "2026-11-20",
        [
            kit.item(
                "ashby", "sales", compensation=ote, compensation_ranges=[{**ote, "label": "US"}]
            ),
            kit.item(
                "ashby", "eng", compensation=base, compensation_ranges=[{**base, "label": "NY"}]
            ),
            kit.item("ashby", "rem", compensation=remote, compensation_ranges=[]),
        ],
    )
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)  # the load gives new postings their lifecycle
        for batch in pending_extraction(con, "v1"):
            load_extractions(con, kit.extract(batch), "v1")
        create_views(con)
        rows = con.sql(
            "select posting_id, pay_basis from salary_pay_basis where is_primary order by 1"
        ).fetchall()
    assert rows == [("ashby:eng", "base"), ("ashby:rem", "base"), ("ashby:sales", "ote")]


def real_refresh(settings: Settings) -> None:
    """A real load: the real extractor (transforms/) through the one refresh path."""
    from scrapers.sources import dedupe_priorities
    from warehouse.refresh import run_refresh, transforms_extraction

    run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        *transforms_extraction(workers=1),
        source_priority=dedupe_priorities(),
    )


def test_the_basis_the_source_states_is_stored_and_wins_over_the_words(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    usd = {"currency": "USD", "period": "year"}
    # Ashby's OTE tiers: the envelope and each tier say `ote`, their text does not.
    envelope = {"min": 200000, "max": 320000, **usd, "raw": "$200K – $320K", "pay_basis": "ote"}
    tiers = [
        {"min": 240000, "max": 320000, **usd, "raw": "$240K – $320K", "label": "NY/SF"},
        {"min": 200000, "max": 270000, **usd, "raw": "$200K – $270K", "label": "Remote (US)"},
    ]
    tiers = [{**t, "pay_basis": "ote"} for t in tiers]
    # Stated base, though the text names the OTE beside it.
    base = {"min": 150000, "max": 185000, **usd, "raw": "$150K – $185K base (OTE $250K)"}
    landing.write(
        "ashby",
        "2026-11-20",
        [
            kit.item("ashby", "sales", compensation=envelope, compensation_ranges=tiers),
            kit.item("ashby", "se", compensation={**base, "pay_basis": "base"}),
            # No basis stated: the words decide; an unknown basis counts as none.
            kit.item("ashby", "ae", compensation={**base, "raw": "OTE $240K – $300K"}),
            kit.item("ashby", "eng", compensation={**base, "raw": "$150K – $185K"}),
            kit.item("ashby", "odd", compensation={**base, "raw": "$1 – $2", "pay_basis": "tip"}),
        ],
    )
    real_refresh(settings)
    with settings.open_warehouse().reader() as con:
        stored = con.sql(
            "select posting_id, ordinal, label, pay_basis from posting_salaries order by 1, 2"
        ).fetchall()
        view = con.sql(
            "select posting_id, ordinal, pay_basis, pay_basis_stated from salary_pay_basis "
            "order by 1, 2"
        ).fetchall()
        landed = con.sql(
            "select compensation.pay_basis, [r.pay_basis for r in compensation_ranges] "
            "from raw_postings where posting_id = 'ashby:sales'"
        ).fetchall()
    assert landed == [("ote", ["ote", "ote"])]
    assert stored == [
        ("ashby:ae", 0, None, None),
        ("ashby:eng", 0, None, None),
        ("ashby:odd", 0, None, None),
        ("ashby:sales", 0, None, "ote"),
        ("ashby:sales", 1, "NY/SF", "ote"),
        ("ashby:sales", 2, "Remote (US)", "ote"),
        ("ashby:se", 0, None, "base"),
    ]
    assert view == [
        ("ashby:ae", 0, "ote", False),
        ("ashby:eng", 0, "base", False),
        ("ashby:odd", 0, "base", False),
        ("ashby:sales", 0, "ote", True),
        ("ashby:sales", 1, "ote", True),
        ("ashby:sales", 2, "ote", True),
        ("ashby:se", 0, "base", True),
    ]


def test_a_range_without_a_basis_hashes_as_before_migration_006(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    comp = {"min": 150000, "max": 185000, "currency": "USD", "period": "year"}
    comp["raw"] = "$150K - $185K"
    item = kit.item(
        "ashby", "eng", compensation=comp, compensation_ranges=[{**comp, "label": "NY"}]
    )
    stated = kit.item(
        "ashby",
        "eng",
        compensation={**comp, "pay_basis": "base"},
        compensation_ranges=[{**comp, "label": "NY", "pay_basis": "base"}],
    )
    landing.write("ashby", "2026-11-20", [item])
    landing.write("ashby", "2026-11-21", [item])
    landing.write("ashby", "2026-11-22", [stated])
    real_refresh(settings)
    with settings.open_warehouse().reader() as con:
        versions = con.sql(
            "select crawl_date::varchar, content_hash from raw_postings order by 1"
        ).fetchall()
    # The hash this posting had before the basis was stored (the code of commit b0f37c0),
    # so a re-crawl of an unchanged posting adds no version; stating a basis is a new one.
    assert versions[0] == ("2026-11-20", "8f501cdb80e7259385e1beb56b00f2a6")
    assert [d for d, _h in versions] == ["2026-11-20", "2026-11-22"]
    assert versions[1][1] != versions[0][1]
