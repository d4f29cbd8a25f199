"""Self-contained HTML pages: plotly.js inlined once, every other byte written here.

The page loads nothing from the network (a Content-Security-Policy forbids it) and records
any JavaScript error in the `data-errors` attribute of <html>, which the tests read.
Every piece of text from the data goes through `html.escape` (`esc`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from dashboards.figures import NamedFigure

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'"
)

ERROR_HOOK = """
(function () {
  var errors = [];
  function record(message) {
    errors.push(String(message));
    document.documentElement.setAttribute('data-errors', errors.join(' | '));
  }
  window.addEventListener('error', function (e) {
    record(e.message || ('failed to load ' + ((e.target && (e.target.src || e.target.href)) || 'a resource')));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { record('unhandled: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) {
    record('blocked ' + e.blockedURI);
  });
})();
"""

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #222; background: #fafafa; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
header.top { background: #20232a; color: #fff; padding: 1rem 1.5rem; }
header.top a { color: #9cdcfe; }
h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .6rem 0; background: #fff; }
th, td { border: 1px solid #ddd; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.figure { background: #fff; border: 1px solid #e3e3e3; margin: .8rem 0; padding: .3rem; }
.note { color: #555; font-size: .92rem; margin: .2rem 0 .8rem; }
.takeaway { font-weight: 600; margin: .3rem 0; }
.kit { color: #444; font-size: .88rem; border-left: 3px solid #ddd; padding: .1rem .8rem;
       margin: .4rem 0 1.2rem; }
.kit p { margin: .3rem 0; }
figure.figure { margin: .3rem 0 .8rem; }
.figtitle { font-weight: 600; font-size: 1.02rem; margin: 1rem 0 0; }
/* A chart keeps at least 680 px of layout (its labels, legend and menus are placed for
   that) and scrolls sideways inside its frame on a narrower screen; the page never does. */
.figure .scroll { overflow-x: auto; }
.figure .plotly-graph-div { min-width: 680px; }
table { display: block; overflow-x: auto; max-width: 100%; }
nav.toc ol { columns: 2; }
.verdict { font-weight: 600; padding: .05rem .4rem; border-radius: .3rem; white-space: nowrap; }
.v-supported { background: #d4edda; } .v-partly { background: #fff3cd; }
.v-not-supported { background: #f8d7da; } .v-not-enough-data { background: #e2e3e5; }
"""


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def safe_href(url: object) -> str | None:
    """Only plain web links become hrefs; anything else (javascript:, data:) stays text."""
    text = "" if url is None else str(url).strip()
    return text if text.lower().startswith(("https://", "http://")) else None


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    body_html: str  # already safe HTML


# The one CDN address in plotly.js: where geo maps fetch their outlines. The report draws no
# geo map (the US map is a tile grid); pointing it at a local name keeps the page from even
# knowing a CDN.
PLOTLY_TOPOJSON_CDN = "https://cdn.plot.ly/un/"
LOCAL_TOPOJSON = "topojson/"


@lru_cache(maxsize=1)
def plotly_js() -> str:
    # A literal "</script" inside the bundle would end our tag early; escape it.
    bundle = get_plotlyjs().replace("</script", "<\\/script")
    return bundle.replace(PLOTLY_TOPOJSON_CDN, LOCAL_TOPOJSON)


@dataclass(frozen=True)
class Kit:
    """What goes under every figure besides its own text: where its numbers come from."""

    provenance_html: str = ""  # the warehouse snapshot / refresh the report was built from
    sources_html: str = ""  # the sources, their attribution and terms
    png: bool = False  # figures/<name>.png was written


def figure_html(figure: NamedFigure, kit: Kit | None = None) -> str:
    """The figure, its text alternative (title + takeaway), note, and the per-figure kit:
    the CSV of the drawn numbers, the PNG, the method, the snapshot and the sources."""
    # The page draws the title as HTML above the chart, where it wraps on a phone; inside
    # the chart a long title would run under the dropdown. The PNG keeps it in the image.
    drawn = go.Figure(figure.figure)
    drawn.update_layout(title={"text": ""})
    div = pio.to_html(
        drawn,
        include_plotlyjs=False,
        full_html=False,
        div_id=f"fig-{figure.name}",
        config={"displaylogo": False, "responsive": True},
    )
    alt = f"{figure.title}. {figure.takeaway}".strip()
    takeaway = f'<p class="takeaway">{esc(figure.takeaway)}</p>' if figure.takeaway else ""
    note = f'<p class="note">{esc(figure.note)}</p>' if figure.note else ""
    extra = ""
    if kit is not None:
        links = [f'<a href="data/{esc(figure.name)}.csv">data (CSV)</a>']
        if kit.png:
            links.append(f'<a href="figures/{esc(figure.name)}.png">image (PNG)</a>')
        method = f"<p><strong>Method.</strong> {esc(figure.method)}</p>" if figure.method else ""
        extra = (
            f'<div class="kit">{method}<p>{" · ".join(links)}</p>'
            f"{kit.provenance_html}{kit.sources_html}</div>"
        )
    return (
        f'<p class="figtitle">{esc(figure.title)}</p>'
        f'<figure class="figure" data-figure="{esc(figure.name)}" role="img" '
        f'aria-label="{esc(alt)}"><div class="scroll">{div}</div></figure>'
        f"{takeaway}{note}{extra}"
    )


def short_title(title: str) -> str:
    """The heading for the contents: the figure title without its sample-size remarks."""
    return title.split(" (")[0].split(": ")[0]


def figure_section(figure: NamedFigure, kit: Kit | None = None) -> Section:
    return Section(figure.name, short_title(figure.title), figure_html(figure, kit))


def table_html(
    headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[bool] = ()
) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            css = ' class="num"' if i < len(numeric) and numeric[i] else ""
            cells.append(f"<td{css}>{esc(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_page(
    *, title: str, subtitle_html: str, header_html: str, sections: Sequence[Section]
) -> str:
    toc = "".join(f'<li><a href="#{esc(s.anchor)}">{esc(s.title)}</a></li>' for s in sections)
    body = "".join(
        f'<section id="{esc(s.anchor)}"><h2>{esc(s.title)}</h2>{s.body_html}</section>'
        for s in sections
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en" data-errors="">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<script>{ERROR_HOOK}</script>\n"
        f"<style>{STYLE}</style>\n"
        f'<script type="text/javascript">{plotly_js()}</script>\n'
        "</head>\n<body>\n"
        f'<header class="top"><h1>{esc(title)}</h1>{subtitle_html}</header>\n'
        f"<main>{header_html}"
        f'<nav class="toc"><h2>Contents</h2><ol>{toc}</ol></nav>{body}</main>\n'
        "</body>\n</html>\n"
    )
