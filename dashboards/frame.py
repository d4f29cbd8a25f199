"""The sampling frame, stated on the report and the claims page: boards by ATS family and
status, how many discovery found and when, postings per family, and the warning that a board
list is not a random sample of employers (the `board_frame` view, warehouse/views/)."""

from __future__ import annotations

import duckdb
import polars as pl

from dashboards.page import esc, table_html

FRAME_VIEW = "board_frame"
WARNING = (
    "A board list is not a random sample of employers: it holds the employers someone listed "
    "and the boards other postings linked to. Shares and medians describe these boards, not "
    "the whole job market."
)
STATUS_ORDER = ("registry", "valid", "candidate", "invalid", "gone")


def load_frame(con: duckdb.DuckDBPyConnection) -> pl.DataFrame | None:
    """The board_frame view, or None for a warehouse that has no board table yet."""
    try:
        return con.sql(f"select * from {FRAME_VIEW}").pl()  # noqa: S608 - a constant name
    except duckdb.CatalogException:
        return None


def frame_table(frame: pl.DataFrame) -> tuple[list[str], list[list[object]]]:
    """One row per family: boards per status, discovered boards and when, postings."""
    headers = ["ATS family", *STATUS_ORDER, "discovered", "first discovered", "postings"]
    rows: list[list[object]] = []
    for ats in sorted(frame["ats"].unique().to_list()):
        part = frame.filter(pl.col("ats") == ats)
        by_status = dict(zip(part["status"].to_list(), part["boards"].to_list(), strict=True))
        firsts = [d for d in part["first_discovered"].to_list() if d is not None]
        rows.append(
            [
                ats,
                *(int(by_status.get(s, 0)) for s in STATUS_ORDER),
                int(part["discovered"].sum()),
                min(firsts).isoformat() if firsts else "-",
                int(part["postings"].sum()),
            ]
        )
    return headers, rows


def frame_section_html(frame: pl.DataFrame | None) -> str:
    """The "Sampling frame" section (the warning alone when there is no frame yet)."""
    if frame is None or frame.is_empty():
        return f'<section id="frame"><h2>Sampling frame</h2><p class="note">{esc(WARNING)}</p></section>'
    headers, rows = frame_table(frame)
    total = sum(r[-1] for r in rows)
    discovered = sum(r[-3] for r in rows)
    table = table_html(headers, rows, numeric=[False, *([True] * 6), False, True])
    return (
        '<section id="frame"><h2>Sampling frame</h2>'
        f"<p>{total:,} ATS postings from {sum(sum(r[1:6]) for r in rows):,} known boards, "
        f"{discovered:,} of them found by board discovery in other postings.</p>"
        f'{table}<p class="note">{esc(WARNING)}</p></section>'
    )
