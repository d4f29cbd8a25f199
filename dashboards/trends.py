"""Figures over time, sample-aware: demand as the crawls observed it, and shares with their
95% intervals over a period long enough for the data.

Rules every figure here follows (docs/report.md, "Figures over time"):
- Demand over time is what the crawls saw: jobs first seen, closed and open per crawled
  week. Weeks before the first crawl are reconstructed from posted dates; only the jobs
  still open at the first crawl are in them (survivors), so they are drawn apart, in grey,
  and labelled so, never as demand.
- A share over time carries its Wilson 95% interval as a band. Its period is chosen from the
  data (`intervals.choose_period`): weekly only where a typical week holds 30 postings, else
  a 4-week rolling window; the panel title says which. A point resting on fewer than
  `MIN_POINT_N` postings is drawn hollow, off the line and the band.
- Several series are small multiples (one panel each, shared axes), never one tangle.
No I/O; frames in, `NamedFigure` out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dashboards.figures import (
    ROLE_COLORS,
    ROLE_LABELS,
    NamedFigure,
    base_layout,
    empty_figure,
    role_buttons,
    safe,
)
from dashboards.intervals import MIN_POINT_N, Period, choose_period, rolling_sums, week_grid, wilson

SURVIVOR_COLOR = "#bbbbbb"
THIN_COLOR = "#999999"


def _band_rgba(hex_color: str, alpha: float = 0.18) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _as_dates(values: Sequence[object]) -> list[date]:
    return [v.date() if hasattr(v, "date") and callable(v.date) else v for v in values]  # type: ignore[misc]


@dataclass(frozen=True)
class SharePoint:
    """One drawn point of a share series: the period ending `end`, k of n, its interval."""

    end: date
    k: int
    n: int
    share: float | None
    low: float | None
    high: float | None

    @property
    def thin(self) -> bool:
        return self.n < MIN_POINT_N


def share_series(
    weeks: Sequence[date], k: Sequence[int], n: Sequence[int], period: Period
) -> list[SharePoint]:
    """Per-week counts -> points over `period` (weekly, or full 4-week windows ending each
    week), each with its Wilson interval. Missing weeks count as zero."""
    grid = week_grid(list(weeks))
    ks = dict(zip(weeks, k, strict=True))
    ns = dict(zip(weeks, n, strict=True))
    k_all = [int(ks.get(w, 0)) for w in grid]
    n_all = [int(ns.get(w, 0)) for w in grid]
    window = period.weeks
    ends = grid[window - 1 :] if len(grid) >= window else grid[-1:]
    k_sum = rolling_sums(k_all, window)
    n_sum = rolling_sums(n_all, window)
    points = []
    for end, kk, nn in zip(ends, k_sum, n_sum, strict=True):
        share = kk / nn if nn else None
        low, high = wilson(int(kk), int(nn)) if nn else (None, None)
        points.append(SharePoint(end, int(kk), int(nn), share, low, high))
    return points


SHARE_COLUMNS = ["k", "n", "ci_low", "ci_high"]


def add_share_panel(
    fig: go.Figure,
    points: Sequence[SharePoint],
    *,
    name: str,
    color: str,
    row: int,
    col: int,
    what: str,
    showlegend: bool = False,
) -> None:
    """The band, the line through points with enough postings, and thin points hollow."""
    solid = [p for p in points if not p.thin and p.share is not None]
    thin = [p for p in points if p.thin and p.share is not None]
    xs = [p.end for p in points]
    # The band: upper bound, then lower bound filled up to it; thin points leave a gap.
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=[None if p.thin else p.high for p in points],
            mode="lines",
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
            name=f"{name} 95% upper",
            legendgroup=name,
        ),
        row=row,
        col=col,
    )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=[None if p.thin else p.low for p in points],
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=_band_rgba(color),
            hoverinfo="skip",
            showlegend=False,
            name=f"{name} 95% lower",
            legendgroup=name,
        ),
        row=row,
        col=col,
    )
    for subset, label, marker, line_mode in (
        (solid, name, {"color": color, "size": 6}, "lines+markers"),
        (
            thin,
            f"{name}: n < {MIN_POINT_N}",
            {"color": "white", "size": 7, "line": {"color": THIN_COLOR, "width": 1.5}},
            "markers",
        ),
    ):
        if not subset:
            continue
        fig.add_trace(
            go.Scatter(
                x=[p.end for p in subset],
                y=[p.share for p in subset],
                mode=line_mode,
                name=label,
                legendgroup=name,
                showlegend=showlegend,
                line={"color": color},
                marker=marker,
                customdata=[[p.k, p.n, p.low, p.high] for p in subset],
                meta={"columns": SHARE_COLUMNS},
                hovertemplate="period ending week of %{x|%Y-%m-%d}<br>%{y:.1%} "
                + what
                + " (%{customdata[0]:,} of %{customdata[1]:,})<br>95% interval "
                "%{customdata[2]:.1%} to %{customdata[3]:.1%}<extra>" + safe(name) + "</extra>",
            ),
            row=row,
            col=col,
        )


def share_panels(titles: Sequence[str]) -> go.Figure:
    """One row of small multiples, one panel per series, sharing both axes."""
    return make_subplots(
        rows=1,
        cols=len(titles),
        shared_yaxes=True,
        shared_xaxes=True,
        subplot_titles=list(titles),
        horizontal_spacing=0.04,
    )


def finish_share_panels(fig: go.Figure, title: str, y_title: str) -> None:
    """The layout of weekly share panels: the title with its n, 0-100% on the shared y axis."""
    base_layout(fig, title, height=440)
    fig.update_layout(showlegend=False, margin={"t": 120})
    fig.update_annotations(font_size=12)
    fig.update_yaxes(tickformat=".0%", range=[0, 1.02])
    fig.update_yaxes(title=y_title, row=1, col=1)
    fig.update_xaxes(title="period ending (week)")


def _first_crawl_week(crawl_weeks: pl.DataFrame) -> date | None:
    if crawl_weeks.is_empty():
        return None
    return _as_dates([crawl_weeks["week"].min()])[0]


# --- demand as observed --------------------------------------------------------------------
def observed_demand(
    observed: pl.DataFrame, weekly_demand: pl.DataFrame, report_date: date
) -> NamedFigure:
    """Left: weeks before the first crawl, from posted dates (survivors only). Right: per
    crawled week, jobs first seen (new), closed, and open at the week's last crawl."""
    name = "observed_demand"
    title = "Demand as the crawls observed it: jobs first seen, closed and open per crawled week"
    if observed.is_empty():
        return NamedFigure(name, title, empty_figure(title), takeaway="No crawl loaded yet.")
    obs = observed.with_columns(pl.col("week").cast(pl.Date))
    first_week = obs["week"].min()
    before = weekly_demand.with_columns(pl.col("week").cast(pl.Date)).filter(
        pl.col("week") < first_week
    )
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.35, 0.65],
        shared_yaxes=False,
        subplot_titles=(
            "before the first crawl: survivors only",
            "crawled weeks: what the crawls saw",
        ),
        horizontal_spacing=0.08,
    )
    groups = ["all", "core", "adjacent"]
    trace_groups: list[str] = []
    takeaway = ""
    for group in groups:
        visible = group == "all"
        per_week = (
            obs.filter(pl.col("role") == group)
            .group_by("week", "baseline")
            .agg(pl.col("first_seen", "closed", "open_jobs").sum())
            .sort("week")
        )
        roles = ["core", "adjacent", "other"] if group == "all" else [group]
        survivors = (
            before.filter(pl.col("role").is_in(roles))
            .group_by("week")
            .agg(pl.col("new_postings").sum())
            .sort("week")
        )
        fig.add_trace(
            go.Bar(
                x=survivors["week"].to_list(),
                y=survivors["new_postings"].to_list(),
                name="posted before the first crawl, still open at it (survivors)",
                marker_color=SURVIVOR_COLOR,
                visible=visible,
                legendgroup="survivors",
                customdata=[[n] for n in survivors["new_postings"].to_list()],
                meta={"columns": ["n"]},
                hovertemplate="posted in week of %{x|%Y-%m-%d}, still open at the first "
                "crawl: %{y:,}<extra>survivors only</extra>",
            ),
            row=1,
            col=1,
        )
        trace_groups.append(group)
        complete = per_week.filter(
            ~pl.col("baseline") & (pl.col("week") + pl.duration(days=7) <= report_date)
        )
        for column, label, color, dash in (
            ("first_seen", "new: first seen that week", ROLE_COLORS.get(group, "#333"), "solid"),
            ("closed", "closed that week", "#d62728", "dot"),
            ("open_jobs", "open at the week's last crawl", "#555555", "dash"),
        ):
            rows = per_week
            if column == "first_seen":  # the baseline week's "first seen" is the stock
                rows = per_week.filter(~pl.col("baseline"))
            in_progress = [w + timedelta(days=7) > report_date for w in rows["week"].to_list()]
            fig.add_trace(
                go.Scatter(
                    x=rows["week"].to_list(),
                    y=rows[column].to_list(),
                    mode="lines+markers",
                    name=label,
                    line={"color": color, "dash": dash},
                    marker={
                        "color": ["white" if p else color for p in in_progress],
                        "line": {"color": color, "width": 1.5},
                        "size": 7,
                    },
                    visible=visible,
                    legendgroup=column,
                    customdata=[
                        [n, "week in progress" if p else "complete week"]
                        for n, p in zip(rows[column].to_list(), in_progress, strict=True)
                    ],
                    meta={"columns": ["n", "week_status"]},
                    hovertemplate="crawled week of %{x|%Y-%m-%d}<br>%{y:,} " + label + ""
                    " (%{customdata[1]})<extra>" + ROLE_LABELS.get(group, group) + "</extra>",
                ),
                row=1,
                col=2,
            )
            trace_groups.append(group)
        if group == "all":
            weeks_crawled = per_week.height
            if complete.height:
                last = complete.row(-1, named=True)
                takeaway = (
                    f"{weeks_crawled} crawled week(s); in the last complete one (week of "
                    f"{last['week']}) the crawls saw {last['first_seen']:,} new jobs, "
                    f"{last['closed']:,} closed and {last['open_jobs']:,} open."
                )
            else:
                takeaway = (
                    f"{weeks_crawled} crawled week(s), none complete with an earlier crawled "
                    "week: no new demand can be measured yet, only the stock at the first crawl."
                )
    base_layout(fig, title, height=500)
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0.0},
        margin={"b": 130},
    )
    fig.update_yaxes(title="jobs (canonical, counted once)", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(rangemode="tozero", row=1, col=2)
    fig.update_xaxes(title="crawled week (Monday)", row=1, col=2)
    role_buttons(fig, groups, trace_groups)
    return NamedFigure(
        name,
        title,
        fig,
        "Hollow markers: the week is still in progress. The first crawled week has no "
        '"new" point: everything in it was first seen then.',
        takeaway=takeaway,
        method=(
            "Counted: canonical jobs (cross-source duplicates once). Right panel, per week that "
            "holds at least one completed crawl: jobs whose first sighting falls in the week "
            "(the first crawled week is left out: its jobs are the stock already open), jobs "
            "closed in the week (a later complete crawl of their board no longer listed them) "
            "and jobs open at the week's last crawl. Left panel: jobs still open at the first "
            "crawl, by the week their board says they were posted; jobs posted then and "
            "closed before the first crawl were never seen, so these bars are survivors only "
            "and rise toward the first crawl by construction, not by demand."
        ),
    )


def observed_by_source(observed: pl.DataFrame, report_date: date) -> NamedFigure:
    name = "observed_by_source"
    title = "New jobs first seen per crawled week, by source"
    obs = observed.with_columns(pl.col("week").cast(pl.Date)).filter(
        ~pl.col("baseline") & (pl.col("role") == "all")
    )
    if obs.is_empty() or obs["first_seen"].sum() == 0:
        return NamedFigure(
            name,
            title,
            empty_figure(title, "no data yet (needs two crawled weeks)"),
            takeaway="Fewer than two crawled weeks: no job can be seen as new yet.",
        )
    sources = (
        obs.group_by("source").agg(pl.col("first_seen").sum()).sort("first_seen", descending=True)
    )["source"].to_list()
    fig = go.Figure()
    for source in sources:
        rows = obs.filter(pl.col("source") == source).sort("week")
        fig.add_trace(
            go.Bar(
                x=rows["week"].to_list(),
                y=rows["first_seen"].to_list(),
                name=safe(source),
                customdata=[[n] for n in rows["first_seen"].to_list()],
                meta={"columns": ["n"]},
                hovertemplate="crawled week of %{x|%Y-%m-%d}<br>%{y:,} first seen<extra>"
                + safe(source)
                + "</extra>",
            )
        )
    total = int(obs["first_seen"].sum())
    top = sources[0]
    top_n = int(obs.filter(pl.col("source") == top)["first_seen"].sum())
    full = f"{title} (n={total:,} jobs first seen after the first crawled week)"
    base_layout(fig, full)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="crawled week (Monday)")
    fig.update_yaxes(title="jobs first seen")
    return NamedFigure(
        name,
        full,
        fig,
        "Click a source in the legend to hide it.",
        takeaway=f"{safe(top)} contributed the most new jobs: {top_n:,} of {total:,}.",
        method=(
            "Counted: canonical jobs first seen in each crawled week after the first (the "
            "first week's jobs are the stock, not new), attributed to the source of their "
            "canonical posting. A week without a completed crawl of a source shows nothing "
            "for it: absence of a crawl is not absence of jobs."
        ),
    )


