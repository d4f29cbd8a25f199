"""Salary parsing, table-driven: real-world pay formats written by us, negatives included.

Each row: the text of a posting (or the part of it that matters) and the pay a job seeker
would read as the pay for the job: (min, max, currency, period), or None for no pay.
"""

from __future__ import annotations

import pytest

from transforms.salary import (
    ANNUAL_FACTOR,
    FxTable,
    choose_primary,
    find_pay,
    parse_fx_table,
    pay_record,
    period_from_magnitude,
    structured_pay,
)

Y, M, W, D, H = "year", "month", "week", "day", "hour"

POSITIVE: list[tuple[str, tuple[float | None, float | None, str, str]]] = [
    # --- US dollars, k suffixes, range dashes ---
    ("Salary: $175k–$300k", (175000, 300000, "USD", Y)),
    ("Compensation: $120k-$150k + equity", (120000, 150000, "USD", Y)),
    ("$130K - $180K base", (130000, 180000, "USD", Y)),
    ("Pay range $140k — $200k", (140000, 200000, "USD", Y)),
    ("$100-140K USD", (100000, 140000, "USD", Y)),
    ("$145-200k", (145000, 200000, "USD", Y)),
    ("$180k-220k depending on level", (180000, 220000, "USD", Y)),
    ("Base salary range: $95,000–$125,000", (95000, 125000, "USD", Y)),
    ("$180,000 - $320,000 USD", (180000, 320000, "USD", Y)),
    ("The range is $125,000.00 - $175,000.00 per year.", (125000, 175000, "USD", Y)),
    ("$83,000—$157,500 USD", (83000, 157500, "USD", Y)),
    ("$110,000.00-$220,000.00", (110000, 220000, "USD", Y)),
    ("between $155,000 and $209,000. The final offer", (155000, 209000, "USD", Y)),
    ("$152,000 to $190,000", (152000, 190000, "USD", Y)),
    ("$150,000 - $250,000 a year", (150000, 250000, "USD", Y)),
    ("$145,000 - $235,000 p/y", (145000, 235000, "USD", Y)),
    ("$184,000 and $230,000/yr", (184000, 230000, "USD", Y)),
    ("$88,800-$160,800/year", (88800, 160800, "USD", Y)),
    ("USD $163,600 - USD $245,400", (163600, 245400, "USD", Y)),
    ("US$120,000 - US$140,000 annually", (120000, 140000, "USD", Y)),
    ("$98,000$189,000 USD", (98000, 189000, "USD", Y)),
    ("$160,000-180,000 + equity + benefits", (160000, 180000, "USD", Y)),
    ("140k - 180k USD", (140000, 180000, "USD", Y)),
    ("85-110k USD", (85000, 110000, "USD", Y)),
    ("USD 5K to 10K monthly", (5000, 10000, "USD", M)),
    ("$200k Salary", (200000, 200000, "USD", Y)),
    ("Salary: $80k/year", (80000, 80000, "USD", Y)),
    ("Salary $1.2M? no: salary $120,000 flat", (120000, 120000, "USD", Y)),
    ("$89,422.08 USD-$209,583.00 USD", (89422.08, 209583, "USD", Y)),
    ("Minimum Salary: $179,200.00\n\nMaximum Salary: $257,600.00", (179200, 257600, "USD", Y)),
    ("Min: $138,800\nMid: $173,500\nMax: $208,200", (138800, 208200, "USD", Y)),
    ("USD $80,000 with a maximum of USD $120,000", (80000, 120000, "USD", Y)),
    (
        "The base pay ranges from $147,000/year in our lowest geographic market up to "
        "$175,000/year in our highest",
        (147000, 175000, "USD", Y),
    ),
    # --- open ranges ---
    ("up to $300k", (None, 300000, "USD", Y)),
    ("Up to $30 per hour", (None, 30, "USD", H)),
    ("up to £80,000 per annum", (None, 80000, "GBP", Y)),
    ("$150k+ depending on experience", (150000, None, "USD", Y)),
    ("Salary from $150k", (150000, None, "USD", Y)),
    ("starts at 3500 € per month", (3500, None, "EUR", M)),
    ("a gross monthly salary starting at EUR 4.000 on a full-time basis", (4000, None, "EUR", M)),
    ("from €4,500 gross / month", (4500, None, "EUR", M)),
    ("Starting salary of $65,000", (65000, None, "USD", Y)),
    ("Compensation: at least $90k", (90000, None, "USD", Y)),
    ("Compensation: $400+k total (base + guaranteed bonus)", (400000, None, "USD", Y)),
    ("Salary: $154-190,000 DOE", (154000, 190000, "USD", Y)),
    # --- hourly, daily, weekly, monthly ---
    ("$45-55/hour", (45, 55, "USD", H)),
    ("$75-150/hour for contractors", (75, 150, "USD", H)),
    ("$26/hr", (26, 26, "USD", H)),
    ("$42-$50/hour", (42, 50, "USD", H)),
    ("$20-$25 / hour", (20, 25, "USD", H)),
    ("$18.00-$20.00 / hour", (18, 20, "USD", H)),
    ("US$50/hour to US$78/hour", (50, 78, "USD", H)),
    ("$20 to $60 per hour", (20, 60, "USD", H)),
    ("a pay range of $8-to- $65 per hour", (8, 65, "USD", H)),
    ("$8‐to‐$65 per hour", (8, 65, "USD", H)),
    ("USD $12.5 per hour", (12.5, 12.5, "USD", H)),
    ("USD $7.50 per hour", (7.5, 7.5, "USD", H)),
    ("$40 an hour", (40, 40, "USD", H)),
    ("Rate: $60 hourly", (60, 60, "USD", H)),
    ("Hourly rate: $35 - $45", (35, 45, "USD", H)),
    ("£29-£33/hour", (29, 33, "GBP", H)),
    ("CA$40-CA$50/hour", (40, 50, "CAD", H)),
    ("£450 per day outside IR35", (450, 450, "GBP", D)),
    ("€600/day", (600, 600, "EUR", D)),
    ("Day rate: £500-£550", (500, 550, "GBP", D)),
    ("$2,000 per week", (2000, 2000, "USD", W)),
    ("$1,500/wk", (1500, 1500, "USD", W)),
    ("€5,000-€6,000 per month", (5000, 6000, "EUR", M)),
    ("€5700 to €7100 gross per month", (5700, 7100, "EUR", M)),
    ("3500 - 6000 EUR/month", (3500, 6000, "EUR", M)),
    ("$8,000/mo", (8000, 8000, "USD", M)),
    ("€48–60k/yr", (48000, 60000, "EUR", Y)),
    # --- other currencies and separators ---
    ("£100–130k + meaningful equity", (100000, 130000, "GBP", Y)),
    ("£90k–£130k GBP", (90000, 130000, "GBP", Y)),
    ("£65,000 – £100,000 annually", (65000, 100000, "GBP", Y)),
    ("GBP 70,000 - 85,000", (70000, 85000, "GBP", Y)),
    ("65-95k€", (65000, 95000, "EUR", Y)),
    ("€45,000 – €70,000", (45000, 70000, "EUR", Y)),
    ("EUR 60.000 - 75.000 brutto", (60000, 75000, "EUR", Y)),
    ("60.000 € - 70.000 € gross", (60000, 70000, "EUR", Y)),
    ("Gehalt: 60 000 EUR pro Jahr? salary 60 000 EUR per year", (60000, 60000, "EUR", Y)),
    ("€60.000,50 per year", (60000.5, 60000.5, "EUR", Y)),
    ("100-200k CHF", (100000, 200000, "CHF", Y)),
    ("CHF 120,000 - 140,000", (120000, 140000, "CHF", Y)),
    ("12 000 - 18 000 PLN brutto monthly", (12000, 18000, "PLN", M)),
    ("PLN 20k-25k per month", (20000, 25000, "PLN", M)),
    ("SEK 45,000 - 55,000 per month", (45000, 55000, "SEK", M)),
    ("CA$120K to CA$160K", (120000, 160000, "CAD", Y)),
    ("$105,000 - $125,000 CAD", (105000, 125000, "CAD", Y)),
    ("CAD 90,000 - 110,000", (90000, 110000, "CAD", Y)),
    ("Canada (all figures in CAD)\n- $174,000 - $220,000", (174000, 220000, "CAD", Y)),
    ("A$150k - A$180k + super", (150000, 180000, "AUD", Y)),
    ("AUD 130,000 - 150,000 plus superannuation", (130000, 150000, "AUD", Y)),
    ("₹12,00,000 - ₹18,00,000? INR 12-18 LPA", (1200000, 1800000, "INR", Y)),
    ("CTC: 15 lakh per annum", (1500000, 1500000, "INR", Y)),
    ("Rs. 15,00,000 per annum", (1500000, 1500000, "INR", Y)),
    ("₹25 LPA", (2500000, 2500000, "INR", Y)),
    ("SGD 8,000 - 10,000 per month", (8000, 10000, "SGD", M)),
    ("$150K–$180K (base) / $200K OTE", (150000, 180000, "USD", Y)),
    ("We offer between 60 and 70k EUR", (60000, 70000, "EUR", Y)),
    ("INR 25L - 35L", (2500000, 3500000, "INR", Y)),
    ("Hourly wage: Approximately 2,500 to 3,300 yen", (2500, 3300, "JPY", H)),
    ("Monthly: 400,000 to 528,000 yen", (400000, 528000, "JPY", M)),
    # --- periods from magnitude when the words say nothing ---
    ("$15—$60 USD", (15, 60, "USD", H)),
    ("Pay: $30—$150 USD", (30, 150, "USD", H)),
    ("Salary range $150,000 - $165,000", (150000, 165000, "USD", Y)),
    ("SmarterDx | 150-250k+ + equity + benefits | Remote (US only)", (150000, 250000, "USD", Y)),
    # --- base preferred over OTE; bonus after base ignored ---
    ("OTE $200k-$250k. Base salary $120k-$140k", (120000, 140000, "USD", Y)),
    ("Base $150k, bonus up to $30k", (150000, 150000, "USD", Y)),
    ("$65K to $100K USD OTE", (65000, 100000, "USD", Y)),
]

