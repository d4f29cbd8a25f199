"""Role, seniority, remote and location: decided from the right part of the posting."""

from __future__ import annotations

import pytest

from transforms.location import classify_remote, normalise_location
from transforms.role import classify_role, classify_seniority

PROMPT_ENGINEER = """About the role
You will design, test and improve prompts for our assistant, and evaluate LLM outputs.

Responsibilities
- Write and iterate on system prompts for GPT-4 and Claude.
- Build evaluation sets and judge model responses.
"""
LLM_ENGINEER = """What you'll do
- Build RAG pipelines and agents on top of large language models.
- Ship LLM features to production and monitor them.
Requirements
- Python, vector databases, LLM APIs.
"""
FRONTEND_AT_AI_COMPANY = """About us
We are a generative AI startup building LLM agents for banks. Our platform uses GPT-4.

What you'll do
- Build React components and design systems.
- Improve page performance and accessibility.
Requirements
- 4+ years of TypeScript and CSS.
"""
ML_NO_LLM = """Responsibilities
- Train gradient-boosted models for fraud detection.
- Own feature pipelines in Spark.
Requirements
- Python, SQL, scikit-learn.
"""
AI_TRAINER = """Your day to day
- Rank and rate AI-generated responses for accuracy.
- Write reference answers that improve our language models.
"""
PROMPT_AUTHOR = """We are looking for a Biology Reasoning Prompt Expert to develop questions that
evaluate AI models.
Job Details
- Create challenging prompts that stump the model.
- Write test questions that probe model reasoning and judge the model's answers.
"""
NICE_TO_HAVE_ONLY = """Responsibilities
- Maintain our payroll backend in Java.
- Fix bugs and improve reliability.
Nice to have
- Curiosity about LLMs is a plus.
"""


@pytest.mark.parametrize(
    ("title", "text", "role"),
    [
        ("Prompt Engineer", PROMPT_ENGINEER, "core"),
        ("Senior LLM Engineer", LLM_ENGINEER, "adjacent"),
        ("Software Engineer", LLM_ENGINEER, "adjacent"),
        ("Frontend Engineer", FRONTEND_AT_AI_COMPANY, "other"),
        ("Machine Learning Engineer", ML_NO_LLM, "other"),
        ("AI Trainer (Freelance)", AI_TRAINER, "adjacent"),
        ("Advanced Biology Expert", PROMPT_AUTHOR, "core"),
        ("Backend Engineer", NICE_TO_HAVE_ONLY, "other"),
        ("Conversation Designer", "Design dialogue flows for our LLM assistant.", "adjacent"),
        ("Accountant", "Close the books monthly.", "other"),
    ],
)
def test_role_comes_from_title_and_duties(title: str, text: str, role: str) -> None:
    decision = classify_role(title, text)
    assert decision.role == role, decision.evidence
    assert decision.evidence


def test_company_blurb_alone_never_makes_a_role() -> None:
    decision = classify_role("Frontend Engineer", FRONTEND_AT_AI_COMPANY)
    assert decision.role == "other"
    assert "GPT-4" not in decision.evidence


@pytest.mark.parametrize(
    ("title", "years", "level"),
    [
        ("Software Engineering Intern", None, "intern"),
        ("Junior Data Analyst", None, "junior"),
        ("Senior Prompt Engineer", None, "senior"),
        ("Sr. ML Engineer", None, "senior"),
        ("Staff Software Engineer - AI Agents", None, "staff"),
        ("Principal Engineer", None, "principal"),
        ("Tech Lead, Platform", None, "lead"),
        ("Engineering Manager, LLM Platform", None, "manager"),
        ("Director of AI", None, "director"),
        ("Head of Developer Relations", None, "director"),
        ("VP Engineering", None, "executive"),
        ("Chief Technology Officer", None, "executive"),
        ("Software Engineer II", None, "mid"),
        ("Prompt Engineer", 1, "junior"),
        ("Prompt Engineer", 3, "mid"),
        ("Prompt Engineer", 7, "senior"),
        ("Prompt Engineer", None, None),
        ("Senior Product Manager", None, "senior"),
    ],
)
def test_seniority_from_title_then_years(
    title: str, years: float | None, level: str | None
) -> None:
    assert classify_seniority(title, years) == level