# --- shares over time ----------------------------------------------------------------------
def band_share_over_time(band: pl.DataFrame, crawl_weeks: pl.DataFrame) -> NamedFigure:
    name = "band_share_over_time"
    title = "Share of postings with pay whose range overlaps $175k-$300k, with 95% intervals"
    frame = band.with_columns(pl.col("week").cast(pl.Date)).filter(
        pl.col("role").is_in(["all", "core", "adjacent"])
    )
    first_week = _first_crawl_week(crawl_weeks)
    if first_week is not None:  # earlier weeks hold survivors only
        frame = frame.filter(pl.col("week") >= first_week)
    if frame.is_empty() or frame["n_with_pay"].sum() == 0:
        return NamedFigure(name, title, empty_figure(title), takeaway="No postings with pay yet.")
    roles = [r for r in ("all", "core", "adjacent") if r in frame["role"].to_list()]
    series = {}
    for role in roles:
        rows = frame.filter(pl.col("role") == role).sort("week")
        weeks = rows["week"].to_list()
        n = [int(v) for v in rows["n_with_pay"].to_list()]
        grid_n = dict(zip(weeks, n, strict=True))
        period = choose_period([grid_n.get(w, 0) for w in week_grid(weeks)])
        series[role] = (period, share_series(weeks, rows["n_overlap"].to_list(), n, period))
    fig = share_panels([f"{ROLE_LABELS[r]}<br>{_period_label(series[r][0])}" for r in roles])
    for i, role in enumerate(roles, start=1):
        add_share_panel(
            fig,
            series[role][1],
            name=ROLE_LABELS[role],
            color=ROLE_COLORS[role],
            row=1,
            col=i,
            what="overlap the band",
        )
    n_all = int(frame.filter(pl.col("role") == "all")["n_with_pay"].sum())
    full = f"{title} (n={n_all:,} postings with pay; period per panel)"
    finish_share_panels(fig, full, "share of postings with pay")
    return NamedFigure(
        name,
        full,
        fig,
        f"Bands: Wilson 95% intervals. Hollow points rest on fewer than {MIN_POINT_N} postings.",
        takeaway=_share_takeaway(series["all"][1], "of postings with pay overlap the band"),
        method=(
            "Counted: canonical jobs that state pay (annual USD), by the week of their demand "
            "date, from the week of the first crawl on (earlier weeks hold survivors only); "
            "a job overlaps when its range (or its one stated side) meets $175k-$300k. "
            "Each panel's period is chosen from its own data: weekly only where the median "
            f"week holds 30 postings with pay, else a 4-week rolling window. Points on fewer "
            f"than {MIN_POINT_N} postings are hollow and kept off the line and the band. "
            "Band: Wilson score interval, 95%."
        ),
    )


