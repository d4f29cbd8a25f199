"""The embedded demo boards: a deterministic generator of realistic postings, written by us
from hand-made fragments, rendered in the exact wire format of each source.

Everything comes from one seeded RNG, so every run is identical. Postings open on a date
spread over ~23 weeks and close (vanish from later snapshots) or stay open; each snapshot day
shows what was open that day. Some jobs appear on two sources (an ATS board and HN, or an ATS
board and Remotive / RemoteOK), so the warehouse's cross-source dedupe has work to do.
"""

from __future__ import annotations

import html
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

SEED = 20260907
SNAPSHOT_DATES: tuple[date, ...] = tuple(
    date(2026, 9, 7) + timedelta(days=14 * i) for i in range(6)
)
FIRST_POSTED = date(2026, 6, 8)

# --- employers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoCompany:
    name: str
    source: str
    board: str
    countries: tuple[str, ...]  # where its jobs are, by weight (repeats = weight)
    blurb: str
    size: int
    on_hn: bool = False


COMPANIES: tuple[DemoCompany, ...] = (
    DemoCompany(
        "Lumina Labs",
        "greenhouse",
        "luminalabs",
        ("US", "US", "US", "UK"),
        "Lumina Labs builds assistants that help analysts read and summarise long documents.",
        26,
        True,
    ),
    DemoCompany(
        "Northwind AI",
        "greenhouse",
        "northwindai",
        ("US", "US", "CA"),
        "Northwind AI makes forecasting copilots for supply-chain teams.",
        24,
        True,
    ),
    DemoCompany(
        "Parrot Analytics",
        "greenhouse",
        "parrotanalytics",
        ("US", "UK", "IN"),
        "Parrot Analytics turns customer conversations into product insight.",
        20,
    ),
    DemoCompany(
        "Cobalt Health",
        "greenhouse",
        "cobalthealth",
        ("US", "US"),
        "Cobalt Health uses language models to cut paperwork for clinicians.",
        22,
    ),
    DemoCompany(
        "Brightpath Learning",
        "greenhouse",
        "brightpath",
        ("US", "CA", "IN"),
        "Brightpath Learning builds AI tutors for adult learners.",
        18,
        True,
    ),
    DemoCompany(
        "Tessellate",
        "lever",
        "tessellate",
        ("US", "US", "DE"),
        "Tessellate is a design platform with generative layout tools.",
        22,
        True,
    ),
    DemoCompany(
        "Orbital Commerce",
        "lever",
        "orbital-commerce",
        ("US", "CA"),
        "Orbital Commerce runs AI shopping assistants for mid-size retailers.",
        20,
    ),
    DemoCompany(
        "Fjord Systems",
        "lever",
        "fjord-systems",
        ("DE", "FR", "UK"),
        "Fjord Systems builds document AI for European banks and insurers.",
        18,
    ),
    DemoCompany(
        "Promptly",
        "ashby",
        "promptly",
        ("US", "US", "US"),
        "Promptly is a prompt-management and evaluation platform for LLM teams.",
        24,
        True,
    ),
    DemoCompany(
        "Vellum Works",
        "ashby",
        "vellum-works",
        ("US", "UK"),
        "Vellum Works helps publishers build safe writing assistants.",
        20,
    ),
    DemoCompany(
        "Kestrel Labs",
        "ashby",
        "kestrel-labs",
        ("US", "IN", "CA"),
        "Kestrel Labs trains domain-specific models for customer support.",
        20,
        True,
    ),
    DemoCompany(
        "Ardent Legal",
        "ashby",
        "ardent-legal",
        ("US", "UK"),
        "Ardent Legal builds research copilots for law firms.",
        16,
    ),
    DemoCompany(
        "Babel Voice",
        "workable",
        "babelvoice",
        ("UK", "UK", "DE", "FR"),
        "Babel Voice makes multilingual voice agents for contact centres.",
        16,
    ),
    DemoCompany(
        "Maison Data",
        "workable",
        "maisondata",
        ("FR", "FR", "DE"),
        "Maison Data annotates and evaluates data for French-language models.",
        16,
    ),
    DemoCompany(
        "Globex Bank",
        "smartrecruiters",
        "GlobexBank",
        ("US", "UK", "IN"),
        "Globex Bank is a retail bank investing in responsible generative AI.",
        20,
    ),
    DemoCompany(
        "Helix Retail",
        "smartrecruiters",
        "HelixRetail",
        ("US", "CA", "DE"),
        "Helix Retail runs 900 stores and a fast-growing AI personalisation team.",
        18,
    ),
)

HN_COMPANIES: tuple[str, ...] = (
    "Quillstone",
    "Sparrow Robotics",
    "Tiderun",
    "Marrow Bio",
    "Glasswing Security",
    "Copperleaf",
    "Nimbus Notes",
    "Riverbend Games",
    "Atlas Legal AI",
    "Fernweh Travel",
    "Pixelforge",
    "Oakridge Data",
    "Loomworks",
    "Bellwether Finance",
    "Halcyon Health",
    "Tandem Voice",
)
REMOTE_BOARD_COMPANIES: tuple[str, ...] = (
    "Driftwood Labs",
    "Echo Forms",
    "Mosaic Support",
    "Polar Insights",
    "Wayfinder AI",
    "Inkwell Media",
    "Corvid Analytics",
    "Saltmarsh Software",
    "Trellis HR",
    "Umbra Studios",
    "Verve Commerce",
    "Zephyr Cloud",
)
JSONLD_COMPANIES: tuple[str, ...] = ("Acme Robotics", "Wordsmith Studio")
ATS_DEMO_SOURCES: tuple[str, ...] = ("greenhouse", "lever", "ashby", "workable", "smartrecruiters")

# --- places -------------------------------------------------------------------------------------

LOCATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "US": (
        ("San Francisco", "CA"),
        ("New York", "NY"),
        ("Seattle", "WA"),
        ("Austin", "TX"),
        ("Boston", "MA"),
        ("Denver", "CO"),
        ("Chicago", "IL"),
        ("Los Angeles", "CA"),
        ("Atlanta", "GA"),
        ("Raleigh", "NC"),
    ),
    "UK": (("London", "England"), ("Manchester", "England"), ("Edinburgh", "Scotland")),
    "DE": (("Berlin", "Berlin"), ("Munich", "Bavaria"), ("Hamburg", "Hamburg")),
    "FR": (("Paris", "Île-de-France"), ("Lyon", "Auvergne-Rhône-Alpes")),
    "CA": (("Toronto", "ON"), ("Vancouver", "BC"), ("Montreal", "QC")),
    "IN": (("Bengaluru", "Karnataka"), ("Hyderabad", "Telangana"), ("Pune", "Maharashtra")),
}
COUNTRY_NAMES = {
    "US": "United States",
    "UK": "United Kingdom",
    "DE": "Germany",
    "FR": "France",
    "CA": "Canada",
    "IN": "India",
}
ISO2 = {"US": "US", "UK": "GB", "DE": "DE", "FR": "FR", "CA": "CA", "IN": "IN"}
CURRENCY = {"US": "USD", "UK": "GBP", "DE": "EUR", "FR": "EUR", "CA": "CAD", "IN": "USD"}
# Local pay level against a US figure (in local currency units).
PAY_LEVEL = {"US": 1.0, "UK": 0.62, "DE": 0.68, "FR": 0.6, "CA": 1.05, "IN": 0.3}

