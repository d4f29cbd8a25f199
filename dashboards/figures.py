"""The figures of the main report, one function per figure: view frames in, a Figure out.

No I/O here. Text that comes from postings (company names, skill names, titles) is
HTML-escaped before it reaches Plotly, whose labels understand a little HTML: a company
called `<img onerror=...>` is then drawn as those characters, never as markup.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from common.usd import format_usd
from dashboards.claims import BAND_HIGH_USD, BAND_LOW_USD
from dashboards.us_grid import US_STATE_TILES
from transforms.role import SENIORITIES

NO_DATA = "no data yet"
ROLE_COLORS = {"core": "#6a3d9a", "adjacent": "#1f78b4", "other": "#999999", "all": "#33a02c"}
ROLE_LABELS = {"all": "all roles", "core": "core (prompt work)", "adjacent": "adjacent (LLM work)"}
BAND_FILL = "rgba(255, 193, 7, 0.18)"
MIN_PREMIUM_SAMPLE = 30


@dataclass(frozen=True)
class NamedFigure:
    name: str  # file-name safe: the PNG is figures/<name>.png
    title: str
    figure: go.Figure
    note: str = ""  # one sentence under the figure on the page
    takeaway: str = ""  # one line computed from the data: with the title, the text alternative
    method: str = ""  # one paragraph: what is counted, the sample, the rule


def safe(text: object) -> str:
    """Escape untrusted text for Plotly labels and hover text."""
    return html.escape("" if text is None else str(text), quote=True)


def as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def base_layout(fig: go.Figure, title: str, *, height: int = 460) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        template="plotly_white",
        height=height,
        margin={"l": 70, "r": 30, "t": 90, "b": 60},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0.0},
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
    )
    return fig


def empty_figure(title: str, message: str = NO_DATA) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 18, "color": "#777"},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, title, height=300)


def role_buttons(
    fig: go.Figure,
    groups: Sequence[str],
    trace_groups: Sequence[str],
    *,
    y: float | None = None,
    labels: dict[str, str] | None = None,
) -> None:
    """Add a role-class dropdown: each button shows only the traces of its group.

    By default the menu sits 64 px above the plot area, clear of the panel titles just
    above a subplot (call after `base_layout`, which sets the height and margins)."""
    if len(groups) < 2:
        return
    if y is None:
        margin = fig.layout.margin
        plot_height = (fig.layout.height or 460) - (margin.t or 90) - (margin.b or 60)
        y = 1 + 64 / max(plot_height, 100)
    labels = labels or {}
    buttons = [
        {
            "label": labels.get(group) or ROLE_LABELS.get(group, group),
            "method": "restyle",
            "args": [{"visible": [tg == group for tg in trace_groups]}],
        }
        for group in groups
    ]
    fig.update_layout(
        updatemenus=[
            {
                "buttons": buttons,
                "direction": "down",
                "x": 1.0,
                "xanchor": "right",
                "y": y,
                "yanchor": "top",
                "showactive": True,
            }
        ]
    )


# --- 3. pay by seniority ------------------------------------------------------------------
# The extractor's seniority levels, junior to senior, then postings without one.
SENIORITY_ORDER = (*SENIORITIES, "unspecified")


def _band(fig: go.Figure, **kwargs: object) -> None:
    fig.add_hrect(
        y0=BAND_LOW_USD,
        y1=BAND_HIGH_USD,
        fillcolor=BAND_FILL,
        line_width=0,
        layer="below",
        annotation_text="the $175k-$300k band",
        annotation_position="top left",
        **kwargs,
    )


def _quantile_box(rows: pl.DataFrame, label_column: str, name: str, color: str) -> go.Box:
    labels = [f"{safe(v)} (n={n:,})" for v, n in rows.select(label_column, "n").iter_rows()]
    return go.Box(
        x=labels,
        q1=rows["p25"].to_list(),
        median=rows["p50"].to_list(),
        q3=rows["p75"].to_list(),
        lowerfence=rows["p10"].to_list(),
        upperfence=rows["p90"].to_list(),
        name=name,
        marker_color=color,
        hoverinfo="x+y",
    )


def pay_by_seniority(salary_bands: pl.DataFrame) -> NamedFigure:
    title = "Annual pay in USD by seniority"
    frame = salary_bands.filter(
        (pl.col("dimension") == "seniority") & pl.col("role").is_in(["all", "core", "adjacent"])
    )
    if frame.is_empty():
        return NamedFigure("pay_by_seniority", title, empty_figure(title))
    order = {s: i for i, s in enumerate(SENIORITY_ORDER)}
    frame = frame.with_columns(
        pl.col("value").replace_strict(order, default=len(order)).alias("order")
    ).sort("order")
    fig = go.Figure()
    groups = [g for g in ("all", "core", "adjacent") if g in frame["role"].to_list()]
    for group in groups:
        rows = frame.filter(pl.col("role") == group)
        trace = _quantile_box(rows, "value", ROLE_LABELS[group], ROLE_COLORS[group])
        trace.visible = group == groups[0]
        fig.add_trace(trace)
    n_all = int(frame.filter(pl.col("role") == groups[0])["n"].sum())
    full = f"{title}: box = 25th-75th percentile, whiskers = 10th-90th (n={n_all:,} with pay)"
    base_layout(fig, full)
    _band(fig)
    fig.update_xaxes(title="seniority (postings with stated pay)")
    fig.update_yaxes(title="annual pay, USD", tickprefix="$", tickformat=",.0f")
    role_buttons(fig, groups, groups)
    first = frame.filter(pl.col("role") == groups[0]).filter(pl.col("p50").is_not_null())
    takeaway = ""
    if not first.is_empty():
        lo, hi = first.sort("p50").row(0, named=True), first.sort("p50").row(-1, named=True)
        takeaway = (
            f"Median pay ({ROLE_LABELS[groups[0]]}) runs from {format_usd(lo['p50'])} ({lo['value']}, "
            f"n={lo['n']:,}) to {format_usd(hi['p50'])} ({hi['value']}, n={hi['n']:,})."
        )
    return NamedFigure(
        "pay_by_seniority",
        full,
        fig,
        takeaway=takeaway,
        method=(
            "Counted: canonical jobs with stated pay, converted to annual USD (the range's "
            "midpoint, or its one stated side), per seniority level the extractor read from "
            "the title and text. Boxes: 25th-75th percentile, whiskers: 10th-90th; n per box "
            "in its label. No interval is drawn: these are distributions, not estimates of "
            "one number."
        ),
    )


# --- 5. pay by region and by remote / hybrid / onsite -----------------------------------
def pay_by_region_and_remote(salary_bands: pl.DataFrame) -> NamedFigure:
    title = "Annual pay in USD by world region and by work arrangement"
    frame = salary_bands.filter(
        pl.col("dimension").is_in(["world_region", "remote"])
        & pl.col("role").is_in(["all", "core", "adjacent"])
    ).sort("dimension", "p50", descending=[False, True])
    if frame.is_empty():
        return NamedFigure("pay_by_region_and_remote", title, empty_figure(title))
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.65, 0.35],
        subplot_titles=("by world region", "remote / hybrid / onsite"),
    )
    groups = [g for g in ("all", "core", "adjacent") if g in frame["role"].to_list()]
    trace_groups: list[str] = []
    for group in groups:
        for col, dimension in ((1, "world_region"), (2, "remote")):
            rows = frame.filter((pl.col("role") == group) & (pl.col("dimension") == dimension))
            trace = _quantile_box(rows, "value", ROLE_LABELS[group], ROLE_COLORS[group])
            trace.visible = group == groups[0]
            trace.showlegend = False
            fig.add_trace(trace, row=1, col=col)
            trace_groups.append(group)
    full = f"{title}: box = 25th-75th percentile, whiskers = 10th-90th; n per box in labels"
    base_layout(fig, full, height=520)
    for col in (1, 2):
        _band(fig, row=1, col=col)
    fig.update_yaxes(title="annual pay, USD", tickprefix="$", tickformat=",.0f", row=1, col=1)
    fig.update_yaxes(tickprefix="$", tickformat=",.0f", row=1, col=2)
    role_buttons(fig, groups, trace_groups)
    first = frame.filter((pl.col("role") == groups[0]) & (pl.col("dimension") == "world_region"))
    takeaway = ""
    if not first.is_empty():
        top = first.sort("p50", descending=True).row(0, named=True)
        takeaway = (
            f"Highest median pay by region ({ROLE_LABELS[groups[0]]}): {safe(top['value'])}, "
            f"{format_usd(top['p50'])} (n={top['n']:,})."
        )
    return NamedFigure(
        "pay_by_region_and_remote",
        full,
        fig,
        takeaway=takeaway,
        method=(
            "Counted: canonical jobs with stated pay (annual USD), by the world region of their "
            "location and by remote / hybrid / onsite as the posting states it. Boxes: "
            "25th-75th percentile, whiskers: 10th-90th; n per box in its label."
        ),
    )


def role_totals(skill_demand: pl.DataFrame) -> dict[str, int]:
    """Postings per role behind skill_demand's shares (share = postings / role total)."""
    known = skill_demand.filter(pl.col("share") > 0)
    if known.is_empty():
        return {}
    totals = known.group_by("role").agg((pl.col("postings") / pl.col("share")).max().round())
    return {role: int(n) for role, n in totals.iter_rows()}