@pytest.mark.parametrize(
    ("location", "title", "text", "hint", "expected"),
    [
        ("Remote (US)", "Engineer", "", None, "remote"),
        ("NYC Hybrid", "Engineer", "", None, "hybrid"),
        ("Boston, MA Onsite", "Engineer", "", None, "onsite"),
        ("REMOTE or ONSITE (Miami, FL)", "Engineer", "", None, "remote"),
        ("ONSITE (Hybrid OK)", "Engineer", "", None, "hybrid"),
        (
            "London",
            "Engineer",
            "This is a hybrid role: 3 days a week in the office.",
            None,
            "hybrid",
        ),
        ("Berlin", "Engineer", "Work fully remote from anywhere in Europe.", None, "remote"),
        ("Paris", "Engineer", "You will work on-site in our Paris office.", None, "onsite"),
        ("Austin", "Engineer", "We build hybrid search over embeddings.", None, None),
        ("Austin", "Engineer", "This is not a remote position.", None, "onsite"),
        (None, "Engineer", "Nothing about place.", "remote", "remote"),
        (None, "Engineer", "Nothing about place.", "hybrid", "hybrid"),
        (None, "Engineer", "Nothing about place.", None, None),
    ],
)
def test_remote_hybrid_onsite(
    location: str | None, title: str, text: str, hint: str | None, expected: str | None
) -> None:
    assert classify_remote(location, title, text, hint)[0] == expected


@pytest.mark.parametrize(
    ("raw", "city", "country", "us_state", "world_region"),
    [
        ("San Francisco, CA", "San Francisco", "US", "CA", "North America"),
        ("New York, NY", "New York City", "US", "NY", "North America"),
        ("Remote (US)", None, "US", None, "North America"),
        ("London, UK", "London", "GB", None, "UK & Ireland"),
        ("Dublin, Ireland", "Dublin", "IE", None, "UK & Ireland"),
        ("Berlin, Germany", "Berlin", "DE", None, "Europe"),
        ("Bengaluru, India", "Bengaluru", "IN", None, "South Asia"),
        ("Sydney, Australia", "Sydney", "AU", None, "Oceania"),
        ("São Paulo", "São Paulo", "BR", None, "Latin America"),
        ("Remote - Saudi Arabia", None, "SA", None, "Middle East & Africa"),
        ("Tokyo", "Tokyo", "JP", None, "East & Southeast Asia"),
        ("Austin, Texas", "Austin", "US", "TX", "North America"),
        ("Europe (Remote, UTC +/- 3 hours)", None, None, None, "Europe"),
        ("Latin America - Remote", None, None, None, "Latin America"),
        ("Worldwide", None, None, None, "Remote / unspecified"),
        ("United States-Remote", None, "US", None, "North America"),
        ("Remote (US time zone)", None, "US", None, "North America"),
        ("Zurich, Onsite", "Zürich", "CH", None, "Europe"),
        ("NYC & SF (onsite)", "New York City", "US", "NY", "North America"),
        ("Sydney CBD", "Sydney", "AU", None, "Oceania"),
        ("", None, None, None, "Remote / unspecified"),
    ],
)
def test_location_is_normalised_to_iso_codes(
    raw: str, city: str | None, country: str | None, us_state: str | None, world_region: str
) -> None:
    loc = normalise_location(raw)
    assert (loc["city"], loc["country"], loc["us_state"], loc["world_region"]) == (
        city,
        country,
        us_state,
        world_region,
    )
    assert loc["raw"] == raw


def test_us_state_keeps_its_name_as_region() -> None:
    assert normalise_location("Denver, CO")["region"] == "Colorado"
