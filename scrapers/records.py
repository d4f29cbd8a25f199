"""The landing record (docs/architecture.md §1): the one declaration of what a spider lands
and what the warehouse ingests, and the one validation that decides whether a record is
usable. `promptjobs extract` input (§2) is checked by the same field types.

Why here: scrapers produce the landing record, so its contract lives with them; this module
imports nothing but pydantic and pycountry (no Scrapy, no other room), so the warehouse's
ingest and the CLI's `extract` can use it without pulling in the Scrapy project. The
extraction output record is transforms' own contract (`transforms/records.py`).

Two levels, as before this module existed:
- a record is **invalid** (dropped and counted: `items_invalid` in a crawl, `rows_invalid`
  at ingest, a reported line in `extract`) when a field has the wrong type (a number as
  title), a required text is blank, the URL is not http(s), `fetched_at` is not UTC, or a
  pay figure is not a finite number (`NaN`, `Infinity`) or is too large for any arithmetic
  (`1e308`: annualising it overflows);
- any other odd pay value (a word as a figure, a number as currency, a compensation that
  is not an object) is read as missing, and a range that is not usable pay (unknown
  currency or period, no figure, negative, min above max) is only dropped from the
  record, with its reason (`pay_range_problem`).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)

PERIODS: tuple[str, ...] = ("year", "month", "week", "day", "hour")
RemoteHint = Literal["remote", "hybrid", "onsite"]
REMOTE_HINTS: tuple[str, ...] = get_args(RemoteHint)

# The largest pay figure arithmetic can take: annualising an hourly figure (x2080) and
# converting it to USD (a rate of a few USD per unit at most) must stay a finite float.
# Above it a figure is not pay but noise (1e308 overflowed to infinity in extraction).
MAX_FIGURE = sys.float_info.max / 1e6


def _as_figure(value: Any) -> float | None:
    """A figure as boards send it (number or numeric text); anything else is no figure
    (the range then has none, which `pay_range_problem` reports)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:  # an integer past the float range
            return math.inf
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def _as_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _as_object(value: Any) -> Any:
    """A compensation that is not an object is no compensation (as the warehouse reads
    it); one sent as JSON text is read as its object."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return None
    return value if isinstance(value, dict) else None


def _as_objects(value: Any) -> list[Any]:
    if isinstance(value, str) and value.lstrip().startswith("["):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return []
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _sane_figure(value: float | None) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value):
        raise ValueError(f"pay figure {value} is not a finite number")
    if abs(value) > MAX_FIGURE:
        raise ValueError(f"pay figure {value:g} is too large to be pay")
    return value


# A pay figure: a number (or numeric text, as boards send), finite and below MAX_FIGURE.
Figure = Annotated[float | None, BeforeValidator(_as_figure), AfterValidator(_sane_figure)]
PayText = Annotated[str | None, BeforeValidator(_as_text)]
# `ote`: on-target earnings (base + commission), `base`: base pay; anything else is unknown.
PayBasis = Annotated[
    Literal["base", "ote"] | None,
    BeforeValidator(lambda v: v if v in ("base", "ote") else None),
]
# Text fields: a value of another type (a number as title) is an error, never coerced.
Text = Annotated[str, Field(strict=True)]
NonBlank = Annotated[str, Field(strict=True), StringConstraints(pattern=r"\S")]


class PayRange(BaseModel):
    """A compensation object as landed: `{min, max, currency, period, raw}` (and `label`
    in `compensation_ranges`; `pay_basis` when the source says). A figure that is not a finite number of sane size makes
    the whole record invalid; any other odd value is read as missing, and
    `pay_range_problem` then says why the range is not usable pay."""

    model_config = ConfigDict(extra="ignore")

    min: Figure = None
    max: Figure = None
    currency: PayText = None
    period: PayText = None
    raw: PayText = None
    label: PayText = None
    pay_basis: PayBasis = None


Compensation = Annotated[PayRange | None, BeforeValidator(_as_object)]
CompensationRanges = Annotated[list[PayRange], BeforeValidator(_as_objects)]


def pay_range_problem(pay: PayRange) -> str | None:
    """Why a well-typed range is not usable pay (the range is then dropped), or None."""
    if pay.currency is None or pycountry.currencies.get(alpha_3=pay.currency.upper()) is None:
        return f"{pay.currency!r} is not an ISO 4217 currency code"
    if pay.period not in PERIODS:
        return f"period {pay.period!r} is not one of {', '.join(PERIODS)}"
    if pay.min is None and pay.max is None:
        return "a range needs a min or a max"
    if any(v is not None and v < 0 for v in (pay.min, pay.max)):
        return "pay cannot be negative"
    if pay.min is not None and pay.max is not None and pay.min > pay.max:
        return "min is above max"
    return None


def _utc_timestamp(value: str) -> str:
    if not value.endswith("Z"):
        raise ValueError("must be UTC with a Z suffix")
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise ValueError("must be an http(s) URL")
    return value


class LandingRecord(BaseModel):
    """One line of a landing file (the `PostingItem` of every spider). The table of
    docs/architecture.md §1 lists these fields, in this order (a test keeps them equal)."""

    model_config = ConfigDict(extra="ignore")

    source: NonBlank = Field(description="the source's name (its `scrapers/` spider)")
    board: NonBlank = Field(
        description="board token / site (HN: the thread id; remotive/remoteok: the category or `all`)"
    )
    source_id: NonBlank = Field(description="the source's own job id")
    url: Annotated[Text, AfterValidator(_http_url)] = Field(description="public posting URL")
    company: NonBlank = Field(description="")
    title: NonBlank = Field(description="")
    location_raw: Text | None = Field(None, description="")
    remote_hint: RemoteHint | None = Field(
        None, description="what the source says structurally: `remote` `hybrid` `onsite` or null"
    )
    description_html: Text | None = Field(None, description="")
    description_text: Text = Field(description="plain text (HTML stripped, entities decoded)")
    posted_at: Text | None = Field(None, description="ISO-8601, as the source wrote it")
    updated_at: Text | None = Field(None, description="ISO-8601, as the source wrote it")
    valid_through: Text | None = Field(
        None,
        description="ISO-8601, as the source wrote it: the day the posting says it closes "
        "(schema.org `validThrough`; the `archive` source fills it)",
    )
    fetched_at: Annotated[Text, AfterValidator(_utc_timestamp)] = Field(
        description="ISO-8601, UTC with a `Z`"
    )
    employment_type: Text | None = Field(None, description="")
    compensation: Compensation = Field(
        None,
        description="structured base pay: `{min, max, currency, period, raw}`; "
        "period in `year month week day hour`",
    )
    compensation_ranges: CompensationRanges = Field(
        default_factory=list,
        description="every zone's range: `{min, max, currency, period, label, raw}`",
    )
    attribution_url: Text | None = Field(
        None, description="link-back required by the source's terms (Remotive, RemoteOK)"
    )

    @field_validator("source")
    @classmethod
    def _known_source(cls, value: str, info: ValidationInfo) -> str:
        # The caller may pass the known sources (plain values: `context={"sources": ...}`).
        sources = (info.context or {}).get("sources")
        if sources is not None and value not in sources:
            raise ValueError(f"unknown source {value!r}")
        return value


LANDING_FIELDS: tuple[str, ...] = tuple(LandingRecord.model_fields)
# Optional provenance a source may add to its items (the archive source: archive, record
# id, capture key). Landed as it is; the warehouse does not read it.
PROVENANCE_FIELDS: tuple[str, ...] = ("raw",)
# The nested fields: the warehouse reads them as JSON text and types them in SQL.
LANDING_NESTED_FIELDS: tuple[str, ...] = ("compensation", "compensation_ranges")


def first_problem(exc: ValidationError) -> str:
    """`field: message` of a validation error's first problem, for a one-line report."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "record"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"`{where}`: {message}"


