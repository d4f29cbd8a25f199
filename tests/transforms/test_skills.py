"""Skill matching: aliases on LOWER, and context checks for every ambiguous name."""

from __future__ import annotations

import pytest

from transforms.extract import Extractor
from transforms.skills import CASE_SENSITIVE
from transforms.taxonomy import FAMILIES, load_taxonomy


def skills_of(extractor: Extractor, text: str, title: str = "") -> list[str]:
    return extractor.extract({"id": "t", "title": title, "text": text})["skills"]


# (text, skill id, expected present?)
AMBIGUOUS: list[tuple[str, str, bool]] = [
    ("Our backend is written in Go, Python and Postgres.", "golang", True),
    ("Experience with Go or Rust microservices.", "golang", True),
    ("Golang experience required.", "golang", True),
    ("You will go to market with the sales team.", "golang", False),
    ("Ready to go beyond the obvious?", "golang", False),
    ("Go-to-market experience is a plus.", "golang", False),
    ("Let's go!", "golang", False),
    ("Statistics in R or Python.", "r_lang", True),
    ("Fluent in R, SQL and Tableau.", "r_lang", True),
    ("Our R&D team is growing.", "r_lang", False),
    ("Systems programming in C, C++ and assembly.", "c_lang", True),
    ("We closed our Series C last year.", "c_lang", False),
    ("Comfortable talking to C-level executives.", "c_lang", False),
    ("Rust, Go and TypeScript are our languages.", "rust_lang", True),
    ("Remove rust from the old pipes.", "rust_lang", False),
    ("iOS apps in Swift and SwiftUI.", "swift_lang", True),
    ("We move at a swift pace.", "swift_lang", False),
    ("Big data with Apache Spark and Kafka.", "spark", True),
    ("Pipelines in Python, Spark, Airflow.", "spark", True),
    ("Ideas that spark joy.", "spark", False),
    ("Build agents on Claude and GPT-4.", "anthropic_claude", True),
    ("Prototype with Claude Code daily.", "anthropic_claude", True),
    ("Inspired by Claude Monet's paintings.", "anthropic_claude", False),
    ("Build claims models for our insurance customers.", "insurance", True),
    ("Experience in insurance or banking.", "finance", True),
    ("You get equity, private health insurance and a yearly offsite.", "insurance", False),
    ("You get equity, private health insurance and a yearly offsite.", "finance", False),
    ("Benefits: medical, dental and vision for you and your family.", "healthcare", False),
    ("Annotate medical records for a clinical LLM.", "healthcare", True),
    ("Evaluate Gemini and GPT-4o outputs.", "google_gemini", True),
    ("Born under the sign of gemini.", "google_gemini", False),
    ("Reporting in Excel and Looker.", "excel", True),
    ("You excel at communicating with customers.", "excel", False),
    ("Excel in a fast-moving team.", "excel", False),
    ("Design and test prompts for our assistant.", "prompt_engineering", True),
    ("Prompt engineering for LLM features.", "prompt_engineering", True),
    ("Write clear, creative prompts to probe the model.", "prompt_engineering", True),
    ("We value prompt payment of invoices.", "prompt_engineering", False),
    ("Please send a prompt reply.", "prompt_engineering", False),
    ("Which prompts us to rethink everything.", "prompt_engineering", False),
    ("Produce original content in response to prompts.", "prompt_engineering", False),
    ("Experience building RAG pipelines.", "rag", True),
    ("Wipe the table with a rag.", "rag", False),
    ("Build REST and GraphQL APIs.", "api_integration", True),
    ("For the rest of the team, lunch is free.", "api_integration", False),
    ("Backend in Node and TypeScript.", "javascript", True),
    ("Each node of the graph is a person.", "javascript", False),
    ("Build AI agents with tool use.", "ai_agents", True),
    ("Manage our customer support agents.", "ai_agents", False),
    ("Work with real estate agents on listings.", "ai_agents", False),
    ("Java and Spring Boot services.", "java", True),
    ("JavaScript only, no server work.", "java", False),
    ("ML models in production.", "machine_learning", True),
    ("Add 5 ml of water.", "machine_learning", False),
    ("Code on GitHub, reviewed in pull requests.", "git", True),
    ("See https://github.com/acme/tools for our code.", "git", False),
    ("Backed by OpenAI and Anthropic as investors.", "openai", False),
    ("Build on the OpenAI API.", "openai", True),
    # Soft skills as the people, place or team the job works with are not skills asked of
    # the candidate: "leadership" as the people in charge, "collaboration" as with whom or
    # where the job works, or what the team is like.
    ("Brief executive leadership on the quarterly roadmap.", "leadership", False),
    ("Share findings with senior leadership every month.", "leadership", False),
    ("Advise marketing, finance, and operations leadership on pricing.", "leadership", False),
    ("Work closely with Acme Legal leadership on contracts.", "leadership", False),
    ("Bring the numbers to the leadership every Friday.", "leadership", False),
    ("Counsel regional leadership on market entry.", "leadership", False),
    ("Goals follow the direction of Acme leadership.", "leadership", False),
    ("Help regional sales teams and their leadership close deals.", "leadership", False),
    ("You will sit on the leadership team.", "leadership", False),
    ("Publish thought leadership on payments.", "leadership", False),
    ("Proven leadership skills and a record of growing teams.", "leadership", True),
    ("This is a senior leadership role.", "leadership", True),
    ("Provide technical leadership on the platform.", "leadership", True),
    ("We value ownership, curiosity and leadership.", "leadership", True),
    ("Eight years of leadership experience in support.", "leadership", True),
    ("Show leadership in a culture of leadership.", "leadership", True),
    ("Build the tooling in close collaboration with the data team.", "collaboration", False),
    ("Ship features in collaboration with design.", "collaboration", False),
    ("The role requires in-office collaboration twice a week.", "collaboration", False),
    ("Join a collaborative, curious and kind team.", "collaboration", False),
    ("We offer a collaborative environment and a yearly offsite.", "collaboration", False),
    ("Our team values collaboration, candour and craft.", "collaboration", False),
    ("You value collaboration and clear writing.", "collaboration", True),
    ("Strong collaboration skills across time zones.", "collaboration", True),
    ("You are collaborative and take ownership.", "collaboration", True),
    ("Collaboration: you pair with engineers every week.", "collaboration", True),
    ("Bring a collaborative mindset and a sense of humour to the team.", "collaboration", True),
    # A business function named as the people the job works with is not the domain it
    # works in; the job's own team, a list of skills and experience in a function are.
    ("Partner with product, engineering, and marketing teams on launches.", "marketing", False),
    ("Share pricing insights with sales, finance, and product leaders.", "finance", False),
    ("Share pricing insights with sales, finance, and product leaders.", "sales", False),
    (
        "Coordinate fixes with Operations, Engineering, Finance, and banking partners.",
        "finance",
        False,
    ),
    ("We build software for finance teams.", "finance", False),
    ("Work with Legal stakeholders on every contract.", "legal", False),
    ("Join the Enterprise Sales team in Dublin.", "sales", True),
    ("You will join our growing Legal team.", "legal", True),
    ("Five years of experience on finance or accounting teams.", "finance", True),
    ("Background in sales, marketing or customer success.", "marketing", True),
    ("Support our fintech partners with integrations.", "finance", True),
    (
        "Work closely with the Machine Learning, Software Engineering, and Product Departments.",
        "machine_learning",
        False,
    ),
    ("Partner with development, analytics and other business teams.", "data_analysis", False),
    # ...or a list of functions right after a verb of working with others.
    (
        "Collaborate closely with Sales, Solutions, and Account Management on renewals.",
        "sales",
        False,
    ),
    ("Work cross-functionally with product, legal, and design.", "legal", False),
    ("Align with stakeholders across marketing, service, and finance.", "marketing", False),
    ("Lead teams across sales and marketing in EMEA.", "sales", True),
    ("Work with Sales to close deals faster.", "sales", True),
    ("Familiarity with sales and marketing tools.", "marketing", True),
    ("Build analytics dashboards for the sales team.", "data_analysis", True),
    # A roadmap is product management when the job owns the product's, not when it feeds
    # one or has a roadmap of its own work.
    ("Define and own the product roadmap for payouts.", "product_management", True),
    ("Relay customer feedback to inform our product roadmap.", "product_management", False),
    ("Share the product roadmap with customers in business reviews.", "product_management", False),
    ("Build the technical roadmap for our data platform.", "product_management", False),
    ("Track the sprint in Jira with the team.", "product_management", False),
    ("Track the sprint in Jira with the team.", "project_management", True),
    # A business model or a payments company's customers is not a skill: "SaaS sales" is
    # not cloud computing, "fraudulent merchants" not e-commerce.
    ("Two years of quota-carrying SaaS sales experience.", "cloud_computing", False),
    ("Run our services on cloud infrastructure.", "cloud_computing", True),
    ("Investigate fraudulent merchants and card testing.", "ecommerce", False),
    ("Build checkout flows for e-commerce stores.", "ecommerce", True),
    # Documenting as a duty is writing documentation; "a document" and documented code
    # are not.
    ("Document software designs, code and decisions.", "technical_writing", True),
    ("You will be documenting our public APIs.", "technical_writing", True),
    ("Write post-mortems after incidents.", "technical_writing", True),
    ("This document does not represent a contract.", "technical_writing", False),
    ("Write clean, well-documented code.", "technical_writing", False),
    ("Review design documents with the team.", "technical_writing", False),
    ("Sell Document AI solutions to banks.", "technical_writing", False),
    ("Document data models, transformations and logic.", "technical_writing", True),
    ("We build document data extraction with LLMs.", "technical_writing", False),
    ("Author technical blogs and tutorials for developers.", "technical_writing", True),
    ("Run authorization reports for vendors.", "technical_writing", False),
    # Trying to "break" the AI is red teaming; other words that start so are not.
    ('Actively try to "break" the AI by inducing mistakes.', "red_teaming", True),
    ("Our breakthrough AI models read contracts.", "red_teaming", False),
    ("Outbreak models for public-health agencies.", "red_teaming", False),
    # A duty phrase is read within its sentence.
    (
        "Tools for software development and evaluation. The AI team ships weekly.",
        "llm_evaluation",
        False,
    ),
    ("Evaluate LLM outputs against our rubric.", "llm_evaluation", True),
    # Evaluating AI is; choosing among AI products is not.
    ("Evaluate AI agents on multi-step tasks.", "llm_evaluation", True),
    ("Research, evaluate and adopt new AI tools and frameworks.", "llm_evaluation", False),
    # "User experience" a product gives is an outcome, not UX design.
    ("Revolutionize the user experience for our customers.", "ux_design", False),
    ("Integrate LLMs to improve chatbot performance and user experience.", "ux_design", False),
    ("An eye for user experience and clean dashboards.", "ux_design", True),
]


