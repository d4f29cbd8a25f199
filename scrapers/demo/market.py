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
from typing import Any

from common.markup import html_to_text

SEED = 20260907
SNAPSHOT_DATES: tuple[date, ...] = tuple(
    date(2026, 9, 7) + timedelta(days=14 * i) for i in range(6)
)
FIRST_POSTED = date(2026, 6, 8)

# --- the shape of the real market -------------------------------------------------------------
# Measured on real postings (docs/demo.md, "How the demo market is shaped"), never copied: only
# these counts come from them. Two samples were read:
# - the hand-labelled dev set of the shared corpus (264 postings: Hacker News "Who is hiring?",
#   a remote-jobs board, European ATS pages, Greenhouse boards, and a 24-posting sample found
#   by searching for prompt work), labels per corpus/LABELS.md; "general" leaves the
#   prompt-search sample out (240 postings);
# - full real board responses crawled through this project's own spiders
#   (../shared/tools/real_boards_audit.sh: Stripe on Greenhouse, Plaid and Match Group on
#   Lever, Ramp on Ashby, the RemoteOK feed; 938 postings).
# Each constant is (hits, out of): a Deck deals exactly that many hits per that many draws.

# Role family of the 240 general labelled postings: core 3, adjacent 93, other 144 (the real
# boards agree that core work is rare: 0 core of 938 postings, 66 adjacent on the four
# employers' boards).
ROLE_COUNTS: dict[str, int] = {"core": 3, "adjacent": 93, "other": 144}
# Of the 11 labelled core postings, 2 carry "prompt" in the title; the others are titled AI
# trainer, specialist or expert. Of all 119 labelled LLM postings (core + adjacent), 2.
CORE_PROMPT_TITLED = (2, 11)
PROMPT_TITLED_OF_LLM = (2, 119)
# Of the 108 labelled adjacent postings, 15 are AI-trainer work; all 22 labelled AI-trainer
# postings state their pay, all of it hourly.
ADJACENT_AI_TRAINER = (15, 108)
# Pay stated (any range in the text) in 145 of the 264 labelled postings. Leaving out the 22
# AI-trainer postings (all paid): 62 of the 91 placed in the US, 25 of the 72 placed outside
# it, 32 of the 72 with no place (remote anywhere). The demo places every posting, so its
# overall share comes out a little above 145/264.
PAY_STATED = (145, 264)
PAY_STATED_US = (62, 91)
PAY_STATED_NON_US = (25, 72)
# 18 of the 145 postings with pay state more than one range (pay zones, tiers or levels).
MULTI_RANGE_OF_PAID = (18, 145)
# Hourly rates: 36 of the 145; without the 22 AI-trainer postings, 14 of 123 (contractors).
HOURLY_OF_PAID = (36, 145)
CONTRACT_HOURLY_OF_PAID = (14, 123)
# OTE or commission named in 16 of the 528 corpus postings (regex OTE / on-target / commission;
# on Ramp's Ashby board 25 of the 114 with pay list a commission component).
OTE_OR_COMMISSION = (16, 528)
# Place: of the corpus postings whose location names a country, outside the European sample,
# 93 of 304 are outside the US (the Stripe and Match Group boards: 56% and 45%).
NON_US = (93, 304)
# Of the 28 labelled non-US postings with pay, 18 state it in the local currency (GBP, EUR,
# CAD, CHF, JPY), 10 in US dollars.
LOCAL_CURRENCY_OF_NON_US_PAID = (18, 28)
# Language: 10 of the 938 real board postings are not written in English (Japanese and
# Korean, on Match Group's board); the corpus is all English. 8 of the 119 labelled LLM
# postings ask for fluency in another language, all of them AI-training work (5 of the 22
# AI-trainer titles and 3 freelance writers for model training: 8 of 25).
NON_ENGLISH = (10, 938)
LANGUAGE_FLUENCY_OF_LLM = (8, 119)
FLUENCY_OF_AI_TRAINER = (8, 25)

# The sales roles' weight among "other" so that OTE / commission reaches its measured share.
SALES_OF_OTHER = round(
    ROLE_COUNTS["other"]
    * (OTE_OR_COMMISSION[0] / OTE_OR_COMMISSION[1])
    / (ROLE_COUNTS["other"] / sum(ROLE_COUNTS.values()))
)


