"""Read the job, not the employer: sections from headings and recognisable paragraphs;
skills, role and pay come from the job's sections only; the employer's own name is never
a skill; pay is pay (no perk, stipend or benefit figure); places and currencies."""

from __future__ import annotations

import pytest

from transforms.extract import Extractor
from transforms.location import classify_remote, normalise_location, places_in_text
from transforms.salary import find_pay, packaged_currency_codes, parse_fx_table
from transforms.sections import split_sections

POSTING = """About Stripe
Stripe is a financial infrastructure platform for businesses. Millions of companies use Stripe.

What you'll do
- Build payment APIs in Ruby and Java
- Write SQL for reporting

Benefits
- Medical, dental and vision, healthcare for your family
- Fertility HRA, up to $10,000 per year

Recruiting scams
Stripe recruiters will never ask you for payment. Beware of recruiting fraud targeting HR teams.

Equal opportunity
Stripe is an equal opportunity employer. Read our applicant privacy notice."""


def _kinds(text: str, company: str | None = None) -> list[str]:
    sections = split_sections(text, company)
    return [kind for kind, _, _ in sections.spans(len(text))]


def test_headings_and_paragraphs_cut_a_posting_into_its_sections() -> None:
    assert _kinds(POSTING, "Stripe") == ["company", "job", "benefits", "scam", "legal"]


def test_headings_in_other_languages_open_the_same_sections() -> None:
    text = "Über uns\nWir sind ein Start-up.\nDeine Aufgaben\n- Python entwickeln\nWir bieten\n- Jobrad"
    assert _kinds(text) == ["company", "job", "benefits"]
    text = "Qui sommes-nous\nUne scale-up.\nVos missions\n- Développer en Python\nAvantages\n- Mutuelle"
    assert _kinds(text) == ["company", "job", "benefits"]


def test_a_heading_that_promises_the_candidate_something_opens_the_benefits(
    extractor: Extractor,
) -> None:
    text = (
        "What you'll do\n- Build ranking models in Python\n\n"
        "As a full-time employee, you'll enjoy:\nFlexible vacation\n"
        "Investment in your development: mentorship through our buddy program"
    )
    assert _kinds(text) == ["job", "benefits"]
    out = extractor.extract({"id": "b", "title": "ML Engineer", "text": text})
    assert "python" in out["skills"] and "leadership" not in out["skills"]
    # "You'll get to..." is what the job does, not what it gives.
    assert _kinds("You'll get to:\n- Mentor two engineers") == ["job"]


def test_a_field_line_is_not_a_heading() -> None:
    text = "Build RAG agents in Python.\nApply here: https://example.com/jobs/1\nYou will own our LLM evals."
    assert _kinds(text) == ["intro"]


def test_boilerplate_never_makes_a_skill_a_salary_or_the_employer_a_skill(
    extractor: Extractor,
) -> None:
    out = extractor.extract(
        {"id": "s", "title": "Backend Engineer", "company": "Stripe", "text": POSTING}
    )
    assert {"ruby", "java", "sql"} <= set(out["skills"])
    for boilerplate in ("stripe", "healthcare", "hr_recruiting", "privacy"):
        assert boilerplate not in out["skills"]
    assert out["salary"] is None
    assert {e["section"] for e in out["skill_evidence"]} <= {"intro", "job", "nice"}


def test_a_law_degree_is_not_large_language_models(extractor: Extractor) -> None:
    out = extractor.extract(
        {
            "id": "l",
            "title": "Tax Counsel",
            "text": "Requirements:\n- JD required; LLM in Tax preferred",
        }
    )
    assert "llm" not in out["skills"]
    out = extractor.extract({"id": "m", "title": "Engineer", "text": "You will build LLM agents."})
    assert "llm" in out["skills"]


