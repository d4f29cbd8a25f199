"""The skill taxonomy: packaged data (`data/skills.tsv`), loaded into frozen records.

One row per skill: id, name, category, family, aliases (`|`-separated, lower case,
matched on the token LOWER attribute). The ids of ../shared/skills-core.tsv are used
for those skills; the rest of the table widens coverage for the market-claims page.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CATEGORIES: tuple[str, ...] = (
    "language",
    "framework",
    "provider_model",
    "technique",
    "platform",
    "domain",
)
FAMILIES: tuple[str, ...] = (
    "ai_ml",
    "programming",
    "linguistics_language",
    "psychology_human_factors",
    "art_creative",
    "problem_solving_analysis",
    "domain",
)
TAXONOMY_FILE = "skills.tsv"


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    family: str
    aliases: tuple[str, ...]


class TaxonomyError(ValueError):
    """The taxonomy data file breaks one of its rules (unknown family, duplicate id...)."""


def parse_taxonomy(text: str) -> list[Skill]:
    """Parse the TSV text of a taxonomy; raise TaxonomyError naming the bad row."""
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    skills: list[Skill] = []
    seen: set[str] = set()
    for line_no, row in enumerate(reader, start=2):
        skill_id = (row.get("id") or "").strip()
        if not skill_id:
            continue
        category, family = row["category"].strip(), row["family"].strip()
        if skill_id in seen:
            raise TaxonomyError(f"line {line_no}: duplicate skill id {skill_id!r}")
        if category not in CATEGORIES:
            raise TaxonomyError(f"line {line_no}: {skill_id}: unknown category {category!r}")
        if family not in FAMILIES:
            raise TaxonomyError(f"line {line_no}: {skill_id}: unknown family {family!r}")
        aliases = tuple(
            dict.fromkeys(a.strip().lower() for a in (row.get("aliases") or "").split("|"))
        )
        seen.add(skill_id)
        skills.append(
            Skill(
                id=skill_id,
                name=row["name"].strip(),
                category=category,
                family=family,
                aliases=tuple(a for a in aliases if a),
            )
        )
    return skills


@lru_cache(maxsize=1)
def _packaged_taxonomy() -> tuple[Skill, ...]:
    text = resources.files("transforms").joinpath("data", TAXONOMY_FILE).read_text("utf-8")
    return tuple(parse_taxonomy(text))


def load_taxonomy() -> list[Skill]:
    """The packaged taxonomy, one Skill per row, in file order."""
    return list(_packaged_taxonomy())


def taxonomy_records() -> list[dict[str, object]]:
    """The taxonomy as plain dicts (what the warehouse stores in its `skills` table)."""
    return [
        {
            "skill_id": s.id,
            "skill_name": s.name,
            "category": s.category,
            "family": s.family,
            "aliases": list(s.aliases),
        }
        for s in load_taxonomy()
    ]