def share(measured: tuple[int, int]) -> float:
    return measured[0] / measured[1]


class Deck:
    """Deals items in fixed proportions: each deck of `sum(counts)` cards holds each item
    `counts[item]` times, shuffled by the market's RNG, and a new deck is shuffled when one
    runs out. So any run of draws is within one deck of the declared proportions."""

    def __init__(self, rng: random.Random, counts: dict[Any, int]) -> None:
        self._rng = rng
        self._cards = [item for item, n in counts.items() for _ in range(n)]
        self._left: list[Any] = []

    def draw(self) -> Any:
        if not self._left:
            self._left = list(self._cards)
            self._rng.shuffle(self._left)
        return self._left.pop()

    @classmethod
    def of(cls, rng: random.Random, measured: tuple[int, int]) -> Deck:
        """A yes/no deck: `measured[0]` yes in `measured[1]` draws."""
        hits, out_of = measured
        return cls(rng, {True: hits, False: out_of - hits})


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
CURRENCY = {"US": "USD", "UK": "GBP", "DE": "EUR", "FR": "EUR", "CA": "CAD", "IN": "INR"}
# Local pay level against a US figure (in local currency units).
PAY_LEVEL = {"US": 1.0, "UK": 0.62, "DE": 0.68, "FR": 0.6, "CA": 1.05, "IN": 25.0}
# The same jobs paid in US dollars from abroad (contractor platforms, remote employers).
USD_PAY_LEVEL = {"US": 1.0, "UK": 0.8, "DE": 0.75, "FR": 0.7, "CA": 0.8, "IN": 0.35}

# --- roles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleSpec:
    titles: tuple[str, ...]
    family: str  # core / adjacent / other
    pay: tuple[int, int]  # typical US base range (low, high) for a mid-level hire
    hourly: bool = False  # a contractor rate (AI-trainer work: always stated, always hourly)
    skills: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    years: tuple[int, ...] = (2, 3, 4, 5)
    weight: int = 1  # how many of its family's postings it has (a count: see Deck)
    sales: bool = False  # quota-carrying: pay is base plus commission (OTE)


_PROMPT_SKILLS = (
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
)
_TRAINER_SKILLS = (
    "creative writing",
    "fact-checking",
    "linguistics",
    "data annotation",
    "style guides",
    "mathematics",
    "prompt engineering",
)

