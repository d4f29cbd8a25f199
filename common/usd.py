"""US dollar amounts as the reports and the CLI print them."""

from __future__ import annotations


def format_usd(value: float | None, *, thousands: bool = False, missing: str = "n/a") -> str:
    """`$140,000` (or `$140k` with `thousands=True`); `missing` when there is no value."""
    if value is None:
        return missing
    if thousands:
        return f"${value / 1000:,.0f}k"
    return f"${value:,.0f}"
