"""Pay in job postings: structured pay from the source, else pay parsed from the text.

Pure functions, no I/O (the FX table is parsed from text handed in by the caller).

How text is read, in order:
1. every number (with its `k`/`M`/`lakh` multiplier) is found with one linear regex whose
   look-behind stops it from restarting inside a long digit run (no catastrophic
   backtracking on a 10,000-digit number);
2. a currency is looked for right before and right after each number;
3. neighbouring amounts joined by `- – — to and` (or two adjacent amounts) become a range;
   "up to X" opens the low side, "X+" / "from X" / "starting at X" the high side;
4. amounts that are not pay for the job are dropped from the words around them: funding,
   revenue, valuations, bonuses, equity, stipends and budgets, 401(k), per-task rates...;
5. the period comes from the words (after, then before, the amount); only where the words
   say nothing does the magnitude decide (see `period_from_magnitude`).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources

from transforms import languages

PERIODS: tuple[str, ...] = ("year", "month", "week", "day", "hour")
# Annualisation factors: a full-time year is 2,080 hours, 260 working days, 52 weeks.
ANNUAL_FACTOR: dict[str, float] = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}

MAX_TEXT_CHARS = 400_000  # pay is stated early; longer texts are cut so parsing stays bounded


@dataclass(frozen=True)
class Pay:
    """One pay range as stated: amounts in the stated currency and period."""

    min: float | None
    max: float | None
    currency: str
    period: str
    text: str
    start: int = -1
    end: int = -1
    label: str | None = None
    is_ote: bool = False
    explicit_currency: bool = True
    # `base` or `ote` as the source states it (structured pay: Ashby's OTE tiers), else None.
    basis: str | None = None
    notes: tuple[str, ...] = field(default=())


# ---------------------------------------------------------------------------- FX
@dataclass(frozen=True)
class FxTable:
    usd_per_unit: Mapping[str, float]
    as_of: str | None = None
    source: str | None = None

    def to_usd(self, amount: float | None, currency: str) -> float | None:
        rate = self.usd_per_unit.get(currency.upper())
        if amount is None or rate is None:
            return None
        return amount * rate


def parse_fx_table(text: str) -> FxTable:
    """Parse `currency,usd_per_unit` CSV text; `# as_of:` and `# source:` comment lines."""
    rates: dict[str, float] = {}
    meta: dict[str, str] = {}
    rows: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            key, _, value = stripped.lstrip("# ").partition(":")
            if key in ("as_of", "source") and value.strip():
                meta[key] = value.strip()
        elif stripped:
            rows.append(stripped)
    for row in csv.DictReader(rows):
        try:
            rates[row["currency"].strip().upper()] = float(row["usd_per_unit"])
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    if not rates:
        raise ValueError("FX table has no `currency,usd_per_unit` rows")
    return FxTable(rates, meta.get("as_of"), meta.get("source"))


# ---------------------------------------------------------------------------- lexicon
def _currency_rows() -> list[tuple[str, list[str], list[str]]]:
    """(code, symbols, names) of every row of data/currencies.tsv."""
    text = resources.files("transforms").joinpath("data", "currencies.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, symbols, names = (line.split("\t") + ["", ""])[:3]
        rows.append(
            (code.strip(), [x for x in symbols.split("|") if x], [x for x in names.split("|") if x])
        )
    return rows


_CURRENCY_ROWS = _currency_rows()


def packaged_currency_codes() -> set[str]:
    """The ISO codes data/currencies.tsv knows (every FX-table currency must be one)."""
    return {code for code, _, _ in _CURRENCY_ROWS}


_CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "Rs": "INR", "Rs.": "INR"}
_CURRENCY_WORDS: dict[str, str] = {}
for _code, _symbols, _names in _CURRENCY_ROWS:
    for _sym in _symbols:
        _CURRENCY_SYMBOLS.setdefault(_sym, _code)
    for _name in _names:
        _CURRENCY_WORDS.setdefault(_name.lower(), _code)
_ISO_CODES = [code for code, _, _ in _CURRENCY_ROWS] + ["RMB"]
# Low-value currencies state salaries in millions ("20 million to 40 million VND",
# "¥6M"): for them a "million" is not a funding figure.
_MILLIONS_CURRENCIES = frozenset(
    {"VND", "IDR", "KRW", "JPY", "HUF", "CLP", "COP", "ARS", "NGN", "PKR", "UAH", "KES", "INR",
     "THB", "TWD", "PHP", "CZK", "RUB", "EGP"}
)  # fmt: skip


def _alt(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


_SYM = _alt(s for s in _CURRENCY_SYMBOLS if s not in ("kr",))
_CODE = "|".join(sorted(set(_ISO_CODES), key=len, reverse=True))
# Currency written just before a number: "USD $120,000", "US$50", "CA$ 75", "EUR 4.000".
_PREFIX_RE = re.compile(
    rf"(?:(?<![A-Za-z])(?P<code>{_CODE})\s?(?P<sym1>{_SYM})?|(?P<sym>{_SYM}))\s?$"
)
# Currency written just after a number (or its multiplier): "140k USD", "65-95k€", "2,500 yen".
_SUFFIX_RE = re.compile(
    rf"^\s?(?:(?P<code>(?-i:{_CODE}))(?![A-Za-z])|(?P<sym>{_alt(s for s in _CURRENCY_SYMBOLS if s != '$')})"
    rf"(?![A-Za-z])|(?P<word>{_alt(_CURRENCY_WORDS)})(?!\w))",
    re.IGNORECASE,
)

# A number: grouped thousands ("1,234,567", "60.000", "60 000") with optional decimals,
# or a plain figure. The look-behind keeps the scan linear inside long digit runs; it comes
# after the first digit so that the pattern opens with `\d`, which `re` scans for in C
# (~6x faster than trying the look-behind at every character).
_NUMBER_RE = re.compile(
    r"(?P<num>\d(?<![\d.,]\d)(?:\d?(?:,\d{2})+,\d{3}(?:\.\d{1,2})?(?![\d%])"  # Indian: 15,00,000
    r"|\d{0,2}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00a0\u202f]\d{3})+)"
    r"(?:[.,]\d{1,2})?(?![\d%])|\d{0,8}(?:[.,]\d{1,2})?(?![\d%])))"
    r"(?:\s?(?P<plus_pre>\+(?=[kK]\b))?(?P<mult>[kK](?![A-Za-z])|MM(?![A-Za-z])|[mM](?![A-Za-z])|mil(?:lion)?s?\b|bn\b"
    r"|[bB](?![A-Za-z])|billion\b|thousand\b|[lL]akhs?\b|[lL]acs?\b|LPA\b|lpa\b|L(?![A-Za-z])"
    r"|[cC]rores?\b))?"
    r"(?P<plus>\+(?!\s?(?:equity|bonus|benefits|stock|options|commission|RSU|incentive)))?"
)
_MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
    "mils": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
    "lacs": 1e5, "lpa": 1e5, "l": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
_FUNDING_MULTS = {"m", "mm", "mil", "million", "millions", "mils", "b", "bn", "billion"}
_LAKH_MULTS = {"lakh", "lakhs", "lac", "lacs", "lpa", "l", "crore", "crores"}

_CONNECTOR_RE = re.compile(
    r"^(?:[ \t]?(?:/|per[ \t])[ \t]?(?:hour|hr|h|year|yr|month|mo|day|week|annum)\b)?"
    r"[ \t]{0,3}(?:[-–—‐‑−~]{1,2}|to|and|through|until|with a maximum of|"
    r"[-‐‑–][ \t]?to[ \t]?[-‐‑–]?|à|a|bis|tot|e|y|et|até|hasta|jusqu['’]à|und|en)[ \t]{0,3}$|^$",
    re.IGNORECASE,
)
# Period phrases of every language table ("pro Monat", "por mês", "brut annuel", "RAL").
_LANG_PERIOD_ALTS = "|".join(
    f"(?P<{period}>{languages.alternation('pay', period)})"
    for period in ("year", "month", "week", "day", "hour")
)
_LANG_PERIOD_AFTER_RE = re.compile(
    r"^[\s,]{0,2}(?:\(?[A-Z]{3}\)?\s?)?(?:(?:gross|brutto|bruto|bruts?|brutes?|lordi|lordo|net|nets?|nette|netto|netti|neto|netos|líquidos?|"
    r"brutos?|euros?|€)\s?){0,2}(?:" + _LANG_PERIOD_ALTS + r")(?!\w)",
    re.IGNORECASE,
)
_LANG_PERIOD_BEFORE_RE = re.compile(r"(?<!\w)(?:" + _LANG_PERIOD_ALTS + r")(?!\w)", re.IGNORECASE)
_PERIOD_WORDS: dict[str, str] = {
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "hourly": "hour",
    "day": "day", "days": "day", "daily": "day", "d": "day",
    "week": "week", "wk": "week", "weekly": "week", "weeks": "week", "w": "week",
    "month": "month", "months": "month", "mo": "month", "mth": "month", "monthly": "month",
    "m": "month", "pm": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "y": "year", "annum": "year",
    "annually": "year", "annual": "year", "yearly": "year", "p.a.": "year", "pa": "year",
    "p.a": "year", "py": "year", "lpa": "year", "ctc": "year", "a": "year",
}  # fmt: skip
# Period stated right after the amount: "/hr", "per hour", "an hour", "p.a.", "gross per month".
_PERIOD_AFTER_RE = re.compile(
    r"^[\s,]{0,2}(?:\(?(?:USD|EUR|GBP|CAD|AUD|CHF|PLN|SEK|INR)\)?\s?)?"
    r"(?:(?:gross|brutto|net|base|salary|before tax|pre-tax|total|OTE|in base)\s?){0,2}"
    r"(?:(?:/\s?|per\s|an?\s|each\s|every\s|p/|p\.)(?P<unit>hour|hr|hrs|h|day|d|week|wk|w|month|mth|mo|m"
    r"|year|yr|y|annum|a)\b|\s?(?P<word>hourly|daily|weekly|monthly|annually|annual|yearly|"
    r"p\.a\.?|pa|py|lpa|ctc)(?![A-Za-z]))",
    re.IGNORECASE,
)
# Period named before the amount, in the same clause: "Hourly wage: 2,500 yen".
_PERIOD_BEFORE_RE = re.compile(
    r"\b(?P<word>hourly|per hour|an hour|daily|day rate|per day|weekly|per week|monthly|"
    r"per month|a month|annual|annually|yearly|per year|a year|per annum|p\.a\.)",
    re.IGNORECASE,
)
_NOT_PAY_BEFORE_RE = re.compile(
    r"\b(raised|raise|raising|funding|funded|series [a-f]|seed|valuation|valued|revenue|arr|"
    r"investors?|investment|backed|bonus(?:es)?|equity|stock|rsus?|options|stipends?|allowance|"
    r"budgets?|reimburs\w*|credits?|grants?|prizes?|relocation|signing|referral|match(?:ing)?|"
    r"401\s?\(?k\)?|wellness|learning|home[- ]office|perks?|cost|costs|price|pricing|fees?|"
    r"spend|spent|spending|saved|savings|save|worth|gmv|tuition|coverage|contributes?|"
    r"contribution|gift|donat\w*|manages?|managing|aum|under management|sales|deals?|"
    r"loans?|processed|processes|transactions|customers?|users|contracts?|acquired|acquisition|"
    r"exit|payouts?|rewards?|earned|profitable|profit|margin|ebitda|bookings|pipeline)\b",
    re.IGNORECASE,
)
# Perk words of every language ("Fertility HRA, up to $10,000", "Jobrad-Zuschuss"): an
# amount in their clause is not pay unless a salary word comes after them.
_PERK_BEFORE_RE = re.compile(
    r"(?<!\w)" + languages.alternation("pay", "perk_words") + r"(?!\w)", re.I
)
_SALARY_WORD_RE = re.compile(
    r"(?<!\w)" + languages.alternation("pay", "salary_words") + r"(?!\w)", re.IGNORECASE
)
_PAY_WORD_RE = re.compile(
    r"\b(salary|salaries|base|pay|paid|compensation|comp|wage|wages|rate|rates|range|ote|"
    r"earn|earnings|income|remuneration|package|ctc|per hour|hourly|annual|annually|stipend)\b",
    re.IGNORECASE,
)
_NOT_PAY_AFTER_RE = re.compile(
    r"^[\s)]{0,2}(?:(?!plus\b|and\b|with\b)[\w-]+\s){0,3}?(?:in\s|of\s)?(?P<word>funding|raised|round|series|seed|"
    r"revenue|arr|valuation|valued|in sales|sales|users|customers|members|downloads|visitors|"
    r"bonus|signing|sign-on|equity|stock|rsus?|stipend|allowance|budget|credits?|grant|prize|"
    r"match|401|gmv|aum|under management|in assets|assets|run-rate|investment|investors|"
    r"transactions|loans|monthly active|daily active|mau|dau|raise|relocation|reimbursement|"
    r"learning|education|wellness|home office|equipment|per (?:project|task|word|article|"
    r"submission|item|annotation|assignment|piece|story|video|review|module|lesson|hit|"
    r"response|question|conversation|unit)|/(?:project|task|word|article|submission|item)"
    r"|for (?:take-home|the take-home|completing|home|equipment|each|every|referr\w*|travel|books|"
    r"courses|learning|wellness|gym|coworking|internet|phone|childcare|your (?:home|own))"
    r")\b",
    re.IGNORECASE,
)
_OTE_RE = re.compile(r"\b(OTE|on[- ]target|total comp\w*|total cash|TC|TTC)\b")
_UP_TO_RE = re.compile(r"\b(?:up to|upto|max(?:imum)?(?: of)?:?|as high as|capped at|<)\s*$", re.I)
_FROM_RE = re.compile(
    r"\b(?:from|starting (?:at|from)|starts? at|start(?:ing)? salary(?: of)?:?|minimum(?: of)?:?|"
    r"min\.?:?|at least|no less than|>)\s*$",
    re.IGNORECASE,
)
_MIN_LABEL_RE = re.compile(
    r"\bmin(?:imum)?(?:\s(?:base\s)?(?:salary|pay|rate))?\s*:?\s*$", re.IGNORECASE
)
_MAX_LABEL_RE = re.compile(
    r"\bmax(?:imum)?(?:\s(?:base\s)?(?:salary|pay|rate))?\s*:?\s*$", re.IGNORECASE
)
_CLAUSE_BREAK_RE = re.compile(r"[\n;•|]|\.\s|:\s(?=[A-Z])")
_CAD_HINT_RE = re.compile(r"\b(CAD|C\$|CA\$|Canadian|Canada|CAN)\b")
_AUD_HINT_RE = re.compile(r"\b(AUD|A\$|AU\$|Australian dollars?|Australia)\b")
_USD_HINT_RE = re.compile(r"\b(USD|US\$|U\.S\.|United States|USA|US)\b")


_DIGIT_RE = re.compile(r"\d")
_INDIAN_GROUPS_RE = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?")


@dataclass
class _Atom:
    value: float
    raw_value: float
    mult: str | None
    plus: bool
    currency: str | None
    start: int  # including a currency prefix
    end: int  # including multiplier and currency suffix
    num_start: int
    explicit_currency: bool


def _parse_number(raw: str) -> float | None:
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in raw:
        raw = raw.replace(" ", "")
    if _INDIAN_GROUPS_RE.fullmatch(raw):
        return float(raw.replace(",", ""))
    groups = re.fullmatch(r"(\d{1,3})((?:[,.]\d{3})+)([.,]\d{1,2})?", raw)
    if groups:
        head, thousands, decimals = groups.groups()
        digits = head + re.sub(r"[,.]", "", thousands)
        value = float(digits)
        if decimals:
            value += float("0." + decimals[1:])
        return value
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def _clause_before(text: str, pos: int, limit: int = 60) -> str:
    """The text of the current clause before `pos` (stops at a line or sentence break)."""
    window = text[max(0, pos - limit) : pos]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _find_atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _NUMBER_RE.finditer(text):
        value = _parse_number(m.group("num"))
        if value is None:
            continue
        mult = (m.group("mult") or "").strip().lower() or None
        start, end = m.start(), m.end()
        currency: str | None = None
        explicit = True
        pre = _PREFIX_RE.search(text[max(0, start - 9) : start])
        if pre:
            start = start - (len(text[max(0, start - 9) : start]) - pre.start())
            if pre.group("code"):
                code = pre.group("code").upper()
                currency = "CNY" if code == "RMB" else code
            else:
                sym = pre.group("sym")
                currency = _CURRENCY_SYMBOLS.get(sym)
                explicit = sym != "$"
        suf = _SUFFIX_RE.match(text[end : end + 12])
        if suf:
            if suf.group("code"):
                code = suf.group("code").upper()
                suffix_currency = "CNY" if code == "RMB" else code
            elif suf.group("sym"):
                suffix_currency = _CURRENCY_SYMBOLS.get(suf.group("sym").lower(), "")
                suffix_currency = suffix_currency or _CURRENCY_SYMBOLS.get(suf.group("sym"), "")
            else:
                suffix_currency = _CURRENCY_WORDS.get(suf.group("word").lower(), "")
            if suffix_currency and (currency is None or not explicit):
                currency, explicit = suffix_currency, True
            if suffix_currency:
                end += suf.end()
        if mult in _LAKH_MULTS and currency is None:
            currency = "INR"
        atoms.append(
            _Atom(
                value=value * _MULTIPLIERS.get(mult or "", 1.0),
                raw_value=value,
                mult=mult,
                plus=bool(m.group("plus") or m.group("plus_pre")),
                currency=currency,
                start=start,
                end=end,
                num_start=m.start(),
                explicit_currency=explicit and currency is not None,
            )
        )
    return atoms


def _lang_period(m: re.Match[str]) -> str | None:
    return next((k for k, v in m.groupdict().items() if v is not None), None)


def _period_after(text: str, pos: int) -> str | None:
    m = _PERIOD_AFTER_RE.match(text[pos : pos + 40])
    if not m:
        other = _LANG_PERIOD_AFTER_RE.match(text[pos : pos + 40])
        return _lang_period(other) if other else None
    word = (m.group("unit") or m.group("word") or "").lower()
    return _PERIOD_WORDS.get(word.rstrip(".") if word not in ("p.a.", "p.a") else word)


def _period_before(text: str, pos: int) -> str | None:
    clause = _clause_before(text, pos, 80)
    found = list(_PERIOD_BEFORE_RE.finditer(clause))
    if not found:
        other = list(_LANG_PERIOD_BEFORE_RE.finditer(clause))
        if other:
            return _lang_period(other[-1])
    if not found:
        # a heading on the line before: "Hourly rate\n$20-$25"
        line_start = text.rfind("\n", 0, pos)
        prev = text[max(0, line_start - 40) : max(0, line_start)]
        found = list(_PERIOD_BEFORE_RE.finditer(prev)) if prev.count("\n") <= 1 else []
    if not found:
        return None
    word = found[-1].group("word").lower()
    for key, period in (
        ("hour", "hour"),
        ("day", "day"),
        ("dai", "day"),
        ("week", "week"),
        ("month", "month"),
    ):
        if key in word:
            return period
    return "year"


def period_from_magnitude(annual_usd_if_yearly: float) -> str:
    """The period a reader assumes for an amount with no period words (value in USD)."""
    if annual_usd_if_yearly <= 300:
        return "hour"
    if annual_usd_if_yearly < 1_500:
        return "day"
    if annual_usd_if_yearly < 20_000:
        return "month"
    return "year"


def _rejected(text: str, atom: _Atom, range_end: int) -> str | None:
    """Why an amount is not pay for the job, or None when it may be."""
    if atom.mult in _FUNDING_MULTS and atom.currency not in _MILLIONS_CURRENCIES:
        return "millions"
    if atom.raw_value == 401 and atom.mult == "k":
        return "401k"
    before = _clause_before(text, atom.start, 50)
    negative = list(_NOT_PAY_BEFORE_RE.finditer(before)) or list(_PERK_BEFORE_RE.finditer(before))
    if negative:
        positive = [p for p in _PAY_WORD_RE.finditer(before) if p.start() > negative[-1].start()]
        if not positive:
            return f"before:{negative[-1].group(0).lower()}"
    after = _NOT_PAY_AFTER_RE.match(text[range_end : range_end + 40])
    if after:
        return f"after:{after.group('word').lower()}"
    return None


def _bare_dollar_currency(text: str, pos: int, default: str) -> str:
    """Which dollar a bare `$` means: the nearest currency hint before it, else `default`."""
    window = text[max(0, pos - 200) : pos + 20]
    best: tuple[int, str] | None = None
    for regex, code in ((_CAD_HINT_RE, "CAD"), (_AUD_HINT_RE, "AUD"), (_USD_HINT_RE, "USD")):
        for m in regex.finditer(window):
            if best is None or m.start() > best[0]:
                best = (m.start(), code)
    return best[1] if best else default


_LABEL_BREAK_RE = re.compile(r"[.;!?]\s|\|")


def _label(text: str, start: int) -> str | None:
    """The zone / level / location written before a range ("Zone A:", "Canada (CAD)"), or
    a short heading line right above it; None when there is nothing short to say."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    breaks = list(_LABEL_BREAK_RE.finditer(prefix))
    if breaks:
        prefix = prefix[breaks[-1].end() :]
    label = prefix.strip(" \t-–—•*:|()_")
    if label and len(label) <= 60:
        return label
    if label:
        return None
    prev_end = line_start - 1
    while prev_end > 0 and text[prev_end - 1] == "\n":
        prev_end -= 1
    prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
    prev = text[prev_start:prev_end].strip(" \t-–—•*:|_")
    if prev and len(prev) <= 60 and not any(c.isdigit() for c in prev[-3:]):
        return prev
    return None