# --- 6. top skills -------------------------------------------------------------------------
def top_skills(skill_demand: pl.DataFrame, limit: int = 25) -> NamedFigure:
    title = f"Top {limit} skills by share of postings"
    frame = skill_demand.filter(pl.col("role").is_in(["all", "core", "adjacent"]))
    if frame.is_empty():
        return NamedFigure("top_skills", title, empty_figure(title))
    fig = go.Figure()
    groups = [g for g in ("all", "core", "adjacent") if g in frame["role"].to_list()]
    totals = role_totals(frame)
    for group in groups:
        rows = (
            frame.filter(pl.col("role") == group)
            .sort("share", descending=True)
            .head(limit)
            .reverse()
        )
        fig.add_trace(
            go.Bar(
                x=rows["share"].to_list(),
                y=[safe(name) for name in rows["skill_name"].to_list()],
                orientation="h",
                name=ROLE_LABELS[group],
                marker_color=ROLE_COLORS[group],
                visible=group == groups[0],
                customdata=rows.select("postings", "family").rows(),
                hovertemplate="%{y}<br>%{x:.1%} of postings (%{customdata[0]:,})"
                "<br>family: %{customdata[1]}<extra></extra>",
            )
        )
    labels = {g: f"{ROLE_LABELS[g]} (n={totals.get(g, 0):,})" for g in groups}
    full = f"{title} (n={totals.get(groups[0], 0):,} {ROLE_LABELS[groups[0]]} postings)"
    base_layout(fig, full, height=720)
    fig.update_xaxes(title="share of postings that ask for the skill", tickformat=".0%")
    fig.update_layout(margin={"l": 220})
    role_buttons(fig, groups, groups, labels=labels)
    best = frame.filter(pl.col("role") == groups[0]).sort("share", descending=True)
    takeaway = (
        f"Most asked-for skill ({ROLE_LABELS[groups[0]]}): {safe(best['skill_name'][0])}, in "
        f"{best['share'][0]:.0%} of postings ({best['postings'][0]:,} of "
        f"{totals.get(groups[0], 0):,})."
        if not best.is_empty()
        else ""
    )
    return NamedFigure(
        "top_skills",
        full,
        fig,
        "The dropdown switches role class; n per class.",
        takeaway=takeaway,
        method=(
            "Counted: canonical jobs asking for each skill of the taxonomy (matched in the "
            "job's own duties and requirements, not in company blurbs), over all canonical "
            "jobs of the role class. Whole market, all crawls."
        ),
    )