# --- roles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleSpec:
    titles: tuple[str, ...]
    family: str  # core / adjacent / other
    pay: tuple[int, int]  # typical US base range (low, high) for a mid-level hire
    hourly: bool = False
    skills: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    years: tuple[int, ...] = (2, 3, 4, 5)
    weight: int = 1


ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        (
            "Prompt Engineer",
            "Senior Prompt Engineer",
            "Prompt Engineer, Evaluations",
            "Staff Prompt Engineer",
            "Prompt Engineering Lead",
            "Prompt Engineer (LLM Applications)",
        ),
        "core",
        (180_000, 260_000),
        skills=(
            "prompt engineering",
            "Python",
            "RAG",
            "LangChain",
            "evaluation design",
            "few-shot prompting",
            "OpenAI API",
            "Claude",
            "SQL",
            "technical writing",
        ),
        duties=(
            "Design, test and version prompts and system instructions for production assistants",
            "Build evaluation sets and rubrics that catch regressions before release",
            "Work with engineers to ship retrieval-augmented generation (RAG) pipelines",
            "Run experiments comparing prompting strategies, models and temperatures",
            "Write the internal prompt style guide and teach it to product teams",
        ),
        years=(2, 3, 4, 5, 6),
        weight=6,
    ),
    RoleSpec(
        (
            "AI Trainer (Writing)",
            "AI Data Trainer - Chemistry",
            "AI Tutor, Mathematics",
            "Freelance AI Trainer - German",
        ),
        "adjacent",
        (28, 60),
        hourly=True,
        skills=(
            "creative writing",
            "fact-checking",
            "linguistics",
            "data annotation",
            "style guides",
            "German",
            "mathematics",
        ),
        duties=(
            "Write and rank model answers against a detailed rubric",
            "Create challenging prompts that expose reasoning errors",
            "Review other trainers' work and give written feedback",
        ),
        years=(1, 2, 3),
        weight=3,
    ),
    RoleSpec(
        (
            "LLM Evaluation Specialist",
            "AI Quality Analyst",
            "Model Evaluation Lead",
            "AI Red Teamer",
        ),
        "adjacent",
        (95_000, 160_000),
        skills=(
            "evaluation design",
            "Python",
            "statistics",
            "red teaming",
            "annotation guidelines",
            "SQL",
            "psychology",
        ),
        duties=(
            "Design human and automated evaluations for model releases",
            "Red-team new features for safety and policy issues",
            "Analyse failure modes and report them to research teams",
        ),
        weight=3,
    ),
    RoleSpec(
        ("Conversation Designer", "Senior Conversation Designer", "Conversational AI Designer"),
        "adjacent",
        (105_000, 165_000),
        skills=(
            "conversation design",
            "UX research",
            "psychology",
            "linguistics",
            "Voiceflow",
            "prompt engineering",
            "copywriting",
        ),
        duties=(
            "Design dialogue flows and fallback behaviour for voice and chat agents",
            "Run usability studies on conversational experiences",
            "Write persona and tone guidelines for the assistant",
        ),
        weight=3,
    ),
    RoleSpec(
        (
            "AI Engineer",
            "Applied AI Engineer",
            "LLM Engineer",
            "Senior AI Engineer",
            "Solutions Engineer, Generative AI",
        ),
        "adjacent",
        (160_000, 250_000),
        skills=(
            "Python",
            "TypeScript",
            "LangChain",
            "LlamaIndex",
            "RAG",
            "vector databases",
            "FastAPI",
            "Docker",
            "AWS",
            "prompt engineering",
            "fine-tuning",
        ),
        duties=(
            "Build LLM-powered features end to end, from retrieval to the UI",
            "Own latency, cost and quality dashboards for our AI features",
            "Fine-tune and evaluate open models for our domain",
        ),
        years=(3, 4, 5, 6),
        weight=5,
    ),
    RoleSpec(
        ("Machine Learning Engineer", "Senior Machine Learning Engineer", "ML Engineer, NLP"),
        "adjacent",
        (165_000, 260_000),
        skills=(
            "Python",
            "PyTorch",
            "Hugging Face Transformers",
            "Kubernetes",
            "SQL",
            "Spark",
            "MLOps",
            "fine-tuning",
        ),
        duties=(
            "Train and deploy NLP models at scale",
            "Build the feature store and training pipelines",
            "Partner with research to productionise new model architectures",
        ),
        years=(3, 4, 5, 7),
        weight=3,
    ),
    RoleSpec(
        ("Data Analyst", "Senior Data Analyst", "Product Analyst"),
        "other",
        (85_000, 135_000),
        skills=("SQL", "Python", "dbt", "Tableau", "A/B testing", "statistics"),
        duties=(
            "Build dashboards for product and go-to-market teams",
            "Design and read out A/B tests",
            "Model funnels and retention",
        ),
        weight=3,
    ),
    RoleSpec(
        ("Frontend Engineer", "Senior Frontend Engineer", "Full Stack Engineer"),
        "other",
        (130_000, 195_000),
        skills=("TypeScript", "React", "Next.js", "CSS", "GraphQL", "accessibility"),
        duties=(
            "Build the web app our customers use every day",
            "Own the design system and its accessibility",
            "Ship streaming chat interfaces for our AI features",
        ),
        weight=3,
    ),
    RoleSpec(
        (
            "Account Executive",
            "Enterprise Account Executive",
            "Customer Success Manager",
            "Technical Writer",
            "Recruiter, Technical",
        ),
        "other",
        (90_000, 150_000),
        skills=("Salesforce", "negotiation", "technical writing", "stakeholder management"),
        duties=(
            "Own a book of mid-market and enterprise accounts",
            "Run discovery and demos with technical buyers",
            "Write clear customer-facing documentation",
        ),
        years=(2, 3, 5),
        weight=3,
    ),
)