def find_pay(text: str, *, default_dollar: str = "USD") -> list[Pay]:
    """Every pay range the text states, in order of appearance (duplicates dropped).

    `default_dollar` is what a bare `$` means when no hint nearby says otherwise (a
    posting located in Canada passes "CAD").
    """
    text = text[:MAX_TEXT_CHARS]
    if _DIGIT_RE.search(text) is None:
        return []
    atoms = _find_atoms(text)
    found: list[Pay] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b: _Atom | None = None
        if i + 1 < len(atoms):
            nxt = atoms[i + 1]
            gap = text[a.end : nxt.start]
            if len(gap) <= 20 and _CONNECTOR_RE.match(gap):
                if gap.strip() or (nxt.currency and nxt.start != nxt.num_start):
                    b = nxt
            elif (
                _MIN_LABEL_RE.search(_clause_before(text, a.start, 25))
                and len(gap) <= 40
                and _MAX_LABEL_RE.search(_clause_before(text, nxt.start, 25))
            ):
                b = nxt  # "Min: $138,800  Mid: ...  Max: $208,200"
            elif (
                i + 2 < len(atoms)
                and _MIN_LABEL_RE.search(_clause_before(text, a.start, 25))
                and len(text[a.end : atoms[i + 2].start]) <= 60
                and _MAX_LABEL_RE.search(_clause_before(text, atoms[i + 2].start, 25))
            ):
                b = atoms[i + 2]
                i += 1
            elif (
                re.search(r"\bfrom\s*$", text[max(0, a.start - 8) : a.start], re.I)
                and len(gap) <= 80
                and "\n" not in gap
                and re.search(r"\b(?:up )?to\s*$", gap)
            ):
                b = nxt  # "ranges from $147,000/year in our lowest market up to $175,000/year"
        pay, used_b = _make_pay(text, a, b, default_dollar)
        i += 2 if used_b else 1
        if pay is not None:
            found.append(pay)
    unique: list[Pay] = []
    seen: set[tuple[object, ...]] = set()
    for pay in found:
        key = (pay.min, pay.max, pay.currency, pay.period)
        if key not in seen:
            seen.add(key)
            unique.append(pay)
    return unique