NEGATIVE: list[str] = [
    "We raised a $50M Series B led by top investors.",
    "Backed by $120M in funding from a16z.",
    "We crossed $10M ARR last quarter.",
    "Revenue of $25 million in 2024.",
    "Valued at $2B after our last round.",
    "401(k) with 4% match",
    "401k matching up to 6%",
    "$1,000 annual learning stipend",
    "$500 home office budget",
    "WFH stipend of $100/month",
    "$200/month wellness stipend",
    "Equity: 0.5% - 1.0%",
    "Signing bonus of $10,000",
    "$10k signing bonus",
    "Annual bonus of up to $20,000",
    "We serve 10M users across 40 countries.",
    "Founded in 2019, we have 150 employees.",
    "Requires 5+ years of experience with Python 3.11.",
    "Compensation: Equity only - til funding",
    "We pay $300 for take-home exercises because your time has value.",
    "Pro plan ($12/mo or $99/yr)",
    "Our customers saved $3M last year.",
    "Each referral earns a $2,500 reward.",
    "Offices in 12 cities, 3 continents.",
    "Call 555-123-4567 for details.",
    "Fertility HRA (up to $5,000 per year)",
    "An annual $1000 self-development budget to be used for anything",
    "MyBenefit Platform with 150 PLN per month to spend on",
    "$5 per task completed",
    "Rates from $0.10 per word",
    "We manage $4B in assets.",
    "Version 2.0 ships in Q3 2025",
    "",
    "No numbers at all here.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_primary_pay_is_read_as_a_job_seeker_reads_it(
    text: str, expected: tuple[float | None, float | None, str, str]
) -> None:
    pays = find_pay(text)
    index = choose_primary(pays)
    assert index is not None, f"no pay found in {text!r}"
    pay = pays[index]
    assert (pay.min, pay.max, pay.currency, pay.period) == pytest.approx(expected)


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] or "empty" for t in NEGATIVE])
def test_amounts_that_are_not_pay_for_the_job_are_rejected(text: str) -> None:
    assert find_pay(text) == []