NICE_TO_HAVE = (
    "a background in linguistics or psychology",
    "experience at an early-stage startup",
    "published writing or a portfolio",
    "open-source contributions",
    "a second working language",
)

BENEFITS = (
    "We offer health, dental and vision cover, a learning budget and 25 days of holiday.",
    "Benefits include a 401(k) match, parental leave and a home-office stipend.",
    "You get equity, private health insurance and a yearly team offsite.",
    "We pay for conferences, courses and the books you want to read.",
)


@dataclass
class DemoPosting:
    uid: int
    source: str
    board: str
    company: str
    title: str
    family: str
    country: str
    city: str
    region: str
    remote: str  # remote / hybrid / onsite
    posted: date
    closes: date | None
    employment_type: str
    currency: str
    period: str  # year / hour / month
    pay: tuple[float, float] | None  # base pay in `currency` per `period`
    pay_in_text: str | None  # the pay sentence in the description, if any
    structured_pay: bool
    description_html: str
    description_text: str
    tags: tuple[str, ...] = ()
    zones: list[tuple[str, float, float]] = field(default_factory=list)
    twin_of: int | None = None  # the same job on another source

    def open_on(self, day: date) -> bool:
        return self.posted <= day and (self.closes is None or day < self.closes)

    @property
    def location_text(self) -> str:
        if self.remote == "remote" and self.country == "US":
            return "Remote - US"
        if self.remote == "remote":
            return f"Remote - {COUNTRY_NAMES[self.country]}"
        base = f"{self.city}, {self.region}" if self.country in ("US", "CA") else self.city
        return base if self.country in ("US", "CA") else f"{base}, {COUNTRY_NAMES[self.country]}"


# --- pay -----------------------------------------------------------------------------------------


def _round_to(value: float, step: int) -> int:
    return int(round(value / step) * step)


def _money(amount: float, currency: str, *, short: bool = False) -> str:
    symbol = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$"}[currency]
    if short and amount >= 1000:
        return f"{symbol}{amount / 1000:.0f}k"
    if amount < 1000:
        return f"{symbol}{amount:.0f}"
    return f"{symbol}{amount:,.0f}"


def _pay_sentence(rng: random.Random, pay: tuple[float, float], currency: str, period: str) -> str:
    lo, hi = pay
    per = {"year": "per year", "hour": "per hour", "month": "per month"}[period]
    options = [
        f"The base salary range for this role is {_money(lo, currency)} - {_money(hi, currency)} {per}.",
        f"Compensation: {_money(lo, currency, short=True)}–{_money(hi, currency, short=True)} + equity.",
        f"Pay: up to {_money(hi, currency)} {per}, depending on experience.",
        f"Salary: {_money(round((lo + hi) / 2, -3 if period == 'year' else 0), currency)} {per}.",
        f"We pay between {_money(lo, currency)} and {_money(hi, currency)} {per} for this position.",
    ]
    if period == "hour":
        options = [
            f"This role pays {_money(lo, currency)} - {_money(hi, currency)} per hour.",
            f"Rate: {_money(hi, currency)}/hour.",
            f"Hourly pay: {_money(lo, currency)} to {_money(hi, currency)}.",
        ]
    if period == "month":
        options = [
            f"Salary: {_money(lo, currency)} - {_money(hi, currency)} per month (gross).",
            f"Monthly salary up to {_money(hi, currency)}.",
        ]
    if currency == "CAD" and period == "year":
        options.append(f"Salary range: ${lo:,.0f} - ${hi:,.0f} CAD annually.")
    return rng.choice(options)


def _pay_for(rng: random.Random, role: RoleSpec, title: str, country: str) -> tuple[float, float]:
    lo, hi = role.pay
    if role.hourly:
        a = rng.randint(lo, hi - 8)
        return float(a), float(a + rng.choice((5, 10, 15, 20)))
    factor = 1.0
    if any(w in title for w in ("Senior", "Lead")):
        factor = 1.18
    if "Staff" in title:
        factor = 1.35
    if role.family == "core":
        # A good share inside $175k-$300k, some below, some above.
        band = rng.random()
        if band < 0.2:
            lo, hi = 120_000, 170_000
        elif band > 0.85:
            lo, hi = 300_000, 380_000
    level = PAY_LEVEL[country]
    mid = rng.uniform(lo, hi) * factor * level
    spread = rng.uniform(0.12, 0.25)
    low, high = mid * (1 - spread / 2), mid * (1 + spread / 2)
    return float(_round_to(low, 5_000)), float(_round_to(high, 5_000))


# --- descriptions ---------------------------------------------------------------------------------


def _description(
    rng: random.Random,
    company: DemoCompany | str,
    role: RoleSpec,
    title: str,
    remote: str,
    country: str,
    pay_text: str | None,
) -> str:
    blurb = (
        company.blurb
        if isinstance(company, DemoCompany)
        else (f"{company} is a small team building practical AI products.")
    )
    duties = rng.sample(role.duties, k=min(len(role.duties), rng.randint(2, 3)))
    skills = rng.sample(role.skills, k=min(len(role.skills), rng.randint(3, 5)))
    years = rng.choice(role.years)
    place = {
        "remote": "This is a fully remote role" + (" (US time zones)." if country == "US" else "."),
        "hybrid": "This is a hybrid role: three days a week in our office.",
        "onsite": "This role is on-site in our office five days a week.",
    }[remote]
    requirement_lines = [
        f"{years}+ years of experience in a similar role",
        f"Hands-on experience with {skills[0]} and {skills[1]}",
        f"Comfort with {skills[2]}",
    ]
    nice = skills[3:] or [rng.choice(NICE_TO_HAVE)]
    parts = [
        f"<h2>About us</h2><p>{html.escape(blurb)}</p>",
        f"<h2>About the role</h2><p>As our {html.escape(title)}, you will join a team of 6 "
        f"and report to the Head of AI. {place}</p>",
        "<h3>What you will do</h3><ul>"
        + "".join(f"<li>{html.escape(d)}</li>" for d in duties)
        + "</ul>",
        "<h3>What we look for</h3><ul>"
        + "".join(f"<li>{html.escape(r)}</li>" for r in requirement_lines)
        + "</ul>",
        "<h3>Nice to have</h3><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in nice) + "</ul>",
    ]
    if pay_text:
        parts.append(f"<p>{html.escape(pay_text)}</p>")
    parts.append(f"<p>{html.escape(rng.choice(BENEFITS))}</p>")
    return "".join(parts)


def _text_of(markup: str) -> str:
    from scrapers.items import html_to_text

    return html_to_text(markup)


# --- the generator ---------------------------------------------------------------------------------


