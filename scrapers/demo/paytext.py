"""Pay as the families without structured pay fields write it (description text or a free
text field), from a demo posting's figures."""

from __future__ import annotations

from scrapers.demo.market import DemoPosting, money

PER = {"year": "per year", "month": "per month", "hour": "per hour"}


def pay_text(p: DemoPosting, *, short: bool = False) -> str | None:
    """`$150,000 - $190,000 per year` for a posting with structured pay, else None (its pay,
    if any, is already a sentence of the description)."""
    if not (p.structured_pay and p.pay):
        return None
    lo, hi = p.pay
    return f"{money(lo, p.currency, short=short)} - {money(hi, p.currency, short=short)} {PER[p.period]}"


def with_pay_paragraph(p: DemoPosting, label: str) -> str:
    """The description HTML, plus `<p>{label}: {pay}</p>` when the pay is not in it yet."""
    text = pay_text(p)
    return p.description_html + (f"<p>{label}: {text}</p>" if text else "")