def test_there_are_at_least_100_formats() -> None:
    assert len(POSITIVE) + len(NEGATIVE) >= 100


def test_the_span_is_the_exact_text_it_came_from() -> None:
    text = "Role: Prompt Engineer\nPay: $175k–$300k per year, plus equity."
    (pay,) = find_pay(text)
    assert pay.text == "$175k–$300k per year"
    assert text[pay.start : pay.end] == pay.text


def test_every_stated_range_is_kept_with_its_zone_label() -> None:
    text = "Zone A: $153,000 - $194,000\nZone B: $145,400 - $184,300\nZone C: $138,000 - $174,000\n"
    pays = find_pay(text)
    assert [(p.min, p.max) for p in pays] == [
        (153000, 194000),
        (145400, 184300),
        (138000, 174000),
    ]
    assert [p.label for p in pays] == ["Zone A", "Zone B", "Zone C"]
    assert choose_primary(pays) == 0


def test_a_duplicate_range_is_listed_once() -> None:
    text = "$150k-$200k. Again: the range is $150k-$200k."
    assert len(find_pay(text)) == 1


def test_structured_pay_wins_and_keeps_every_zone() -> None:
    pays = structured_pay(
        {"min": 150000, "max": 200000, "currency": "usd", "period": "year", "raw": "$150k-$200k"},
        [
            {"min": 150000, "max": 200000, "currency": "USD", "period": "year", "label": "US"},
            {"min": 120000, "max": 160000, "currency": "EUR", "period": "year", "label": "EU"},
        ],
    )
    assert [(p.min, p.max, p.currency, p.label) for p in pays] == [
        (150000, 200000, "USD", None),
        (120000, 160000, "EUR", "EU"),
    ]