def _dates(rng: random.Random) -> tuple[date, date | None]:
    span = (SNAPSHOT_DATES[-1] - FIRST_POSTED).days
    posted = FIRST_POSTED + timedelta(days=rng.randint(0, span - 2))
    closes = None if rng.random() < 0.35 else posted + timedelta(days=rng.randint(12, 90))
    if closes is not None and closes <= SNAPSHOT_DATES[0]:
        # Never seen by any snapshot otherwise: keep it open until just after the first one.
        closes = SNAPSHOT_DATES[0] + timedelta(days=rng.randint(1, 20))
    return posted, closes


def _pick_role(rng: random.Random) -> RoleSpec:
    return rng.choices(ROLES, weights=[r.weight for r in ROLES])[0]


def _make(
    rng: random.Random,
    uid: int,
    source: str,
    board: str,
    company: DemoCompany | str,
    country: str,
    *,
    structured_ok: bool,
    remote: str | None = None,
) -> DemoPosting:
    role = _pick_role(rng)
    title = rng.choice(role.titles)
    city, region = rng.choice(LOCATIONS[country])
    remote = remote or rng.choices(("remote", "hybrid", "onsite"), weights=(3, 4, 3))[0]
    currency = CURRENCY[country]
    period = "hour" if role.hourly else "year"
    pay_rate = 0.6 if country == "US" else 0.35
    pay = None
    pay_text = None
    structured = False
    if rng.random() < pay_rate:
        pay = _pay_for(rng, role, title, country)
        if period == "year" and country in ("FR", "DE") and rng.random() < 0.4:
            period = "month"
            pay = (float(_round_to(pay[0] / 12, 100)), float(_round_to(pay[1] / 12, 100)))
        structured = structured_ok and rng.random() < 0.65
        if not structured or rng.random() < 0.3:
            pay_text = _pay_sentence(rng, pay, currency, period)
    posted, closes = _dates(rng)
    markup = _description(rng, company, role, title, remote, country, pay_text)
    employment = "Contract" if role.hourly else rng.choice(("Full-time",) * 6 + ("Part-time",))
    skills = tuple(s for s in role.skills if s.lower() in markup.lower())
    return DemoPosting(
        uid=uid,
        source=source,
        board=board,
        company=company.name if isinstance(company, DemoCompany) else company,
        title=title,
        family=role.family,
        country=country,
        city=city,
        region=region,
        remote=remote,
        posted=posted,
        closes=closes,
        employment_type=employment,
        currency=currency,
        period=period,
        pay=pay,
        pay_in_text=pay_text,
        structured_pay=structured,
        description_html=markup,
        description_text=_text_of(markup),
        tags=skills,
    )


def _hn_thread_month(day: date) -> date:
    return date(day.year, day.month, 1)


def hn_thread_months() -> list[date]:
    first = _hn_thread_month(FIRST_POSTED)
    months = []
    current = first
    while current <= SNAPSHOT_DATES[-1]:
        months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def hn_thread_id(month: date) -> int:
    return 48_000_000 + (month.year - 2026) * 12 * 100_000 + month.month * 100_000 + 1


@cache
def generate() -> tuple[DemoPosting, ...]:
    """Every demo posting, across all sources and snapshots (deterministic)."""
    rng = random.Random(SEED)
    out: list[DemoPosting] = []
    uid = 1000
    for company in COMPANIES:
        for _ in range(company.size):
            uid += 1
            country = rng.choice(company.countries)
            # Workable's widget API has no pay fields: its postings state pay in the text.
            structured_ok = company.source != "workable"
            out.append(
                _make(
                    rng,
                    uid,
                    company.source,
                    company.board,
                    company,
                    country,
                    structured_ok=structured_ok,
                )
            )
    ats = list(out)
    # HN: one comment per posting in the thread of the month it was posted.
    for month in hn_thread_months():
        for _ in range(19):
            uid += 1
            name = rng.choice(HN_COMPANIES)
            country = rng.choice(("US", "US", "US", "UK", "DE", "CA", "IN"))
            p = _make(rng, uid, "hn", str(hn_thread_id(month)), name, country, structured_ok=False)
            p.posted = month + timedelta(days=rng.randint(0, 4))
            p.closes = None
            out.append(p)
    # The same job on HN as on its company's ATS board (cross-source duplicates).
    twins = [p for p in ats if any(c.on_hn and c.name == p.company for c in COMPANIES)]
    for original in rng.sample(twins, k=18):
        uid += 1
        month = _hn_thread_month(original.posted)
        if month not in hn_thread_months():
            continue
        twin = _clone(original, uid, "hn", str(hn_thread_id(month)))
        twin.posted = max(original.posted, month + timedelta(days=1))
        twin.closes = None
        out.append(twin)
    for source in ("remotive", "remoteok"):
        for _ in range(36):
            uid += 1
            name = rng.choice(REMOTE_BOARD_COMPANIES)
            country = rng.choice(("US", "US", "UK", "DE", "CA", "IN"))
            out.append(
                _make(
                    rng,
                    uid,
                    source,
                    "all",
                    name,
                    country,
                    structured_ok=source == "remoteok",
                    remote="remote",
                )
            )
        remote_ats = [p for p in ats if p.remote == "remote"]
        for original in rng.sample(remote_ats, k=6):
            uid += 1
            out.append(_clone(original, uid, source, "all"))
    for name in JSONLD_COMPANIES:
        for _ in range(16):
            uid += 1
            country = rng.choice(("US", "US", "UK", "DE"))
            out.append(_make(rng, uid, "jsonld", name, name, country, structured_ok=True))
    return tuple(out)


def _clone(original: DemoPosting, uid: int, source: str, board: str) -> DemoPosting:
    twin = DemoPosting(**{**original.__dict__, "uid": uid, "source": source, "board": board})
    twin.twin_of = original.uid
    twin.structured_pay = source in ("remoteok",) and original.structured_pay
    if original.structured_pay and source in ("hn", "remotive") and original.pay:
        # Sources without structured pay say it in the text instead.
        rng = random.Random(uid)
        twin.pay_in_text = _pay_sentence(rng, original.pay, original.currency, original.period)
        twin.description_html = (
            original.description_html + f"<p>{html.escape(twin.pay_in_text)}</p>"
        )
        twin.description_text = _text_of(twin.description_html)
    return twin


def postings_on(day: date, source: str, board: str | None = None) -> list[DemoPosting]:
    return [
        p
        for p in generate()
        if p.source == source and (board is None or p.board == board) and p.open_on(day)
    ]


def boards_of(source: str) -> list[str]:
    seen: dict[str, None] = {}
    for p in generate():
        if p.source == source:
            seen.setdefault(p.board, None)
    return list(seen)


# --- wire formats ------------------------------------------------------------------------------------