# --- 8. co-occurrence heatmap -------------------------------------------------------------
def skill_cooccurrence(
    pairs: pl.DataFrame, skill_demand: pl.DataFrame, limit: int = 20
) -> NamedFigure:
    title = f"Which skills are asked for together: Jaccard index, top {limit} skills"
    top = (
        skill_demand.filter(pl.col("role") == "all")
        .sort("postings", descending=True)
        .head(limit)
        .select("skill_id", "skill_name")
    )
    ids = top["skill_id"].to_list()
    frame = pairs.filter(pl.col("skill_a").is_in(ids) & pl.col("skill_b").is_in(ids))
    if frame.is_empty():
        return NamedFigure("skill_cooccurrence", title, empty_figure(title))
    names = [safe(n) for n in top["skill_name"].to_list()]
    index = {skill: i for i, skill in enumerate(ids)}
    z: list[list[float | None]] = [[None] * len(ids) for _ in ids]
    counts: list[list[int]] = [[0] * len(ids) for _ in ids]
    for a, b, postings, jaccard in frame.select(
        "skill_a", "skill_b", "postings", "jaccard"
    ).iter_rows():
        i, j = index[a], index[b]
        z[i][j] = z[j][i] = jaccard
        counts[i][j] = counts[j][i] = postings
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            customdata=counts,
            colorscale="Viridis",
            colorbar={"title": "Jaccard"},
            hovertemplate="%{y} + %{x}<br>Jaccard %{z:.3f}<br>%{customdata:,} postings ask for "
            "both<extra></extra>",
        )
    )
    n = role_totals(skill_demand).get("all", 0)
    title = f"{title} (n={n:,} postings)"
    base_layout(fig, title, height=640)
    fig.update_layout(margin={"l": 180, "b": 160})
    fig.update_yaxes(autorange="reversed")
    best = frame.sort("jaccard", descending=True).row(0, named=True)
    names_by_id = dict(top.iter_rows())
    return NamedFigure(
        "skill_cooccurrence",
        title,
        fig,
        "Jaccard = postings asking for both / postings asking for either.",
        takeaway=(
            f"Most often asked for together: {safe(names_by_id[best['skill_a']])} and "
            f"{safe(names_by_id[best['skill_b']])} (Jaccard {best['jaccard']:.2f}, "
            f"{best['postings']:,} postings ask for both)."
        ),
        method=(
            "Counted: canonical jobs asking for both skills of a pair, over jobs asking for "
            "either (the Jaccard index), for the 20 most asked-for skills."
        ),
    )


