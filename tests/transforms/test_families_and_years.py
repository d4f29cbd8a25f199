"""Issue #9 extras: required years of experience and skill families (hand-written cases)."""

from __future__ import annotations

import pytest

from transforms.extract import Extractor
from transforms.role import years_of_experience

YEARS: list[tuple[str, tuple[float | None, float | None] | None]] = [
    ("3+ years of experience with Python", (3, None)),
    ("2-3 years of experience in data analysis", (2, 3)),
    ("2–4 years experience", (2, 4)),
    ("5 to 7 years of professional experience", (5, 7)),
    ("At least 5 years of industry experience", (5, None)),
    ("Minimum of 4 years' experience", (4, None)),
    ("Experience: 6+ yrs", (6, None)),
    ("three years of hands-on experience", (3, None)),
    ("Five+ years building ML systems", (5, None)),
    ("10+ years in software engineering", (10, None)),
    ("1+ year of experience writing prompts", (1, None)),
    ("7 years of experience", (7, None)),
    ("4-6 yrs exp. in backend", (4, 6)),
    ("You have 8+ years working on distributed systems", (8, None)),
    ("The company was founded 12 years ago.", None),
    ("We offer a 2-year contract.", None),
    ("Join a 10-year-old company.", None),
    ("We have been profitable for 3 years.", None),
    ("No experience needed.", None),
    ("2+ yrs of backend", (2, None)),
    ("Senior engineer (3+ years)", (3, None)),
    ("5 or more years of experience", (5, None)),
    ("Ages 18 years and older", None),
]


@pytest.mark.parametrize(("text", "expected"), YEARS, ids=[t[:40] for t, _ in YEARS])
def test_required_years_as_stated(
    text: str, expected: tuple[float | None, float | None] | None
) -> None:
    got = years_of_experience(text)
    if expected is None:
        assert got is None
    else:
        assert got == {"min": expected[0], "max": expected[1]}


FAMILIES: list[tuple[str, set[str]]] = [
    ("Python and TypeScript services.", {"programming"}),
    ("Fine-tune LLMs with LoRA.", {"ai_ml"}),
    ("Background in linguistics and semantics.", {"linguistics_language"}),
    ("Conversation design for voice assistants.", {"linguistics_language"}),
    ("Run user research and usability testing.", {"psychology_human_factors"}),
    ("A degree in cognitive psychology.", {"psychology_human_factors"}),
    ("Apply behavioral science to product design.", {"psychology_human_factors", "art_creative"}),
    ("Creative writing and storytelling samples.", {"art_creative"}),
    ("Copywriting for our brand.", {"art_creative"}),
    ("Strong analytical thinking and critical thinking.", {"problem_solving_analysis"}),
    ("Debugging production incidents.", {"problem_solving_analysis"}),
    ("Experience in healthcare and clinical workflows.", {"domain"}),
    ("Know fintech and payments compliance? finance background", {"domain"}),
    ("A/B testing and dashboards in Looker.", {"problem_solving_analysis"}),
    ("Prompt engineering and storytelling.", {"ai_ml", "art_creative"}),
    ("Grammar, punctuation and style guides.", {"linguistics_language"}),
    ("Human factors and HCI research.", {"psychology_human_factors"}),
    ("Kubernetes, Docker and AWS.", {"programming"}),
    ("Problem-solving mindset.", {"problem_solving_analysis"}),
    ("Graphic design in Figma and Photoshop.", {"art_creative"}),
    ("Nothing technical here.", set()),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(("text", "expected"), FAMILIES, ids=[t[:40] for t, _ in FAMILIES])
def test_skill_families_follow_the_taxonomy(
    extractor: Extractor, text: str, expected: set[str]
) -> None:
    out = extractor.extract({"id": "f", "title": "", "text": text})
    assert expected <= set(out["skill_families"])
    if not expected:
        assert out["skill_families"] == []


def test_output_carries_years_and_families(extractor: Extractor) -> None:
    out = extractor.extract(
        {"id": "y", "title": "Backend Engineer", "text": "2-3 years of experience in Python."}
    )
    assert out["years_experience"] == {"min": 2, "max": 3}
    assert out["skill_families"] == ["programming"]


def test_at_least_40_cases() -> None:
    assert len(YEARS) + len(FAMILIES) >= 40
