"""The extraction output record (docs/architecture.md §2): the one declaration of what
`Extractor.extract` returns and `promptjobs extract` writes. The warehouse's Arrow schema
for it is derived from this model (`warehouse.extraction_handoff`), and a test keeps the
extractor's records, this model and the docs table equal.

Also the plausibility rule for pay: a range whose annual USD amount is outside
`PAY_ANNUAL_USD_BOUNDS` (an annual 1e300, an hourly 1e6) is dropped from the record and
named in `pay_dropped` with its reason, rather than loaded as pay.

The extractors build plain dicts (a model instance per record would cost time for
nothing); the model is the contract they are checked against.
"""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # the warehouse imports this module for the model alone
    from transforms.salary import FxTable, Pay

Period = Literal["year", "month", "week", "day", "hour"]

# Annual pay in USD a job can plausibly offer: above it a number is no pay (the highest
# salaries posted are a few million). Too-low figures are the text parser's call (a perk
# or a price), so the lower bound only keeps out negative amounts.
PAY_ANNUAL_USD_BOUNDS: tuple[float, float] = (0.0, 50_000_000.0)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Salary(_Record):
    min: float | None = Field(description="as stated, in the stated unit")
    max: float | None = Field(description="as stated; null on an open side")
    currency: str = Field(description="ISO 4217")
    period: Period
    min_annual_usd: float | None
    max_annual_usd: float | None
    text: str = Field(description="the span it came from")


class SalaryRange(Salary):
    label: str | None = Field(description="the zone or level the range is for")
    is_primary: bool = Field(description="this range is `salary`")
    pay_basis: Literal["base", "ote"] | None = Field(
        default=None,
        description="`base` or `ote` (on-target earnings) as the source states it; null "
        "when it does not (the warehouse then reads the range's words)",
    )


class Location(_Record):
    city: str | None
    region: str | None
    country: str | None = Field(description="ISO 3166 alpha-2")
    us_state: str | None
    world_region: str | None
    countries: list[str] = Field(
        default_factory=list, description="every country the location names (ISO alpha-2)"
    )
    raw: str | None


class YearsExperience(_Record):
    min: float | None
    max: float | None


class SkillEvidence(_Record):
    skill_id: str
    text: str
    section: str = Field(
        default="job", description="the section it was read in (`job`, `nice`, `intro`)"
    )
    sentence_key: str | None = Field(
        default=None,
        description="16-hex-digit hash of the normalised sentence it was read in (lower "
        "case, numbers as 0, whitespace folded); null for a list item or a sentence under 5 words",
    )


class PayDropped(_Record):
    text: str
    reason: str


class ExtractionRecord(_Record):
    """One output record; the rows of the §2 table in docs/architecture.md, in order."""

    id: str | int = Field(description="the input's id")
    role: Literal["core", "adjacent", "other"]
    seniority: str | None = Field(description="`intern` ... `executive`, or null")
    remote: Literal["remote", "hybrid", "onsite"] | None
    salary: Salary | None = Field(description="the pay a job seeker would read as the pay")
    skills: list[str] = Field(description="canonical skill ids")
    salary_source: Literal["structured", "text"] | None
    salaries: list[SalaryRange] = Field(description="every range found")
    skill_evidence: list[SkillEvidence]
    outside_sentence_keys: list[str] = Field(
        description="`sentence_key` of each sentence outside the job's sections (company, "
        "benefits, legal...) that names a skill, at most 12"
    )
    role_evidence: str
    location: Location
    years_experience: YearsExperience | None
    ai_involvement: Literal["builds", "uses", "mentions", "none"] = Field(
        description="builds/operates AI systems, uses AI tools in the work, mentions AI only "
        "as context, or none"
    )
    language: str | None = Field(description="ISO 639-1 code of the posting's language")
    skill_families: list[str]
    extractor_version: str
    pay_dropped: list[PayDropped] = Field(
        default_factory=list,
        description="ranges dropped as not pay, with the reason (present only when any)",
    )


EXTRACTION_FIELDS: tuple[str, ...] = tuple(ExtractionRecord.model_fields)

# A figure above this cannot be annualised and converted without overflowing a float.
_MAX_FIGURE = sys.float_info.max / 1e6


def pay_problem(pay: Pay, fx: FxTable) -> str | None:
    """Why a range is not plausible pay for its period (it is then dropped), or None.
    A range in a currency the FX table lacks is judged by its stated figures alone."""
    from transforms.salary import ANNUAL_FACTOR

    for figure in (pay.min, pay.max):
        if figure is None:
            continue
        if not math.isfinite(figure) or abs(figure) > _MAX_FIGURE:
            return f"figure {figure:g} is not a usable number"
        annual = fx.to_usd(figure * ANNUAL_FACTOR.get(pay.period, 1), pay.currency)
        if annual is None:
            continue
        low, high = PAY_ANNUAL_USD_BOUNDS
        if not low <= annual <= high:
            shown = f"{annual:,.0f}" if abs(annual) < 1e15 else f"{annual:.3g}"
            return (
                f"{figure:g} {pay.currency} per {pay.period} is {shown} USD a year, "
                f"outside {low:,.0f}-{high:,.0f}"
            )
    return None


def plausible_pays(pays: list[Pay], fx: FxTable) -> tuple[list[Pay], list[dict[str, str]]]:
    """The ranges that are plausible pay, and a `pay_dropped` entry for each other one."""
    kept: list[Pay] = []
    dropped: list[dict[str, str]] = []
    for pay in pays:
        problem = pay_problem(pay, fx)
        if problem is None:
            kept.append(pay)
        else:
            dropped.append({"text": pay.text, "reason": problem})
    return kept, dropped