def test_company_ai_boilerplate_does_not_make_a_job_adjacent(extractor: Extractor) -> None:
    text = (
        "About us\nWe are an AI company building large language models and generative AI agents.\n"
        "Responsibilities\n- Manage customer activation and onboarding calls\n- Report on churn"
    )
    out = extractor.extract({"id": "c", "title": "Customer Activation Manager", "text": text})
    assert out["role"] == "other"
    assert out["ai_involvement"] == "mentions"


def test_pay_in_a_compensation_paragraph_after_the_legal_notice_is_kept(
    extractor: Extractor,
) -> None:
    text = (
        "Responsibilities\n- Ship features\nEqual opportunity\nWe are an equal opportunity employer.\n"
        "The base salary range for this role is $150,000 - $190,000 per year."
    )
    salary = extractor.extract({"id": "p", "title": "Engineer", "text": text})["salary"]
    assert (salary["min"], salary["max"], salary["currency"]) == (150000, 190000, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "Benefits:\n- Fertility HRA, up to $10,000 per year",
        "Perks\n- $200/month wellness stipend",
        "We offer a $1,500 annual learning budget and a $500 home office stipend.",
        "Relocation bonus of $20,000 and equity worth $50,000 per year.",
        "Our 401(k) match is up to $6,000 per year.",
    ],
)
def test_perks_stipends_bonuses_and_relocation_are_never_the_salary(
    extractor: Extractor, text: str
) -> None:
    assert extractor.extract({"id": "k", "title": "Engineer", "text": text})["salary"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay: $3,000/month.", (3000, 3000, "USD", "month")),
        ("Salary: 20 million to 40 million VND per month.", (20e6, 40e6, "VND", "month")),
        ("Annual Canadian base salary: $120,000 - $140,000.", (120000, 140000, "CAD", "year")),
        ("Wynagrodzenie: 18 000 - 25 000 PLN brutto miesięcznie.", (18000, 25000, "PLN", "month")),
        ("Salário: R$ 18.000 a R$ 24.000 por mês.", (18000, 24000, "BRL", "month")),
        ("RAL 35.000 - 42.000 €", (35000, 42000, "EUR", "year")),
        ("Gehalt: 3.800 € brutto pro Monat", (3800, 3800, "EUR", "month")),
    ],
)
def test_pay_in_free_text_and_local_formats(text: str, expected: tuple) -> None:
    pays = find_pay(text)
    assert pays, text
    pay = pays[0]
    assert (pay.min, pay.max, pay.currency, pay.period) == expected


def test_several_ranges_in_one_sentence_are_all_read() -> None:
    pays = find_pay("The range is $120k-$150k in SF and $100k-$130k elsewhere.")
    assert [(p.min, p.max) for p in pays] == [(120000, 150000), (100000, 130000)]


def test_a_dollar_in_a_canadian_posting_is_cad_unless_usd_is_said(extractor: Extractor) -> None:
    record = {"id": "t", "title": "Engineer", "location": "Toronto, ON, Canada"}
    cad = extractor.extract({**record, "text": "Salary: $120,000 - $140,000 per year."})["salary"]
    usd = extractor.extract({**record, "text": "Salary: USD 120,000 - 140,000 per year."})["salary"]
    assert cad["currency"] == "CAD" and usd["currency"] == "USD"


def test_every_fx_table_currency_is_read_in_code_form_and_has_a_lexicon_row() -> None:
    from transforms.extract import packaged_fx_text

    fx = parse_fx_table(packaged_fx_text())
    assert set(fx.usd_per_unit) <= packaged_currency_codes()
    for code, rate in fx.usd_per_unit.items():
        low, high = round(90_000 / rate), round(120_000 / rate)  # a plausible yearly salary
        pays = find_pay(f"Salary: {code} {low:,} - {high:,} per year")
        assert pays and pays[0].currency == code, code


