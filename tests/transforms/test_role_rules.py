"""The adjacent rules that real ATS postings revealed, each on a small posting of our own:
a "|" in a business title, statistics' words that look like LLM work, the AI tools a person
uses, business titles with AI words, ML jobs with no LLM work named."""

from __future__ import annotations

from transforms.role import classify_role

AI_DUTIES = """About the role
- Guide customers through adopting our agentic workflows and LLM-powered features.
- Explain how generative AI assistants change their finance team's work.
- Run onboarding calls and track adoption.
"""


def test_a_pipe_in_a_business_title_still_makes_it_a_business_title() -> None:
    # One "|" splits a title and its segment; AI talk in a sales job's duties is the product.
    decision = classify_role("Customer Onboarding Manager | Enterprise", AI_DUTIES)
    assert decision.role == "other", decision.evidence
    # A header line of several fields is not one title: the rule does not read it as one.
    assert classify_role("Acme | Remote | Full-time", LLM_WORK).role == "adjacent"


LLM_WORK = """What you'll do
- Build RAG pipelines and agents on large language models.
- Fine-tune open-weight LLMs and evaluate them.
"""


def test_director_is_not_a_technical_title() -> None:
    # "Director" holds the letters "cto": it is no CTO.
    decision = classify_role("Director of Public Affairs Outreach", AI_DUTIES)
    assert decision.role == "other", decision.evidence
    assert classify_role("CTO", LLM_WORK).role == "adjacent"


STATS_SCIENTIST = """Responsibilities
- Design experiments and use causal inference to measure product changes.
- Build statistical inference tooling for the growth team.
- Partner with finance on forecasting models.
"""


def test_causal_inference_is_not_llm_inference() -> None:
    decision = classify_role("Data Scientist", STATS_SCIENTIST)
    assert decision.role == "other", decision.evidence


PEN_TESTER = """What you'll do
- Plan and run red team engagements against our cloud and corporate networks.
- Lead red teaming exercises that emulate real threat actors.
- Write reports on findings and remediation.
"""


def test_a_security_red_team_is_not_ai_red_teaming() -> None:
    assert classify_role("Offensive Security Engineer", PEN_TESTER).role == "other"
    ai_red_team = PEN_TESTER.replace("red team engagements", "AI red teaming of our LLMs")
    assert classify_role("Security Engineer", ai_red_team + LLM_WORK).role == "adjacent"


TOOL_USER = """About the role
- Work AI first: start in an LLM, then move into Cursor and Claude Code to build screens.
- Leverage AI tools (code assistants, LLM-based agents) to speed up your work.
- Design and ship polished React interfaces with our design system.
"""


def test_using_ai_coding_tools_is_not_building_llm_systems() -> None:
    decision = classify_role("Design Engineer", TOOL_USER)
    assert decision.role == "other", decision.evidence
    assert decision.ai_involvement == "uses"
    # Naming a coding tool while building agents keeps the building.
    builder = (
        "What you'll do\n- Understand the internals of tools like Claude Code and build "
        "agents that orchestrate LLM calls.\n- Ship LLM agents to production.\n"
    )
    assert classify_role("Software Engineer", builder).role == "adjacent"


def test_a_business_title_with_ai_words_is_not_adjacent() -> None:
    for title in (
        "Business Development Manager, Agentic Commerce",
        "Partner Marketing Lead, AI",
        "Go-to-Market Program Manager, Agentic Payments",
    ):
        decision = classify_role(title, AI_DUTIES + LLM_WORK)
        assert decision.role == "other", (title, decision.evidence)
    # An engineer in the same market builds it.
    assert classify_role("Sales Engineer, Agentic Commerce", LLM_WORK).role == "adjacent"


ML_PLATFORM = """What you'll do
- Build feature stores, training pipelines and low-latency inference systems.
- Own model serving and integrate model outputs into product flows.
- Improve embeddings pipelines for fraud scoring.
Nice to have
- Exposure to LLMs.
"""


def test_ml_work_with_no_llm_named_is_not_adjacent() -> None:
    decision = classify_role("Senior Machine Learning Platform Engineer", ML_PLATFORM)
    assert decision.role == "other", decision.evidence
    assert decision.ai_involvement == "builds"  # it builds ML, just not LLMs
    # The same words under a title naming AI work are read as that work.
    assert classify_role("AI Platform Engineer", ML_PLATFORM).role == "adjacent"
    # One duty naming LLM work outright is enough for an ML title.
    with_llm = ML_PLATFORM + "Responsibilities\n- Serve and fine-tune LLMs for our assistant.\n"
    assert classify_role("Machine Learning Platform Engineer", with_llm).role == "adjacent"


TEAM_AI = """About the role
- Measure the quality of our enrichment models and their embeddings.
- Run inference benchmarks and report model outputs to product teams.
"""


def test_ai_that_names_the_team_is_not_an_ai_title() -> None:
    # "... - Data Platform & AI", "(Acme AI)": the org the job sits in, not its work.
    for title in ("Senior Analyst - Data Platform & AI", "Product Manager (Acme AI)"):
        decision = classify_role(title, TEAM_AI)
        assert decision.role == "other", (title, decision.evidence)
    # "AI" qualifying the job itself keeps the ambiguous words as AI work.
    assert classify_role("AI Platform Engineer", TEAM_AI).role == "adjacent"


def test_voice_agents_are_llm_work() -> None:
    text = (
        "What you'll do\n- Build our voice agent infrastructure and evaluate agents with "
        "simulations.\n- Improve latency of the agents' speech pipeline.\n"
    )
    assert classify_role("Senior Software Engineer", text).role == "adjacent"