# Weights inside a family follow the hand labels too: of the core postings 2 in 11 carry
# "prompt" in the title and the rest are AI-trainer / expert titles (CORE_PROMPT_TITLED);
# of the adjacent ones about 1 in 7 is AI-trainer work (ADJACENT_AI_TRAINER), paid hourly.
ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        ("Prompt Engineer", "Senior Prompt Engineer", "Prompt Engineer, Evaluations"),
        "core",
        (180_000, 260_000),
        skills=_PROMPT_SKILLS,
        duties=(
            "Design, test and version prompts and system instructions for production assistants",
            "Build evaluation sets and rubrics that catch regressions before release",
            "Work with engineers to ship retrieval-augmented generation (RAG) pipelines",
            "Run experiments comparing prompting strategies, models and temperatures",
            "Write the internal prompt style guide and teach it to product teams",
        ),
        years=(2, 3, 4, 5, 6),
        weight=CORE_PROMPT_TITLED[0],
    ),
    # Core work under other titles: the main job is writing prompts and test questions that
    # probe models, and judging the answers (hourly contractor work).
    RoleSpec(
        (
            "Mathematics Specialist - AI Trainer",
            "Physics Expert, Model Evaluation",
            "STEM Specialist - AI Trainer",
            "Software Specialist - AI Trainer",
            "Biology PhD - Model Evaluation",
            "Chemistry Expert - AI Trainer",
        ),
        "core",
        (40, 90),
        hourly=True,
        skills=_TRAINER_SKILLS,
        duties=(
            "Write original prompts that challenge frontier models on graduate-level problems",
            "Author questions that test a model's reasoning, each with a worked reference answer",
            "Design prompts that probe models for subtle errors and grade their answers",
            "Refine prompts and rubrics with our research team when models start to pass them",
        ),
        years=(1, 2, 3),
        weight=CORE_PROMPT_TITLED[1] - CORE_PROMPT_TITLED[0],
    ),
    RoleSpec(
        (
            "AI Trainer (Writing)",
            "AI Trainer - Chemistry",
            "AI Tutor, Mathematics",
            "Freelance AI Trainer",
            "Generalist AI Trainer",
        ),
        "adjacent",
        (25, 60),
        hourly=True,
        skills=_TRAINER_SKILLS,
        duties=(
            "Write and rank model answers against a detailed rubric",
            "Rate AI-generated responses for accuracy, tone and safety",
            "Review other trainers' work and give written feedback",
        ),
        years=(1, 2, 3),
        weight=ADJACENT_AI_TRAINER[0],
    ),
    RoleSpec(
        (
            "GenAI Evaluation Analyst",
            "AI Quality Analyst",
            "GenAI Evaluation Lead",
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
            "Design human and automated evaluations of our LLM releases",
            "Red-team new generative AI features for safety and policy issues",
            "Analyse failure modes of the language models and report them to research teams",
        ),
        weight=12,
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
            "Design dialogue flows and fallback behaviour for our LLM voice and chat agents",
            "Run usability studies on conversational AI experiences",
            "Write persona and tone guidelines for the AI assistant",
        ),
        weight=12,
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
            "Own latency, cost and quality dashboards for our generative AI features",
            "Fine-tune and evaluate open language models for our domain",
        ),
        years=(3, 4, 5, 6),
        weight=55,
    ),
    RoleSpec(
        (
            "Machine Learning Engineer, LLMs",
            "Senior ML Engineer, NLP",
            "ML Engineer, Language Models",
        ),
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
            "Train, fine-tune and serve large language models at scale",
            "Build the training and evaluation pipelines for our LLMs",
            "Partner with research to productionise new language model architectures",
        ),
        years=(3, 4, 5, 7),
        weight=ADJACENT_AI_TRAINER[1] - ADJACENT_AI_TRAINER[0] - 79,
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
        weight=25,
    ),
    RoleSpec(
        ("Frontend Engineer", "Senior Frontend Engineer", "Full Stack Engineer"),
        "other",
        (130_000, 195_000),
        skills=("TypeScript", "React", "Next.js", "CSS", "GraphQL", "accessibility"),
        duties=(
            "Build the web app our customers use every day",
            "Own the design system and its accessibility",
            "Make the product fast on slow phones and networks",
        ),
        weight=30,
    ),
    RoleSpec(
        ("Backend Engineer", "Senior Software Engineer, Platform", "Site Reliability Engineer"),
        "other",
        (140_000, 210_000),
        skills=("Go", "Python", "PostgreSQL", "Kubernetes", "Terraform", "AWS"),
        duties=(
            "Design the APIs and services behind our product",
            "Keep our databases fast, backed up and cheap to run",
            "Own on-call, incident reviews and the deploy pipeline",
        ),
        weight=25,
    ),
    RoleSpec(
        ("Machine Learning Engineer", "Senior Machine Learning Engineer, Forecasting"),
        "other",
        (160_000, 240_000),
        skills=("Python", "PyTorch", "SQL", "Spark", "MLOps", "statistics"),
        duties=(
            "Train and deploy forecasting and ranking models",
            "Build the feature store and training pipelines",
            "Measure model quality online with A/B tests",
        ),
        years=(3, 4, 5, 7),
        weight=15,
    ),
    RoleSpec(
        ("Product Designer", "Senior Product Designer"),
        "other",
        (120_000, 180_000),
        skills=("Figma", "UX research", "prototyping", "accessibility"),
        duties=(
            "Design flows from first sketch to shipped pixels",
            "Run interviews and usability tests with customers",
            "Keep our design system consistent",
        ),
        weight=17,
    ),
    RoleSpec(
        ("Account Executive", "Enterprise Account Executive"),
        "other",
        (90_000, 150_000),
        skills=("Salesforce", "negotiation", "stakeholder management", "forecasting"),
        duties=(
            "Own a book of mid-market and enterprise accounts",
            "Run discovery and demos with technical buyers",
            "Forecast your pipeline accurately every week",
        ),
        years=(2, 3, 5),
        weight=SALES_OF_OTHER,
        sales=True,
    ),
    RoleSpec(
        (
            "Customer Success Manager",
            "Technical Writer",
            "Recruiter, Technical",
            "Operations Manager",
        ),
        "other",
        (80_000, 140_000),
        skills=("technical writing", "stakeholder management", "Salesforce", "project management"),
        duties=(
            "Onboard new customers and keep them successful",
            "Write clear customer-facing documentation",
            "Run hiring loops with our engineering managers",
        ),
        years=(2, 3, 5),
        weight=24,
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
    ote: tuple[float, float] | None = None  # on-target earnings next to the base (sales)
    language: str = "en"  # the language the posting is written in

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
    symbol = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "INR": "₹"}[currency]
    if short and amount >= 1000:
        return f"{symbol}{amount / 1000:.0f}k"
    if amount < 1000:
        return f"{symbol}{amount:.0f}"
    return f"{symbol}{amount:,.0f}"