@pytest.mark.parametrize(
    ("text", "skill", "present"), AMBIGUOUS, ids=[t[:40] for t, _, _ in AMBIGUOUS]
)
def test_ambiguous_names_need_their_context(
    extractor: Extractor, text: str, skill: str, present: bool
) -> None:
    assert (skill in skills_of(extractor, text)) is present


def test_aliases_map_to_the_core_ids(extractor: Extractor) -> None:
    text = (
        "Stack: Python, TypeScript, PostgreSQL, BigQuery, Kubernetes (EKS), Docker, LangGraph, "
        "Pinecone, Hugging Face transformers, PyTorch, Keras. We use few-shot and chain-of-thought "
        "prompting, RLHF, LoRA fine-tuning, embeddings, evals, red teaming and A/B testing."
    )
    got = set(skills_of(extractor, text))
    assert {
        "python", "javascript", "sql", "gcp", "kubernetes", "aws", "docker", "langchain",
        "vector_database", "hugging_face", "pytorch", "tensorflow", "few_shot",
        "chain_of_thought", "rlhf", "fine_tuning", "embeddings", "llm_evaluation",
        "red_teaming", "ab_testing", "prompt_engineering",
    } <= got  # fmt: skip


def test_evidence_is_the_text_that_named_the_skill(extractor: Extractor) -> None:
    out = extractor.extract(
        {"id": "e", "title": "", "text": "We build with LangGraph and Postgres."}
    )
    evidence = {e["skill_id"]: e["text"] for e in out["skill_evidence"]}
    assert evidence["langchain"] == "LangGraph"
    assert evidence["sql"] == "Postgres"