AI_INVOLVEMENTS = ("builds", "uses", "mentions", "none")
AI_INVOLVEMENT_LABELS = {
    "builds": "builds AI systems",
    "uses": "uses AI tools",
    "mentions": "mentions AI only",
    "none": "no AI",
}
AI_INVOLVEMENT_COLORS = {
    "builds": "#1f78b4",
    "uses": "#33a02c",
    "mentions": "#ff7f00",
    "none": "#999999",
}


def ai_involvement_over_time(weekly: pl.DataFrame, crawl_weeks: pl.DataFrame) -> NamedFigure:
    """Share of jobs by AI involvement (builds / uses / mentions / none) over time: one
    panel per involvement, each with its Wilson band, over one period chosen from the
    weekly totals (the same rule as the other shares over time)."""
    name = "ai_involvement_over_time"
    title = "Share of postings by AI involvement, with 95% intervals"
    frame = weekly.with_columns(pl.col("week").cast(pl.Date)).filter(
        pl.col("ai_involvement").is_in(list(AI_INVOLVEMENTS))
    )
    first_week = _first_crawl_week(crawl_weeks)
    if first_week is not None:  # earlier weeks hold survivors only
        frame = frame.filter(pl.col("week") >= first_week)
    if frame.is_empty():
        return NamedFigure(name, title, empty_figure(title), takeaway="No postings yet.")
    totals = frame.group_by("week").agg(pl.col("n").sum().alias("n_week")).sort("week")
    weeks = totals["week"].to_list()
    n = [int(v) for v in totals["n_week"].to_list()]
    grid_n = dict(zip(weeks, n, strict=True))
    period = choose_period([grid_n.get(w, 0) for w in week_grid(weeks)])
    series = {}
    for involvement in AI_INVOLVEMENTS:
        counts = dict(
            frame.filter(pl.col("ai_involvement") == involvement).select("week", "n").iter_rows()
        )
        k = [int(counts.get(w, 0)) for w in weeks]
        series[involvement] = share_series(weeks, k, n, period)
    fig = share_panels([AI_INVOLVEMENT_LABELS[i] for i in AI_INVOLVEMENTS])
    for col, involvement in enumerate(AI_INVOLVEMENTS, start=1):
        add_share_panel(
            fig,
            series[involvement],
            name=AI_INVOLVEMENT_LABELS[involvement],
            color=AI_INVOLVEMENT_COLORS[involvement],
            row=1,
            col=col,
            what="of postings",
        )
    total = sum(n)
    full = f"{title} (n={total:,} postings; {_period_label(period)})"
    finish_share_panels(fig, full, "share of postings")
    latest = {
        i: next((p for p in reversed(series[i]) if not p.thin and p.share is not None), None)
        for i in AI_INVOLVEMENTS
    }
    if latest["builds"] is None or latest["mentions"] is None:
        takeaway = _share_takeaway(series["builds"], "of postings build AI systems")
    else:
        b, m = latest["builds"], latest["mentions"]
        takeaway = (
            f"Latest period (ending week of {b.end}): {b.share:.0%} of postings build AI "
            f"systems ({b.k:,} of {b.n:,}; 95% interval {b.low:.0%}-{b.high:.0%}), "
            f"{m.share:.0%} only mention AI ({m.k:,} of {m.n:,})."
        )
    return NamedFigure(
        name,
        full,
        fig,
        f"Bands: Wilson 95% intervals. Hollow points rest on fewer than {MIN_POINT_N} postings.",
        takeaway=takeaway,
        method=(
            "Counted: canonical jobs by the week of their demand date, from the week of the "
            "first crawl on (earlier weeks hold survivors only), by `ai_involvement`: "
            "`builds` (builds or operates AI/LLM systems: every core and adjacent job, and ML "
            "titles that build models), `uses` (the duties use AI tools), `mentions` (AI only "
            "as context: the company, its product, perks), `none` (no AI word). The four "
            "shares of a period add up to 100%. Jobs extracted before the field existed are "
            "left out. One period for all panels, chosen from the weekly totals: weekly only "
            f"where the median week holds 30 postings, else a 4-week rolling window. Points "
            f"on fewer than {MIN_POINT_N} postings are hollow and kept off the line and the "
            "band. Band: Wilson score interval, 95%. The field's accuracy on our own "
            "labelled postings is in docs/extraction.md."
        ),
    )


