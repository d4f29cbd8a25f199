"""Synthetic postings for the report benchmark: a seeded generator of posting rows and their
skills at any size (a million in seconds), shaped like the warehouse's `postings` and
`posting_skills` tables. benchmarks/report.py loads them into the real tables and builds
the real views on them (there is no stand-in for a view). Benchmark data written by us;
nothing in the pipeline reads it, and it ships in no package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import polars as pl

ROLES = ("core", "adjacent", "other")
ROLE_WEIGHTS = (0.3, 0.5, 0.2)
SOURCES = ("greenhouse", "lever", "ashby", "hn", "remotive", "remoteok")
SOURCE_WEIGHTS = (0.3, 0.2, 0.15, 0.15, 0.1, 0.1)
COMPANIES = (
    "Northwind AI",
    "Lumen Labs",
    "Quillstone",
    "Parsec Health",
    "Bramble & Co",
    "Tessellate",
    "Harbor Analytics",
    "Cinder Robotics",
    "Oakline Legal",
    "Vellum Studio",
    "Meridian Bank",
    "Kestrel Games",
    "Polyglot Learning",
    "Sable Security",
    "Fathom Retail",
    "Juniper Insurance",
    "Arcadia Media",
    "Driftwood Travel",
    "Orchid Biotech",
    "Granite Logistics",
)
TITLES: dict[str, tuple[str, ...]] = {
    "core": (
        "Prompt Engineer",
        "Senior Prompt Engineer",
        "Prompt Designer",
        "LLM Evaluation Specialist",
        "AI Content Writer (Prompts)",
        "Conversation Designer",
    ),
    "adjacent": (
        "AI Engineer",
        "LLM Engineer",
        "Machine Learning Engineer, GenAI",
        "AI Trainer",
        "RLHF Data Annotator",
        "Applied Research Scientist",
    ),
    "other": ("Data Analyst", "Backend Engineer", "Product Designer", "Account Executive"),
}
SENIORITIES = ("junior", "mid", "senior", "staff", "lead", None)
SENIORITY_WEIGHTS = (0.12, 0.3, 0.3, 0.08, 0.08, 0.12)
SENIORITY_PAY = {"junior": 0.7, "mid": 0.9, "senior": 1.15, "staff": 1.4, "lead": 1.3, None: 1.0}
REMOTES = ("remote", "hybrid", "onsite", None)
REMOTE_WEIGHTS = (0.4, 0.3, 0.2, 0.1)
# (country, us_state, world_region, weight)
PLACES = (
    ("US", "CA", "North America", 0.2),
    ("US", "NY", "North America", 0.12),
    ("US", "WA", "North America", 0.07),
    ("US", "TX", "North America", 0.06),
    ("US", "MA", "North America", 0.05),
    ("US", "IL", "North America", 0.03),
    ("US", "CO", "North America", 0.03),
    ("US", None, "North America", 0.04),
    ("CA", None, "North America", 0.05),
    ("GB", None, "UK & Ireland", 0.08),
    ("DE", None, "Europe", 0.06),
    ("IN", None, "South Asia", 0.06),
    ("BR", None, "Latin America", 0.03),
    ("SG", None, "East & Southeast Asia", 0.03),
    ("AU", None, "Oceania", 0.02),
    (None, None, "Remote / unspecified", 0.07),
)
ROLE_PAY_USD = {"core": 150_000.0, "adjacent": 175_000.0, "other": 115_000.0}
# (skill_id, skill_name, category, family, P(core), P(adjacent), P(other), pay effect)
SKILLS = (
    ("prompt_engineering", "Prompt engineering", "llm", "ai_ml", 0.85, 0.35, 0.02, 1.00),
    ("llm", "Large language models", "llm", "ai_ml", 0.7, 0.75, 0.05, 1.05),
    ("rag", "Retrieval-augmented generation", "llm", "ai_ml", 0.25, 0.45, 0.01, 1.10),
    ("fine_tuning", "Fine-tuning", "llm", "ai_ml", 0.1, 0.35, 0.01, 1.15),
    ("evaluation", "LLM evaluation", "llm", "ai_ml", 0.45, 0.3, 0.01, 1.02),
    ("python", "Python", "language", "programming", 0.5, 0.85, 0.3, 1.08),
    ("sql", "SQL", "language", "programming", 0.15, 0.3, 0.35, 1.0),
    ("typescript", "TypeScript", "language", "programming", 0.08, 0.2, 0.2, 1.02),
    ("langchain", "LangChain", "framework", "programming", 0.2, 0.35, 0.01, 1.05),
    ("pytorch", "PyTorch", "framework", "programming", 0.05, 0.3, 0.02, 1.12),
    ("writing", "Technical writing", "communication", "linguistics_language", 0.5, 0.15, 0.1, 0.95),
    ("linguistics", "Linguistics", "language", "linguistics_language", 0.2, 0.08, 0.01, 0.97),
    ("nlp", "NLP", "ml", "linguistics_language", 0.25, 0.3, 0.02, 1.06),
    ("ux_research", "UX research", "design", "psychology_human_factors", 0.12, 0.05, 0.1, 0.98),
    ("psychology", "Psychology", "science", "psychology_human_factors", 0.08, 0.03, 0.02, 0.96),
    ("creative_writing", "Creative writing", "creative", "art_creative", 0.2, 0.05, 0.03, 0.9),
    ("design", "Visual design", "creative", "art_creative", 0.06, 0.03, 0.15, 0.95),
    ("analytics", "Data analysis", "analysis", "problem_solving_analysis", 0.3, 0.3, 0.4, 1.0),
    (
        "experimentation",
        "A/B testing",
        "analysis",
        "problem_solving_analysis",
        0.15,
        0.15,
        0.1,
        1.03,
    ),
    ("healthcare", "Healthcare", "domain", "domain", 0.06, 0.06, 0.05, 1.0),
    ("finance", "Finance", "domain", "domain", 0.05, 0.06, 0.06, 1.08),
    ("legal", "Legal", "domain", "domain", 0.05, 0.03, 0.02, 1.0),
)
ATTRIBUTION = {
    "remotive": "https://remotive.com",
    "remoteok": "https://remoteok.com",
}


@dataclass(frozen=True)
class SampleSpec:
    """How big and how shaped the synthetic warehouse is."""

    n_postings: int = 400
    weeks: int = 12
    end_date: date = date(2026, 11, 20)
    seed: int = 7
    pay_share: float = 0.6


def _choice(rng: np.random.Generator, values: tuple, weights: tuple, n: int) -> np.ndarray:
    index = rng.choice(len(values), size=n, p=np.asarray(weights) / sum(weights))
    return np.asarray(values, dtype=object)[index]


def sample_postings(spec: SampleSpec) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (posting_facts, posting_skills) frames; posting_skills feeds the aggregates."""
    rng = np.random.default_rng(spec.seed)
    n = spec.n_postings
    role = _choice(rng, ROLES, ROLE_WEIGHTS, n)
    source = _choice(rng, SOURCES, SOURCE_WEIGHTS, n)
    company = _choice(rng, COMPANIES, tuple(1.0 / (i + 2) for i in range(len(COMPANIES))), n)
    title = np.empty(n, dtype=object)
    for r in ROLES:
        mask = role == r
        title[mask] = _choice(rng, TITLES[r], (1.0,) * len(TITLES[r]), int(mask.sum()))
    seniority = _choice(rng, SENIORITIES, SENIORITY_WEIGHTS, n)
    remote = _choice(rng, REMOTES, REMOTE_WEIGHTS, n)
    place_index = rng.choice(len(PLACES), size=n, p=[p[3] for p in PLACES])
    country = np.asarray([p[0] for p in PLACES], dtype=object)[place_index]
    us_state = np.asarray([p[1] for p in PLACES], dtype=object)[place_index]
    world_region = np.asarray([p[2] for p in PLACES], dtype=object)[place_index]

    # Demand grows a little over the window, so the trend lines have something to show.
    span_days = spec.weeks * 7
    age_days = np.floor(span_days * (1 - np.sqrt(rng.random(n)))).astype(int)
    start = spec.end_date - timedelta(days=span_days - 1)
    demand_offset = span_days - 1 - age_days
    demand_date = np.asarray([start + timedelta(days=int(d)) for d in range(span_days)])[
        demand_offset
    ]
    first_seen_lag = rng.integers(0, 3, n)
    closed = rng.random(n) < 0.55
    open_days = np.maximum(1, rng.exponential(28, n)).astype(int)
    end_offset = span_days - 1 - demand_offset - first_seen_lag
    closed &= open_days <= end_offset

    base_pay = np.asarray([ROLE_PAY_USD[r] for r in role]) * np.asarray(
        [SENIORITY_PAY[s] for s in seniority]
    )
    skill_ids = [s[0] for s in SKILLS]
    role_index = np.searchsorted(np.asarray(ROLES), role, sorter=np.argsort(ROLES))
    role_index = np.argsort(ROLES)[role_index]
    probabilities = np.asarray([[s[4], s[5], s[6]] for s in SKILLS])  # skills x roles
    has_skill = rng.random((n, len(SKILLS))) < probabilities[:, role_index].T
    pay_effect = np.asarray([s[7] for s in SKILLS])
    multiplier = np.exp((has_skill * np.log(pay_effect)).sum(axis=1))
    pay_mid = base_pay * multiplier * rng.lognormal(0, 0.18, n)
    half_width = pay_mid * rng.uniform(0.05, 0.2, n)
    has_pay = rng.random(n) < spec.pay_share
    open_top = rng.random(n) < 0.05
    salary_min = np.where(has_pay, np.round(pay_mid - half_width, -3), np.nan)
    salary_max = np.where(has_pay & ~open_top, np.round(pay_mid + half_width, -3), np.nan)
    has_years = rng.random(n) < 0.7
    years_min = np.where(has_years, rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 10], n), -1)
    years_max = np.where(has_years & (rng.random(n) < 0.4), years_min + 2, -1)

    ids = [f"{source[i]}:{100000 + i}" for i in range(n)]
    families_per_posting = has_skill @ _family_matrix()
    facts = pl.DataFrame(
        {
            "posting_id": ids,
            "canonical_posting_id": ids,
            "source": source.tolist(),
            "company": company.tolist(),
            "title": title.tolist(),
            "role": role.tolist(),
            "demand_date": demand_date.tolist(),
            "seniority": seniority.tolist(),
            "remote": remote.tolist(),
            "country": country.tolist(),
            "us_state": us_state.tolist(),
            "world_region": world_region.tolist(),
            "first_seen_lag": first_seen_lag.tolist(),
            "open_days": np.where(closed, open_days, -1).tolist(),
            "has_posted_at": (rng.random(n) < 0.9).tolist(),
            "salary_min_annual_usd": salary_min.tolist(),
            "salary_max_annual_usd": salary_max.tolist(),
            "years_min": years_min.tolist(),
            "years_max": years_max.tolist(),
            "skill_count": has_skill.sum(axis=1).tolist(),
            "family_count": (families_per_posting > 0).sum(axis=1).tolist(),
        },
        schema_overrides={"demand_date": pl.Date},
    )
    facts = facts.with_columns(
        pl.col("salary_min_annual_usd").fill_nan(None),
        pl.col("salary_max_annual_usd").fill_nan(None),
        pl.when(pl.col("years_min") >= 0).then(pl.col("years_min")).alias("years_min"),
        pl.when(pl.col("years_max") >= 0).then(pl.col("years_max")).alias("years_max"),
    )
    posting_index, skill_index = np.nonzero(has_skill)
    skills = pl.DataFrame(
        {
            "canonical_posting_id": np.asarray(ids, dtype=object)[posting_index].tolist(),
            "skill_id": np.asarray(skill_ids, dtype=object)[skill_index].tolist(),
        }
    )
    return facts, skills


def _family_matrix() -> np.ndarray:
    families = sorted({s[3] for s in SKILLS})
    matrix = np.zeros((len(SKILLS), len(families)), dtype=int)
    for i, skill in enumerate(SKILLS):
        matrix[i, families.index(skill[3])] = 1
    return matrix