def test_job_title_counts_as_text(extractor: Extractor) -> None:
    assert "llm" in skills_of(extractor, "Join us.", title="Senior LLM Engineer")


def test_taxonomy_has_250_skills_each_in_one_family() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy) >= 250
    assert len({s.id for s in taxonomy}) == len(taxonomy)
    assert {s.family for s in taxonomy} == set(FAMILIES)
    assert all(s.aliases for s in taxonomy)


def test_taxonomy_uses_every_core_id() -> None:
    core = {
        "prompt_engineering", "few_shot", "chain_of_thought", "rag", "fine_tuning", "rlhf",
        "llm_evaluation", "ai_agents", "embeddings", "vector_database", "red_teaming", "llm",
        "openai", "anthropic_claude", "google_gemini", "open_weight_models", "hugging_face",
        "langchain", "llamaindex", "dspy", "nlp", "linguistics", "conversation_design",
        "technical_writing", "machine_learning", "deep_learning", "pytorch", "tensorflow",
        "python", "javascript", "sql", "java", "golang", "rust_lang", "aws", "gcp", "azure",
        "docker", "kubernetes", "api_integration", "data_analysis", "ab_testing", "git",
        "ux_design",
    }  # fmt: skip
    assert core <= {s.id for s in load_taxonomy()}


