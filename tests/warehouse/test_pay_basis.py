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