def landing_problem(record: Any, sources: tuple[str, ...] | None = None) -> str | None:
    """Why a landing record (a dict) is invalid, or None when it is valid."""
    try:
        LandingRecord.model_validate(record, context={"sources": sources})
    except ValidationError as exc:
        return first_problem(exc)
    return None


def landing_json_problem(line: bytes | str) -> str | None:
    """The same verdict for one landing-file line (JSON text): None when valid."""
    try:
        LandingRecord.model_validate_json(line)
    except ValidationError as exc:
        return first_problem(exc)
    return None


# The model's identity in landing seals: a digest of this module, any line of which can
# change what the model accepts (a file sealed under another digest is screened again).
LANDING_MODEL_ID = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


class ValidLandingRecord(dict[str, Any]):
    """A landing record the model accepted: what the spiders' validation pipeline hands on.
    The landing writer seals a file only when every record it wrote is one."""


def landing_seal(sha256: str, lines: int) -> dict[str, Any]:
    """The stats file's `landing_seal`: each of the `lines` lines of the landing file whose
    bytes have this SHA-256 was accepted by this model (`LANDING_MODEL_ID`)."""
    return {"model": LANDING_MODEL_ID, "sha256": sha256, "lines": lines}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def seal_holds(seal: Any, path: Path) -> bool:
    """Whether `seal` (a stats file's `landing_seal`, or None) vouches for the landing file
    at `path` as it is now: sealed under this model, and not a byte changed since."""
    if not isinstance(seal, dict) or seal.get("model") != LANDING_MODEL_ID:
        return False
    if not isinstance(seal.get("lines"), int):
        return False
    expected = seal.get("sha256")
    return isinstance(expected, str) and file_sha256(path) == expected


def _record_id(value: Any) -> str | int:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise ValueError("must be a non-empty string or an integer")
    return value


class ExtractInput(BaseModel):
    """`promptjobs extract` input (../shared/EXTRACT-CONTRACT.md plus the landing fields the
    extractors read): the same field types as the landing record, so a value the warehouse
    would reject at ingest (a number as title, an infinite pay figure) is rejected here."""

    model_config = ConfigDict(extra="allow")

    id: Annotated[str | int, PlainValidator(_record_id)]
    title: Text | None = None
    company: Text | None = None
    location: Text | None = None
    text: Text | None = None
    compensation: Compensation = None
    compensation_ranges: CompensationRanges = Field(default_factory=list)


def extract_input_problem(record: Any) -> str | None:
    """Why a parsed `extract` input object is unusable, or None."""
    try:
        ExtractInput.model_validate(record)
    except ValidationError as exc:
        return first_problem(exc)
    return None
