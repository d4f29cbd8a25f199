"""Role rules for LLM words that are not the job's own LLM work, each on a small posting of
our own: LLMs asked only as a skill, a "(Preferred)" block, AI agents as a market or as the
consumers of an analytics job's data, product and "Forward Deployed AI" titles, and naming
the prompt-engineering skill versus authoring prompts."""

from __future__ import annotations

from transforms.role import classify_role

PLATFORM_WITH_LLM_SKILL = """What you'll do
- Run our Kubernetes clusters and the CI/CD pipelines that ship the payments API.
- Keep Terraform modules and on-call runbooks up to date.
Requirements
- Your expertise in Go, Terraform and large language models will help us grow.
- Experience with LLMs and generative AI tools.
- Proficiency working with the LLM services of a cloud vendor.
"""


def test_llms_asked_only_as_a_skill_do_not_make_a_platform_job_adjacent() -> None:
    decision = classify_role("Site Reliability Engineer", PLATFORM_WITH_LLM_SKILL)
    assert decision.role == "other", decision.evidence
    # Asking for experience *building* with LLMs is the work itself.
    builder = PLATFORM_WITH_LLM_SKILL + "- Experience building and serving LLM agents with RAG.\n"
    assert classify_role("Site Reliability Engineer", builder).role == "adjacent"


def test_ml_titles_read_their_requirements_as_their_work() -> None:
    text = """Responsibilities
- Train ranking and classification models for document review.
Qualifications
- Deep knowledge of large language models and how to apply them.
- Experience with generative AI models inside larger systems.
"""
    assert classify_role("Senior Applied Scientist", text).role == "adjacent"
    # ...but not their nice-to-haves alone.
    nice_only = text.replace("Qualifications", "Nice to have")
    assert classify_role("Senior Applied Scientist", nice_only).role == "other"


PREFERRED_BLOCK = """What you'll do
- Port the legacy C++ planning tools to a modern Java service.
- Write unit tests and keep code coverage high.
Generative AI (Preferred)
- Experience hosting LLM inference servers
- Familiar with LLM frameworks (LangChain, LlamaIndex)
- Retrieval augmented generation and prompt engineering
"""


def test_a_preferred_block_counts_as_nice_to_have() -> None:
    decision = classify_role("Software Engineer", PREFERRED_BLOCK)
    assert decision.role == "other", decision.evidence


AGENTIC_MARKET = """About the role
- Build the card-network integrations that let payments clear in Southeast Asia.
- Shape how agentic commerce localizes to the region with local acquirers.
- Prepare our systems for a world where AI agents transact on behalf of shoppers.
- Harden fraud checks for the agentic commerce launch.
"""


def test_agentic_commerce_is_a_market_not_llm_work() -> None:
    decision = classify_role("Staff Engineer, Agentic Commerce", AGENTIC_MARKET)
    assert decision.role == "other", decision.evidence
    # Agents the job builds are still LLM work.
    builds = AGENTIC_MARKET + "- Build LLM agents that plan and execute refunds with tool calls.\n"
    assert classify_role("Staff Engineer, Agentic Platform", builds).role == "adjacent"


def test_ai_fluency_in_a_solutions_title_is_a_skill() -> None:
    text = """What you'll do
- Lead technical integrations with our reseller partners.
- Have an advanced level of AI fluency, including agentic commerce and agents.
"""
    assert classify_role("Partner Solutions Architect", text).role == "other"


ANALYTICS_FOR_AGENTS = """Responsibilities
- Own the semantic layer so dashboards, ad-hoc SQL and AI agents all see the same numbers.
- Model our order data in dbt for BI tools and AI assistants.
- Support the agentic workflows that run our warehouse operations with clean inputs.
"""


def test_ai_agents_that_read_an_analytics_job_data_are_consumers() -> None:
    decision = classify_role("Senior Analytics Engineer", ANALYTICS_FOR_AGENTS)
    assert decision.role == "other", decision.evidence
    llm_analytics = ANALYTICS_FOR_AGENTS + "- Build text-to-SQL with LLMs and evaluate prompts.\n"
    assert classify_role("Senior Analytics Engineer", llm_analytics).role == "adjacent"


LLM_PRODUCT = """What you'll do
- Own the roadmap of our LLM-based document extraction and retrieval features.
- Define evaluation methods for generative AI answers with the applied AI team.
- Ship agentic workflows that close the books for finance teams.
"""


def test_a_product_manager_of_llm_features_is_adjacent() -> None:
    assert classify_role("Product Manager | Invoices", LLM_PRODUCT).role == "adjacent"
    # A sales title with the same words sells the product.
    assert classify_role("Account Executive, Invoices", LLM_PRODUCT).role == "other"


def test_forward_deployed_ai_beats_the_team_word_after_it() -> None:
    text = """What you'll do
- Build custom agents and LLM workflows for the marketing team.
- Turn repeated requests into internal tools on our LLM platform.
"""
    assert classify_role("Forward Deployed AI Engineer, Marketing", text).role == "adjacent"
    assert classify_role("Marketing Manager", text).role == "other"


