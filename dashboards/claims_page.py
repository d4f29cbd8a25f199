"""The market-claims page: verdicts and figures from the claims views (900_claims_*.sql)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from dashboards.claims import (
    DEFAULT_THRESHOLDS,
    NAMED_FAMILIES,
    Thresholds,
    Verdict,
    experience_verdict,
    hiring_verdict,
    pay_verdict,
    profile_verdict,
    titles_verdict,
)
from dashboards.figures import (
    BAND_FILL,
    ROLE_COLORS,
    ROLE_LABELS,
    NamedFigure,
    base_layout,
    empty_figure,
    role_buttons,
    safe,
)
from dashboards.intervals import MIN_POINT_N, wilson

CLAIM_ROLES = ("core", "adjacent")
LLM_WORK = "all LLM work"  # the prompt-title claim's population: core + adjacent
FAMILY_LABELS = {
    "ai_ml": "AI / ML",
    "programming": "programming",
    "linguistics_language": "linguistics / language",
    "psychology_human_factors": "psychology / human factors",
    "art_creative": "art / creative",
}
CLAIM_TEXT = {
    "pay": "US pay runs from $175,000 to $300,000 a year.",
    "hybrid profile": "A rare hybrid profile: AI, programming, linguistics, psychology and art.",
    "experience": "Employers settle for two to three years of experience.",
    "hiring difficulty": "Employers struggle to hire.",
    "prompt titles": 'The job is "prompt engineer".',
    "booming": "Prompt work is booming: its share of job postings is rising year on year.",
}


def _where(frame: pl.DataFrame, **equals: object) -> pl.DataFrame:
    for column, value in equals.items():
        frame = frame.filter(pl.col(column) == value)
    return frame


def _sum(frame: pl.DataFrame, column: str) -> int:
    return 0 if frame.is_empty() else int(frame[column].sum())


def weighted_median(values_and_counts: Sequence[tuple[float, int]]) -> float | None:
    pairs = sorted((v, c) for v, c in values_and_counts if c > 0)
    total = sum(c for _, c in pairs)
    if total == 0:
        return None
    seen = 0
    for value, count in pairs:
        seen += count
        if seen * 2 >= total:
            return float(value)
    return float(pairs[-1][0])


def compute_verdicts(
    views: dict[str, pl.DataFrame], t: Thresholds = DEFAULT_THRESHOLDS
) -> list[Verdict]:
    """Every claim x (core, adjacent), computed from the claims views; the prompt-title claim
    once, on all LLM work (core + adjacent). `crawl_weeks` (the crawl history) is optional:
    without it the hiring verdict has no history and says so."""
    verdicts: list[Verdict] = []
    hiring = views["claims_hiring"]
    baseline = _where(hiring, role="other")
    crawl_weeks = views.get("crawl_weeks")
    crawls, crawl_days = 0, 0
    if crawl_weeks is not None and not crawl_weeks.is_empty():
        crawls = int(crawl_weeks["crawl_days"].sum())
        crawl_days = (crawl_weeks["last_crawl"].max() - crawl_weeks["first_crawl"].min()).days
    for role in CLAIM_ROLES:
        pay = _where(views["claims_pay"], role=role, scope="US", seniority="all")
        verdicts.append(
            pay_verdict(
                role,
                _sum(pay, "n_with_pay"),
                _sum(pay, "n_overlap"),
                _sum(pay, "n_inside"),
                None if pay.is_empty() else pay["p50"][0],
                t,
            )
        )
        combos = _where(views["claims_family_combos"], role=role)
        verdicts.append(
            profile_verdict(
                role,
                _sum(combos, "postings"),
                _sum(combos.filter(pl.col("n_named") >= 4), "postings"),
                _sum(combos.filter(pl.col("n_named") >= 3), "postings"),
                _sum(combos.filter(pl.col("n_named") >= 5), "postings"),
                t,
            )
        )
        years = _where(views["claims_experience"], role=role).filter(pl.col("years").is_not_null())
        verdicts.append(
            experience_verdict(
                role,
                _sum(years, "postings"),
                _sum(years.filter(pl.col("years") <= 3), "postings"),
                weighted_median(years.select("years", "postings").rows()),
                t,
            )
        )
        mine = _where(hiring, role=role)
        verdicts.append(
            hiring_verdict(
                role,
                _sum(mine, "n_closed"),
                None if mine.is_empty() else mine["median_days_open"][0],
                _sum(baseline, "n_closed"),
                None if baseline.is_empty() else baseline["median_days_open"][0],
                _sum(mine, "n_postings"),
                _sum(mine, "n_reposted"),
                t,
                crawls=crawls,
                crawl_days=crawl_days,
            )
        )
    titles = views["claims_titles"].filter(pl.col("role").is_in(CLAIM_ROLES))
    verdicts.append(
        titles_verdict(
            LLM_WORK,
            _sum(titles, "postings"),
            _sum(titles.filter(pl.col("title_group") == "prompt title"), "postings"),
            t,
        )
    )
    return verdicts


# --- figures --------------------------------------------------------------------------------
def pay_band_split(pay: pl.DataFrame) -> NamedFigure:
    title = "Where stated pay lies against the $175k-$300k band"
    rows = pay.filter((pl.col("seniority") == "all") & (pl.col("n_with_pay") > 0)).sort(
        "role", "scope", descending=[False, True]
    )
    if rows.is_empty():
        return NamedFigure("claims_pay_band_split", title, empty_figure(title))
    labels = [
        f"{role}, {'US' if scope == 'US' else 'everywhere'} (n={n:,})"
        for role, scope, n in rows.select("role", "scope", "n_with_pay").iter_rows()
    ]
    n = rows["n_with_pay"]
    parts = (
        ("below $175k", rows["n_below"], "#d62728"),
        ("overlaps, not inside", rows["n_overlap"] - rows["n_inside"], "#ffbf00"),
        ("inside the band", rows["n_inside"], "#2ca02c"),
        ("above $300k", rows["n_above"], "#1f77b4"),
    )
    fig = go.Figure()
    for name, counts, color in parts:
        fig.add_trace(
            go.Bar(
                y=labels,
                x=(counts / n).to_list(),
                orientation="h",
                name=name,
                marker_color=color,
                customdata=list(zip(counts.to_list(), n.to_list(), strict=True)),
                hovertemplate="%{y}<br>" + name + ": %{x:.1%} (%{customdata[0]:,} of "
                "%{customdata[1]:,})<extra></extra>",
            )
        )
    base_layout(fig, title + " (postings with stated pay, annual USD)", height=380)
    fig.update_layout(barmode="stack", margin={"l": 230}, legend_traceorder="normal")
    fig.update_xaxes(title="share of postings with stated pay", tickformat=".0%")
    return NamedFigure(
        "claims_pay_band_split",
        title,
        fig,
        'Overlap = the two middle segments. An open range ("up to $300k") counts as its one side.',
        takeaway="; ".join(
            f"{label}: {o / total:.0%} overlap the band"
            for label, o, total in zip(
                labels, rows["n_overlap"].to_list(), rows["n_with_pay"].to_list(), strict=True
            )
        )
        + ".",
        method=(
            "Counted: canonical jobs of the role with stated pay, converted to annual USD, in "
            "the US (country US or a US state) and everywhere. Each range is placed against "
            "$175k-$300k: below, overlapping without lying inside, inside, above. n per bar in "
            "its label."
        ),
    )


def pay_by_seniority(pay: pl.DataFrame) -> NamedFigure:
    title = "Pay percentiles by seniority (10th, 25th, median, 75th, 90th)"
    rows = pay.filter((pl.col("seniority") != "all") & (pl.col("n_with_pay") > 0)).sort("seniority")
    if rows.is_empty():
        return NamedFigure("claims_pay_by_seniority", title, empty_figure(title))
    fig = go.Figure()
    groups: list[str] = []
    for role in CLAIM_ROLES:
        for scope in ("US", "all"):
            subset = _where(rows, role=role, scope=scope)
            if subset.is_empty():
                continue
            group = f"{role}, {'US' if scope == 'US' else 'everywhere'}"
            fig.add_trace(
                go.Box(
                    x=[
                        f"{safe(s)} (n={c:,})"
                        for s, c in subset.select("seniority", "n_with_pay").iter_rows()
                    ],
                    q1=subset["p25"].to_list(),
                    median=subset["p50"].to_list(),
                    q3=subset["p75"].to_list(),
                    lowerfence=subset["p10"].to_list(),
                    upperfence=subset["p90"].to_list(),
                    name=group,
                    marker_color=ROLE_COLORS[role],
                    visible=not groups,
                )
            )
            groups.append(group)
    base_layout(fig, title)
    fig.add_hrect(
        y0=175_000,
        y1=300_000,
        fillcolor=BAND_FILL,
        line_width=0,
        layer="below",
        annotation_text="the $175k-$300k band",
        annotation_position="top left",
    )
    fig.update_yaxes(title="annual pay, USD", tickprefix="$", tickformat=",.0f")
    fig.update_xaxes(title="seniority (n = postings with stated pay)")
    role_buttons(fig, groups, groups)
    return NamedFigure(
        "claims_pay_by_seniority",
        title,
        fig,
        takeaway=f"{int(rows['n_with_pay'].sum()):,} paid postings across {rows.height} "
        "role, scope and seniority groups; the dropdown switches group.",
        method=(
            "Counted: canonical jobs of the role with stated pay (annual USD), per seniority "
            "level, in the US and everywhere. Boxes: 25th-75th percentile, whiskers: "
            "10th-90th; n per box in its label."
        ),
    )


def pay_trend(monthly: pl.DataFrame, crawl_weeks: pl.DataFrame | None = None) -> NamedFigure:
    """Per role a panel (shared axes); US and everywhere as two series with Wilson 95% error
    bars; months on fewer than MIN_POINT_N paid postings drawn hollow, without a line."""
    title = "Share of paid postings overlapping $175k-$300k, by month, with 95% intervals"
    rows = monthly.with_columns(pl.col("month").cast(pl.Date)).sort("month")
    if crawl_weeks is not None and not crawl_weeks.is_empty():
        # months before the first crawl's month hold survivors only
        first = crawl_weeks.select(pl.col("week").cast(pl.Date).min().dt.month_start()).item()
        rows = rows.filter(pl.col("month") >= first)
    if rows.is_empty():
        return NamedFigure(
            "claims_pay_trend", title, empty_figure(title), takeaway="No postings with pay yet."
        )
    roles = [r for r in CLAIM_ROLES if r in rows["role"].to_list()]
    fig = make_subplots(
        rows=1,
        cols=len(roles),
        shared_yaxes=True,
        shared_xaxes=True,
        subplot_titles=[ROLE_LABELS[r] for r in roles],
        horizontal_spacing=0.05,
    )
    latest: list[str] = []
    for col, role in enumerate(roles, start=1):
        for scope, dash in (("US", "solid"), ("all", "dot")):
            subset = _where(rows, role=role, scope=scope)
            if subset.is_empty():
                continue
            where = "US" if scope == "US" else "everywhere"
            name = f"{role}, {where}"
            ks = subset["n_overlap"].to_list()
            ns = subset["n_with_pay"].to_list()
            bounds = [wilson(int(k), int(n)) for k, n in zip(ks, ns, strict=True)]
            shares = subset["share_overlap"].to_list()
            thin = [n < MIN_POINT_N for n in ns]
            fig.add_trace(
                go.Scatter(
                    x=subset["month"].to_list(),
                    y=[None if t else v for v, t in zip(shares, thin, strict=True)],
                    mode="lines+markers",
                    name=name,
                    showlegend=col == 1,
                    legendgroup=where,
                    line={"color": ROLE_COLORS[role], "dash": dash},
                    error_y={
                        "type": "data",
                        "symmetric": False,
                        "array": [h - v for v, (_, h) in zip(shares, bounds, strict=True)],
                        "arrayminus": [v - lo for v, (lo, _) in zip(shares, bounds, strict=True)],
                    },
                    customdata=[
                        [k, n, lo, hi, m]
                        for k, n, (lo, hi), m in zip(
                            ks, ns, bounds, subset["median_pay_usd"].to_list(), strict=True
                        )
                    ],
                    meta={"columns": ["k", "n", "ci_low", "ci_high", "median_pay_usd"]},
                    hovertemplate="%{x|%Y-%m}<br>%{y:.1%} overlap (%{customdata[0]:,} of "
                    "%{customdata[1]:,})<br>95% interval %{customdata[2]:.0%} to "
                    "%{customdata[3]:.0%}<extra>" + name + "</extra>",
                ),
                row=1,
                col=col,
            )
            if any(thin):
                fig.add_trace(
                    go.Scatter(
                        x=[m for m, t in zip(subset["month"].to_list(), thin, strict=True) if t],
                        y=[v for v, t in zip(shares, thin, strict=True) if t],
                        mode="markers",
                        name=f"n < {MIN_POINT_N} paid postings",
                        showlegend=False,
                        legendgroup=where,
                        marker={"color": "white", "line": {"color": "#999", "width": 1.5}},
                        customdata=[[n] for n, t in zip(ns, thin, strict=True) if t],
                        meta={"columns": ["n"]},
                        hovertemplate="%{x|%Y-%m}: %{y:.0%} of only %{customdata[0]} paid "
                        "postings<extra>" + name + "</extra>",
                    ),
                    row=1,
                    col=col,
                )
            solid = [
                (m, v, k, n)
                for m, v, k, n, t in zip(
                    subset["month"].to_list(), shares, ks, ns, thin, strict=True
                )
                if not t
            ]
            if scope == "US" and solid:
                m, v, k, n = solid[-1]
                latest.append(f"{role} US {m:%Y-%m}: {v:.0%} ({k} of {n})")
    base_layout(fig, title)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0.0})
    fig.update_xaxes(dtick="M1", tickformat="%Y-%m")
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05])
    fig.update_yaxes(title="share of postings with stated pay", row=1, col=1)
    return NamedFigure(
        "claims_pay_trend",
        title,
        fig,
        f"Error bars: Wilson 95% intervals. Hollow points rest on fewer than {MIN_POINT_N} "
        "paid postings.",
        takeaway=("Latest month with enough paid postings: " + "; ".join(latest) + ".")
        if latest
        else f"No month holds {MIN_POINT_N} paid US postings of a role yet.",
        method=(
            "Counted: canonical jobs of the role with stated pay (annual USD) per demand month, "
            "in the US and everywhere, from the month of the first crawl on (earlier months "
            "hold survivors only); a range overlaps when it meets $175k-$300k (an open "
            "range counts as its one side). Monthly, because a typical week holds too few "
            f"paid postings of one role. Months on fewer than {MIN_POINT_N} are hollow and "
            "off the line. Error bars: Wilson score interval, 95%."
        ),
    )


def profile_upset(combos: pl.DataFrame, limit: int = 12) -> NamedFigure:
    title = "Hybrid profile: which of the five named families postings ask for together"
    if combos.is_empty():
        return NamedFigure("claims_profile_upset", title, empty_figure(title))
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.6, 0.4], vertical_spacing=0.03
    )
    groups: list[str] = []
    trace_groups: list[str] = []
    family_rows = [FAMILY_LABELS[f] for f in NAMED_FAMILIES]
    for role in CLAIM_ROLES:
        rows = _where(combos, role=role).sort("postings", descending=True)
        if rows.is_empty():
            continue
        total = int(rows["postings"].sum())
        top = rows.head(limit)
        xs = list(range(top.height))
        visible = not groups
        fig.add_trace(
            go.Bar(
                x=xs,
                y=(top["postings"] / total).to_list(),
                marker_color=ROLE_COLORS[role],
                name=f"{role} (n={total:,})",
                visible=visible,
                customdata=list(
                    zip(
                        top["postings"].to_list(),
                        [c.replace("+", " + ") for c in top["combo"].to_list()],
                        strict=True,
                    )
                ),
                hovertemplate="%{customdata[1]}<br>%{y:.1%} of postings (%{customdata[0]:,})"
                "<extra></extra>",
            ),
            row=1,
            col=1,
        )
        present_x, present_y, absent_x, absent_y = [], [], [], []
        for x, combo in zip(xs, top["combo"].to_list(), strict=True):
            members = set(combo.split("+"))
            for family in NAMED_FAMILIES:
                target = (present_x, present_y) if family in members else (absent_x, absent_y)
                target[0].append(x)
                target[1].append(FAMILY_LABELS[family])
        for px, py, color in ((absent_x, absent_y, "#dddddd"), (present_x, present_y, "#222")):
            fig.add_trace(
                go.Scatter(
                    x=px,
                    y=py,
                    mode="markers",
                    marker={"size": 12, "color": color},
                    showlegend=False,
                    visible=visible,
                    hoverinfo="skip",
                ),
                row=2,
                col=1,
            )
        groups.append(role)
        trace_groups += [role, role, role]
    base_layout(fig, title, height=620)
    fig.update_layout(margin={"l": 190})
    fig.update_xaxes(showticklabels=False, row=1, col=1)
    fig.update_xaxes(title="combination (most frequent first)", showticklabels=False, row=2, col=1)
    fig.update_yaxes(title="share of postings", tickformat=".0%", row=1, col=1)
    fig.update_yaxes(categoryorder="array", categoryarray=family_rows[::-1], row=2, col=1)
    role_buttons(fig, groups, trace_groups)
    return NamedFigure(
        "claims_profile_upset",
        title,
        fig,
        "UpSet-style: each column is one combination (dark dots = families asked for); bars = "
        "share of the role's postings with exactly that combination.",
        takeaway=_upset_takeaway(combos),
        method=(
            "Counted: canonical jobs of the role by the exact set of the five named skill "
            "families (AI/ML, programming, linguistics/language, psychology/human factors, "
            "art/creative) their skills fall in; the twelve most frequent sets shown."
        ),
    )


def _upset_takeaway(combos: pl.DataFrame) -> str:
    parts = []
    for role in CLAIM_ROLES:
        rows = _where(combos, role=role)
        if rows.is_empty():
            continue
        total = int(rows["postings"].sum())
        four = int(rows.filter(pl.col("n_named") >= 4)["postings"].sum())
        parts.append(f"{role}: {four / total:.0%} of {total:,} ask for 4+ named families")
    return "; ".join(parts) + "." if parts else ""


def family_counts(counts: pl.DataFrame) -> NamedFigure:
    title = "How many skill families (of seven) a posting asks for"
    if counts.is_empty():
        return NamedFigure("claims_family_counts", title, empty_figure(title))
    fig = go.Figure()
    for role in CLAIM_ROLES:
        rows = _where(counts, role=role).sort("family_count")
        if rows.is_empty():
            continue
        total = int(rows["postings"].sum())
        fig.add_trace(
            go.Bar(
                x=rows["family_count"].to_list(),
                y=(rows["postings"] / total).to_list(),
                name=f"{ROLE_LABELS[role]} (n={total:,})",
                marker_color=ROLE_COLORS[role],
                customdata=rows.select("postings").rows(),
                hovertemplate="%{x} families: %{y:.1%} (%{customdata[0]:,} postings)"
                "<extra>" + role + "</extra>",
            )
        )
    base_layout(fig, title, height=380)
    fig.update_xaxes(title="skill families asked for", dtick=1)
    fig.update_yaxes(title="share of postings", tickformat=".0%")
    return NamedFigure(
        "claims_family_counts",
        title,
        fig,
        takeaway="Median families asked for: "
        + "; ".join(
            f"{role} {weighted_median(_where(counts, role=role).select('family_count', 'postings').rows()):g}"
            for role in CLAIM_ROLES
            if not _where(counts, role=role).is_empty()
        )
        + ".",
        method=(
            "Counted: canonical jobs of the role by how many of the seven skill families "
            "their skills fall in; share of the role's jobs."
        ),
    )


def experience_distribution(experience: pl.DataFrame) -> NamedFigure:
    title = "Required years of experience"
    rows = experience.filter(pl.col("years").is_not_null())
    if rows.is_empty():
        return NamedFigure("claims_experience", title, empty_figure(title))
    fig = go.Figure()
    for role in ("core", "adjacent", "other"):
        subset = _where(rows, role=role).sort("years")
        if subset.is_empty():
            continue
        total = int(subset["postings"].sum())
        fig.add_trace(
            go.Bar(
                x=subset["years"].to_list(),
                y=(subset["postings"] / total).to_list(),
                name=f"{role} (n={total:,})",
                marker_color=ROLE_COLORS[role],
                customdata=subset.select("postings").rows(),
                hovertemplate="%{x} years: %{y:.1%} (%{customdata[0]:,} postings)"
                "<extra>" + role + "</extra>",
            )
        )
    base_layout(fig, title + " (postings that state years; 10 = 10 or more)")
    fig.add_vrect(
        x0=-0.5,
        x1=3.5,
        fillcolor="rgba(44, 160, 44, 0.12)",
        line_width=0,
        layer="below",
        annotation_text="3 years or fewer",
        annotation_position="top left",
    )
    fig.update_xaxes(title="years required (minimum stated)", dtick=1)
    fig.update_yaxes(title="share of postings stating years", tickformat=".0%")
    parts = []
    for role in CLAIM_ROLES:
        subset = _where(rows, role=role)
        if subset.is_empty():
            continue
        total = int(subset["postings"].sum())
        few = int(subset.filter(pl.col("years") <= 3)["postings"].sum())
        parts.append(f"{role}: {few / total:.0%} of {total:,} ask for 3 years or fewer")
    return NamedFigure(
        "claims_experience",
        title,
        fig,
        takeaway="; ".join(parts) + "." if parts else "",
        method=(
            "Counted: canonical jobs that state required years (the minimum stated, else the "
            "maximum; 10 stands for 10 or more), share of the role's jobs stating years."
        ),
    )


def hiring_difficulty(hiring: pl.DataFrame) -> NamedFigure:
    title = "Hiring difficulty: days open and reposting, against other roles"
    order = {"core": 0, "adjacent": 1, "other": 2}
    rows = hiring.with_columns(pl.col("role").replace_strict(order, default=9).alias("o")).sort("o")
    if rows.is_empty():
        return NamedFigure("claims_hiring", title, empty_figure(title))
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=("median days open (closed postings)", "share of postings that are reposts"),
    )
    closed = rows.filter(pl.col("n_closed") > 0)
    fig.add_trace(
        go.Bar(
            x=[f"{safe(r)} (n={n:,})" for r, n in closed.select("role", "n_closed").iter_rows()],
            y=closed["median_days_open"].to_list(),
            marker_color=[ROLE_COLORS.get(r, "#999") for r in closed["role"].to_list()],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (closed["p75_days_open"] - closed["median_days_open"]).to_list(),
                "arrayminus": (closed["median_days_open"] - closed["p25_days_open"]).to_list(),
            },
            customdata=closed.select("p25_days_open", "p75_days_open").rows(),
            hovertemplate="%{x}<br>median %{y:.1f} days (25th-75th: %{customdata[0]:.1f}-"
            "%{customdata[1]:.1f})<extra></extra>",
            showlegend=False,
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Bar(
            x=[f"{safe(r)} (n={n:,})" for r, n in rows.select("role", "n_postings").iter_rows()],
            y=(rows["n_reposted"] / rows["n_postings"]).to_list(),
            marker_color=[ROLE_COLORS.get(r, "#999") for r in rows["role"].to_list()],
            customdata=rows.select("n_reposted", "n_postings").rows(),
            hovertemplate="%{x}<br>%{y:.1%} reposts (%{customdata[0]:,} of %{customdata[1]:,})"
            "<extra></extra>",
            showlegend=False,
        ),
        row=1,
        col=2,
    )
    base_layout(fig, title, height=420)
    fig.update_yaxes(title="days open", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title="share of postings", tickformat=".0%", rangemode="tozero", row=1, col=2)
    return NamedFigure(
        "claims_hiring",
        title,
        fig,
        "Bars = median, whiskers = 25th-75th percentile. Postings still open are not in the "
        "days-open figures, so long-open jobs are under-counted while the crawl is young.",
        takeaway="Reposts: "
        + "; ".join(
            f"{r} {k / n:.0%} of {n:,}"
            for r, k, n in rows.select("role", "n_reposted", "n_postings").iter_rows()
            if n
        )
        + f"; closed postings: {int(rows['n_closed'].sum()):,}.",
        method=(
            "Counted: canonical jobs per role class. Days open: first seen to closed, closed "
            "jobs only. Repost: the same company and normalised title posted again after an "
            "earlier one closed, which only a crawl history of several weeks can show."
        ),
    )


def title_groups(titles: pl.DataFrame) -> NamedFigure:
    title = "Under which titles the work is posted"
    if titles.is_empty():
        return NamedFigure("claims_titles", title, empty_figure(title))
    groups = (
        titles.group_by("title_group")
        .agg(pl.col("postings").sum())
        .sort("postings", descending=True)
    )["title_group"].to_list()
    totals = dict(titles.group_by("role").agg(pl.col("postings").sum()).iter_rows())
    labels = [f"{role} (n={totals[role]:,})" for role in CLAIM_ROLES if role in totals]
    roles = [role for role in CLAIM_ROLES if role in totals]
    fig = go.Figure()
    for group in groups:
        counts = [_sum(_where(titles, role=role, title_group=group), "postings") for role in roles]
        fig.add_trace(
            go.Bar(
                y=labels,
                x=[c / totals[r] for c, r in zip(counts, roles, strict=True)],
                orientation="h",
                name=safe(group),
                customdata=counts,
                hovertemplate="%{y}<br>" + safe(group) + ": %{x:.1%} (%{customdata:,} postings)"
                "<extra></extra>",
            )
        )
    base_layout(fig, title, height=340)
    fig.update_layout(barmode="stack", margin={"l": 160})
    fig.update_xaxes(title="share of the role's postings", tickformat=".0%")
    llm_total = sum(totals.get(r, 0) for r in roles)
    prompt = _sum(titles.filter(pl.col("title_group") == "prompt title"), "postings")
    return NamedFigure(
        "claims_titles",
        title,
        fig,
        takeaway=f"{prompt / llm_total:.0%} of {llm_total:,} LLM-related postings carry a "
        'title containing "prompt".'
        if llm_total
        else "",
        method=(
            "Counted: canonical core and adjacent jobs by title group (first match wins: "
            '"prompt"; AI trainer / annotation; evaluation / red teaming; AI / LLM / ML '
            "engineer; conversation / content / writing; research / science; other)."
        ),
    )


def claims_figures(views: dict[str, pl.DataFrame]) -> dict[str, list[NamedFigure]]:
    """Figures per claim, in page order."""
    return {
        "pay": [
            pay_band_split(views["claims_pay"]),
            pay_by_seniority(views["claims_pay"]),
            pay_trend(views["claims_pay_monthly"], views.get("crawl_weeks")),
        ],
        "hybrid profile": [
            profile_upset(views["claims_family_combos"]),
            family_counts(views["claims_family_counts"]),
        ],
        "experience": [experience_distribution(views["claims_experience"])],
        "hiring difficulty": [hiring_difficulty(views["claims_hiring"])],
        "prompt titles": [title_groups(views["claims_titles"])],
    }
