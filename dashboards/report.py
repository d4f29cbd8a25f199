"""Build the report: index.html, claims.html, brief.html + brief.md, data/<figure>.csv (and
PNGs: figures/<figure>.png, brief-card.png) from the warehouse views.

`con` is the warehouse reader: read-only, no file access. Everything is queried into Polars
and written from Python; nothing but the views of docs/architecture.md §4 and the claims
views is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl

from common.atomic_write import write_atomic
from common.usd import format_usd
from dashboards.brief import (
    Brief,
    Headline,
    brief_card,
    brief_content,
    brief_html_sections,
    brief_markdown,
    frame_of,
    headline,
    week_over_week,
)
from dashboards.claims import DEFAULT_THRESHOLDS, Verdict, rules
from dashboards.claims_page import (
    CLAIM_ROLES,
    CLAIM_TEXT,
    claims_figures,
    compute_verdicts,
)
from dashboards.data import (
    CLAIMS_VIEWS,
    INDEX_VIEWS,
    ReportError,
    load_pay_weeks,
    load_views,
    snapshot_base_views,
)
from dashboards.export import export_pngs
from dashboards.figure_data import figure_rows, write_csv
from dashboards.figures import NamedFigure, index_figures
from dashboards.frame import frame_section_html, load_frame
from dashboards.history import (
    BOOMING,
    HISTORY_VIEWS,
    booming_figure,
    booming_rule,
    booming_verdict,
    history_figure,
)
from dashboards.intervals import wilson
from dashboards.page import (
    Kit,
    Section,
    esc,
    figure_html,
    figure_section,
    render_page,
    safe_href,
    table_html,
)
from dashboards.trends import skill_changes, skill_series

__all__ = ["ReportError", "ReportResult", "build_report"]

REPORT_TITLE = "Prompt-engineering job market"
CLAIMS_TITLE = "The prompt-engineer claims, checked against the postings"


@dataclass
class ReportResult:
    index_path: Path
    claims_path: Path
    brief_path: Path
    brief_html_path: Path
    figures: list[str] = field(default_factory=list)
    pngs: list[Path] = field(default_factory=list)
    csvs: list[Path] = field(default_factory=list)
    card_path: Path | None = None  # brief-card.png, with png


def _write(path: Path, text: str) -> None:
    """Write atomically, so a reader never sees half a page."""
    write_atomic(path, text)


def _headline_html(head: Headline, sources: pl.DataFrame) -> str:
    share = "n/a" if head.share_with_pay is None else f"{head.share_with_pay:.0%}"
    span = f"{head.first_date} to {head.last_date}" if head.first_date else "no postings yet"
    stats = table_html(
        ["postings", "companies", "date range", "share with stated pay", "median annual pay"],
        [
            [
                f"{head.postings:,}",
                f"{head.companies:,}",
                span,
                share,
                format_usd(head.median_pay_usd),
            ]
        ],
        numeric=[True, True, False, True, True],
    )
    items = []
    for row in sources.sort("postings", descending=True).iter_rows(named=True):
        href = safe_href(row.get("attribution_url"))
        name = esc(row["source"])
        label = f'<a href="{esc(href)}" rel="noopener">{name}</a>' if href else name
        items.append(f"<li>{label}: {int(row['postings'] or 0):,} postings</li>")
    source_list = (
        f"<p>Sources (with the attribution their terms ask for):</p><ul>{''.join(items)}</ul>"
        if items
        else "<p>No sources loaded yet.</p>"
    )
    return (
        f'<section id="summary"><h2>Summary</h2>{stats}{source_list}'
        '<p><a href="claims.html">The market claims about prompt engineering, checked</a>'
        ' · <a href="brief.html">the one-page brief</a> (<a href="brief.md">brief.md</a>)'
        "</p></section>"
    )


def _verdict_badge(verdict: Verdict) -> str:
    css = "v-" + verdict.label.replace(" ", "-")
    return f'<span class="verdict {css}">{esc(verdict.label)}</span>'


def _claims_overview_html(overview: pl.DataFrame) -> str:
    rows = []
    for role in CLAIM_ROLES:
        found = overview.filter(pl.col("role") == role)
        if found.is_empty():
            rows.append([role, 0, 0, "no postings", 0, "0 / 0 / 0"])
            continue
        r = found.row(0, named=True)
        rows.append(
            [
                role,
                f"{r['postings']:,}",
                f"{r['companies']:,}",
                f"{r['first_date']} to {r['last_date']}",
                f"{r['n_with_pay']:,}",
                " / ".join(f"{r.get(c) or 0:,}" for c in ("n_builds", "n_uses", "n_mentions")),
            ]
        )
    return table_html(
        [
            "role class",
            "postings",
            "companies",
            "date range (demand date)",
            "with stated pay",
            "build / use / only mention AI",
        ],
        rows,
        numeric=[False, True, True, False, True, True],
    ) + _ai_involvement_line(overview)


def _ai_involvement_line(overview: pl.DataFrame) -> str:
    """One line under the overview: of all postings, the shares that build AI systems, use
    AI tools and only mention AI (Wilson 95% intervals): mentioning AI is not AI work."""
    found = overview.filter(pl.col("role") == "all")
    if found.is_empty() or not found["postings"][0]:
        return ""
    r = found.row(0, named=True)
    n = int(r["postings"])
    parts = []
    for column, what in (
        ("n_builds", "build AI systems"),
        ("n_uses", "use AI tools"),
        ("n_mentions", "only mention AI"),
    ):
        k = int(r.get(column) or 0)
        low, high = wilson(k, n)
        parts.append(f"{k / n:.0%} {what} ({k:,} of {n:,}; 95% interval {low:.0%}-{high:.0%})")
    return (
        '<p class="note">AI involvement of all postings: '
        + esc("; ".join(parts))
        + ". The claims on core and adjacent roles are tested on postings that build AI "
        "systems; a posting that only mentions AI (the company, its product) or uses AI tools "
        "is in the other class.</p>"
    )


def _verdict_table(verdicts: list[Verdict]) -> str:
    head = (
        "<tr><th>claim</th><th>role class</th><th>tested on</th><th>verdict</th>"
        "<th>the numbers</th></tr>"
    )
    body = "".join(
        f"<tr><td>{esc(CLAIM_TEXT.get(v.claim, v.claim))}</td><td>{esc(v.role)}</td>"
        f"<td>{esc(v.population)}</td><td>{_verdict_badge(v)}</td><td>{esc(v.line)}</td></tr>"
        for v in verdicts
    )
    return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _title_examples_html(examples: pl.DataFrame) -> str:
    if examples.is_empty():
        return ""
    rows = [
        [role, group, title, f"{postings:,}"]
        for role, group, title, postings in examples.sort(
            ["role", "title_group", "postings"], descending=[False, False, True]
        )
        .select("role", "title_group", "title", "postings")
        .iter_rows()
    ]
    return "<h3>Most frequent titles per group</h3>" + table_html(
        ["role class", "title group", "title", "postings"],
        rows,
        numeric=[False, False, False, True],
    )


def _pay_table_html(pay: pl.DataFrame) -> str:
    rows = []
    for r in (
        pay.filter((pl.col("seniority") == "all") & (pl.col("n_with_pay") > 0))
        .sort("role", "scope")  # US before everywhere
        .iter_rows(named=True)
    ):
        n = r["n_with_pay"]
        rows.append(
            [
                r["role"],
                "US" if r["scope"] == "US" else "everywhere",
                f"{n:,}",
                format_usd(r["p10"]),
                format_usd(r["p50"]),
                format_usd(r["p90"]),
                f"{r['n_overlap'] / n:.0%}",
                f"{r['n_inside'] / n:.0%}",
                f"{r['n_above'] / n:.0%}",
                f"{r['n_below'] / n:.0%}",
            ]
        )
    if not rows:
        return ""
    return "<h3>Pay in numbers (annual USD, postings with stated pay)</h3>" + table_html(
        [
            "role class",
            "where",
            "n",
            "10th pct",
            "median",
            "90th pct",
            "overlap band",
            "inside",
            "above",
            "below",
        ],
        rows,
        numeric=[False, False] + [True] * 8,
    )


def provenance_html(provenance: pl.DataFrame, lake_snapshot: int | None = None) -> str:
    """The warehouse snapshot a figure comes from: the refresh (extraction run) and crawls,
    and on a DuckLake warehouse the lake snapshot (`promptjobs report --at N` rebuilds it)."""
    if provenance.is_empty():
        return "<p>Snapshot: an empty warehouse.</p>"
    r = provenance.row(0, named=True)
    if r["last_crawl"] is None:
        return "<p>Snapshot: no crawl loaded yet.</p>"
    run = r["extraction_run_id"] or "no extraction run"
    lake = "" if lake_snapshot is None else f"DuckLake snapshot <code>{lake_snapshot}</code>, "
    return (
        f"<p>Snapshot: {lake}warehouse refresh <code>{esc(run)}</code> (extractor "
        f"<code>{esc(r['extractor_version'])}</code>), {int(r['crawl_days']):,} crawl day(s) "
        f"from {esc(r['first_crawl'])} to {esc(r['last_crawl'])}, "
        f"{int(r['landing_files']):,} landing file(s).</p>"
    )


def sources_html(sources: pl.DataFrame, terms: Mapping[str, str] | None = None) -> str:
    """The sources behind the numbers, with the attribution and the terms link each one's
    terms ask for (`terms`: source -> terms URL, a plain mapping from the edge)."""
    if sources.is_empty():
        return "<p>Sources: none loaded yet.</p>"
    terms = terms or {}
    parts = []
    for row in sources.sort("postings", descending=True).iter_rows(named=True):
        name = esc(row["source"])
        notes = []
        href = safe_href(row.get("attribution_url"))
        if href:
            notes.append(f'attribution: <a href="{esc(href)}" rel="noopener">{esc(href)}</a>')
        terms_href = safe_href(terms.get(row["source"]))
        if terms_href:
            notes.append(f'terms: <a href="{esc(terms_href)}" rel="noopener">{esc(terms_href)}</a>')
        parts.append(f"{name} ({'; '.join(notes)})" if notes else name)
    return (
        "<p>Sources: public job-board postings from " + ", ".join(parts) + ". The postings "
        "remain their publishers'; the numbers may be reused with this attribution and the "
        "snapshot above, under each source's terms.</p>"
    )


def _claims_page(
    views: dict[str, pl.DataFrame],
    verdicts: list[Verdict],
    figures: dict[str, list[NamedFigure]],
    kit: Kit,
    frame_html: str = "",
) -> str:
    how = {**rules(DEFAULT_THRESHOLDS), BOOMING: booming_rule()}
    sections = [
        Section(
            "verdicts",
            "Verdicts",
            _claims_overview_html(views["claims_overview"])
            + _verdict_table(verdicts)
            + '<p class="note">Every verdict is computed from the warehouse when the report is '
            "built; none is written by hand. How each one is computed is stated under its "
            "claim below.</p>",
        )
    ]
    for claim, claim_figures in figures.items():
        lines = "".join(
            f"<li>{esc(v.role)} (tested on {esc(v.population)}): {_verdict_badge(v)} "
            f"{esc(v.line)}</li>"
            for v in verdicts
            if v.claim == claim
        )
        body = (
            f"<p><em>The claim:</em> {esc(CLAIM_TEXT[claim])}</p><ul>{lines}</ul>"
            f'<p class="note"><strong>How the verdict is computed.</strong> {esc(how[claim])}</p>'
            + "".join(figure_html(f, kit) for f in claim_figures)
        )
        if claim == "pay":
            body += _pay_table_html(views["claims_pay"])
        if claim == "prompt titles":
            body += _title_examples_html(views["claims_titles_examples"])
        anchor = "claim-" + claim.replace(" ", "-")
        sections.append(Section(anchor, claim.capitalize(), body))
    subtitle = '<p><a href="index.html">Back to the report</a></p>'
    return render_page(
        title=CLAIMS_TITLE, subtitle_html=subtitle, header_html=frame_html, sections=sections
    )


def build_report(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    *,
    png: bool = False,
    report_date: date | None = None,
    source_terms: Mapping[str, str] | None = None,
    caveat: str | None = None,
    lake_snapshot: int | None = None,
) -> ReportResult:
    """Write out_dir/index.html, claims.html, brief.html, brief.md, data/<figure>.csv (and with
    png: figures/<figure>.png and brief-card.png). `source_terms` (source -> terms URL, from
    the edge: `scrapers.sources.source_terms()`) goes into every figure's kit; `caveat` (plain
    text from the edge, e.g. the demo market's `scrapers.demo.market.caveat()`) opens both
    pages; `lake_snapshot` (a DuckLake warehouse's snapshot `con` reads) is named with the
    refresh under every figure."""
    report_date = report_date or datetime.now(UTC).date()
    out_dir.mkdir(parents=True, exist_ok=True)
    with snapshot_base_views(con):
        views = load_views(con, INDEX_VIEWS)
        claims_views = load_views(con, CLAIMS_VIEWS)
        pay_weeks = load_pay_weeks(con)
        frame_html = frame_section_html(load_frame(con))  # dashboards/frame.py (issue 16)
        history = load_views(con, HISTORY_VIEWS)["archive_monthly"]  # dashboards/history.py
    if caveat:
        frame_html = f'<p class="caveat"><strong>{esc(caveat)}</strong></p>' + frame_html

    head = headline(claims_views["claims_overview"])
    main_figures = index_figures({**views, **claims_views}, report_date)
    main_figures.append(history_figure(history))
    verdicts = compute_verdicts(claims_views)
    claim_figures = claims_figures(claims_views)
    # The booming claim: from the archive history (issue 19).
    verdicts.append(booming_verdict(history))
    claim_figures[BOOMING] = [booming_figure(history)]
    every_figure = main_figures + [f for group in claim_figures.values() for f in group]
    kit = Kit(
        provenance_html=provenance_html(claims_views["report_provenance"], lake_snapshot),
        sources_html=sources_html(views["source_summary"], source_terms),
        png=png,
    )

    subtitle = (
        f"<p>Built {esc(report_date.isoformat())} from the promptjobs warehouse · "
        '<a href="claims.html">The market claims, checked</a></p>'
    )
    index_html = render_page(
        title=REPORT_TITLE,
        subtitle_html=subtitle,
        header_html=_headline_html(head, views["source_summary"]) + frame_html,
        sections=[figure_section(f, kit) for f in main_figures],
    )
    index_path = out_dir / "index.html"
    claims_path = out_dir / "claims.html"
    _write(index_path, index_html)
    _write(claims_path, _claims_page(claims_views, verdicts, claim_figures, kit, frame_html))
    data_dir = out_dir / "data"
    data_dir.mkdir(exist_ok=True)
    csvs = []
    for figure in every_figure:
        path = data_dir / f"{figure.name}.csv"
        write_csv(path, *figure_rows(figure.figure))
        csvs.append(path)

    all_views = {**views, **claims_views}
    _, series, _ = skill_series(
        all_views["skill_trends"],
        all_views["skill_demand"],
        all_views["weekly_demand"],
        all_views["crawl_weeks"],
    )
    brief = brief_content(
        head,
        week_over_week(all_views["observed_weekly"], pay_weeks, report_date),
        verdicts,
        skill_changes(series),
        frame_of(all_views["report_provenance"]),
        report_date,
        caveat=caveat,
    )
    brief_path = out_dir / "brief.md"
    brief_html_path = out_dir / "brief.html"
    _write(brief_path, brief_markdown(brief, card=png))
    card = NamedFigure("brief_card", brief.title, brief_card(brief), takeaway=brief.frame)
    _write(brief_html_path, _brief_page(brief, card, png=png))

    pngs = export_pngs(every_figure, out_dir / "figures") if png else []
    card_path = None
    if png:
        card_path = export_pngs([card], out_dir, width=1200)[0]
        card_path = card_path.replace(out_dir / "brief-card.png")
    return ReportResult(
        index_path=index_path,
        claims_path=claims_path,
        brief_path=brief_path,
        brief_html_path=brief_html_path,
        figures=[f.name for f in every_figure],
        pngs=pngs,
        csvs=csvs,
        card_path=card_path,
    )


def _brief_page(brief: Brief, card: NamedFigure, *, png: bool) -> str:
    sections = [
        Section(
            anchor,
            heading,
            "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>",
        )
        for anchor, heading, lines in brief_html_sections(brief)
    ]
    image = (
        '<p><a href="brief-card.png">The card as a PNG</a> (1200 x 675), to share.</p>'
        if png
        else "<p>The card as a PNG: build with <code>--png</code>.</p>"
    )
    sections.append(Section("card", "The brief as a card", figure_html(card) + image))
    subtitle = (
        '<p><a href="index.html">The full report</a> · <a href="claims.html">The claims, '
        'checked</a> · <a href="brief.md">brief.md</a></p>'
    )
    return render_page(title=brief.title, subtitle_html=subtitle, header_html="", sections=sections)