def _iso(day: date, hour: int = 9, offset: str = "-04:00") -> str:
    return f"{day.isoformat()}T{hour:02d}:{(day.day * 7) % 60:02d}:00{offset}"


def _stable_uuid(uid: int) -> str:
    return str(uuid.UUID(int=random.Random(uid).getrandbits(128), version=4))


def _annual_zones(p: DemoPosting) -> list[tuple[str, float, float]]:
    assert p.pay is not None
    if p.country == "US" and p.period == "year" and p.uid % 3 == 0:
        lo, hi = p.pay
        return [
            ("Zone A: San Francisco, New York, Seattle", lo, hi),
            (
                "Zone B: all other US locations",
                _round_to(lo * 0.85, 1000),
                _round_to(hi * 0.85, 1000),
            ),
        ]
    label = f"{COUNTRY_NAMES[p.country]} base pay"
    return [(label, p.pay[0], p.pay[1])]


def greenhouse_board(day: date, board: str) -> dict[str, Any] | None:
    jobs = postings_on(day, "greenhouse", board)
    if board not in boards_of("greenhouse"):
        return None
    rows = []
    for p in jobs:
        ranges = []
        if p.structured_pay and p.pay:
            for title, lo, hi in _annual_zones(p):
                ranges.append(
                    {
                        "min_cents": int(lo * 100),
                        "max_cents": int(hi * 100),
                        "currency_type": p.currency,
                        "title": title,
                        "blurb": "Base pay depends on location, skills and experience.",
                        "description": "<p>Final offers may vary.</p>",
                    }
                )
        rows.append(
            {
                "absolute_url": f"https://job-boards.greenhouse.io/{board}/jobs/{p.uid}",
                "data_compliance": [
                    {
                        "type": "gdpr",
                        "requires_consent": False,
                        "requires_processing_consent": False,
                        "requires_retention_consent": False,
                        "retention_period": None,
                        "demographic_data_consent_applies": False,
                    }
                ],
                "internal_job_id": 4_000_000 + p.uid,
                "location": {"name": p.location_text},
                "metadata": None,
                "id": 7_000_000_000 + p.uid,
                "updated_at": _iso(max(p.posted, day - timedelta(days=3))),
                "requisition_id": f"R-{p.uid}",
                "title": p.title,
                "company_name": p.company,
                "first_published": _iso(p.posted),
                "language": "en",
                "content": html.escape(p.description_html),
                "departments": [
                    {"id": 100 + p.uid % 7, "name": "AI", "child_ids": [], "parent_id": None}
                ],
                "offices": [
                    {
                        "id": 200 + p.uid % 5,
                        "name": p.city,
                        "location": p.location_text,
                        "child_ids": [],
                        "parent_id": None,
                    }
                ],
                "pay_input_ranges": ranges,
            }
        )
    return {"jobs": rows, "meta": {"total": len(rows)}}


def lever_board(day: date, board: str) -> list[dict[str, Any]] | None:
    if board not in boards_of("lever"):
        return None
    rows = []
    for p in postings_on(day, "lever", board):
        pid = _stable_uuid(p.uid)
        created = datetime(p.posted.year, p.posted.month, p.posted.day, 15, 12, tzinfo=UTC)
        row: dict[str, Any] = {
            "additionalPlain": BENEFITS[p.uid % len(BENEFITS)] + "\n",
            "additional": f"<div>{html.escape(BENEFITS[p.uid % len(BENEFITS)])}</div>",
            "categories": {
                "commitment": p.employment_type,
                "department": "Research & Development",
                "location": p.location_text,
                "team": "AI",
                "allLocations": [p.location_text],
            },
            "createdAt": int(created.timestamp() * 1000),
            "descriptionPlain": p.description_text,
            "description": f"<div>{p.description_html}</div>",
            "id": pid,
            "lists": [],
            "text": p.title,
            "country": ISO2[p.country],
            "workplaceType": p.remote if p.remote != "onsite" else "onsite",
            "opening": "",
            "openingPlain": "",
            "descriptionBody": f"<div>{p.description_html}</div>",
            "descriptionBodyPlain": p.description_text,
            "hostedUrl": f"https://jobs.lever.co/{board}/{pid}",
            "applyUrl": f"https://jobs.lever.co/{board}/{pid}/apply",
        }
        if p.structured_pay and p.pay:
            interval = {
                "year": "per-year-salary",
                "hour": "per-hour-wage",
                "month": "per-month-salary",
            }
            row["salaryRange"] = {
                "min": int(p.pay[0]),
                "max": int(p.pay[1]),
                "currency": p.currency,
                "interval": interval[p.period],
            }
            row["salaryDescription"] = "<div>This range is the base pay for this role.</div>"
            row["salaryDescriptionPlain"] = "This range is the base pay for this role."
        rows.append(row)
    return rows


def ashby_board(day: date, board: str) -> dict[str, Any] | None:
    if board not in boards_of("ashby"):
        return None
    rows = []
    for p in postings_on(day, "ashby", board):
        pid = _stable_uuid(p.uid)
        interval = {"year": "1 YEAR", "hour": "1 HOUR", "month": "1 MONTH"}[p.period]
        comp: dict[str, Any] = {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
        if p.structured_pay and p.pay:
            lo, hi = p.pay
            summary = f"{_money(lo, p.currency)} – {_money(hi, p.currency)}"
            equity = {
                "compensationType": "EquityPercentage",
                "interval": "NONE",
                "currencyCode": None,
                "minValue": 0.05,
                "maxValue": 0.2,
            }
            salary = {
                "compensationType": "Salary",
                "interval": interval,
                "currencyCode": p.currency,
                "minValue": lo,
                "maxValue": hi,
            }
            comp = {
                "compensationTierSummary": f"{summary} • Offers Equity",
                "scrapeableCompensationSalarySummary": summary.replace("–", "-"),
                "compensationTiers": [
                    {
                        "id": _stable_uuid(p.uid + 1),
                        "tierSummary": f"{summary} • Offers Equity",
                        "title": None,
                        "additionalInformation": None,
                        "components": [
                            dict(equity, id=_stable_uuid(p.uid + 2), summary="Offers Equity"),
                            dict(salary, id=_stable_uuid(p.uid + 3), summary=summary),
                        ],
                    }
                ],
                "summaryComponents": [equity, salary],
            }
        rows.append(
            {
                "id": pid,
                "title": p.title,
                "department": "AI",
                "team": "Applied AI",
                "employmentType": "Contract"
                if p.employment_type == "Contract"
                else ("PartTime" if p.employment_type == "Part-time" else "FullTime"),
                "location": p.location_text,
                "shouldDisplayCompensationOnJobPostings": bool(p.structured_pay),
                "secondaryLocations": [],
                "publishedAt": f"{p.posted.isoformat()}T16:20:11.512+00:00",
                "isListed": True,
                "isRemote": p.remote == "remote",
                "workplaceType": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}[
                    p.remote
                ],
                "address": {
                    "postalAddress": {
                        "addressRegion": p.region,
                        "addressCountry": COUNTRY_NAMES[p.country],
                        "addressLocality": p.city,
                    }
                },
                "jobUrl": f"https://jobs.ashbyhq.com/{board}/{pid}",
                "applyUrl": f"https://jobs.ashbyhq.com/{board}/{pid}/application",
                "descriptionHtml": p.description_html,
                "descriptionPlain": p.description_text,
                "compensation": comp,
            }
        )
    # An unlisted job is in the answer but not public: the spider must skip it.
    rows.append(
        dict(
            rows[0],
            id=_stable_uuid(9_000_000 + sum(map(ord, board))),
            isListed=False,
            title="Internal Transfer - Do Not Apply",
        )
        if rows
        else {}
    )
    return {"jobs": [r for r in rows if r], "apiVersion": "1"}


