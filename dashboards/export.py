"""PNG export of every figure with kaleido and the system's Chromium (Debian `chromium`).

kaleido 1.x drives a Chromium it finds on the PATH or at BROWSER_PATH. It can also download
one (`kaleido.get_chrome`, `plotly_get_chrome`): this project never calls those.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import plotly.io as pio

from dashboards.data import ReportError
from dashboards.figures import NamedFigure

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
PNG_WIDTH = 1200


def find_chromium() -> str | None:
    configured = os.environ.get("BROWSER_PATH")
    if configured and Path(configured).is_file():
        return configured
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def export_pngs(figures: list[NamedFigure], out_dir: Path, *, width: int = PNG_WIDTH) -> list[Path]:
    """Write out_dir/<name>.png for every figure in one kaleido session."""
    browser = find_chromium()
    if browser is None:
        raise ReportError(
            "PNG export needs Chromium: install Debian's package (`make chromium` or "
            "`apt-get install chromium`) or set BROWSER_PATH; the HTML report needs nothing"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{figure.name}.png" for figure in figures]
    heights = [int(figure.figure.layout.height or 500) for figure in figures]
    pio.write_images(
        [figure.figure for figure in figures],
        paths,
        format="png",
        width=width,
        height=heights,
    )
    return paths
