"""The "History" figure and the "booming" claim, from the `archive_monthly` view.

`history_figure(archive_monthly)` (report page) draws the monthly share of core (prompt) and
adjacent (LLM) work with their 95% Wilson intervals, the denominators in the hover and thin
months (fewer than THIN_MONTH postings) hollow. The claims page's "booming" claim
(`booming_verdict`, `booming_figure`) pools each calendar year's archived postings and
compares the 2024 core share with 2023's; the AI Index's 4.5x is stated beside the ratio as
a comparison, never as a target.
"""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import polars as pl

from dashboards.claims import Verdict, VerdictLabel
from dashboards.figures import ROLE_COLORS, NamedFigure, base_layout, empty_figure
from dashboards.intervals import wilson

HISTORY_VIEWS = ("archive_monthly",)
THIN_MONTH = 200
# The booming claim's minimum: each of the two years needs this many archived postings (the
# same number that marks a month thin), so the yearly shares rest on real samples.
MIN_YEAR_POSTINGS = THIN_MONTH
YEARS = (2023, 2024)
# Stanford AI Index 2025 (from Lightcast): US prompt-engineering postings about 1,400 in 2023
# and about 6,300 in 2024. A comparison for the reader, not a target.
AI_INDEX_RATIO = 4.5
TITLE = "History: share of archived postings that are prompt or LLM work, by month"
ROLES = (("core", "core (prompt work)"), ("adjacent", "adjacent (LLM work)"))
COLUMNS = ["k", "n", "ci_low", "ci_high", "captures", "thin"]
BOOMING = "booming"
NO_HISTORY = "no archive history yet: run `promptjobs backfill`"


def _band_rgba(hex_color: str, alpha: float = 0.18) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def history_figure(archive_monthly: pl.DataFrame) -> NamedFigure:
    if archive_monthly.is_empty():
        return NamedFigure(
            "history",
            TITLE,
            empty_figure(TITLE, NO_HISTORY),
            takeaway="0 months of archive history: the backfill has not been run.",
            method=_HISTORY_METHOD,
        )
    rows = archive_monthly.sort("month")
    months = month_grid(rows["month"].to_list())
    by_month = {r["month"]: r for r in rows.iter_rows(named=True)}
    # A month without captures is a gap in the line and the band, never interpolated.
    got = [by_month.get(m) for m in months]

    def column(name: str) -> list:
        return [None if r is None else r[name] for r in got]

    postings, captures = column("postings"), column("captures")
    thin = [None if n is None else n < THIN_MONTH for n in postings]
    fig = go.Figure()
    for role, label in ROLES:
        share, lo, hi = (column(f"{role}_share{s}") for s in ("", "_lo", "_hi"))
        counts = column(role)
        color = ROLE_COLORS[role]
        # The band, one piece per run of months with captures: the upper bounds, then the
        # lower bounds filled up to them (a fill across a gap would invent the months).
        for run in runs([p is not None for p in postings]):
            for bound, values in (("upper", hi), ("lower", lo)):
                fig.add_trace(
                    go.Scatter(
                        x=[months[i] for i in run],
                        y=[values[i] for i in run],
                        mode="lines",
                        line={"width": 0},
                        fill="tonexty" if bound == "lower" else None,
                        fillcolor=_band_rgba(color),
                        hoverinfo="skip",
                        showlegend=False,
                        name=f"{label} 95% {bound}",
                        legendgroup=role,
                    )
                )
        fig.add_trace(
            go.Scatter(
                x=months,
                y=share,
                mode="lines+markers",
                name=label,
                legendgroup=role,
                line={"color": color},
                connectgaps=False,
                marker={
                    "color": ["white" if t else color for t in thin],
                    "line": {"color": color, "width": 2},
                    "size": 8,
                },
                customdata=[
                    list(v) for v in zip(counts, postings, lo, hi, captures, thin, strict=True)
                ],
                meta={"columns": COLUMNS},
                hovertemplate="%{x|%b %Y}: %{y:.1%} (%{customdata[0]:,} of %{customdata[1]:,} "
                "postings, %{customdata[4]:,} captures)<br>95% interval %{customdata[2]:.1%} to "
                "%{customdata[3]:.1%}<extra>" + label + "</extra>",
            )
        )
    total = int(rows["postings"].sum())
    full = f"{TITLE} (n={total:,} postings summed over {rows.height} months)"
    base_layout(fig, full)
    fig.update_yaxes(
        title="share of the month's archived postings", tickformat=".0%", rangemode="tozero"
    )
    fig.update_xaxes(title="month of capture")
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0.0}, margin={"b": 110}
    )
    last = rows.row(-1, named=True)
    solid = sum(t is False for t in thin)
    takeaway = (
        f"{rows.height} months of archive history, {solid} with at least {THIN_MONTH} postings; "
        f"in {last['month']:%b %Y} {last['core_share']:.1%} of {int(last['postings']):,} "
        f"archived postings were core prompt work and {last['adjacent_share']:.1%} adjacent."
    )
    note = (
        "Bands: Wilson 95% intervals. Hollow markers: months with fewer than "
        f"{THIN_MONTH} archived postings (thin); gaps: months without captures. Click a role "
        "in the legend to hide it."
    )
    return NamedFigure("history", full, fig, note, takeaway=takeaway, method=_HISTORY_METHOD)