def _local_money(amount: float, language: str) -> str:
    """`65.000 €` (German) or `65 000 €` (French)."""
    digits = f"{amount:,.0f}".replace(",", "." if language == "de" else " ")
    return f"{digits} €"


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


def _zones(pay: tuple[float, float], country: str, period: str) -> list[tuple[str, float, float]]:
    """Two pay zones: the posting's range where pay is highest, a lower one elsewhere."""
    lo, hi = pay
    step = 1_000 if period == "year" else (100 if period == "month" else 1)
    lower = (float(round_to(lo * 0.85, step)), float(round_to(hi * 0.85, step)))
    if country == "US":
        return [
            ("Zone A: San Francisco, New York, Seattle", lo, hi),
            ("Zone B: all other US locations", *lower),
        ]
    first_city = LOCATIONS[country][0][0]
    return [(first_city, lo, hi), (f"elsewhere in {COUNTRY_NAMES[country]}", *lower)]


def _pay_words(
    rng: random.Random,
    pay: tuple[float, float],
    currency: str,
    period: str,
    language: str,
    zones: list[tuple[str, float, float]],
    ote: tuple[float, float] | None,
) -> str:
    """The pay as the description states it: one range, the zones, or base plus OTE."""
    if language != "en":
        per = {
            "de": {"year": "brutto pro Jahr", "month": "brutto pro Monat", "hour": "pro Stunde"},
            "fr": {"year": "brut par an", "month": "brut par mois", "hour": "par heure"},
        }[language][period]
        parts = []
        for where, lo, hi in zones or [("", *pay)]:
            span = f"{_local_money(lo, language)} - {_local_money(hi, language)} {per}"
            label = "Gehalt" if language == "de" else "Salaire"
            colon = ":" if language == "de" else " :"
            parts.append(f"{label}{f' ({where})' if where else ''}{colon} {span}.")
        return " ".join(parts)
    per = {"year": "per year", "hour": "per hour", "month": "per month"}[period]
    if zones:
        return "Pay depends on where you live. " + " ".join(
            f"{where}: {money(lo, currency)} - {money(hi, currency)} {per}."
            for where, lo, hi in zones
        )
    if ote:
        return (
            f"Base salary: {money(pay[0], currency)} - {money(pay[1], currency)} {per}. "
            f"On-target earnings (OTE): {money(ote[0], currency)} - {money(ote[1], currency)}, "
            "with uncapped commission."
        )
    return _pay_sentence(rng, pay, currency, period)


def _pay_for(
    rng: random.Random, role: RoleSpec, title: str, country: str, currency: str
) -> tuple[float, float]:
    """A (low, high) pay in `currency` per the role's period (hourly roles: per hour)."""
    level = PAY_LEVEL[country] if currency != "USD" else USD_PAY_LEVEL[country]
    lo, hi = role.pay
    if role.hourly:
        a = rng.randint(lo, hi - 8)
        b = a + rng.choice((5, 10, 15, 20))
        return float(round_to(a * level, 1)), float(round_to(b * level, 1))
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
    mid = rng.uniform(lo, hi) * factor * level
    spread = rng.uniform(0.12, 0.25)
    low, high = mid * (1 - spread / 2), mid * (1 + spread / 2)
    return float(round_to(low, 5_000)), float(round_to(high, 5_000))