def _make_pay(text: str, a: _Atom, b: _Atom | None, default_dollar: str) -> tuple[Pay | None, bool]:
    """The pay stated by amount `a` (and `b`, when the two form a range); the flag says
    whether `b` was used (an amount that turns out not to close a range is read again)."""
    if (
        a.currency is None
        and a.mult != "k"
        and (b is None or (b.currency is None and b.mult != "k"))
    ):
        return None, False  # a bare number: years, counts, list numbers...
    if b is not None:
        # "$100-140K": the multiplier written once applies to both ends.
        if a.mult is None and b.mult and a.raw_value <= b.raw_value * 1.0001:
            a = replace(a, value=a.raw_value * _MULTIPLIERS[b.mult], mult=b.mult)
        # "$154-190,000": the thousands written once, on the high end.
        if (
            a.mult is None
            and b.mult is None
            and a.raw_value < 1000
            and b.value >= 10_000
            and b.value / 3 <= a.raw_value * 1000 <= b.value
        ):
            a = replace(a, value=a.raw_value * 1000)
        if a.currency is None and b.currency:
            a = replace(a, currency=b.currency, explicit_currency=b.explicit_currency)
        if b.currency is None and a.currency:
            b = replace(b, currency=a.currency, explicit_currency=a.explicit_currency)
        if b.value < a.value or b.value > a.value * 25 or a.value <= 0:
            b = None  # not a range after all: keep the first amount alone
    atoms = (a,) if b is None else (a, b)
    currency = next((x.currency for x in atoms if x.explicit_currency), None) or next(
        (x.currency for x in atoms if x.currency), None
    )
    pay = _make_pay_checked(text, a, b, currency, default_dollar)
    return pay, b is not None


