"""Verdicts on the market claims about prompt engineering, computed from numbers only.

Pure functions: counts in, a `Verdict` out. The page prints each verdict's line and, from
`RULES`, how every verdict is computed, so the words on the page always follow the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from common.usd import format_usd

VerdictLabel = Literal["supported", "partly", "not supported", "not enough data"]

BAND_LOW_USD = 175_000
BAND_HIGH_USD = 300_000
NAMED_FAMILIES = (
    "ai_ml",
    "programming",
    "linguistics_language",
    "psychology_human_factors",
    "art_creative",
)


@dataclass(frozen=True)
class Thresholds:
    """Every number a verdict depends on; the page prints them."""

    min_sample: int = 30
    # pay: share of paid US postings whose range overlaps the band
    pay_supported_share: float = 0.5
    pay_partly_share: float = 0.25
    # hybrid profile: postings asking for >= 4 (supported) / >= 3 (partly) named families
    profile_supported_share: float = 0.5
    profile_partly_share: float = 0.25
    # experience: postings (stating years) that ask for 3 years or fewer
    experience_supported_share: float = 0.5
    experience_partly_share: float = 0.25
    # hiring difficulty: median days open vs other roles, and the repost share
    hiring_slower_ratio: float = 1.25
    hiring_repost_share: float = 0.15
    # titles: postings of the role posted under a title containing "prompt"
    titles_supported_share: float = 0.5
    titles_partly_share: float = 0.2


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Verdict:
    claim: str
    role: str
    label: VerdictLabel
    line: str  # one line with the numbers behind the label
    n: int  # the sample the verdict rests on


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _by_share(share: float, supported: float, partly: float) -> VerdictLabel:
    if share >= supported:
        return "supported"
    if share >= partly:
        return "partly"
    return "not supported"


def _too_few(claim: str, role: str, n: int, what: str, t: Thresholds) -> Verdict:
    return Verdict(
        claim,
        role,
        "not enough data",
        f"only {n} {what} (minimum {t.min_sample})",
        n,
    )


def pay_verdict(
    role: str,
    n_with_pay: int,
    n_overlap: int,
    n_inside: int,
    median_usd: float | None,
    t: Thresholds = DEFAULT_THRESHOLDS,
) -> Verdict:
    """US pay of $175k-$300k: the share of paid US postings overlapping the band, and where
    their median lies. supported needs both a majority overlap and a median inside the band."""
    claim = "pay"
    if n_with_pay < t.min_sample:
        return _too_few(claim, role, n_with_pay, "US postings with stated pay", t)
    share = n_overlap / n_with_pay
    label = _by_share(share, t.pay_supported_share, t.pay_partly_share)
    median_in_band = median_usd is not None and BAND_LOW_USD <= median_usd <= BAND_HIGH_USD
    if label == "supported" and not median_in_band:
        label = "partly"
    line = (
        f"{_pct(share)} of {n_with_pay} US postings with pay overlap $175k-$300k "
        f"({_pct(n_inside / n_with_pay)} lie inside it); median {format_usd(median_usd, thousands=True)}"
    )
    return Verdict(claim, role, label, line, n_with_pay)


def profile_verdict(
    role: str,
    n_postings: int,
    n_four_or_more: int,
    n_three_or_more: int,
    n_all_five: int,
    t: Thresholds = DEFAULT_THRESHOLDS,
) -> Verdict:
    """A hybrid profile of AI + programming + language + psychology + art."""
    claim = "hybrid profile"
    if n_postings < t.min_sample:
        return _too_few(claim, role, n_postings, "postings", t)
    share4 = n_four_or_more / n_postings
    share3 = n_three_or_more / n_postings
    if share4 >= t.profile_supported_share:
        label: VerdictLabel = "supported"
    elif share3 >= t.profile_partly_share:
        label = "partly"
    else:
        label = "not supported"
    line = (
        f"{_pct(share4)} of {n_postings} postings ask for 4+ of the 5 named families, "
        f"{_pct(share3)} for 3+, {_pct(n_all_five / n_postings)} for all 5"
    )
    return Verdict(claim, role, label, line, n_postings)


def experience_verdict(
    role: str,
    n_with_years: int,
    n_three_or_fewer: int,
    median_years: float | None,
    t: Thresholds = DEFAULT_THRESHOLDS,
) -> Verdict:
    """Employers settle for two to three years of experience (or fewer)."""
    claim = "experience"
    if n_with_years < t.min_sample:
        return _too_few(claim, role, n_with_years, "postings stating years", t)
    share = n_three_or_fewer / n_with_years
    label = _by_share(share, t.experience_supported_share, t.experience_partly_share)
    median = "n/a" if median_years is None else f"{median_years:g}"
    line = (
        f"{_pct(share)} of {n_with_years} postings stating years ask for 3 or fewer; "
        f"median {median} years"
    )
    return Verdict(claim, role, label, line, n_with_years)


_SIGNAL_LABELS: tuple[VerdictLabel, ...] = ("not supported", "partly", "supported")


def hiring_verdict(
    role: str,
    n_closed: int,
    median_days: float | None,
    baseline_n_closed: int,
    baseline_median_days: float | None,
    n_postings: int,
    n_reposted: int,
    t: Thresholds = DEFAULT_THRESHOLDS,
) -> Verdict:
    """Employers struggle to hire: postings stay open longer than other roles', or are reposted.

    Two signals: (a) median days open >= `hiring_slower_ratio` x the other roles' median (needs
    `min_sample` closed postings on both sides), (b) repost share >= `hiring_repost_share`.
    Both: supported; one: partly; none: not supported. Without a usable comparison only (b)
    counts, and then at most "partly".
    """
    claim = "hiring difficulty"
    if n_postings < t.min_sample:
        return _too_few(claim, role, n_postings, "postings", t)
    repost_share = n_reposted / n_postings
    repost_signal = repost_share >= t.hiring_repost_share
    label: VerdictLabel
    parts = [f"{_pct(repost_share)} of {n_postings} postings are reposts"]
    if (
        n_closed >= t.min_sample
        and baseline_n_closed >= t.min_sample
        and median_days is not None
        and baseline_median_days  # neither None nor zero: it divides
    ):
        ratio = median_days / baseline_median_days
        slow_signal = ratio >= t.hiring_slower_ratio
        parts.insert(
            0,
            f"median {median_days:g} days open (n={n_closed}) vs {baseline_median_days:g} "
            f"for other roles (n={baseline_n_closed}), x{ratio:.2f}",
        )
        label = _SIGNAL_LABELS[int(slow_signal) + int(repost_signal)]
    else:
        parts.insert(0, f"too few closed postings to compare time open (n={n_closed})")
        label = "partly" if repost_signal else "not supported"
    return Verdict(claim, role, label, "; ".join(parts), n_postings)


def titles_verdict(
    role: str,
    n_postings: int,
    n_prompt_title: int,
    t: Thresholds = DEFAULT_THRESHOLDS,
) -> Verdict:
    """ "Prompt engineer" is the job: how much of the role is posted under a "prompt" title."""
    claim = "prompt titles"
    if n_postings < t.min_sample:
        return _too_few(claim, role, n_postings, "postings", t)
    share = n_prompt_title / n_postings
    label = _by_share(share, t.titles_supported_share, t.titles_partly_share)
    line = f'{_pct(share)} of {n_postings} postings carry a title containing "prompt"'
    return Verdict(claim, role, label, line, n_postings)


def rules(t: Thresholds = DEFAULT_THRESHOLDS) -> dict[str, str]:
    """How each verdict is computed, in words built from the same thresholds."""
    below = f'Below {t.min_sample} postings in the sample the verdict is "not enough data".'
    return {
        "pay": (
            "Sample: US postings (country US or a US state) with stated pay, converted to "
            "annual USD. supported when at least "
            f"{_pct(t.pay_supported_share)} of their ranges overlap $175k-$300k and their "
            "median pay lies inside it; partly when at least "
            f"{_pct(t.pay_partly_share)} overlap; otherwise not supported. " + below
        ),
        "hybrid profile": (
            "Sample: all postings of the role. Named families: AI/ML, programming, "
            "linguistics/language, psychology/human factors, art/creative. supported when at "
            f"least {_pct(t.profile_supported_share)} ask for 4 or more of them; partly when at "
            f"least {_pct(t.profile_partly_share)} ask for 3 or more; otherwise not supported. "
            + below
        ),
        "experience": (
            "Sample: postings that state required years (the minimum, else the maximum). "
            f"supported when at least {_pct(t.experience_supported_share)} ask for 3 years or "
            f"fewer; partly from {_pct(t.experience_partly_share)}; otherwise not supported. "
            + below
        ),
        "hiring difficulty": (
            "Two signals: closed postings stay open at least "
            f"{t.hiring_slower_ratio:g}x as long (median) as other roles' (both sides need "
            f"{t.min_sample} closed postings), and at least {_pct(t.hiring_repost_share)} of "
            "postings are reposts (same company and normalised title, posted again after an "
            "earlier one closed). Both: supported; one: partly; none: not supported; without "
            "a usable comparison only the repost signal counts (at most partly). " + below
        ),
        "prompt titles": (
            "Sample: all postings of the role. supported when at least "
            f'{_pct(t.titles_supported_share)} carry a title containing "prompt"; partly from '
            f"{_pct(t.titles_partly_share)}; otherwise not supported. " + below
        ),
    }