def workable_board(day: date, board: str) -> dict[str, Any] | None:
    if board not in boards_of("workable"):
        return None
    company = next(c for c in COMPANIES if c.board == board)
    rows = []
    for p in postings_on(day, "workable", board):
        code = f"{p.uid:X}{board[:3].upper()}"
        rows.append(
            {
                "title": p.title,
                "shortcode": code,
                "code": "",
                "employment_type": p.employment_type,
                "telecommuting": p.remote == "remote",
                "department": "AI",
                "url": f"https://apply.workable.com/j/{code}",
                "shortlink": f"https://apply.workable.com/j/{code}",
                "application_url": f"https://apply.workable.com/j/{code}/apply",
                "published_on": p.posted.isoformat(),
                "created_at": p.posted.isoformat(),
                "country": COUNTRY_NAMES[p.country],
                "city": p.city,
                "state": p.region,
                "education": "",
                "experience": "Mid-Senior level",
                "function": "",
                "industry": "Computer Software",
                "locations": [
                    {
                        "country": COUNTRY_NAMES[p.country],
                        "countryCode": ISO2[p.country],
                        "city": p.city,
                        "region": p.region,
                        "hidden": False,
                    }
                ],
                "description": p.description_html,
            }
        )
    return {"name": company.name, "description": None, "jobs": rows}


def _sr_location(p: DemoPosting) -> dict[str, Any]:
    return {
        "city": p.city,
        "region": p.region,
        "country": ISO2[p.country].lower(),
        "remote": p.remote == "remote",
        "hybrid": p.remote == "hybrid",
        "fullLocation": f"{p.city}, {p.region}, {COUNTRY_NAMES[p.country]}",
    }


def smartrecruiters_list(day: date, board: str, offset: int, limit: int) -> dict[str, Any]:
    jobs = (
        postings_on(day, "smartrecruiters", board) if board in boards_of("smartrecruiters") else []
    )
    page = jobs[offset : offset + limit]
    company = next((c for c in COMPANIES if c.board == board), None)
    content = [
        {
            "id": str(744_000_000_000_000 + p.uid),
            "name": p.title,
            "uuid": _stable_uuid(p.uid),
            "jobAdId": _stable_uuid(p.uid + 7),
            "defaultJobAd": True,
            "refNumber": f"REF{p.uid}",
            "company": {"identifier": board, "name": company.name if company else board},
            "releasedDate": f"{p.posted.isoformat()}T07:35:02.787Z",
            "location": _sr_location(p),
            "industry": {
                "id": "banking" if board == "GlobexBank" else "retail",
                "label": "Industry",
            },
            "department": {},
            "function": {"id": "information_technology", "label": "Information Technology"},
            "typeOfEmployment": {"id": "permanent", "label": p.employment_type},
            "experienceLevel": {"id": "mid_senior_level", "label": "Mid-Senior Level"},
            "customField": [],
            "visibility": "PUBLIC",
            "ref": f"https://api.smartrecruiters.com/v1/companies/{board}/postings/{744_000_000_000_000 + p.uid}",
            "language": {"code": "en", "label": "English", "labelNative": "English (US)"},
        }
        for p in page
    ]
    return {"offset": offset, "limit": limit, "totalFound": len(jobs), "content": content}


def smartrecruiters_detail(day: date, board: str, posting_id: str) -> dict[str, Any] | None:
    for p in postings_on(day, "smartrecruiters", board):
        if str(744_000_000_000_000 + p.uid) != posting_id:
            continue
        company = next(c for c in COMPANIES if c.board == board)
        detail: dict[str, Any] = {
            "id": posting_id,
            "name": p.title,
            "uuid": _stable_uuid(p.uid),
            "jobId": _stable_uuid(p.uid + 9),
            "jobAdId": _stable_uuid(p.uid + 7),
            "defaultJobAd": True,
            "refNumber": f"REF{p.uid}",
            "company": {"name": company.name, "identifier": board},
            "location": _sr_location(p),
            "customField": [],
            "releasedDate": f"{p.posted.isoformat()}T07:35:02.787Z",
            "creator": {"name": "", "avatarUrl": ""},
            "postingUrl": f"https://jobs.smartrecruiters.com/{board}/{posting_id}",
            "applyUrl": f"https://jobs.smartrecruiters.com/{board}/{posting_id}?oga=true",
            "referralUrl": f"https://jobs.smartrecruiters.com/external-referrals/company/{board}/publication/{_stable_uuid(p.uid + 7)}",
            "jobAd": {
                "sections": {
                    "companyDescription": {
                        "title": "Company Description",
                        "text": f"<p>{html.escape(company.blurb)}</p>",
                    },
                    "jobDescription": {"title": "Job Description", "text": p.description_html},
                    "qualifications": {"title": "Qualifications", "text": ""},
                    "additionalInformation": {
                        "title": "Additional Information",
                        "text": "<p>All your information will be kept confidential.</p>",
                    },
                }
            },
            "active": True,
            "visibility": "PUBLIC",
            "typeOfEmployment": {"id": "permanent", "label": p.employment_type},
            "language": {"code": "en", "label": "English", "labelNative": "English (US)"},
        }
        if p.structured_pay and p.pay:
            period = {"year": "ANNUAL", "hour": "HOURLY", "month": "MONTHLY"}[p.period]
            detail["compensation"] = {
                "min": p.pay[0],
                "max": p.pay[1],
                "currency": p.currency,
                "period": period,
            }
        return detail
    return None


