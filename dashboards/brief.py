"""The one-page brief: `brief.md`, `brief.html` and a shareable card (`brief-card.png` with
`--png`): the key numbers with their n, the pay-band verdict, the top rising skills, the
date and the sampling frame. Pure: frames and verdicts in, text and a Figure out.

Week over week compares the last two complete crawled weeks only (a week is complete when
it has ended by the report date; the first crawled week is the stock, not new demand), so
a week holding two days of data is never set against a full one.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl

from common.usd import format_usd
from dashboards.claims import Verdict
from dashboards.intervals import bootstrap_median
from dashboards.trends import SkillChange

RISING = 3


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
class Frame:
    """The sampling frame: what was crawled, when."""

    sources: int = 0
    boards: int = 0
    crawl_days: int = 0
    first_crawl: date | None = None
    last_crawl: date | None = None
    snapshot: str | None = None

    def sentence(self) -> str:
        if self.first_crawl is None:
            return "No crawl loaded yet."
        return (
            f"Sampling frame: {self.boards:,} board(s) of {self.sources:,} source(s), crawled on "
            f"{self.crawl_days:,} day(s) from {self.first_crawl} to {self.last_crawl}; the "
            "numbers describe the postings on those boards, not the whole job market."
        )


@dataclass(frozen=True)
class WeekOverWeek:
    week: date
    previous_week: date
    new_postings: int
    previous_new_postings: int
    closed: int
    previous_closed: int
    open_jobs: int
    median_pay: float | None
    n_pay: int
    pay_interval: tuple[float, float] | None
    previous_median_pay: float | None
    previous_n_pay: int


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


def frame_of(provenance: pl.DataFrame) -> Frame:
    if provenance.is_empty():
        return Frame()
    r = provenance.row(0, named=True)
    return Frame(
        int(r["sources"] or 0),
        int(r["boards"] or 0),
        int(r["crawl_days"] or 0),
        r["first_crawl"],
        r["last_crawl"],
        r["extraction_run_id"],
    )


def complete_weeks(observed: pl.DataFrame, report_date: date) -> pl.DataFrame:
    """Crawled weeks (role all, summed over sources) that ended by `report_date`, with
    whether each is the baseline (first crawled) week."""
    if observed.is_empty():
        return pl.DataFrame(schema={"week": pl.Date, "baseline": pl.Boolean})
    return (
        observed.filter(pl.col("role") == "all")
        .with_columns(pl.col("week").cast(pl.Date))
        .group_by("week", "baseline")
        .agg(pl.col("first_seen", "closed", "open_jobs").sum())
        .filter(pl.col("week") + pl.duration(days=7) <= report_date)
        .sort("week")
    )


def week_over_week(
    observed: pl.DataFrame, pay_weeks: pl.DataFrame, report_date: date
) -> WeekOverWeek | str:
    """The last complete crawled week against the crawled week before it, or the reason
    there is nothing to compare."""
    weeks = complete_weeks(observed, report_date)
    usable = weeks.filter(~pl.col("baseline"))
    if usable.is_empty():
        return (
            "no complete crawled week after the first one yet: new postings are measured from "
            "the second crawled week on"
        )
    last = usable.row(-1, named=True)
    previous_week = last["week"] - timedelta(days=7)
    before = usable.filter(pl.col("week") == previous_week)
    if before.is_empty():
        return (
            f"the week before {last['week']} was not crawled (or was the first crawled "
            "week): no complete pair of crawled weeks to compare"
        )
    prev = before.row(0, named=True)
    paid = pay_weeks.filter(pl.col("pay_usd").is_not_null()).with_columns(
        pl.col("first_seen").cast(pl.Date).dt.truncate("1w").alias("week")
    )

    def pay_of(week: date) -> list[float]:
        return paid.filter(pl.col("week") == week)["pay_usd"].to_list()

    now_pay, prev_pay = pay_of(last["week"]), pay_of(previous_week)

    def median(values: list[float]) -> float | None:
        return float(pl.Series(values).median()) if values else None  # type: ignore[arg-type]

    return WeekOverWeek(
        week=last["week"],
        previous_week=previous_week,
        new_postings=int(last["first_seen"]),
        previous_new_postings=int(prev["first_seen"]),
        closed=int(last["closed"]),
        previous_closed=int(prev["closed"]),
        open_jobs=int(last["open_jobs"]),
        median_pay=median(now_pay),
        n_pay=len(now_pay),
        pay_interval=bootstrap_median(now_pay),
        previous_median_pay=median(prev_pay),
        previous_n_pay=len(prev_pay),
    )


def md(text: object) -> str:
    """Markdown-safe text: no HTML, no emphasis or link syntax from the data."""
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", html.escape(str(text), quote=False))


def _change(now: float | None, before: float | None, *, money: bool = False) -> str:
    if now is None or before is None:
        return "no earlier week to compare"
    delta = now - before
    pct = f" ({delta / before:+.0%})" if before else ""
    return (f"{'+' if delta >= 0 else '-'}${abs(delta):,.0f}" if money else f"{delta:+,.0f}") + pct


@dataclass(frozen=True)
class Brief:
    """Everything the brief says, as plain lines (markdown-safe), shared by md, html, card."""

    title: str
    key_numbers: list[str]
    band: list[str]
    week: list[str]
    rising: list[str]
    frame: str
    snapshot: str
    card_band: list[str]  # the same, short enough for the card
    card_rising: list[str]
    caveat: str | None = None  # from the edge (the demo's synthetic-data caveat), shown first


def brief_content(
    head: Headline,
    wow: WeekOverWeek | str,
    verdicts: list[Verdict],
    rising: list[SkillChange],
    frame: Frame,
    report_date: date,
    caveat: str | None = None,
) -> Brief:
    span = f"{head.first_date} to {head.last_date}" if head.first_date else "no postings yet"
    share = "n/a" if head.share_with_pay is None else f"{head.share_with_pay:.0%}"
    key = [
        f"{head.postings:,} postings (canonical jobs) from {head.companies:,} companies, "
        f"demand dates {span}",
        f"{share} state pay (n={head.n_with_pay:,}); median annual pay "
        f"{format_usd(head.median_pay_usd)} (n={head.n_with_pay:,})",
    ]
    band = [
        f"US pay of $175k-$300k, {v.role}: {v.label}: {v.line}"
        for v in verdicts
        if v.claim == "pay"
    ]
    if isinstance(wow, str):
        week = [f"Week over week: nothing to compare ({wow})."]
    else:
        interval = (
            f", 95% interval {format_usd(wow.pay_interval[0])}-{format_usd(wow.pay_interval[1])}"
            if wow.pay_interval and wow.n_pay > 1
            else ""
        )
        week = [
            f"Complete crawled week of {wow.week} against {wow.previous_week}:",
            f"new postings first seen {wow.new_postings:,} "
            f"({_change(wow.new_postings, wow.previous_new_postings)}); closed {wow.closed:,} "
            f"({_change(wow.closed, wow.previous_closed)}); open {wow.open_jobs:,}",
            f"median annual pay of the new postings {format_usd(wow.median_pay)} (n={wow.n_pay:,}"
            f"{interval}; week before {format_usd(wow.previous_median_pay)}, "
            f"n={wow.previous_n_pay:,})",
        ]
    rising_lines = [
        f"{c.name}: {c.first.share:.0%} (n={c.first.n:,}, period ending {c.first.end}) to "
        f"{c.last.share:.0%} (n={c.last.n:,}, period ending {c.last.end})"
        + ("" if c.clear else "; the intervals overlap, so not a clear rise")
        for c in rising[:RISING]
        if c.change > 0
    ] or ["no top skill rose between the first and last periods with enough postings"]
    snapshot = f"Warehouse refresh {frame.snapshot}" if frame.snapshot else "No refresh yet"
    card_band = [f"{v.role}: {v.label} (n={v.n:,})" for v in verdicts if v.claim == "pay"]
    card_rising = [
        f"{c.name}: {c.first.share:.0%} to {c.last.share:.0%} (n={c.first.n:,} then "
        f"{c.last.n:,}{'' if c.clear else '; intervals overlap'})"
        for c in rising[:RISING]
        if c.change > 0
    ] or ["none clear yet"]
    return Brief(
        title=f"Prompt-engineering job market, brief of {report_date.isoformat()}",
        key_numbers=key,
        band=band,
        week=week,
        rising=rising_lines,
        frame=frame.sentence(),
        snapshot=snapshot,
        card_band=card_band,
        card_rising=card_rising,
        caveat=caveat,
    )


def brief_markdown(brief: Brief, *, card: bool) -> str:
    lines = [f"# {md(brief.title)}", ""]
    if brief.caveat:
        lines += [f"**{md(brief.caveat)}**", ""]
    lines += [f"- {md(line)}" for line in brief.key_numbers]
    lines += ["", "## The pay band", ""] + [f"- {md(line)}" for line in brief.band]
    lines += ["", "## Week over week", ""] + [f"- {md(line)}" for line in brief.week]
    lines += ["", "## Top rising skills", ""] + [f"- {md(line)}" for line in brief.rising]
    lines += ["", md(brief.frame), "", f"{md(brief.snapshot)}.", ""]
    if card:
        lines += ["![The brief as a card](brief-card.png)", ""]
    lines += [
        "Figures: [index.html](index.html) · claims: [claims.html](claims.html) · "
        "brief: [brief.html](brief.html)",
        "",
    ]
    return "\n".join(lines)


def brief_html_sections(brief: Brief) -> list[tuple[str, str, list[str]]]:
    """(anchor, heading, lines) of the brief page, in order; the caller escapes the lines."""
    caveat = [("caveat", "Read this first", [brief.caveat])] if brief.caveat else []
    return [
        *caveat,
        ("key-numbers", "Key numbers", brief.key_numbers),
        ("band", "The $175k-$300k band", brief.band),
        ("week", "Week over week", brief.week),
        ("rising", "Top rising skills", brief.rising),
        ("frame", "Sampling frame and snapshot", [brief.frame, brief.snapshot]),
    ]


def brief_card(brief: Brief) -> go.Figure:
    """The card: the brief's lines as text on one 1200 x 675 image (a social-card shape)."""
    blocks = [
        ("<b>" + html.escape(brief.title) + "</b>", 22),
        # The caveat's first sentence: the card has room for one line of it.
        *(
            ((html.escape(_short(brief.caveat.split(". ")[0] + ".", 130)), 12),)
            if brief.caveat
            else ()
        ),
        *((html.escape(line), 15) for line in brief.key_numbers),
        ("<b>US pay of $175k-$300k: the verdict</b>", 17),
        *((html.escape(_short(line)), 15) for line in brief.card_band),
        ("<b>Top rising skills (share of postings, first to last period)</b>", 17),
        *((html.escape(_short(line)), 15) for line in brief.card_rising),
        *((html.escape(line), 12) for line in textwrap.wrap(brief.frame, 130)),
        (html.escape(brief.snapshot), 12),
    ]
    fig = go.Figure()
    y = 0.97
    for text, size in blocks:
        fig.add_annotation(
            text=text,
            x=0.02,
            y=y,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="top",
            showarrow=False,
            font={"size": size, "color": "#222"},
        )
        y -= 0.075 if size >= 17 else 0.065
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(
        width=1200,
        height=675,
        margin={"l": 20, "r": 20, "t": 20, "b": 20},
        paper_bgcolor="#fafafa",
        plot_bgcolor="#fafafa",
    )
    return fig


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