def _make_pay_checked(
    text: str, a: _Atom, b: _Atom | None, currency: str | None, default_dollar: str
) -> Pay | None:
    end = b.end if b is not None else a.end
    atoms = (a,) if b is None else (a, b)
    has_pay_word = bool(_PAY_WORD_RE.search(_clause_before(text, a.start, 80)))
    if currency is None:
        # No currency at all: only "150-250k" shaped amounts right by a pay word (or a
        # "k" range in a title-like line) count, and a bare figure never does.
        line = text[text.rfind("\n", 0, a.start) + 1 : a.start]
        if not (a.mult == "k" and (b is not None or a.plus) and (has_pay_word or "|" in line)):
            return None
        currency = "USD"
        if a.value < 10_000:
            return None
    for x in atoms:
        if _rejected(text, x, end if x is b or b is None else x.end):
            return None
    if b is None and not (a.mult or a.explicit_currency or a.currency):
        return None
    explicit = any(x.explicit_currency for x in atoms)
    if currency == "USD" and not explicit:
        currency = _bare_dollar_currency(text, a.start, default_dollar)
    lo, hi = a.value, (b.value if b is not None else a.value)
    before = text[max(0, a.start - 25) : a.start]
    if b is None:
        if _UP_TO_RE.search(before):
            lo = None  # type: ignore[assignment]
        elif a.plus or _FROM_RE.search(before):
            hi = None  # type: ignore[assignment]
    elif re.search(r"\bup to\s*$", before, re.IGNORECASE) and b is not None:
        pass  # "up to $40-50k" is still a range
    # Amounts below one unit or absurdly large are not salaries.
    largest = max(v for v in (lo, hi) if v is not None)
    if largest < 1 or largest > 5e9:
        return None
    period = (
        (_period_after(text, b.end) if b is not None else None)
        or _period_after(text, a.end)
        or _period_before(text, a.start)
    )
    if any(x.mult in _LAKH_MULTS for x in atoms) and period is None:
        period = "year"
    if period is None:
        usd = largest * _ROUGH_USD.get(currency, 1.0)
        period = period_from_magnitude(usd)
        if not has_pay_word and b is None and not a.mult and usd < 20_000:
            return None  # "$500 for your home office" shaped figure with no pay words
    rough_annual = largest * _ROUGH_USD.get(currency, 1.0) * ANNUAL_FACTOR[period]
    if rough_annual < 2_500 or (period == "year" and rough_annual < 8_000):
        return None  # a perk, price or allowance, not a salary
    period_end = end
    tail = _PERIOD_AFTER_RE.match(text[end : end + 40])
    if tail:
        period_end = end + tail.end()
    clause = _clause_before(text, a.start, 40) + text[end : end + 25]
    return Pay(
        min=lo,
        max=hi,
        currency=currency,
        period=period,
        text=text[a.start : period_end].strip(),
        start=a.start,
        end=period_end,
        label=_label(text, a.start),
        is_ote=bool(_OTE_RE.search(clause)),
        explicit_currency=explicit,
    )