def _hn_comment_html(p: DemoPosting) -> str:
    remote = {"remote": "REMOTE", "hybrid": "Hybrid", "onsite": "ONSITE"}[p.remote]
    parts = [p.company, p.title, p.location_text, remote, p.employment_type]
    if p.pay and p.period == "year":
        lo, hi = p.pay
        parts.append(f"{_money(lo, p.currency, short=True)}-{_money(hi, p.currency, short=True)}")
    header = " | ".join(html.escape(x, quote=True).replace("'", "&#x27;") for x in parts)
    body = p.description_text.replace("\n\n", "\n").split("\n")
    paragraphs = "<p>".join(
        html.escape(line).replace("'", "&#x27;").replace("/", "&#x2F;") for line in body if line
    )
    slug = p.company.lower().replace(" ", "")
    link = f'<a href="https:&#x2F;&#x2F;{slug}.example&#x2F;jobs" rel="nofollow">https:&#x2F;&#x2F;{slug}.example&#x2F;jobs</a>'
    return f"{header}<p>{paragraphs}<p>Apply: {link}"


def _hn_time(day: date, uid: int) -> tuple[str, int]:
    moment = datetime(day.year, day.month, day.day, 15, 1, 21, tzinfo=UTC) + timedelta(
        minutes=uid % 600
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z"), int(moment.timestamp())


def hn_search(day: date) -> dict[str, Any]:
    hits = []
    for month in reversed(hn_thread_months()):
        if month > day:
            continue
        label = month.strftime("%B %Y")
        for offset, title in enumerate(
            (
                f"Ask HN: Who is hiring? ({label})",
                f"Ask HN: Who wants to be hired? ({label})",
                f"Ask HN: Freelancer? Seeking freelancer? ({label})",
            )
        ):
            story_id = hn_thread_id(month) + offset
            created, created_i = _hn_time(month, 0)
            hits.append(
                {
                    "_highlightResult": {
                        "author": {
                            "matchLevel": "none",
                            "matchedWords": [],
                            "value": "whoishiring",
                        },
                        "title": {"matchLevel": "none", "matchedWords": [], "value": title},
                    },
                    "_tags": ["story", "author_whoishiring", f"story_{story_id}", "ask_hn"],
                    "author": "whoishiring",
                    "created_at": created.replace(".000Z", "Z"),
                    "created_at_i": created_i,
                    "num_comments": 400,
                    "objectID": str(story_id),
                    "points": 300,
                    "story_id": story_id,
                    "title": title,
                    "updated_at": created.replace(".000Z", "Z"),
                }
            )
    return {
        "exhaustive": {"nbHits": True, "typo": True},
        "exhaustiveNbHits": True,
        "exhaustiveTypo": True,
        "hits": hits,
        "hitsPerPage": 50,
        "nbHits": len(hits),
        "nbPages": 1,
        "page": 0,
        "params": "tags=story%2Cauthor_whoishiring&hitsPerPage=50",
        "processingTimeMS": 1,
        "query": "",
        "serverTimeMS": 1,
    }


def hn_item(day: date, thread_id: str) -> dict[str, Any] | None:
    month = next((m for m in hn_thread_months() if str(hn_thread_id(m)) == thread_id), None)
    if month is None or month > day:
        return None
    created, created_i = _hn_time(month, 0)
    children = []
    for p in postings_on(day, "hn", thread_id):
        when, when_i = _hn_time(p.posted, p.uid)
        children.append(
            {
                "author": p.company.lower().replace(" ", "_")[:12],
                "children": [
                    {
                        "author": "curious_dev",
                        "children": [],
                        "created_at": when,
                        "created_at_i": when_i + 60,
                        "id": 50_000_000 + p.uid,
                        "options": [],
                        "parent_id": 49_000_000 + p.uid,
                        "points": None,
                        "story_id": int(thread_id),
                        "text": "Is this open to applicants in Europe?",
                        "title": None,
                        "type": "comment",
                        "url": None,
                    }
                ]
                if p.uid % 5 == 0
                else [],
                "created_at": when,
                "created_at_i": when_i,
                "id": 49_000_000 + p.uid,
                "options": [],
                "parent_id": int(thread_id),
                "points": None,
                "story_id": int(thread_id),
                "text": _hn_comment_html(p),
                "title": None,
                "type": "comment",
                "url": None,
            }
        )
    # A deleted comment: no author, no text.
    children.append(
        {
            "author": None,
            "children": [],
            "created_at": created,
            "created_at_i": created_i,
            "id": int(thread_id) + 99,
            "options": [],
            "parent_id": int(thread_id),
            "points": None,
            "story_id": int(thread_id),
            "text": None,
            "title": None,
            "type": "comment",
            "url": None,
        }
    )
    return {
        "author": "whoishiring",
        "children": children,
        "created_at": created,
        "created_at_i": created_i,
        "id": int(thread_id),
        "options": [],
        "parent_id": None,
        "points": 412,
        "story_id": int(thread_id),
        "text": "Please state the location and include REMOTE for remote work, REMOTE (US) or "
        "similar if the country is restricted, and ONSITE when remote work is <i>not</i> an option.",
        "title": f"Ask HN: Who is hiring? ({month.strftime('%B %Y')})",
        "type": "story",
        "url": None,
    }


def _remotive_category(p: DemoPosting) -> str:
    if p.family == "other" and "Account" in p.title:
        return "Sales"
    if p.family == "other" and "Customer" in p.title:
        return "Customer Service"
    if "Writer" in p.title or "Trainer" in p.title:
        return "Writing"
    if "Analyst" in p.title:
        return "Data Analysis"
    return "AI / ML" if p.family != "other" else "Software Development"


def remotive_jobs(day: date) -> dict[str, Any]:
    jobs = []
    for p in postings_on(day, "remotive"):
        slug = p.title.lower().replace(" ", "-").replace(",", "").replace("(", "").replace(")", "")
        salary = ""
        if p.pay:
            salary = (
                f"{_money(p.pay[0], p.currency, short=True)} - {_money(p.pay[1], p.currency, short=True)}"
                if p.period == "year"
                else f"{_money(p.pay[1], p.currency)}/hour"
            )
        jobs.append(
            {
                "id": 2_090_000 + p.uid,
                "url": f"https://remotive.com/remote-jobs/software-dev/{slug}-{2_090_000 + p.uid}",
                "title": p.title,
                "company_name": p.company,
                "company_logo": f"https://remotive.com/job/{2_090_000 + p.uid}/logo",
                "category": _remotive_category(p),
                "tags": list(p.tags[:4]),
                "job_type": "contract" if p.employment_type == "Contract" else "full_time",
                "publication_date": f"{p.posted.isoformat()}T06:35:18",
                "candidate_required_location": "USA"
                if p.country == "US"
                else COUNTRY_NAMES[p.country],
                "salary": salary,
                "description": p.description_html,
                "company_logo_url": f"https://remotive.com/job/{2_090_000 + p.uid}/logo",
            }
        )
    return {
        "0-legal-notice": "Remotive API Legal Notice: please link back to Remotive and mention "
        "Remotive as the source of the jobs. Demo data written by promptjobs.",
        "job-count": len(jobs),
        "total-job-count": len(jobs),
        "jobs": jobs,
    }


def remoteok_api(day: date) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "last_updated": int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()),
            "legal": "API Terms of Service: Please link back (with follow, and without nofollow!) to the "
            "URL on Remote OK and mention Remote OK as a source. (Demo data written by promptjobs.)",
        }
    ]
    for p in postings_on(day, "remoteok"):
        slug = f"remote-{p.title.lower().replace(' ', '-').replace(',', '')}-{p.company.lower().replace(' ', '-')}-{1_130_000 + p.uid}"
        moment = datetime(p.posted.year, p.posted.month, p.posted.day, 0, 0, 3, tzinfo=UTC)
        lo = hi = 0
        if p.structured_pay and p.pay and p.period == "year" and p.currency == "USD":
            lo, hi = int(p.pay[0]), int(p.pay[1])
        tags = [t.lower() for t in p.tags[:3]] + (["ai", "llm"] if p.family != "other" else ["dev"])
        if "Account" in p.title or "Recruiter" in p.title:
            tags = ["sales", "non tech"]
        rows.append(
            {
                "slug": slug,
                "id": str(1_130_000 + p.uid),
                "epoch": int(moment.timestamp()),
                "date": moment.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "company": p.company,
                "company_logo": "",
                "position": p.title,
                "tags": tags,
                "description": p.description_html,
                "location": "" if p.uid % 4 == 0 else p.location_text,
                "apply_url": f"https://remoteOK.com/remote-jobs/{slug}",
                "salary_min": lo,
                "salary_max": hi,
                "logo": "",
                "url": f"https://remoteOK.com/remote-jobs/{slug}",
            }
        )
    return rows