# --- 9. skill pay premium -----------------------------------------------------------------
def skill_pay_premium(premium: pl.DataFrame, min_sample: int = MIN_PREMIUM_SAMPLE) -> NamedFigure:
    title = "Skill pay premium: median pay with the skill minus without, 95% interval"
    frame = (
        premium.filter(
            (pl.col("n_with") >= min_sample)
            & (pl.col("n_without") >= min_sample)
            & pl.col("uplift").is_not_null()
            & pl.col("ci_low").is_not_null()
            & pl.col("ci_high").is_not_null()
        )
        .sort("uplift")
        .tail(30)
    )
    if frame.is_empty():
        return NamedFigure(
            "skill_pay_premium",
            title,
            empty_figure(title, f"{NO_DATA} (needs {min_sample}+ postings with pay each side)"),
        )
    fig = go.Figure(
        go.Scatter(
            x=frame["uplift"].to_list(),
            y=[safe(name) for name in frame["skill_name"].to_list()],
            mode="markers",
            marker={"size": 9, "color": "#1f78b4"},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (frame["ci_high"] - frame["uplift"]).to_list(),
                "arrayminus": (frame["uplift"] - frame["ci_low"]).to_list(),
            },
            customdata=frame.select(
                "n_with", "n_without", "median_with", "median_without", "ci_low", "ci_high"
            ).rows(),
            hovertemplate="%{y}<br>uplift $%{x:,.0f} (95%: $%{customdata[4]:,.0f} to "
            "$%{customdata[5]:,.0f})<br>median with $%{customdata[2]:,.0f} "
            "(n=%{customdata[0]:,})<br>median without $%{customdata[3]:,.0f} "
            "(n=%{customdata[1]:,})<extra></extra>",
        )
    )
    full = f"{title} (skills with {min_sample}+ paid postings on each side)"
    base_layout(fig, full, height=max(360, 26 * frame.height + 140))
    fig.add_vline(x=0, line_color="#888")
    fig.update_xaxes(title="median annual pay uplift, USD", tickprefix="$", tickformat=",.0f")
    fig.update_layout(margin={"l": 220})
    best = frame.row(-1, named=True)
    return NamedFigure(
        "skill_pay_premium",
        full,
        fig,
        takeaway=(
            f"Largest premium: {safe(best['skill_name'])}, {format_usd(best['uplift'])} (95% interval "
            f"{format_usd(best['ci_low'])} to {format_usd(best['ci_high'])}; n={best['n_with']:,} with, "
            f"{best['n_without']:,} without)."
        ),
        method=(
            "Counted: canonical jobs with stated pay (annual USD), with and without the skill. "
            "Premium: median with minus median without; 95% interval from a seeded bootstrap "
            f"of both medians. Only skills with {min_sample}+ paid postings on each side."
        ),
    )