# Rough magnitudes for the period guess only (the real conversion uses the FX table the
# caller passes): the packaged table, read once.
_ROUGH_USD: dict[str, float] = dict(
    parse_fx_table(
        resources.files("transforms").joinpath("data", "fx_rates.csv").read_text("utf-8")
    ).usd_per_unit
)


def pay_in_section(text: str, pay: Pay, kind: str) -> bool:
    """Whether a pay range found in a section of `kind` is pay for the job. In the job's
    and pay sections, yes. A recruiting-scam notice never states pay. In other
    boilerplate (benefits, company, legal: US pay-transparency ranges often sit under
    "Additional information") a closed range or an amount with a salary word before it is
    pay; a single perk figure ("$200/month wellness stipend", "up to $10,000 per year")
    is not."""
    if kind in ("intro", "job", "nice", "pay"):
        return True
    if kind == "scam":
        return False
    before = _clause_before(text, pay.start, 120)
    salary_word = bool(_SALARY_WORD_RE.search(before) or _PAY_WORD_RE.search(before))
    if not salary_word and _PERK_BEFORE_RE.search(_clause_before(text, pay.start, 60)):
        return False
    if pay.min is None and kind == "benefits":
        return False
    closed_range = pay.min is not None and pay.max is not None and pay.max > pay.min
    return closed_range or salary_word