_HISTORY_METHOD = (
    "Counted: per month of capture, the distinct jobs (canonical: a job captured by both "
    "archives, in several crawls of the month, or also seen live counts once) in Common Crawl "
    "and Wayback Machine captures of ATS job pages landed by `promptjobs backfill`; the share "
    "whose role class is core (prompt work) or adjacent (LLM work), with its Wilson score "
    "interval (95%). Archive coverage changes from month to month (which crawls ran, which "
    "boards they reached), so shares are compared, never counts; months with fewer than "
    f"{THIN_MONTH} postings are marked thin."
)


def runs(present: list[bool]) -> list[list[int]]:
    """The index runs of consecutive True values: [[0, 1, 2], [9, 10]]."""
    out: list[list[int]] = []
    for i, here in enumerate(present):
        if not here:
            continue
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def month_grid(months: list[date]) -> list[date]:
    """Every first of the month from the first to the last of `months`."""
    if not months:
        return []
    out, (year, month) = [], (months[0].year, months[0].month)
    while (year, month) <= (months[-1].year, months[-1].month):
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def yearly_shares(archive_monthly: pl.DataFrame) -> dict[int, dict[str, float | int]]:
    """Per calendar year: postings, core, adjacent (monthly counts summed: a job captured in
    two months counts in both, as each month's share counts it) and the core share."""
    if archive_monthly.is_empty():
        return {}
    years = (
        archive_monthly.with_columns(pl.col("month").dt.year().alias("year"))
        .group_by("year")
        .agg(pl.col("postings").sum(), pl.col("core").sum(), pl.col("adjacent").sum())
        .sort("year")
    )
    return {
        int(r["year"]): {
            "postings": int(r["postings"]),
            "core": int(r["core"]),
            "adjacent": int(r["adjacent"]),
        }
        for r in years.iter_rows(named=True)
    }


def booming_claim(archive_monthly: pl.DataFrame) -> dict[str, object]:
    """Is the share of prompt work rising? The pooled 2024 core share against 2023's, with
    the postings behind each, their Wilson intervals, and the AI Index's ratio beside them (a
    comparison, not a target). `verdict` is `rising`, `not rising`, or `not enough data`
    (`reason` says why: no archive history, a year under MIN_YEAR_POSTINGS postings, or no
    core posting in 2023 to divide by)."""
    by_year = yearly_shares(archive_monthly)
    out: dict[str, object] = {"ai_index_ratio": AI_INDEX_RATIO, "ratio": None, "reason": ""}
    for year in YEARS:
        row = by_year.get(year, {"core": 0, "postings": 0})
        n, k = int(row["postings"]), int(row["core"])
        out[f"postings_{year}"] = n
        out[f"core_{year}"] = k
        out[f"core_share_{year}"] = k / n if n else None
        out[f"core_ci_{year}"] = wilson(k, n) if n else None
    thin = [y for y in YEARS if out[f"postings_{y}"] < MIN_YEAR_POSTINGS]  # type: ignore[operator]
    if not by_year:
        out["verdict"] = "not enough data"
        out["reason"] = "no archive history in the warehouse (run `promptjobs backfill`)"
    elif thin:
        out["verdict"] = "not enough data"
        out["reason"] = "; ".join(
            f"{y} has {out[f'postings_{y}']:,} archived postings, under {MIN_YEAR_POSTINGS}"
            for y in thin
        )
    elif not out["core_2023"]:
        out["verdict"] = "not enough data"
        out["reason"] = "no core posting among the 2023 captures: no ratio to state"
    else:
        out["ratio"] = out["core_share_2024"] / out["core_share_2023"]  # type: ignore[operator]
        out["verdict"] = "rising" if out["ratio"] > 1 else "not rising"  # type: ignore[operator]
    return out


def booming_rule() -> str:
    """How the booming verdict is computed, in words from the same constants."""
    return (
        "Sample: the archived postings (web-archive captures of ATS job pages, `promptjobs "
        "backfill`) of 2023 and of 2024, each year's months pooled. The core (prompt work) "
        "share of 2024 is compared with 2023's: supported when 2024's is higher and the two "
        "95% Wilson intervals do not overlap; partly when it is higher but they overlap; "
        f"otherwise not supported. Each year needs at least {MIN_YEAR_POSTINGS} archived "
        'postings, else the verdict is "not enough data", with the reason. The 2024/2023 '
        f"ratio is stated beside the AI Index's {AI_INDEX_RATIO:g}x (US prompt-engineering "
        "postings, Lightcast counts) as a comparison, not a target: ours is a ratio of shares "
        "of archived postings, theirs of counts."
    )


