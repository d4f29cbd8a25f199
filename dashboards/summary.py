"""Headline numbers and the week-over-week `summary.md` for chat and e-mail readers."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from common.usd import format_usd
from dashboards.claims import Verdict

MIN_SKILL_POSTINGS = 5  # a skill needs this many postings in one of the two weeks to be listed
MOVERS = 5


@dataclass(frozen=True)
class Headline:
    postings: int
    companies: int
    first_date: date | None
    last_date: date | None
    n_with_pay: int
    median_pay_usd: float | None

    @property
    def share_with_pay(self) -> float | None:
        return self.n_with_pay / self.postings if self.postings else None


@dataclass(frozen=True)
class WeekOverWeek:
    week: date
    previous_week: date | None
    partial: bool
    new_postings: int
    previous_new_postings: int | None
    median_pay: float | None
    previous_median_pay: float | None
    rising: list[tuple[str, float, float]]  # skill name, share this week, share last week
    falling: list[tuple[str, float, float]]


def headline(overview: pl.DataFrame) -> Headline:
    row = overview.filter(pl.col("role") == "all")
    if row.is_empty():
        return Headline(0, 0, None, None, 0, None)
    r = row.row(0, named=True)
    return Headline(
        int(r["postings"] or 0),
        int(r["companies"] or 0),
        r["first_date"],
        r["last_date"],
        int(r["n_with_pay"] or 0),
        r["median_pay_usd"],
    )


def week_over_week(
    weekly_demand: pl.DataFrame,
    pay_weeks: pl.DataFrame,
    skill_trends: pl.DataFrame,
    report_date: date,
) -> WeekOverWeek | None:
    """The latest week with new postings against the week before it.

    weekly_demand also lists weeks with only still-open (active) jobs; a week without new
    postings has no skill shares to compare, so it is not the week reported on.
    """
    demand = (
        weekly_demand.with_columns(pl.col("week").cast(pl.Date))
        .group_by("week")
        .agg(pl.col("new_postings").sum())
        .sort("week")
    )
    with_new = demand.filter(pl.col("new_postings") > 0)
    if with_new.is_empty():
        return None
    week = with_new["week"][-1]
    previous = week - timedelta(days=7)
    counts = dict(demand.iter_rows())
    pay = (
        pay_weeks.filter(pl.col("pay_usd").is_not_null())
        .with_columns(pl.col("demand_date").cast(pl.Date).dt.truncate("1w").alias("week"))
        .group_by("week")
        .agg(pl.col("pay_usd").median())
    )
    medians = dict(pay.iter_rows())
    trends = skill_trends.with_columns(pl.col("week").cast(pl.Date))
    now = trends.filter(pl.col("week") == week).select("skill_name", "share", "postings")
    before = trends.filter(pl.col("week") == previous).select(
        "skill_name", pl.col("share").alias("share_before"), pl.col("postings").alias("before")
    )
    moves = (
        now.join(before, on="skill_name", how="full", coalesce=True)
        .with_columns(pl.col("share", "share_before", "postings", "before").fill_null(0))
        .filter(
            (pl.col("postings") >= MIN_SKILL_POSTINGS) | (pl.col("before") >= MIN_SKILL_POSTINGS)
        )
        .with_columns((pl.col("share") - pl.col("share_before")).alias("change"))
    )
    has_previous = previous in counts
    comparable = has_previous and counts[previous] > 0  # skill shares need postings both weeks
    rising = moves.filter(pl.col("change") > 0).sort("change", descending=True).head(MOVERS)
    falling = moves.filter(pl.col("change") < 0).sort("change").head(MOVERS)
    return WeekOverWeek(
        week=week,
        previous_week=previous if has_previous else None,
        partial=week + timedelta(days=7) > report_date,
        new_postings=int(counts[week]),
        previous_new_postings=int(counts[previous]) if has_previous else None,
        median_pay=medians.get(week),
        previous_median_pay=medians.get(previous),
        rising=_movers(rising) if comparable else [],
        falling=_movers(falling) if comparable else [],
    )


def _movers(frame: pl.DataFrame) -> list[tuple[str, float, float]]:
    return [
        (str(n), float(a), float(b))
        for n, a, b in frame.select("skill_name", "share", "share_before").rows()
    ]


def md(text: object) -> str:
    """Markdown-safe text: no HTML, no emphasis or link syntax from the data."""
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", html.escape(str(text), quote=False))


def _change(now: float | None, before: float | None, *, money: bool = False) -> str:
    if now is None or before is None:
        return "no earlier week to compare"
    delta = now - before
    pct = f" ({delta / before:+.0%})" if before else ""
    return (f"{'+' if delta >= 0 else '-'}${abs(delta):,.0f}" if money else f"{delta:+,.0f}") + pct


def summary_markdown(
    head: Headline,
    wow: WeekOverWeek | None,
    verdicts: list[Verdict],
    report_date: date,
) -> str:
    lines = [f"# Prompt-engineering job market, report of {report_date.isoformat()}", ""]
    span = f"{head.first_date} to {head.last_date}" if head.first_date else "no postings yet"
    share = "n/a" if head.share_with_pay is None else f"{head.share_with_pay:.0%}"
    lines += [
        f"- **{head.postings:,} postings** from {head.companies:,} companies, {span}",
        f"- {share} state pay; median annual pay {format_usd(head.median_pay_usd)}",
        "",
        "## Week over week",
        "",
    ]
    if wow is None:
        lines += ["No weekly data yet.", ""]
    else:
        partial = " (partial week)" if wow.partial else ""
        lines += [
            f"Week of {wow.week.isoformat()}{partial} against the week before:",
            "",
            f"- New postings: {wow.new_postings:,} "
            f"({_change(wow.new_postings, wow.previous_new_postings)})",
            f"- Median annual pay: {format_usd(wow.median_pay)} "
            f"({_change(wow.median_pay, wow.previous_median_pay, money=True)})",
        ]
        for label, movers in (("Rising skills", wow.rising), ("Falling skills", wow.falling)):
            if movers:
                listed = ", ".join(
                    f"{md(name)} {before:.0%} -> {now:.0%}" for name, now, before in movers
                )
            else:
                listed = "none"
            lines.append(f"- {label} (share of postings): {listed}")
        lines.append("")
    lines += ["## The market claims", ""]
    for verdict in verdicts:
        lines.append(f"- {verdict.claim}, {verdict.role}: **{verdict.label}**: {md(verdict.line)}")
    lines += [
        "",
        "Figures: [index.html](index.html) · claims: [claims.html](claims.html)",
        "",
    ]
    return "\n".join(lines)