# --- descriptions ---------------------------------------------------------------------------------

# The few postings written in German or French: what the job does, by family (our own words).
_LOCAL_DUTIES: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "llm": (
            "Du entwickelst Funktionen auf Basis großer Sprachmodelle (LLMs) für unsere Kunden.",
            "Du baust und bewertest RAG-Pipelines und Prompts für generative KI.",
            "Du misst Qualität, Kosten und Latenz unserer KI-Agenten.",
        ),
        "other": (
            "Du betreust unsere Kunden vom ersten Gespräch bis zur Verlängerung.",
            "Du baust Dashboards und Berichte für unsere Teams.",
            "Du arbeitest eng mit Produkt und Vertrieb zusammen.",
        ),
    },
    "fr": {
        "llm": (
            "Vous développez des fonctionnalités fondées sur les grands modèles de langage (LLM).",
            "Vous concevez et évaluez des pipelines RAG et des prompts pour l'IA générative.",
            "Vous mesurez la qualité, le coût et la latence de nos agents IA.",
        ),
        "other": (
            "Vous accompagnez nos clients du premier échange au renouvellement.",
            "Vous construisez des tableaux de bord pour nos équipes.",
            "Vous travaillez avec les équipes produit et ventes.",
        ),
    },
}
_LOCAL_HEADINGS = {
    "de": ("Über uns", "Deine Aufgaben", "Dein Profil", "Wir bieten"),
    "fr": ("Qui sommes-nous", "Vos missions", "Votre profil", "Ce que nous offrons"),
}


def _local_description(
    rng: random.Random,
    blurb: str,
    role: RoleSpec,
    title: str,
    language: str,
    skills: list[str],
    years: int,
    pay_text: str | None,
) -> str:
    about, duties_h, profile_h, offer_h = _LOCAL_HEADINGS[language]
    kind = "other" if role.family == "other" else "llm"
    duties = rng.sample(_LOCAL_DUTIES[language][kind], k=2)
    if language == "de":
        intro = f"Als {title} (m/w/d) arbeitest du in einem Team von 6 Personen."
        profile = [
            f"Mindestens {years} Jahre Berufserfahrung",
            f"Erfahrung mit {skills[0]} und {skills[1]}",
        ]
        offer = "30 Tage Urlaub, ein Weiterbildungsbudget und hybrides Arbeiten."
    else:
        intro = f"En tant que {title} (H/F), vous rejoignez une équipe de 6 personnes."
        profile = [
            f"Au moins {years} ans d'expérience",
            f"Une expérience de {skills[0]} et {skills[1]}",
        ]
        offer = "25 jours de congés, un budget formation et du télétravail partiel."
    parts = [
        f"<h2>{about}</h2><p>{html.escape(blurb)}</p><p>{html.escape(intro)}</p>",
        f"<h3>{duties_h}</h3><ul>"
        + "".join(f"<li>{html.escape(d)}</li>" for d in duties)
        + "</ul>",
        f"<h3>{profile_h}</h3><ul>"
        + "".join(f"<li>{html.escape(p)}</li>" for p in profile)
        + "</ul>",
    ]
    if pay_text:
        parts.append(f"<p>{html.escape(pay_text)}</p>")
    parts.append(f"<h3>{offer_h}</h3><p>{html.escape(offer)}</p>")
    return "".join(parts)


def _description(
    rng: random.Random,
    company: DemoCompany | str,
    role: RoleSpec,
    title: str,
    remote: str,
    country: str,
    pay_text: str | None,
    language: str = "en",
    fluency: str | None = None,
) -> str:
    blurb = (
        company.blurb
        if isinstance(company, DemoCompany)
        else (f"{company} is a small team building practical AI products.")
    )
    duties = rng.sample(role.duties, k=min(len(role.duties), rng.randint(2, 3)))
    skills = rng.sample(role.skills, k=min(len(role.skills), rng.randint(3, 5)))
    years = rng.choice(role.years)
    if language != "en":
        return _local_description(rng, blurb, role, title, language, skills, years, pay_text)
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
    if fluency:
        requirement_lines.append(f"Native-level fluency in {fluency}, and fluent English")
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