def _job_posting_ld(p: DemoPosting, page_url: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": p.description_html,
        "identifier": {
            "@type": "PropertyValue",
            "name": p.company,
            "value": f"{p.board[:4].upper()}-{p.uid}",
        },
        "datePosted": p.posted.isoformat(),
        "validThrough": (p.closes or p.posted + timedelta(days=120)).isoformat(),
        "employmentType": "CONTRACTOR"
        if p.employment_type == "Contract"
        else (["FULL_TIME"] if p.employment_type == "Full-time" else "PART_TIME"),
        "hiringOrganization": {
            "@type": "Organization",
            "name": p.company,
            "sameAs": "https://example.com",
        },
        # The canonical public URL of the posting (the crawl reads it from a mirror).
        "url": f"https://careers.{jsonld_site_slug(p.company)}.example/jobs/{p.uid}",
    }
    if p.remote == "remote":
        node["jobLocationType"] = "TELECOMMUTE"
        node["applicantLocationRequirements"] = {
            "@type": "Country",
            "name": COUNTRY_NAMES[p.country],
        }
    else:
        node["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": p.city,
                "addressRegion": p.region,
                "addressCountry": ISO2[p.country],
            },
        }
    if p.structured_pay and p.pay:
        unit = {"year": "YEAR", "hour": "HOUR", "month": "MONTH"}[p.period]
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": unit}
        if p.uid % 4 == 0:
            value["value"] = p.pay[1]
        else:
            value["minValue"], value["maxValue"] = p.pay
        node["baseSalary"] = {"@type": "MonetaryAmount", "currency": p.currency, "value": value}
    return node


def jsonld_site_slug(company: str) -> str:
    return company.lower().replace(" ", "")


def jsonld_career_page(day: date, company: str, base: str) -> str:
    links = "".join(
        f'<li><a href="{base}/careers/{jsonld_site_slug(company)}/jobs/{p.uid}.html">{html.escape(p.title)}</a></li>'
        for p in postings_on(day, "jsonld", company)
    )
    return (
        f"<!doctype html><html><head><title>Careers at {html.escape(company)}</title></head>"
        f'<body><h1>Open roles</h1><ul>{links}</ul><a href="{base}/about">About</a></body></html>'
    )


def jsonld_sitemap(day: date, company: str, base: str) -> str:
    locs = "".join(
        f"<url><loc>{base}/careers/{jsonld_site_slug(company)}/jobs/{p.uid}.html</loc>"
        f"<lastmod>{p.posted.isoformat()}</lastmod></url>"
        for p in postings_on(day, "jsonld", company)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )


def jsonld_job_page(day: date, company: str, uid: int, page_url: str) -> str | None:
    p = next((x for x in postings_on(day, "jsonld", company) if x.uid == uid), None)
    if p is None:
        return None
    node = _job_posting_ld(p, page_url)
    title = html.escape(p.title)
    if company == "Wordsmith Studio" and uid % 5 == 0:
        # Microdata only: the spider's fallback.
        pay = ""
        if p.structured_pay and p.pay:
            pay = (
                f'<div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">'
                f'<meta itemprop="currency" content="{p.currency}">'
                f'<div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">'
                f'<meta itemprop="minValue" content="{p.pay[0]:.0f}"><meta itemprop="maxValue" content="{p.pay[1]:.0f}">'
                f'<meta itemprop="unitText" content="{node["baseSalary"]["value"]["unitText"]}"></div></div>'
            )
        return (
            f'<!doctype html><html><body><div itemscope itemtype="https://schema.org/JobPosting">'
            f'<h1 itemprop="title">{title}</h1>'
            f'<link itemprop="url" href="{node["url"]}">'
            f'<meta itemprop="datePosted" content="{p.posted.isoformat()}">'
            f'<span itemprop="identifier">{node["identifier"]["value"]}</span>'
            f'<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">'
            f'<span itemprop="name">{html.escape(company)}</span></div>'
            f'<div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">'
            f'<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
            f'<span itemprop="addressLocality">{html.escape(p.city)}</span>'
            f'<span itemprop="addressCountry">{ISO2[p.country]}</span></div></div>'
            f"{pay}"
            f'<div itemprop="description">{p.description_html}</div></div></body></html>'
        )
    if uid % 2 == 0:
        ld: Any = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "url": page_url, "name": title},
                {k: v for k, v in node.items() if k != "@context"},
            ],
        }
    else:
        ld = [
            {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
            node,
        ]
    script = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body><h1>{title}</h1>{p.description_html}</body></html>"
    )
