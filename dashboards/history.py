"""The "History" figure and the "booming" claim, from the `archive_monthly` view.

A separate piece for the report room to wire in (dashboards/report.py and the claims page
are engineer h-reports' this round): `history_figure(archive_monthly)` draws the monthly
share of core (prompt) and adjacent (LLM) work with their 95% Wilson intervals, the
denominators in the hover and thin months (fewer than THIN_MONTH postings) marked;
`booming_claim(archive_monthly)` compares the 2024 and 2023 core shares.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboards.figures import ROLE_COLORS, NamedFigure, base_layout, empty_figure

THIN_MONTH = 200
# Stanford AI Index 2025 (from Lightcast): US prompt-engineering postings about 1,400 in 2023
# and about 6,300 in 2024. A comparison for the reader, not a target.
AI_INDEX_RATIO = 4.5
TITLE = "History: share of archived postings that are prompt or LLM work, by month"


def history_figure(archive_monthly: pl.DataFrame) -> NamedFigure:
    if archive_monthly.is_empty():
        return NamedFigure(
            "history",
            TITLE,
            empty_figure(TITLE, "no archive history yet: run `promptjobs backfill`"),
        )
    rows = archive_monthly.sort("month")
    months = rows["month"].to_list()
    thin = [n < THIN_MONTH for n in rows["postings"].to_list()]
    fig = go.Figure()
    for role, label in (("core", "core (prompt work)"), ("adjacent", "adjacent (LLM work)")):
        share, lo, hi = (rows[f"{role}_share{s}"].to_list() for s in ("", "_lo", "_hi"))
        counts = rows[role].to_list()
        color = ROLE_COLORS[role]
        fig.add_trace(
            go.Scatter(
                x=months + months[::-1],
                y=hi + lo[::-1],
                fill="toself",
                fillcolor=color,
                opacity=0.15,
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
                name=f"{label} 95% interval",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=months,
                y=share,
                mode="lines+markers",
                name=label,
                line={"color": color},
                marker={
                    "color": ["white" if t else color for t in thin],
                    "line": {"color": color, "width": 2},
                    "size": 8,
                },
                customdata=list(
                    zip(
                        counts,
                        rows["postings"].to_list(),
                        lo,
                        hi,
                        rows["captures"].to_list(),
                        strict=True,
                    )
                ),
                hovertemplate="%{x|%b %Y}: %{y:.1%} (%{customdata[0]} of %{customdata[1]} "
                "postings, %{customdata[4]} captures)<br>95% interval %{customdata[2]:.1%} - "
                "%{customdata[3]:.1%}<extra>" + label + "</extra>",
            )
        )
    fig.update_yaxes(
        title="share of the month's archived postings", tickformat=".0%", rangemode="tozero"
    )
    fig.update_xaxes(title="month of capture")
    note = (
        "Shares of each month's archived postings (Common Crawl and Wayback captures of ATS job "
        f"pages), with 95% Wilson intervals; hollow markers: months with fewer than {THIN_MONTH} "
        "postings (thin). Archive coverage changes month to month, so counts are not compared."
    )
    return NamedFigure("history", TITLE, base_layout(fig, TITLE), note)


def booming_claim(archive_monthly: pl.DataFrame) -> dict[str, object]:
    """Is the share of prompt work rising? The pooled 2024 core share against 2023's, with
    the postings behind each, and the AI Index's ratio beside it (a comparison, not a
    target). `verdict` is `rising`, `not rising`, or `not enough data` (a year under
    THIN_MONTH postings)."""
    years = (
        archive_monthly.with_columns(pl.col("month").dt.year().alias("year"))
        .group_by("year")
        .agg(pl.col("core").sum(), pl.col("postings").sum())
    )
    by_year = {r["year"]: r for r in years.iter_rows(named=True)}
    out: dict[str, object] = {"ai_index_ratio": AI_INDEX_RATIO}
    for year in (2023, 2024):
        row = by_year.get(year, {"core": 0, "postings": 0})
        out[f"postings_{year}"] = int(row["postings"])
        out[f"core_{year}"] = int(row["core"])
        out[f"core_share_{year}"] = row["core"] / row["postings"] if row["postings"] else None
    s23, s24 = out["core_share_2023"], out["core_share_2024"]
    if min(out["postings_2023"], out["postings_2024"]) < THIN_MONTH or not s23:  # type: ignore[operator]
        out["ratio"] = None
        out["verdict"] = "not enough data"
        return out
    out["ratio"] = s24 / s23  # type: ignore[operator]
    out["verdict"] = "rising" if out["ratio"] > 1 else "not rising"  # type: ignore[operator]
    return out