# Where a company with no office abroad hires abroad, and the languages AI-trainer work asks for.
ABROAD: tuple[str, ...] = ("UK", "CA", "DE", "IN", "FR")
FLUENCY_LANGUAGES: tuple[str, ...] = (
    "German",
    "French",
    "Spanish",
    "Japanese",
    "Portuguese",
    "Hindi",
)


class _Draws:
    """The market's decks, dealt from one RNG stream (see Deck and the measured constants)."""

    def __init__(self, rng: random.Random) -> None:
        self.family = Deck(rng, ROLE_COUNTS)
        self.role = {
            family: Deck(rng, {r: r.weight for r in ROLES if r.family == family})
            for family in ROLE_COUNTS
        }
        self.non_us = Deck.of(rng, NON_US)
        self.non_english = Deck.of(rng, NON_ENGLISH)
        self.pay_us = Deck.of(rng, PAY_STATED_US)
        self.pay_non_us = Deck.of(rng, PAY_STATED_NON_US)
        self.local_currency = Deck.of(rng, LOCAL_CURRENCY_OF_NON_US_PAID)
        self.multi_range = Deck.of(rng, MULTI_RANGE_OF_PAID)
        self.contract_hourly = Deck.of(rng, CONTRACT_HOURLY_OF_PAID)
        self.fluency = Deck.of(rng, FLUENCY_OF_AI_TRAINER)


def _dates(rng: random.Random) -> tuple[date, date | None]:
    span = (SNAPSHOT_DATES[-1] - FIRST_POSTED).days
    posted = FIRST_POSTED + timedelta(days=rng.randint(0, span - 2))
    closes = None if rng.random() < 0.35 else posted + timedelta(days=rng.randint(12, 90))
    if closes is not None and closes <= SNAPSHOT_DATES[0]:
        # Never seen by any snapshot otherwise: keep it open until just after the first one.
        closes = SNAPSHOT_DATES[0] + timedelta(days=rng.randint(1, 20))
    return posted, closes


def _place(rng: random.Random, draws: _Draws, countries: tuple[str, ...]) -> tuple[str, str]:
    """(country, language) of a new posting: a German or French posting now and then, else
    the US or abroad in the measured proportion (abroad: one of the company's countries)."""
    if draws.non_english.draw():
        language = rng.choice(("de", "fr"))
        return ("DE" if language == "de" else "FR"), language
    if not draws.non_us.draw():
        return "US", "en"
    abroad = tuple(c for c in countries if c != "US") or ABROAD
    return rng.choice(abroad), "en"