def test_naming_the_prompt_engineering_skill_is_not_authoring_prompts() -> None:
    text = """What you'll do
- Build demos on our GenAI platform with RAG and fine-tuning.
- Show customers prompt engineering best practices; work with our prompt engineering team.
"""
    decision = classify_role("Technical Marketing Engineer", text)
    assert decision.role == "adjacent", decision.evidence


ML_PRODUCT_TEAM = """What you'll do
- Frame which matching problems are worth solving and write the PRDs for them.
- Align the brands, legal and the engineering team on one roadmap.
- Our projects range from on-device ranking models to server-side LLMs.
Requirements
- 4+ years of product management; you need not be an ML expert on day one.
"""


def test_ai_as_the_team_name_in_a_title_is_not_ai_work() -> None:
    decision = classify_role("Product Manager (Acme AI)", ML_PRODUCT_TEAM)
    assert decision.role == "other", decision.evidence
    assert decision.ai_involvement != "builds"
    # The same words under a title where "AI" qualifies the job itself.
    assert classify_role("AI Product Manager", ML_PRODUCT_TEAM).role == "adjacent"


ENDPOINT_SECURITY = """About the role
You'll own MDM policy as code for our macOS and Windows fleet.
We're also thinking about how corporate security evolves in an agentic world — where AI agents act on behalf of employees and identity assumptions break down.
What you'll do
- Ship configuration profiles and patch automation with staged rollouts.
What you need
- Deep Jamf or FleetDM experience.
- A point of view on how agentic AI changes the corporate security surface.
"""


def test_ai_agents_as_a_trend_are_not_the_jobs_work() -> None:
    decision = classify_role("Senior Security Engineer, Endpoint", ENDPOINT_SECURITY)
    assert decision.role == "other", decision.evidence
    builds = (
        ENDPOINT_SECURITY + "- Build the identity service that issues credentials to LLM agents.\n"
    )
    builds += "- Red-team our AI agents for prompt injection before launch.\n"
    assert classify_role("Senior Security Engineer, Endpoint", builds).role == "adjacent"


def test_the_ai_era_and_the_ai_shift_name_no_ai_work() -> None:
    text = """What you'll do
- Lead our billing platform into the age of AI agents, where customers expect answers fast.
- Anticipate the GenAI shift and keep the ledger ready for it.
- Explain how generative AI is changing the payments industry to our executives.
"""
    decision = classify_role("Staff Software Engineer, Billing", text)
    assert decision.role == "other", decision.evidence


AI_ENABLEMENT = """What you'll do
- Build the company-wide AI learning roadmap and run hands-on workshops.
- Create prompt libraries and playbooks so non-technical teams use ChatGPT and Claude well.
- Track adoption of approved AI tools and coach late adopters.
What we're looking for
- Hands-on fluency with AI tools and generative AI assistants.
"""


def test_ai_enablement_and_adoption_roles_use_ai_they_do_not_build_it() -> None:
    for title in ("AI Learning & Enablement Partner", "Head of AI Adoption"):
        decision = classify_role(title, AI_ENABLEMENT)
        assert decision.role == "other", (title, decision.evidence)
        assert decision.ai_involvement == "uses"


def test_applied_ai_enablement_that_builds_agents_is_adjacent() -> None:
    text = """What you'll do
- Design and build AI agents and retrieval systems that review contracts with our lawyers.
- Build evaluation harnesses that measure hallucination rates against human baselines.
- Tune prompts and RAG pipelines as the underlying models change.
"""
    decision = classify_role("Principal, Applied AI Enablement, Legal", text)
    assert decision.role == "adjacent", decision.evidence


DATA_PRODUCTS = """About the role
You will own our merchant-facing data products: the SQL analytics tool and the warehouse
connectors that deliver data to customers, their BI tools and their AI agents.
What you'll do
- Set the multi-year strategy for data access, schemas and delivery SLAs.
- Identify how agentic data access and natural-language querying should reshape the product.
"""


def test_agents_reading_a_data_products_job_data_are_consumers() -> None:
    decision = classify_role("Product Lead, Data Products", DATA_PRODUCTS)
    assert decision.role == "other", decision.evidence
    llm = DATA_PRODUCTS + "- Ship text-to-SQL on LLMs with RAG over our schema docs.\n"
    assert classify_role("Product Lead, Data Products", llm).role == "adjacent"


TECHOPS_AGENTS = """What you'll do
Lead integration reliability
- Own the health of our bank integrations and the escalation path for partner incidents.
Shape the agentic automation strategy
- Set direction for how the team applies LLM-powered agentic workflows to operational work.
- Build the team's Human-in-the-Loop review systems for the agents it ships.
Minimum requirements
- Experience building or overseeing LLM-powered workflows in production.
"""


def test_a_techops_title_is_technical() -> None:
    decision = classify_role("Financial Connections TechOps Manager", TECHOPS_AGENTS)
    assert decision.role == "adjacent", decision.evidence
    # A business title with the same duties still sells or partners, it does not build.
    assert classify_role("Partnerships Manager", TECHOPS_AGENTS).role == "other"
