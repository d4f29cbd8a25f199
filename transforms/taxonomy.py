"""The skill taxonomy: packaged data (`data/skills.tsv`), loaded into frozen records.

One row per skill: id, name, category, family, aliases (`|`-separated, lower case,
matched on the token LOWER attribute). The ids of ../shared/skills-core.tsv are used
for those skills; the rest of the table widens coverage for the market-claims page.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Mapping
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


# What of a skill can change an extraction: its id, family, category, name and aliases.
SkillRow = tuple[str, str, str, str, tuple[str, ...]]
TAXONOMY_DIGEST_CHARS = 8
_SPACES = re.compile(r"\s+")


def skill_rows(skills: Iterable[Skill | Mapping[str, object]]) -> dict[str, SkillRow]:
    """Skills (records, or rows of the warehouse's `skills` table) by id, normalised."""
    rows: dict[str, SkillRow] = {}
    for skill in skills:
        if isinstance(skill, Skill):
            sid, name, category, family = skill.id, skill.name, skill.category, skill.family
            aliases: Iterable[object] = skill.aliases
        else:
            sid = str(skill.get("id") or skill.get("skill_id") or "")
            name = str(skill.get("name") or skill.get("skill_name") or sid)
            category, family = str(skill.get("category") or ""), str(skill.get("family") or "")
            aliases = skill.get("aliases") or ()  # type: ignore[assignment]
        if sid:
            rows[sid] = (sid, name, category, family, tuple(sorted(str(a) for a in aliases)))
    return rows


def taxonomy_digest(skills: Iterable[Skill | Mapping[str, object]]) -> str:
    """A digest of the taxonomy's content (not its file's bytes), so the warehouse can
    compute it from its `skills` table and know which taxonomy its postings were read with."""
    digest = hashlib.sha256()
    for row in sorted(skill_rows(skills).values()):
        digest.update(repr(row).encode("utf-8") + b"\0")
    return digest.hexdigest()[:TAXONOMY_DIGEST_CHARS]


def changed_alias_keys(
    before: Iterable[Skill | Mapping[str, object]], after: Iterable[Skill | Mapping[str, object]]
) -> list[str]:
    """The aliases whose meaning differs between two taxonomies, lower case and without
    whitespace: an alias added or removed, and every alias of a skill added, removed or
    changed in id, name, category or family. A posting whose text (title, company, body;
    lower case, whitespace removed) contains none of them is extracted the same by both:
    the phrase matcher only sees token sequences, whose letters appear in that order."""
    old, new = skill_rows(before), skill_rows(after)
    changed: set[str] = set()
    for sid in old.keys() | new.keys():
        a, b = old.get(sid), new.get(sid)
        if a == b:
            continue
        if a is None or b is None or a[:4] != b[:4]:
            changed.update((a[4] if a else ()) + (b[4] if b else ()))
        else:
            changed.update(set(a[4]) ^ set(b[4]))
    return sorted({_SPACES.sub("", alias.lower()) for alias in changed} - {""})
