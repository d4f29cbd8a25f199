"""What the language case tests read from an extraction (shared by test_languages.py and
test_languages_sectioned.py)."""

from __future__ import annotations

from transforms.extract import Extractor


def read_fields(extractor: Extractor, lang: str, title: str, text: str) -> dict[str, object]:
    """The fields the language cases assert, read from one extraction: language, role,
    remote, pay as (min, max, currency, period), years as (min, max), and the sections
    the skills came from."""
    out = extractor.extract({"id": f"{lang}-{title}", "title": title, "text": text})
    salary = out["salary"]
    years = out["years_experience"]
    return {
        "language": out["language"],
        "role": out["role"],
        "remote": out["remote"],
        "pay": salary and (salary["min"], salary["max"], salary["currency"], salary["period"]),
        "years": years and (years["min"], years["max"]),
        "skill_sections": {e["section"] for e in out["skill_evidence"]},
    }