def test_structured_pay_with_bad_values_is_ignored_not_fatal() -> None:
    assert structured_pay({"min": "n/a", "max": None}, "not a list") == []
    assert structured_pay(None, [{"min": -5}, 3, "x"]) == []
    (pay,) = structured_pay({"min": "60000", "max": "50000", "currency": "GBP"})
    assert (pay.min, pay.max, pay.period) == (50000, 60000, "year")


@pytest.mark.parametrize(
    ("amount", "period", "annual"),
    [(50, "hour", 104000), (400, "day", 104000), (2000, "week", 104000), (8000, "month", 96000)],
)
def test_annualisation_uses_the_documented_factors(
    amount: float, period: str, annual: float
) -> None:
    fx = FxTable({"USD": 1.0})
    pay = find_pay(f"${amount:,} per {period}")[0]
    assert pay_record(pay, fx, is_primary=True)["min_annual_usd"] == annual
    assert ANNUAL_FACTOR == {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def test_conversion_to_usd_uses_the_fx_table() -> None:
    fx = parse_fx_table("# as_of: 2025-06-30\n# source: test\ncurrency,usd_per_unit\nEUR,1.10\n")
    assert (fx.as_of, fx.source) == ("2025-06-30", "test")
    record = pay_record(find_pay("€60,000 - €70,000 per year")[0], fx, is_primary=True)
    assert (record["min_annual_usd"], record["max_annual_usd"]) == (66000, 77000)


def test_unknown_currency_has_no_usd_figure_rather_than_a_wrong_one() -> None:
    fx = FxTable({"USD": 1.0})
    record = pay_record(find_pay("£50,000 per year")[0], fx, is_primary=True)
    assert record["currency"] == "GBP"
    assert record["min_annual_usd"] is None


def test_an_fx_table_without_rows_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="no `currency,usd_per_unit` rows"):
        parse_fx_table("# nothing here\n")


@pytest.mark.parametrize(
    ("usd", "period"), [(25, "hour"), (500, "day"), (6000, "month"), (90000, "year")]
)
def test_period_from_magnitude_only_where_words_say_nothing(usd: float, period: str) -> None:
    assert period_from_magnitude(usd) == period
