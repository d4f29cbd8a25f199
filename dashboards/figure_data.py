"""The numbers behind each figure, as a table: read from the figure's own traces, so the CSV
holds exactly what is drawn (every point, its n and its interval bounds where the figure
carries them), nothing recomputed.

One row per drawn point: `trace` (its legend name), `panel` (the subplot's axes), `x`, `y`,
then what the trace carries for that point: the columns its `meta["columns"]` names for
`customdata` (n, k, ci_low, ci_high, ...), error-bar bounds, box quantiles, heatmap cells.
"""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go

BOX_FIELDS = ("lowerfence", "q1", "median", "q3", "upperfence")


def decode(values: Any) -> list[Any]:
    """A trace array as a list: Plotly's JSON may hold typed arrays ({"dtype", "bdata"})."""
    if values is None:
        return []
    if isinstance(values, dict) and "bdata" in values:
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        if "shape" in values:
            shape = [int(v) for v in str(values["shape"]).split(",")]
            array = array.reshape(shape)
        return array.tolist()
    if isinstance(values, np.ndarray):
        return values.tolist()
    return list(values)


def cell(value: Any) -> str:
    """How a value is written: ISO dates, plain numbers (repr precision), empty for none."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN: nothing drawn
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _offset(values: list[Any], deltas: list[Any], sign: int) -> list[float | None]:
    """Error-bar ends as values: y - arrayminus, y + array (none where no point is drawn)."""
    return [
        None if v is None or d is None else v + sign * d
        for v, d in zip(values, deltas, strict=False)
    ]


def _trace_rows(trace: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    kind = trace.get("type", "scatter")
    name = str(trace.get("name") or "")
    panel = f"{trace.get('xaxis', 'x')}{trace.get('yaxis', 'y')}"
    meta = trace.get("meta") if isinstance(trace.get("meta"), dict) else {}
    custom_names = list(meta.get("columns", []))
    if kind == "heatmap":
        xs, ys, zs = decode(trace.get("x")), decode(trace.get("y")), decode(trace.get("z"))
        custom = decode(trace.get("customdata"))
        rows = []
        for i, y in enumerate(ys):
            for j, x in enumerate(xs):
                z = zs[i][j] if i < len(zs) and j < len(zs[i]) else None
                extra = custom[i][j] if custom and i < len(custom) else None
                rows.append([name, panel, x, y, z, extra])
        return ["trace", "panel", "x", "y", "z", "n"], rows
    xs, ys = decode(trace.get("x")), decode(trace.get("y"))
    length = max(len(xs), len(ys), *(len(decode(trace.get(f))) for f in BOX_FIELDS))
    columns = ["trace", "panel", "x", "y"]
    fields: list[tuple[str, list[Any]]] = []
    if kind == "box":
        fields += [(f, decode(trace.get(f))) for f in BOX_FIELDS]
    for axis in ("x", "y"):
        error = trace.get(f"error_{axis}")
        if isinstance(error, dict) and error.get("array") is not None:
            values = decode(xs if axis == "x" else ys)
            plus = decode(error.get("array"))
            minus = decode(error.get("arrayminus")) or plus
            fields.append((f"error_{axis}_low", _offset(values, minus, -1)))
            fields.append((f"error_{axis}_high", _offset(values, plus, 1)))
    custom = decode(trace.get("customdata"))
    if custom:
        width = max(len(c) if isinstance(c, list | tuple) else 1 for c in custom)
        names = custom_names + [f"custom_{i}" for i in range(len(custom_names), width)]
        for i, column in enumerate(names[:width]):
            fields.append(
                (
                    column,
                    [c[i] if isinstance(c, list | tuple) and i < len(c) else c for c in custom],
                )
            )
    columns += [f for f, _ in fields]
    rows = []
    for i in range(length):
        row = [name, panel, xs[i] if i < len(xs) else None, ys[i] if i < len(ys) else None]
        row += [values[i] if i < len(values) else None for _, values in fields]
        rows.append(row)
    return columns, rows


def figure_rows(figure: go.Figure | dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and rows (as written) of a figure's drawn data, over all its traces."""
    data = figure.to_plotly_json()["data"] if isinstance(figure, go.Figure) else figure["data"]
    header: list[str] = []
    tables = []
    for trace in data:
        columns, rows = _trace_rows(trace)
        tables.append((columns, rows))
        header += [c for c in columns if c not in header]
    out = []
    for columns, rows in tables:
        index = {c: i for i, c in enumerate(columns)}
        for row in rows:
            out.append([cell(row[index[c]]) if c in index else "" for c in header])
    return header, out


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    tmp.replace(path)
