"""`ai_involvement` on forty short postings of our own: builds (builds or operates AI/LLM
systems), uses (uses AI tools in the work), mentions (AI only as context: the company, its
product, perks), none. The rule set must get at least 36 of 40 right, and the role
classifier must never make a job that only mentions or uses AI adjacent or core."""

from __future__ import annotations

from transforms.extract import Extractor

# (title, text, expected involvement)
CASES = [
    # builds
    (
        "LLM Engineer",
        "Responsibilities:\n- Build RAG pipelines and LLM agents in Python\n- Evaluate model outputs",
        "builds",
    ),
    (
        "Applied AI Engineer",
        "You will fine-tune large language models and ship LLM features to customers.",
        "builds",
    ),
    (
        "Machine Learning Engineer",
        "Requirements:\n- Train and deploy recommendation models with PyTorch",
        "builds",
    ),
    (
        "AI Trainer",
        "You will write responses and rank AI model outputs to train our LLMs (RLHF).",
        "builds",
    ),
    (
        "Prompt Engineer",
        "You will design, write and test prompts for our LLM products and evaluate responses.",
        "builds",
    ),
    (
        "Conversation Designer",
        "Design conversation flows for our LLM-based assistant and test its responses with users.",
        "builds",
    ),
    (
        "Senior Software Engineer, GenAI Platform",
        "Duties:\n- Build the platform that serves large language models\n- Operate our vector database",
        "builds",
    ),
    (
        "Data Scientist",
        "What you'll do:\n- Build and deploy churn prediction models\n- Feature engineering in Python",
        "builds",
    ),
    (
        "Research Engineer",
        "Work on post-training of foundation models: RLHF, reward models and evals.",
        "builds",
    ),
    (
        "AI Red Teamer",
        "You will jailbreak LLMs, write adversarial prompts and report model failures.",
        "builds",
    ),
    (
        "Computer Vision Engineer",
        "Responsibilities:\n- Train neural networks for defect detection on images",
        "builds",
    ),
    (
        "Forward Deployed Engineer",
        "You will build LLM agents with tool use for our customers and evaluate them.",
        "builds",
    ),
    (
        "NLP Engineer",
        "Build language model pipelines for entity extraction; fine-tune BERT and LLMs.",
        "builds",
    ),
    (
        "MLOps Engineer",
        "Deploy and operate model training and inference services on Kubernetes.",
        "builds",
    ),
    # uses
    (
        "Content Writer",
        "You will write blog posts and use ChatGPT to draft outlines faster.",
        "uses",
    ),
    (
        "Software Engineer",
        "Requirements:\n- Java and SQL\n- You use AI coding tools such as GitHub Copilot daily",
        "uses",
    ),
    (
        "Marketing Manager",
        "Own campaigns; comfortable with generative AI tools for copy and images.",
        "uses",
    ),
    (
        "Customer Support Specialist",
        "Answer tickets; familiarity with AI tools to summarise conversations.",
        "uses",
    ),
    (
        "Frontend Engineer",
        "Build React UIs. We work with Cursor and Claude Code every day.",
        "uses",
    ),
    (
        "Paralegal",
        "Draft contracts; experience using AI-assisted research tools is a plus.",
        "uses",
    ),
    ("Recruiter", "Source candidates; leverage AI tools to write outreach.", "uses"),
    ("Financial Analyst", "Build models in Excel; use ChatGPT for first drafts of memos.", "uses"),
    ("Technical Writer", "Write API docs. You are proficient with AI writing tools.", "uses"),
    (
        "Sales Development Rep",
        "Prospect accounts using AI-powered tools in our sales stack.",
        "uses",
    ),
    # mentions
    (
        "Account Executive",
        "About us:\nWe are an AI-native company building the future of finance.\nResponsibilities:\n- Close deals with mid-market customers",
        "mentions",
    ),
    (
        "Product Designer",
        "About Acme:\nAcme uses machine learning to fight fraud.\nWhat you'll do:\n- Design onboarding flows in Figma",
        "mentions",
    ),
    (
        "Government Relations Director",
        "Lead our policy work on payments regulation, including emerging AI regulation debates.\nWho we are: an artificial intelligence leader.",
        "mentions",
    ),
    (
        "Office Manager",
        "Run our SF office.\nBenefits:\n- Free ChatGPT Plus subscription for everyone",
        "mentions",
    ),
    (
        "Backend Engineer",
        "Our company:\nWe build generative AI for lawyers.\nYou will:\n- Maintain billing services in Go",
        "mentions",
    ),
    (
        "Accountant",
        "Close the books monthly. Our product is an AI assistant for small businesses.",
        "mentions",
    ),
    (
        "Data Analyst",
        "About the company: an AI-first healthcare startup.\nResponsibilities:\n- SQL dashboards for the operations team",
        "mentions",
    ),
    (
        "HR Business Partner",
        "Partner with leaders across our artificial intelligence research division on hiring plans.",
        "mentions",
    ),
    # none
    ("Warehouse Associate", "Pick and pack orders; forklift certification required.", "none"),
    ("Accountant", "Prepare monthly closes and tax filings; 3+ years of experience.", "none"),
    ("Frontend Engineer", "Build React and TypeScript interfaces for our booking product.", "none"),
    ("Nurse", "Provide patient care on a busy surgical ward.", "none"),
    ("Sales Manager", "Lead a team of six account executives selling payroll software.", "none"),
    ("Barista", "Prepare coffee and serve customers.", "none"),
    ("Civil Engineer", "Design bridges and review structural drawings.", "none"),
    ("Graphic Designer", "Create brand assets and print layouts in Illustrator.", "none"),
]


def test_ai_involvement_is_right_on_at_least_36_of_40(extractor: Extractor) -> None:
    assert len(CASES) == 40
    wrong = []
    for i, (title, text, expected) in enumerate(CASES):
        got = extractor.extract({"id": str(i), "title": title, "text": text})["ai_involvement"]
        if got != expected:
            wrong.append((title, got, expected))
    assert len(wrong) <= 4, wrong


def test_a_job_that_only_mentions_or_uses_ai_is_never_adjacent(extractor: Extractor) -> None:
    for i, (title, text, _expected) in enumerate(CASES):
        out = extractor.extract({"id": str(i), "title": title, "text": text})
        if out["ai_involvement"] in ("uses", "mentions", "none"):
            assert out["role"] == "other", (title, out["role_evidence"])
        if out["role"] in ("core", "adjacent"):
            assert out["ai_involvement"] == "builds"
