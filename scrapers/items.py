"""One item for every source (`PostingItem`), its loader, and the small helpers the spiders
share to turn a source's wire fields into the landing contract (docs/architecture.md §1)."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

import scrapy
from itemloaders.processors import Identity, MapCompose, TakeFirst
from scrapy.loader import ItemLoader

from common.markup import html_to_text
from scrapers.records import LANDING_FIELDS, PROVENANCE_FIELDS

# The item every spider yields has exactly the landing record's fields (scrapers.records,
# the one declaration of docs/architecture.md §1), plus the optional provenance fields.
PostingItem = type(
    "PostingItem",
    (scrapy.Item,),
    {name: scrapy.Field() for name in (*LANDING_FIELDS, *PROVENANCE_FIELDS)}
    | {"__module__": __name__},
)


# --- text helpers ----------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# UTF-8 decoded as Windows-1252 or Latin-1 and sent again ("Zócalo" arrives as "ZÃ³calo";
# RemoteOK's API does this): a UTF-8 lead byte's character followed by a continuation byte's.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str) -> str:
    """The text as its sender meant it when the whole of it was double-encoded; any other
    text unchanged. Conservative: the round trip must give valid UTF-8 for the entire
    string, which text that only contains "Ã" or "Â" as letters ("SÃO PAULO") does not.
    (ftfy does this more broadly; one whole-string round trip is all the sources need.)"""
    if not _MOJIBAKE.search(text):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def unescape_html(escaped: str | None) -> str | None:
    """Greenhouse sends `content` as entity-escaped HTML (`&lt;p&gt;`); this gives the HTML."""
    return html.unescape(escaped) if escaped else None


def clean_str(value: Any) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", repair_mojibake(str(value))).strip()
    return text or None


# --- dates -----------------------------------------------------------------------------------


def iso_from_epoch(seconds: float | int | None) -> str | None:
    if seconds is None or isinstance(seconds, bool):
        return None
    try:
        return datetime.fromtimestamp(float(seconds), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def iso_from_millis(millis: float | int | None) -> str | None:
    if millis is None or isinstance(millis, bool):
        return None
    try:
        return iso_from_epoch(float(millis) / 1000.0)
    except (TypeError, ValueError):
        return None


def iso_date_str(value: Any) -> str | None:
    """Keep an ISO-8601 date/datetime string as the source wrote it, if it parses."""
    text = clean_str(value)
    if not text:
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return text


# --- compensation ----------------------------------------------------------------------------

_PERIOD_WORDS: dict[str, str] = {
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "yr": "year",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
    "hr": "hour",
}


def normalize_period(raw: Any) -> str | None:
    """'1 YEAR', 'per-year-salary', 'HOURLY', 'YEAR', 'per-hour-wage' -> year/month/.../hour."""
    if not raw:
        return None
    for word in re.split(r"[^a-z]+", str(raw).lower()):
        if word in _PERIOD_WORDS:
            return _PERIOD_WORDS[word]
    return None


def to_number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        return None


def make_range(
    low: Any,
    high: Any,
    currency: Any,
    period: Any,
    raw: Any,
    label: str | None = None,
) -> dict[str, Any] | None:
    """A compensation range in the landing shape, or None when it has no figure at all."""
    lo, hi = to_number(low), to_number(high)
    if lo is None and hi is None:
        return None
    # Whole numbers stay ints so the landing JSON reads like the source.
    lo_out: float | int | None = int(lo) if lo is not None and lo.is_integer() else lo
    hi_out: float | int | None = int(hi) if hi is not None and hi.is_integer() else hi
    out: dict[str, Any] = {
        "min": lo_out,
        "max": hi_out,
        "currency": (str(currency).strip().upper() if currency else None),
        "period": normalize_period(period),
        "raw": raw if isinstance(raw, str) else (None if raw is None else str(raw)),
    }
    if label is not None:
        out["label"] = label
    return out


def primary_compensation(ranges: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first zone's range is the posting's compensation (without its zone label)."""
    if not ranges:
        return None
    first = dict(ranges[0])
    first.pop("label", None)
    return first


# --- loader ----------------------------------------------------------------------------------


class PostingLoader(ItemLoader):
    """Every spider builds its items through this loader, so cleaning is the same everywhere."""

    default_item_class = PostingItem
    default_output_processor = TakeFirst()

    source_id_in = MapCompose(lambda v: str(v).strip())
    company_in = MapCompose(clean_str)
    title_in = MapCompose(clean_str)
    location_raw_in = MapCompose(clean_str)
    employment_type_in = MapCompose(clean_str)
    url_in = MapCompose(lambda v: str(v).strip())
    compensation_in = Identity()
    compensation_out = TakeFirst()
    compensation_ranges_in = Identity()
    compensation_ranges_out = Identity()


def build_posting(
    *,
    source: str,
    board: str,
    source_id: Any,
    url: Any,
    company: Any,
    title: Any,
    fetched_at: str,
    location_raw: Any = None,
    remote_hint: str | None = None,
    description_html: str | None = None,
    description_text: str | None = None,
    posted_at: str | None = None,
    updated_at: str | None = None,
    employment_type: Any = None,
    compensation_ranges: list[dict[str, Any]] | None = None,
    attribution_url: str | None = None,
) -> PostingItem:
    """Load one posting: derives description_text from the HTML when not given, and the
    compensation from the first range. Missing optional fields land as null."""
    loader = PostingLoader()
    loader.add_value("source", source)
    loader.add_value("board", board)
    loader.add_value("source_id", source_id)
    loader.add_value("url", url)
    loader.add_value("company", company)
    loader.add_value("title", title)
    loader.add_value("location_raw", location_raw)
    loader.add_value("remote_hint", remote_hint)
    # Repaired before it becomes text: html_to_text turns a double-encoded no-break space
    # ("\u00c2\u00a0", RemoteOK's) into a space, after which the text no longer round-trips.
    html = repair_mojibake(description_html) if description_html else description_html
    loader.add_value("description_html", html)
    text = description_text if description_text is not None else html_to_text(html)
    loader.add_value("description_text", repair_mojibake(text).strip() if text else "")
    loader.add_value("posted_at", posted_at)
    loader.add_value("updated_at", updated_at)
    loader.add_value("fetched_at", fetched_at)
    loader.add_value("employment_type", employment_type)
    ranges = [r for r in (compensation_ranges or []) if r]
    loader.add_value("compensation_ranges", ranges)
    loader.add_value("compensation", primary_compensation(ranges))
    loader.add_value("attribution_url", attribution_url)
    item = loader.load_item()
    for name in LANDING_FIELDS:
        item.setdefault(name, [] if name == "compensation_ranges" else None)
    if item["description_text"] is None:
        item["description_text"] = ""
    return item