def _make(
    rng: random.Random,
    draws: _Draws,
    uid: int,
    source: str,
    board: str,
    company: DemoCompany | str,
    countries: tuple[str, ...],
    *,
    structured_ok: bool,
    remote: str | None = None,
) -> DemoPosting:
    role = draws.role[draws.family.draw()].draw()
    title = rng.choice(role.titles)
    country, language = _place(rng, draws, countries)
    city, region = rng.choice(LOCATIONS[country])
    remote = remote or rng.choices(("remote", "hybrid", "onsite"), weights=(3, 4, 3))[0]
    fluency = None
    if role.hourly and role.family != "other" and draws.fluency.draw():
        fluency = rng.choice(FLUENCY_LANGUAGES)
        title = f"{title} (Fluent in {fluency})"
    # AI-trainer work always states its (hourly) rate; other jobs as measured per region.
    paid = role.hourly or (draws.pay_us if country == "US" else draws.pay_non_us).draw()
    currency = CURRENCY[country]
    if country != "US" and language == "en" and paid and not draws.local_currency.draw():
        currency = "USD"
    period = "hour" if role.hourly else "year"
    pay = None
    pay_text = None
    structured = False
    zones: list[tuple[str, float, float]] = []
    ote = None
    if paid:
        pay = _pay_for(rng, role, title, country, currency)
        if period == "year" and not role.sales and draws.contract_hourly.draw():
            period = "hour"
            pay = (float(round_to(pay[0] / 2000, 5)), float(round_to(pay[1] / 2000, 5)))
        elif period == "year" and currency == "EUR" and rng.random() < 0.4:
            period = "month"
            pay = (float(round_to(pay[0] / 12, 100)), float(round_to(pay[1] / 12, 100)))
        if draws.multi_range.draw():
            zones = _zones(pay, country, period)
        if role.sales and period == "year":
            ote = (float(round_to(pay[0] * 2, 5_000)), float(round_to(pay[1] * 2, 5_000)))
        structured = structured_ok and rng.random() < 0.65
        if zones or ote or not structured or rng.random() < 0.3:
            pay_text = _pay_words(rng, pay, currency, period, language, zones, ote)
    elif role.sales:
        pay_text = "Base salary plus uncapped commission."
    posted, closes = _dates(rng)
    markup = _description(rng, company, role, title, remote, country, pay_text, language, fluency)
    employment = "Contract" if period == "hour" else rng.choice(("Full-time",) * 6 + ("Part-time",))
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
        zones=zones,
        ote=ote,
        language=language,
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
    draws = _Draws(rng)
    out: list[DemoPosting] = []
    uid = 1000
    for company in COMPANIES:
        for _ in range(company.size):
            uid += 1
            # Workable's widget API has no pay fields: its postings state pay in the text.
            structured_ok = company.source != "workable"
            out.append(
                _make(
                    rng,
                    draws,
                    uid,
                    company.source,
                    company.board,
                    company,
                    company.countries,
                    structured_ok=structured_ok,
                )
            )
    ats = list(out)
    # HN: one comment per posting in the thread of the month it was posted.
    for month in hn_thread_months():
        for _ in range(19):
            uid += 1
            name = rng.choice(HN_COMPANIES)
            p = _make(
                rng, draws, uid, "hn", str(hn_thread_id(month)), name, ABROAD, structured_ok=False
            )
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
            out.append(
                _make(
                    rng,
                    draws,
                    uid,
                    source,
                    "all",
                    name,
                    ABROAD,
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
            out.append(
                _make(rng, draws, uid, "jsonld", name, name, ("UK", "DE"), structured_ok=True)
            )
    out.extend(_discoverable_postings())
    return tuple(out)


def _with_link(p: DemoPosting, sentence: str, url: str) -> None:
    p.description_html += f'<p>{html.escape(sentence)} <a href="{url}">{html.escape(url)}</a></p>'
    p.description_text = _text_of(p.description_html)


def _discoverable_postings() -> list[DemoPosting]:
    """The DISCOVERABLE employers' postings and the HN comments that link their boards."""
    rng = random.Random(SEED + 1)
    draws = _Draws(rng)
    by_name = {c.name: c for c in DISCOVERABLE}
    out: list[DemoPosting] = []
    uid = 90_000
    for company in DISCOVERABLE:
        for n in range(company.size):
            uid += 1
            p = _make(
                rng,
                draws,
                uid,
                company.source,
                company.board,
                company,
                company.countries,
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
            draws,
            uid,
            "hn",
            str(hn_thread_id(month)),
            company,
            company.countries,
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
    if (
        original.structured_pay
        and not original.pay_in_text
        and source in ("hn", "remotive")
        and original.pay
    ):
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


def caveat() -> str:
    """What a reader of a report built on the demo must know: whose data it is and the
    measured shape it follows (plain text, from the constants above; the edges pass it to
    the report)."""
    core = ROLE_COUNTS["core"] / sum(ROLE_COUNTS.values())
    adjacent = ROLE_COUNTS["adjacent"] / sum(ROLE_COUNTS.values())
    return (
        "Demo data: a synthetic job market written by us, not real postings. Its proportions "
        "follow what we measured on real postings (docs/demo.md): core prompt work is "
        f"{core:.1%} of postings and adjacent LLM work {adjacent:.0%}; "
        f'"prompt" is in the title of {share(PROMPT_TITLED_OF_LLM):.1%} of LLM postings, '
        "most core work being titled AI trainer, specialist or expert; "
        f"{share(PAY_STATED):.0%} state pay ({share(PAY_STATED_US):.0%} in the US), "
        f"{share(MULTI_RANGE_OF_PAID):.0%} of those several ranges, and "
        f"{share(HOURLY_OF_PAID):.0%} an hourly rate; {share(NON_US):.0%} are outside the "
        "US, mostly paid in local currency. So the verdicts tell the story a live crawl "
        "tells, with the sample sizes of a small demo: where core postings are too few, "
        'the verdict says "not enough data".'
    )