def _alias_owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for skill in load_taxonomy():
        for alias in skill.aliases:
            owners.setdefault(alias, set()).add(skill.id)
    return owners


CASE_SENSITIVE_IN_TAXONOMY = sorted(
    (alias, sorted(forms)[0])
    for alias, forms in CASE_SENSITIVE.items()
    if forms and alias in _alias_owners() and alias not in forms
)


@pytest.mark.parametrize(("alias", "form"), CASE_SENSITIVE_IN_TAXONOMY)
def test_every_case_sensitive_alias_counts_only_in_its_own_spelling(
    extractor: Extractor, alias: str, form: str
) -> None:
    owners = _alias_owners()[alias]
    listed = set(skills_of(extractor, f"Tools we use: Python, {form}, and SQL."))
    assert owners & listed, f"{form!r} in a tool list should give one of {owners}"
    plain = set(skills_of(extractor, f"Then we {alias} the {alias} and move on."))
    assert not (owners - _owners_by_other_aliases(alias)) & plain


def _owners_by_other_aliases(alias: str) -> set[str]:
    """Skills the negative sentence may still name through another word ("move", "the")."""
    return {
        s
        for a, ids in _alias_owners().items()
        if a in ("then", "we", "the", "and", "move", "on")
        for s in ids
    }


def test_working_with_cross_functional_teams_is_not_a_collaboration_skill(
    extractor: Extractor,
) -> None:
    """ "Partner with cross-functional teams" says who the job works with (most postings
    of a large employer say it), not a skill asked of the candidate."""
    out = extractor.extract(
        {
            "id": "x",
            "title": "Analyst",
            "text": "- Partner with cross-functional teams on SQL reports",
        }
    )
    assert "collaboration" not in out["skills"]
    assert "sql" in out["skills"]