# --- 10. top employers ---------------------------------------------------------------------
def top_employers(employers: pl.DataFrame, limit: int = 20) -> NamedFigure:
    title = f"Top {limit} employers by postings"
    frame = employers.sort("postings", descending=True).head(limit).reverse()
    if frame.is_empty():
        return NamedFigure("top_employers", title, empty_figure(title))
    names = [safe(name) for name in frame["company"].to_list()]
    other = (frame["postings"] - frame["core_postings"] - frame["adjacent_postings"]).to_list()
    median = [format_usd(v) for v in frame["median_pay_usd"].to_list()]
    fig = go.Figure()
    for label, values, color in (
        ("core", frame["core_postings"].to_list(), ROLE_COLORS["core"]),
        ("adjacent", frame["adjacent_postings"].to_list(), ROLE_COLORS["adjacent"]),
        ("other", other, ROLE_COLORS["other"]),
    ):
        fig.add_trace(
            go.Bar(
                x=values,
                y=names,
                orientation="h",
                name=ROLE_LABELS.get(label, "other roles"),
                marker_color=color,
                customdata=list(zip(frame["postings"].to_list(), median, strict=True)),
                hovertemplate="%{y}<br>%{x:,} " + label + " postings of %{customdata[0]:,}"
                "<br>median pay %{customdata[1]}<extra></extra>",
            )
        )
    title = f"{title} (these {int(frame['postings'].sum()):,} of {int(employers['postings'].sum()):,} postings)"
    base_layout(fig, title, height=640)
    fig.update_layout(barmode="stack", margin={"l": 200})
    fig.update_xaxes(title="postings (canonical jobs)")
    biggest = frame.row(-1, named=True)
    return NamedFigure(
        "top_employers",
        title,
        fig,
        takeaway=(
            f"Largest employer: {safe(biggest['company'])} with {biggest['postings']:,} "
            f"postings ({biggest['core_postings']:,} core, {biggest['adjacent_postings']:,} "
            "adjacent)."
        ),
        method=(
            "Counted: canonical jobs per company (names normalised: case, punctuation and "
            "legal-form suffixes), split by role class."
        ),
    )


