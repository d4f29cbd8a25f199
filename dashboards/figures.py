"""The figures of the main report, one function per figure: view frames in, a Figure out.

No I/O here. Text that comes from postings (company names, skill names, titles) is
HTML-escaped before it reaches Plotly, whose labels understand a little HTML: a company
called `<img onerror=...>` is then drawn as those characters, never as markup.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
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
    y: float = 1.16,
    labels: dict[str, str] | None = None,
) -> None:
    """Add a role-class dropdown: each button shows only the traces of its group."""
    if len(groups) < 2:
        return
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


def _weeks(frame: pl.DataFrame, column: str = "week") -> pl.DataFrame:
    return frame.with_columns(pl.col(column).cast(pl.Date))


def linear_trend(ys: Sequence[float]) -> list[float]:
    """Least-squares line through (0, y0), (1, y1), ...; a flat line for fewer than 2 points."""
    n = len(ys)
    if n < 2:
        return list(ys)
    mean_x = (n - 1) / 2
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in range(n))
    slope = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(ys)) / sxx
    return [mean_y + slope * (x - mean_x) for x in range(n)]


# --- 1. weekly new postings by role class ------------------------------------------------
def weekly_postings_by_role(weekly_demand: pl.DataFrame) -> NamedFigure:
    title = "Weekly new postings by role class"
    frame = _weeks(weekly_demand).filter(pl.col("role").is_in(["core", "adjacent"]))
    if frame.is_empty() or frame["new_postings"].sum() == 0:
        return NamedFigure("weekly_postings_by_role", title, empty_figure(title))
    weekly = frame.group_by("week", "role").agg(pl.col("new_postings").sum()).sort("week")
    all_weeks = weekly["week"].unique().sort().to_list()
    fig = go.Figure()
    trace_groups: list[str] = []
    totals = []
    for role in ("core", "adjacent"):
        counts = dict(
            weekly.filter(pl.col("role") == role).select("week", "new_postings").iter_rows()
        )
        ys = [int(counts.get(week, 0)) for week in all_weeks]
        totals.append(f"{role} n={sum(ys):,}")
        fig.add_trace(
            go.Scatter(
                x=all_weeks,
                y=ys,
                mode="lines+markers",
                name=ROLE_LABELS[role],
                line={"color": ROLE_COLORS[role]},
                hovertemplate="week of %{x|%Y-%m-%d}<br>%{y:,} new postings<extra>"
                + role
                + "</extra>",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=all_weeks,
                y=linear_trend(ys),
                mode="lines",
                name=f"{role} trend",
                line={"color": ROLE_COLORS[role], "dash": "dash"},
                hovertemplate="trend %{y:,.1f}/week<extra>" + role + "</extra>",
            )
        )
        trace_groups += [role, role]
    full = f"{title} ({', '.join(totals)})"
    base_layout(fig, full)
    fig.update_xaxes(title="week (Monday of the demand week)")
    fig.update_yaxes(title="new postings per week", rangemode="tozero")
    buttons = [
        {"label": "core + adjacent", "method": "restyle", "args": [{"visible": True}]},
        *[
            {
                "label": ROLE_LABELS[role],
                "method": "restyle",
                "args": [{"visible": [group == role for group in trace_groups]}],
            }
            for role in ("core", "adjacent")
        ],
    ]
    fig.update_layout(updatemenus=[{"buttons": buttons, "x": 1.0, "xanchor": "right", "y": 1.16}])
    return NamedFigure(
        "weekly_postings_by_role",
        full,
        fig,
        "Dashed lines are least-squares trends over the weeks shown.",
    )


# --- 2. weekly postings by source --------------------------------------------------------
def weekly_postings_by_source(weekly_demand: pl.DataFrame) -> NamedFigure:
    title = "Weekly new postings by source"
    frame = _weeks(weekly_demand)
    if frame.is_empty() or frame["new_postings"].sum() == 0:
        return NamedFigure("weekly_postings_by_source", title, empty_figure(title))
    sources = (
        frame.group_by("source")
        .agg(pl.col("new_postings").sum())
        .sort("new_postings", descending=True)
    )["source"].to_list()
    fig = go.Figure()
    trace_groups: list[str] = []
    groups = ["all", "core", "adjacent"]
    for group in groups:
        subset = frame if group == "all" else frame.filter(pl.col("role") == group)
        weekly = subset.group_by("week", "source").agg(pl.col("new_postings").sum()).sort("week")
        for source in sources:
            rows = weekly.filter(pl.col("source") == source)
            fig.add_trace(
                go.Bar(
                    x=rows["week"].to_list(),
                    y=rows["new_postings"].to_list(),
                    name=safe(source),
                    legendgroup=safe(source),
                    showlegend=group == "all",
                    visible=group == "all",
                    hovertemplate="week of %{x|%Y-%m-%d}<br>%{y:,} new postings<extra>"
                    + safe(source)
                    + "</extra>",
                )
            )
            trace_groups.append(group)
    n = int(frame["new_postings"].sum())
    full = f"{title} (n={n:,} postings counted once per source)"
    base_layout(fig, full)
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="week (Monday of the demand week)")
    fig.update_yaxes(title="new postings per week")
    role_buttons(fig, groups, trace_groups)
    return NamedFigure("weekly_postings_by_source", full, fig)


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
    return NamedFigure("pay_by_seniority", full, fig)


# --- 4. share overlapping the band over time ---------------------------------------------
def band_share_over_time(band: pl.DataFrame) -> NamedFigure:
    title = "Share of postings with pay whose range overlaps $175k-$300k, by week"
    frame = _weeks(band).filter(pl.col("role").is_in(["all", "core", "adjacent"])).sort("week")
    if frame.is_empty() or frame["n_with_pay"].sum() == 0:
        return NamedFigure("band_share_over_time", title, empty_figure(title))
    fig = go.Figure()
    for role in ("all", "core", "adjacent"):
        rows = frame.filter(pl.col("role") == role)
        if rows.is_empty():
            continue
        fig.add_trace(
            go.Scatter(
                x=rows["week"].to_list(),
                y=rows["share_overlap"].to_list(),
                mode="lines+markers",
                name=ROLE_LABELS[role],
                line={"color": ROLE_COLORS[role]},
                customdata=rows.select(
                    "n_with_pay", "n_overlap", "n_inside", "n_above", "n_below"
                ).rows(),
                hovertemplate="week of %{x|%Y-%m-%d}<br>%{y:.1%} overlap"
                "<br>%{customdata[1]:,} of %{customdata[0]:,} with pay overlap"
                "<br>inside %{customdata[2]:,}, above %{customdata[3]:,}, "
                "below %{customdata[4]:,}<extra>" + role + "</extra>",
            )
        )
    n = int(frame.filter(pl.col("role") == "all")["n_with_pay"].sum())
    full = f"{title} (n={n:,} postings with pay)"
    base_layout(fig, full)
    fig.update_xaxes(title="week (Monday of the demand week)")
    fig.update_yaxes(title="share of postings with pay", tickformat=".0%", range=[0, 1.02])
    return NamedFigure("band_share_over_time", full, fig, "Click a legend entry to hide a role.")


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
    return NamedFigure("pay_by_region_and_remote", full, fig)


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
    return NamedFigure("top_skills", full, fig, "The dropdown switches role class; n per class.")


# --- 7. skill trends ----------------------------------------------------------------------
def skill_trends(trends: pl.DataFrame, skill_demand: pl.DataFrame, limit: int = 10) -> NamedFigure:
    title = f"Weekly share of postings for the top {limit} skills"
    top = (
        skill_demand.filter(pl.col("role") == "all")
        .sort("postings", descending=True)
        .head(limit)["skill_id"]
        .to_list()
    )
    frame = _weeks(trends).filter(pl.col("skill_id").is_in(top)).sort("week")
    if frame.is_empty():
        return NamedFigure("skill_trends", title, empty_figure(title))
    fig = go.Figure()
    for skill_id in top:
        rows = frame.filter(pl.col("skill_id") == skill_id)
        if rows.is_empty():
            continue
        name = safe(rows["skill_name"][0])
        fig.add_trace(
            go.Scatter(
                x=rows["week"].to_list(),
                y=rows["share"].to_list(),
                mode="lines+markers",
                name=name,
                customdata=rows.select("postings").rows(),
                hovertemplate="week of %{x|%Y-%m-%d}<br>%{y:.1%} of postings "
                "(%{customdata[0]:,})<extra>" + name + "</extra>",
            )
        )
    n = role_totals(skill_demand).get("all", 0)
    title = f"{title} (n={n:,} postings; weekly counts in the hover)"
    base_layout(fig, title, height=500)
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 1.0})
    fig.update_xaxes(title="week (Monday of the demand week)")
    fig.update_yaxes(title="share of the week's postings", tickformat=".0%", rangemode="tozero")
    return NamedFigure("skill_trends", title, fig)


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
    return NamedFigure(
        "skill_cooccurrence",
        title,
        fig,
        "Jaccard = postings asking for both / postings asking for either.",
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
    return NamedFigure("skill_pay_premium", full, fig)


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
    return NamedFigure("top_employers", title, fig)


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
    return NamedFigure("time_to_close", full, fig)


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
    return NamedFigure(
        "us_state_map",
        full,
        fig,
        "A tile grid, one square per state; hover for exact values, the dropdown switches "
        "between postings and median pay.",
    )


FigureBuilder = Callable[[dict[str, pl.DataFrame]], NamedFigure]

INDEX_FIGURES: tuple[FigureBuilder, ...] = (
    lambda v: weekly_postings_by_role(v["weekly_demand"]),
    lambda v: weekly_postings_by_source(v["weekly_demand"]),
    lambda v: pay_by_seniority(v["salary_bands"]),
    lambda v: band_share_over_time(v["band_175k_300k"]),
    lambda v: pay_by_region_and_remote(v["salary_bands"]),
    lambda v: top_skills(v["skill_demand"]),
    lambda v: skill_trends(v["skill_trends"], v["skill_demand"]),
    lambda v: skill_cooccurrence(v["skill_cooccurrence"], v["skill_demand"]),
    lambda v: skill_pay_premium(v["skill_pay_premium"]),
    lambda v: top_employers(v["top_employers"]),
    lambda v: time_to_close(v["time_to_close"]),
    lambda v: us_state_map(v["state_pay"]),
)


def index_figures(views: dict[str, pl.DataFrame]) -> list[NamedFigure]:
    return [build(views) for build in INDEX_FIGURES]