def _period_label(period: Period) -> str:
    if period.kind == "week":
        return "weekly"
    return f"4-week rolling (n≈{period.typical_weekly_n:g}/week)"


def _share_takeaway(points: Sequence[SharePoint], what: str) -> str:
    usable = [p for p in points if not p.thin and p.share is not None]
    if not usable:
        return (
            f"Every period rests on fewer than {MIN_POINT_N} postings: no share is shown as a fact."
        )
    last = usable[-1]
    return (
        f"Latest period (ending week of {last.end}): {last.share:.0%} {what} "
        f"({last.k:,} of {last.n:,}; 95% interval {last.low:.0%}-{last.high:.0%})."
    )


@dataclass(frozen=True)
class SkillChange:
    """A top skill's share in the first and the last period with enough postings."""

    skill_id: str
    name: str
    first: SharePoint
    last: SharePoint

    @property
    def change(self) -> float:
        return (self.last.share or 0.0) - (self.first.share or 0.0)

    @property
    def clear(self) -> bool:
        """The two periods' 95% intervals do not overlap."""
        lo1, hi1 = self.first.low or 0.0, self.first.high or 1.0
        lo2, hi2 = self.last.low or 0.0, self.last.high or 1.0
        return hi1 < lo2 or hi2 < lo1


def skill_series(
    trends: pl.DataFrame,
    skill_demand: pl.DataFrame,
    weekly_demand: pl.DataFrame,
    crawl_weeks: pl.DataFrame,
    limit: int = 10,
) -> tuple[Period | None, list[tuple[str, str, list[SharePoint]]], int]:
    """The top skills' share series from the first crawl's week on, one period for all:
    (period, [(skill_id, name, points)], postings in the weeks shown)."""
    top = (
        skill_demand.filter(pl.col("role") == "all")
        .sort("postings", descending=True)
        .head(limit)
        .select("skill_id", "skill_name")
    )
    first_week = _first_crawl_week(crawl_weeks)
    totals = (
        weekly_demand.with_columns(pl.col("week").cast(pl.Date))
        .group_by("week")
        .agg(pl.col("new_postings").sum())
        .filter(pl.col("new_postings") > 0)
        .sort("week")
    )
    if first_week is not None:
        totals = totals.filter(pl.col("week") >= first_week)
    if top.is_empty() or totals.is_empty():
        return None, [], 0
    weeks = totals["week"].to_list()
    n = [int(v) for v in totals["new_postings"].to_list()]
    grid_n = dict(zip(weeks, n, strict=True))
    period = choose_period([grid_n.get(w, 0) for w in week_grid(weeks)])
    frame = trends.with_columns(pl.col("week").cast(pl.Date))
    out = []
    for skill_id, skill_name in top.iter_rows():
        counts = dict(
            frame.filter(pl.col("skill_id") == skill_id).select("week", "postings").iter_rows()
        )
        k = [int(counts.get(w, 0)) for w in weeks]
        out.append((skill_id, skill_name, share_series(weeks, k, n, period)))
    return period, out, sum(n)