@pytest.mark.parametrize(
    ("raw", "country", "countries"),
    [
        ("IN - Bengaluru", "IN", ["IN"]),
        ("CA-Toronto", "CA", ["CA"]),
        ("DE-Berlin", "DE", ["DE"]),
        ("London or NYC", "GB", ["GB", "US"]),
        ("Paris, France; Berlin, Germany", "FR", ["FR", "DE"]),
    ],
)
def test_country_code_prefixes_and_lists_across_countries(
    raw: str, country: str, countries: list[str]
) -> None:
    found = normalise_location(raw)
    assert found["country"] == country
    assert found["countries"] == countries


def test_places_named_only_in_the_text(extractor: Extractor) -> None:
    assert places_in_text("Relocation to Jena, Germany is supported.")["country"] == "DE"
    out = extractor.extract(
        {"id": "h", "title": "Engineer", "text": "Hybrid (2 days on-site in San Francisco)."}
    )
    assert out["location"]["country"] == "US"
    assert out["remote"] == "hybrid"


def test_the_text_ruling_remote_out_beats_a_remote_location() -> None:
    text = "We are not able to consider remote options for this role; the team sits in Austin."
    assert classify_remote("Remote", "Engineer", text)[0] == "onsite"
    assert classify_remote("Brooklyn, NY, Remote Hybrid", "Engineer", "")[0] == "hybrid"


def test_a_paragraph_where_the_employer_describes_itself_is_the_company() -> None:
    text = (
        "Quillbank Growth pairs product and market knowledge to bring "
        "Quillbank to lenders and fintechs. Our thesis is that every lender needs us. "
        "In this role, you'll own pipeline reviews.\n"
        "Quillbank Europe is building the open banking network for small lenders.\n"
        "We're looking for a Quillbank account executive with SQL.\n"
        "The lending team at Quillbank builds risk models in Python.\n"
        "Responsibilities\n"
        "Quillbank's finance team will rely on your SQL models."
    )
    s = split_sections(text, "Quillbank")
    assert s.kind_at(text.index("pairs product")) == "company"
    assert s.kind_at(text.index("In this role")) == "intro"  # the job's own sentence
    assert s.kind_at(text.index("open banking")) == "company"
    assert s.kind_at(text.index("looking for")) == "intro"  # a job paragraph
    assert s.kind_at(text.index("risk models")) == "intro"  # a team's work is the job's
    alone = split_sections(text.split("\nResponsibilities")[0], "Quillbank")
    assert alone.kind_at(text.index("open banking")) == "intro"  # no job heading follows
    assert s.kind_at(text.index("your SQL")) == "job"  # addresses the reader


def test_a_long_paragraph_opening_with_the_employer_mission_is_the_company(
    extractor: Extractor,
) -> None:
    about = (
        "At Quillbank, our mission is to make lending fair. We work with thousands of "
        "fintechs and banks across Europe; our network covers 9,000 institutions. " * 6
    )
    out = extractor.extract(
        {
            "id": "q",
            "title": "Office manager",
            "company": "Quillbank",
            "text": about + "\nResponsibilities\n- Run the office and order supplies",
        }
    )
    body = about + "\nResponsibilities\n- Run the office"
    assert split_sections(body, "Quillbank").kind_at(10) == "company"
    assert "finance" not in out["skills"]


_WE_INTRO = (
    "We believe the way small shops handle their money will change within a few years. "
    + "We build the tools that thousands of bakers and florists use every day, and "
    + "Breadbox now serves shops in eleven countries from its offices in Lyon and Porto. " * 6
)


def test_a_long_opening_paragraph_in_the_employers_voice_is_the_companys() -> None:
    text = _WE_INTRO + "\n\nResponsibilities\n- Close the monthly books"
    sections = split_sections(text, "Breadbox")
    assert len(text.split("\n")[0]) > 600
    assert sections.kinds[0] == "company"


def test_the_employers_voice_without_a_job_heading_stays_the_jobs() -> None:
    sections = split_sections(_WE_INTRO, "Breadbox")
    assert sections.kinds[0] == "intro"