def booming_verdict(archive_monthly: pl.DataFrame) -> Verdict:
    claim = booming_claim(archive_monthly)
    n = int(claim["postings_2023"]) + int(claim["postings_2024"])  # type: ignore[call-overload]
    population = "archived postings of 2023 and 2024 (web-archive captures)"
    if claim["verdict"] == "not enough data":
        return Verdict(
            BOOMING,
            "core",
            "not enough data",
            f"Not enough data: {claim['reason']}.",
            n,
            population,
        )
    s23, s24 = claim["core_share_2023"], claim["core_share_2024"]
    (lo23, hi23), (lo24, hi24) = claim["core_ci_2023"], claim["core_ci_2024"]  # type: ignore[misc]
    label: VerdictLabel
    if s24 > s23 and lo24 > hi23:  # type: ignore[operator]
        label = "supported"
    elif s24 > s23:  # type: ignore[operator]
        label = "partly"
    else:
        label = "not supported"
    line = (
        f"Core share {s24:.1%} of {claim['postings_2024']:,} archived postings in 2024 "
        f"(95% {lo24:.1%} to {hi24:.1%}) against {s23:.1%} of {claim['postings_2023']:,} in "
        f"2023 ({lo23:.1%} to {hi23:.1%}): a 2024/2023 ratio of {claim['ratio']:.2f}x. For "
        f"comparison, not as a target: the AI Index counts {AI_INDEX_RATIO:g}x as many US "
        "prompt-engineering postings in 2024 as in 2023."
    )
    return Verdict(BOOMING, "core", label, line, n, population)


def booming_figure(archive_monthly: pl.DataFrame) -> NamedFigure:
    """The yearly pooled shares behind the verdict, with their Wilson intervals."""
    name = "claims_booming"
    title = "Share of archived postings that are prompt or LLM work, by year"
    by_year = yearly_shares(archive_monthly)
    if not by_year:
        return NamedFigure(
            name,
            title,
            empty_figure(title, NO_HISTORY),
            takeaway="0 archived postings: no yearly share to compare.",
            method=booming_rule(),
        )
    years = list(by_year)
    fig = go.Figure()
    for role, label in ROLES:
        ks = [int(by_year[y][role]) for y in years]
        ns = [int(by_year[y]["postings"]) for y in years]
        shares = [k / n for k, n in zip(ks, ns, strict=True)]
        bounds = [wilson(k, n) for k, n in zip(ks, ns, strict=True)]
        fig.add_trace(
            go.Scatter(
                x=[str(y) for y in years],
                y=shares,
                mode="lines+markers",
                name=label,
                line={"color": ROLE_COLORS[role]},
                marker={"size": 9},
                error_y={
                    "type": "data",
                    "array": [hi - s for s, (_, hi) in zip(shares, bounds, strict=True)],
                    "arrayminus": [s - lo for s, (lo, _) in zip(shares, bounds, strict=True)],
                },
                customdata=[[k, n, lo, hi] for k, n, (lo, hi) in zip(ks, ns, bounds, strict=True)],
                meta={"columns": ["k", "n", "ci_low", "ci_high"]},
                hovertemplate="%{x}: %{y:.1%} (%{customdata[0]:,} of %{customdata[1]:,} "
                "postings)<br>95% interval %{customdata[2]:.1%} to %{customdata[3]:.1%}"
                "<extra>" + label + "</extra>",
            )
        )
    total = sum(int(v["postings"]) for v in by_year.values())
    full = f"{title} (n={total:,} postings summed over months, 95% Wilson intervals)"
    base_layout(fig, full, height=420)
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.2, "x": 0.0}, margin={"b": 110}
    )
    fig.update_xaxes(title="year of capture", type="category")
    fig.update_yaxes(
        title="share of the year's archived postings", tickformat=".0%", rangemode="tozero"
    )
    claim = booming_claim(archive_monthly)
    if claim["ratio"] is not None:
        takeaway = (
            f"{claim['core_share_2024']:.1%} of 2024's archived postings were core prompt work "
            f"against {claim['core_share_2023']:.1%} of 2023's: {claim['ratio']:.2f}x "
            f"(the AI Index: {AI_INDEX_RATIO:g}x US postings, a comparison)."
        )
    else:
        takeaway = (
            f"{len(years)} year(s) of archive history, {total:,} postings summed over months; "
            f"{claim['reason']}."
        )
    return NamedFigure(
        name,
        full,
        fig,
        "Error bars: Wilson 95% intervals. Click a role in the legend to hide it.",
        takeaway=takeaway,
        method=booming_rule(),
    )