def skill_changes(series: list[tuple[str, str, list[SharePoint]]]) -> list[SkillChange]:
    """First vs last usable period per skill, largest rise first."""
    changes = []
    for skill_id, name, points in series:
        usable = [p for p in points if not p.thin and p.share is not None]
        if len(usable) >= 2:
            changes.append(SkillChange(skill_id, name, usable[0], usable[-1]))
    return sorted(changes, key=lambda c: c.change, reverse=True)


def skill_trends(
    trends: pl.DataFrame,
    skill_demand: pl.DataFrame,
    weekly_demand: pl.DataFrame,
    crawl_weeks: pl.DataFrame,
    limit: int = 10,
) -> NamedFigure:
    """One panel per top skill, shared axes: share of the period's postings asking for it."""
    name = "skill_trends"
    title = f"Share of postings asking for each of the top {limit} skills, with 95% intervals"
    period, series, total = skill_series(trends, skill_demand, weekly_demand, crawl_weeks, limit)
    if period is None:
        return NamedFigure(name, title, empty_figure(title), takeaway="No skills found yet.")
    # Two columns: readable on a phone (375 px) and on a wide screen alike.
    cols = 2
    rows_n = (len(series) + cols - 1) // cols
    names = [safe(s) for _, s, _ in series]
    fig = make_subplots(
        rows=rows_n,
        cols=cols,
        shared_xaxes="all",
        shared_yaxes="all",
        subplot_titles=[n if len(n) <= 28 else n[:26] + "…" for n in names],
        horizontal_spacing=0.06,
        vertical_spacing=0.35 / rows_n,
    )
    top_high = 0.0
    for i, (_, skill_name, points) in enumerate(series):
        add_share_panel(
            fig,
            points,
            name=safe(skill_name),
            color="#1f78b4",
            row=i // cols + 1,
            col=i % cols + 1,
            what="ask for it",
        )
        top_high = max([top_high, *(p.high or 0.0 for p in points if not p.thin)])
    full = f"{title} (n={total:,} postings since the first crawl; {_period_label(period)})"
    base_layout(fig, full, height=190 * rows_n + 160)
    fig.update_layout(showlegend=False, margin={"t": 130})
    fig.update_yaxes(tickformat=".0%", range=[0, min(1.02, top_high * 1.05 or 1.0)])
    fig.update_annotations(font_size=12)
    changes = skill_changes(series)
    if changes:
        best = changes[0]
        clear = "" if best.clear else " (the two periods' intervals overlap: not a clear change)"
        takeaway = (
            f"Largest rise among the top {limit}: {safe(best.name)}, {best.first.share:.0%} "
            f"(n={best.first.n:,}) to {best.last.share:.0%} (n={best.last.n:,}){clear}."
        )
    else:
        takeaway = "Too few periods with enough postings to compare skill shares over time."
    return NamedFigure(
        name,
        full,
        fig,
        f"One panel per skill, shared axes. Bands: Wilson 95% intervals; hollow points rest on "
        f"fewer than {MIN_POINT_N} postings.",
        takeaway=takeaway,
        method=(
            "Counted: canonical jobs asking for the skill over all canonical jobs of the period "
            "(by demand week), from the week of the first crawl on: earlier weeks hold only "
            "survivors. Top skills by postings overall. One period for all panels, chosen from "
            "the postings per week: weekly only where the median week holds 30, else a 4-week "
            "rolling window. Band: Wilson score interval, 95%."
        ),
    )