# ---------------------------------------------------------------------------- structured
def _num(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value and value >= 0 else None
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def _maybe_json(value: object) -> object:
    if isinstance(value, str | bytes) and value.strip()[:1] in ("{", "[", b"{", b"["):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return None
    return value


def structured_pay(compensation: object, ranges: object = None) -> list[Pay]:
    """Pay the source states as data (`compensation`, `compensation_ranges`), first = primary.

    Either may arrive as a JSON string (a warehouse JSON column); bad values are ignored."""
    compensation, ranges = _maybe_json(compensation), _maybe_json(ranges)
    items: list[tuple[Mapping[str, object], bool]] = []
    if isinstance(compensation, Mapping):
        items.append((compensation, True))
    if isinstance(ranges, Iterable) and not isinstance(ranges, str | bytes | Mapping):
        items.extend((r, False) for r in ranges if isinstance(r, Mapping))
    out: list[Pay] = []
    seen: set[tuple[object, ...]] = set()
    for item, _is_main in items:
        lo, hi = _num(item.get("min")), _num(item.get("max"))
        if lo is None and hi is None:
            continue
        if lo is not None and hi is not None and hi < lo:
            lo, hi = hi, lo
        currency = str(item.get("currency") or "USD").upper()[:3]
        period = str(item.get("period") or "").lower()
        if period not in PERIODS:
            period = period_from_magnitude(
                max(v for v in (lo, hi) if v is not None) * _ROUGH_USD.get(currency, 1.0)
            )
        key = (lo, hi, currency, period)
        if key in seen:
            continue
        seen.add(key)
        label = item.get("label")
        basis = item.get("pay_basis")
        basis = basis if basis in ("base", "ote") else None
        out.append(
            Pay(
                min=lo,
                max=hi,
                currency=currency,
                period=period,
                text=str(item.get("raw") or ""),
                label=str(label) if label else None,
                is_ote=basis == "ote",
                basis=basis,
            )
        )
    return out


# ---------------------------------------------------------------------------- selection
def choose_primary(pays: list[Pay]) -> int | None:
    """Index of the range a job seeker would read as the pay: the first base figure
    (an OTE/total-compensation figure only when nothing else is given)."""
    if not pays:
        return None
    for i, pay in enumerate(pays):
        if not pay.is_ote:
            return i
    return 0


def annualise(amount: float | None, period: str) -> float | None:
    if amount is None:
        return None
    return amount * ANNUAL_FACTOR[period]


def pay_record(pay: Pay, fx: FxTable, *, is_primary: bool) -> dict[str, object]:
    """The output record of one range (annual USD rounded to whole dollars)."""

    def annual_usd(amount: float | None) -> int | None:
        usd = fx.to_usd(annualise(amount, pay.period), pay.currency)
        return None if usd is None else int(round(usd))

    return {
        "min": _clean(pay.min),
        "max": _clean(pay.max),
        "currency": pay.currency,
        "period": pay.period,
        "min_annual_usd": annual_usd(pay.min),
        "max_annual_usd": annual_usd(pay.max),
        "text": pay.text,
        "label": pay.label,
        "is_primary": is_primary,
        "pay_basis": pay.basis,
    }


def _clean(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)
