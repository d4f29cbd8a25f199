"""The demo market: which postings exist, their text, places, dates and pay. A deterministic
generator of realistic postings, written by us from hand-made fragments; each source's
`demo.py` (scrapers/sources/<name>/demo.py) renders them in that source's wire format.

Everything comes from one seeded RNG, so every run is identical. Postings open on a date
spread over ~23 weeks and close (vanish from later snapshots) or stay open; each snapshot day
shows what was open that day. Some jobs appear on two sources (an ATS board and HN, or an ATS
board and Remotive / RemoteOK), so the warehouse's cross-source dedupe has work to do.
"""

from __future__ import annotations

import html
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from common.markup import html_to_text

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

# Employers whose boards no demo board list names (the demo's registry). The demo finds them
# only through links: HN comments of the first snapshot's thread link the first four, whose
# own postings link the last two (`links_to`). Board discovery checks each link once and the
# crawls from the next snapshot on cover it. Their postings come from their own seeded RNG,
# so the rest of the market is the same with or without them.
DISCOVERABLE: tuple[DemoCompany, ...] = (
    DemoCompany(
        "Orbit Bank",
        "workday",
        "orbitbank.wd5.Orbit_Careers",
        ("US", "US", "UK"),
        "Orbit Bank is a retail bank putting language models to work in customer service.",
        10,
    ),
    DemoCompany(
        "Parfait Studio",
        "recruitee",
        "parfait",
        ("DE", "FR", "UK"),
        "Parfait Studio writes conversational games with generative characters.",
        7,
    ),
    DemoCompany(
        "Quillon",
        "ashby",
        "quillon",
        ("US", "UK"),
        "Quillon evaluates the outputs of large language models for enterprises.",
        7,
    ),
    DemoCompany(
        "Woodland Health",
        "bamboohr",
        "woodland",
        ("US",),
        "Woodland Health automates prior authorisations with LLM agents.",
        6,
    ),
    DemoCompany(
        "Brezel Robotics",
        "personio",
        "brezel",
        ("DE", "DE", "UK"),
        "Brezel Robotics teaches warehouse robots new tasks from written instructions.",
        6,
    ),
    DemoCompany(
        "Caribou Games",
        "breezy",
        "caribougames",
        ("US", "CA"),
        "Caribou Games builds narrative games with AI-voiced characters.",
        6,
    ),
)
# Who links whom: HN links the first four; Orbit Bank links Brezel, Quillon links Caribou.
DISCOVERABLE_LINKS: dict[str, str] = {"Orbit Bank": "Brezel Robotics", "Quillon": "Caribou Games"}


def board_link(company: DemoCompany) -> str:
    """The public link to a company's board, as a posting would write it."""
    slug = company.board
    if company.source == "workday":
        tenant, dc, site = slug.split(".")
        return f"https://{tenant}.{dc}.myworkdayjobs.com/en-US/{site}"
    return {
        "greenhouse": f"https://job-boards.greenhouse.io/{slug}",
        "lever": f"https://jobs.lever.co/{slug}",
        "ashby": f"https://jobs.ashbyhq.com/{slug}",
        "workable": f"https://apply.workable.com/{slug}/",
        "smartrecruiters": f"https://jobs.smartrecruiters.com/{slug}",
        "recruitee": f"https://{slug}.recruitee.com/",
        "personio": f"https://{slug}.jobs.personio.de/",
        "bamboohr": f"https://{slug}.bamboohr.com/careers",
        "breezy": f"https://{slug}.breezy.hr/",
    }[company.source]


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
    discoverable: bool = False  # on a board no demo board list names (board discovery)

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


def round_to(value: float, step: int) -> int:
    return int(round(value / step) * step)


def money(amount: float, currency: str, *, short: bool = False) -> str:
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
        f"The base salary range for this role is {money(lo, currency)} - {money(hi, currency)} {per}.",
        f"Compensation: {money(lo, currency, short=True)}–{money(hi, currency, short=True)} + equity.",
        f"Pay: up to {money(hi, currency)} {per}, depending on experience.",
        f"Salary: {money(round((lo + hi) / 2, -3 if period == 'year' else 0), currency)} {per}.",
        f"We pay between {money(lo, currency)} and {money(hi, currency)} {per} for this position.",
    ]
    if period == "hour":
        options = [
            f"This role pays {money(lo, currency)} - {money(hi, currency)} per hour.",
            f"Rate: {money(hi, currency)}/hour.",
            f"Hourly pay: {money(lo, currency)} to {money(hi, currency)}.",
        ]
    if period == "month":
        options = [
            f"Salary: {money(lo, currency)} - {money(hi, currency)} per month (gross).",
            f"Monthly salary up to {money(hi, currency)}.",
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
    return float(round_to(low, 5_000)), float(round_to(high, 5_000))


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
            pay = (float(round_to(pay[0] / 12, 100)), float(round_to(pay[1] / 12, 100)))
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
    out.extend(_discoverable_postings())
    return tuple(out)


def _with_link(p: DemoPosting, sentence: str, url: str) -> None:
    p.description_html += f'<p>{html.escape(sentence)} <a href="{url}">{html.escape(url)}</a></p>'
    p.description_text = _text_of(p.description_html)


def _discoverable_postings() -> list[DemoPosting]:
    """The DISCOVERABLE employers' postings and the HN comments that link their boards."""
    rng = random.Random(SEED + 1)
    by_name = {c.name: c for c in DISCOVERABLE}
    out: list[DemoPosting] = []
    uid = 90_000
    for company in DISCOVERABLE:
        for n in range(company.size):
            uid += 1
            p = _make(
                rng,
                uid,
                company.source,
                company.board,
                company,
                rng.choice(company.countries),
                structured_ok=True,
            )
            p.discoverable = True
            linked = DISCOVERABLE_LINKS.get(company.name)
            if linked and n < 2:
                # Open from the first snapshot on, so the link is crawled on the second one.
                p.posted, p.closes = FIRST_POSTED, None
                target = by_name[linked]
                _with_link(
                    p, f"Our sister company {target.name} is hiring too:", board_link(target)
                )
            out.append(p)
    month = _hn_thread_month(SNAPSHOT_DATES[0])
    for company in DISCOVERABLE[:4]:
        uid += 1
        p = _make(
            rng,
            uid,
            "hn",
            str(hn_thread_id(month)),
            company,
            company.countries[0],
            structured_ok=False,
        )
        p.posted, p.closes = month + timedelta(days=1), None
        _with_link(p, "See every opening on our careers page:", board_link(company))
        out.append(p)
    return out


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


def boards_of(source: str, *, discoverable: bool = False) -> list[str]:
    """The boards of `source` the demo's board lists name; with `discoverable`, also those
    only board discovery finds (a renderer serves both, lists only the first)."""
    seen: dict[str, None] = {}
    for p in generate():
        if p.source == source and (discoverable or not p.discoverable):
            seen.setdefault(p.board, None)
    return list(seen)


def company_of(source: str, board: str) -> str | None:
    """The employer behind a demo board (its name in the demo's registry)."""
    return next((p.company for p in generate() if p.source == source and p.board == board), None)


def stable_uuid(uid: int) -> str:
    """A UUID derived from a posting's uid (the same on every run)."""
    return str(uuid.UUID(int=random.Random(uid).getrandbits(128), version=4))