# --- 11. time to close ---------------------------------------------------------------------
def time_to_close(frame: pl.DataFrame) -> NamedFigure:
    title = "Time to close (days from first seen to closed)"
    order = {"core": 0, "adjacent": 1, "other": 2, "all": 3}
    rows = (
        frame.filter(pl.col("n_closed") > 0)
        .with_columns(pl.col("role").replace_strict(order, default=9).alias("order"))
        .sort("order")
    )
    if rows.is_empty():
        return NamedFigure("time_to_close", title, empty_figure(title))
    labels = [f"{safe(r)} (n={n:,})" for r, n in rows.select("role", "n_closed").iter_rows()]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=rows["median_days_open"].to_list(),
            marker_color=[ROLE_COLORS.get(r, "#999") for r in rows["role"].to_list()],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (rows["p75_days_open"] - rows["median_days_open"]).to_list(),
                "arrayminus": (rows["median_days_open"] - rows["p25_days_open"]).to_list(),
            },
            customdata=rows.select("n_closed", "p25_days_open", "p75_days_open").rows(),
            hovertemplate="%{x}<br>median %{y:.1f} days<br>25th-75th percentile "
            "%{customdata[1]:.1f}-%{customdata[2]:.1f} days<extra></extra>",
        )
    )
    full = f"{title}: median, bars = 25th-75th percentile (closed postings only)"
    base_layout(fig, full)
    fig.update_xaxes(title="role class (closed postings)")
    fig.update_yaxes(title="days open", rangemode="tozero")
    return NamedFigure(
        "time_to_close",
        full,
        fig,
        takeaway="Median days open: "
        + "; ".join(
            f"{r} {m:g} (n={n:,})"
            for r, m, n in rows.select("role", "median_days_open", "n_closed").iter_rows()
        )
        + ".",
        method=(
            "Counted: canonical jobs that closed (a later complete crawl of their board no "
            "longer listed them), days from first seen to closed. Jobs still open are left "
            "out, so while the crawl history is short long-open jobs are under-counted."
        ),
    )


# --- 12. US states --------------------------------------------------------------------------
def us_state_map(state_pay: pl.DataFrame) -> NamedFigure:
    title = "US postings and median pay by state"
    frame = state_pay.filter(pl.col("us_state").is_in(list(US_STATE_TILES)))
    if frame.is_empty():
        return NamedFigure("us_state_map", title, empty_figure(title))
    by_state = {
        row[0]: row
        for row in frame.select("us_state", "postings", "n_with_pay", "median_pay_usd").iter_rows()
    }
    states = list(US_STATE_TILES)
    with_data = [s for s in states if s in by_state]

    def xy(codes: list[str]) -> tuple[list[int], list[int]]:
        return [US_STATE_TILES[s][0] for s in codes], [-US_STATE_TILES[s][1] for s in codes]

    def text_colors(values: list[float | None], *, from_zero: bool, dark_end: str) -> list[str]:
        # White text on the dark part of the colour scale, dark text on the light part.
        known = [v for v in values if v is not None]
        high = max(known) if known else 1.0
        low = 0.0 if from_zero or not known else min(known)
        spread = (high - low) or 1.0
        colors = []
        for v in values:
            position = 0.0 if v is None else (v - low) / spread
            on_dark = position >= 0.5 if dark_end == "high" else position < 0.6
            colors.append("white" if on_dark else "#222")
        return colors

    hover = [
        f"{s}: {by_state[s][1]:,} postings, {by_state[s][2]:,} with pay, "
        f"median {format_usd(by_state[s][3])}"
        for s in with_data
    ]
    fig = go.Figure()
    empty_x, empty_y = xy([s for s in states if s not in by_state])
    fig.add_trace(
        go.Scatter(
            x=empty_x,
            y=empty_y,
            mode="markers+text",
            text=[s for s in states if s not in by_state],
            textfont={"color": "#888", "size": 11},
            hovertext=[f"{s}: no postings" for s in states if s not in by_state],
            hoverinfo="text",
            marker={"symbol": "square", "size": 38, "color": "#eeeeee"},
        )
    )
    data_x, data_y = xy(with_data)
    for metric, index, colorscale, bar_title in (
        # starts light blue, not white, so a state with few postings still reads as "some"
        ("postings", 1, [[0.0, "#c6dbef"], [1.0, "#08306b"]], "postings"),
        ("median pay", 3, "Viridis", "median USD"),
    ):
        values = [by_state[s][index] for s in with_data]
        fig.add_trace(
            go.Scatter(
                x=data_x,
                y=data_y,
                mode="markers+text",
                text=with_data,
                textfont={
                    "color": text_colors(
                        values,
                        from_zero=metric == "postings",
                        dark_end="high" if metric == "postings" else "low",  # Viridis: dark low
                    )
                },
                hovertext=hover,
                hoverinfo="text",
                name=metric,
                visible=metric == "postings",
                marker={
                    "symbol": "square",
                    "size": 38,
                    "color": [v if v is not None else float("nan") for v in values],
                    "colorscale": colorscale,
                    "cmin": 0 if metric == "postings" else None,
                    "cmax": max((v for v in values if v is not None), default=1)
                    if metric == "postings"
                    else None,
                    "showscale": True,
                    "colorbar": {"title": bar_title},
                },
            )
        )
    n = int(frame["postings"].sum())
    full = f"{title} (n={n:,} US postings with a state)"
    base_layout(fig, full, height=520)
    fig.update_xaxes(visible=False, range=[-0.7, 11.7])
    fig.update_yaxes(visible=False, range=[-7.7, 0.7], scaleanchor="x")
    fig.update_layout(
        showlegend=False,
        updatemenus=[
            {
                "buttons": [
                    {
                        "label": "postings",
                        "method": "restyle",
                        "args": [{"visible": [True, True, False]}],
                    },
                    {
                        "label": "median pay",
                        "method": "restyle",
                        "args": [{"visible": [True, False, True]}],
                    },
                ],
                "x": 1.0,
                "xanchor": "right",
                "y": 1.16,
            }
        ],
    )
    most = frame.sort("postings", descending=True).row(0, named=True)
    return NamedFigure(
        "us_state_map",
        full,
        fig,
        takeaway=(
            f"Most US postings: {most['us_state']} with {most['postings']:,} of {n:,} "
            f"(median pay {format_usd(most['median_pay_usd'])}, n={most['n_with_pay']:,} with pay)."
        ),
        method=(
            "Counted: canonical US jobs whose location names a state; median of stated pay "
            "(annual USD) where given. Jobs remote across the US without a state are not on "
            "the map."
        ),
        note="A tile grid, one square per state; hover for exact values, the dropdown "
        "switches between postings and median pay.",
    )


def index_figures(views: dict[str, pl.DataFrame], report_date: date) -> list[NamedFigure]:
    """The main report's figures, in page order (the time figures live in trends.py)."""
    from dashboards import trends

    return [
        trends.observed_demand(views["observed_weekly"], views["weekly_demand"], report_date),
        trends.observed_by_source(views["observed_weekly"], report_date),
        pay_by_seniority(views["salary_bands"]),
        trends.band_share_over_time(views["band_175k_300k"], views["crawl_weeks"]),
        trends.ai_involvement_over_time(views["ai_involvement_weekly"], views["crawl_weeks"]),
        pay_by_region_and_remote(views["salary_bands"]),
        top_skills(views["skill_demand"]),
        trends.skill_trends(
            views["skill_trends"],
            views["skill_demand"],
            views["weekly_demand"],
            views["crawl_weeks"],
        ),
        skill_cooccurrence(views["skill_cooccurrence"], views["skill_demand"]),
        skill_pay_premium(views["skill_pay_premium"]),
        top_employers(views["top_employers"]),
        time_to_close(views["time_to_close"]),
        us_state_map(views["state_pay"]),
    ]
