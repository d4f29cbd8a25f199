"""The per-language rule tables (`data/languages/<code>.toml`), merged, and the posting's
language. Pure: the tables are packaged data read once.

Every table holds lists of regular expressions under the same keys (see en.toml). A
posting is read with the tables of its detected language plus English (English words
appear in postings of every language: "a German posting with English headings"), merged
into one compiled pattern per key; no code branches on the language. The extractor sets
the posting's languages with `reading(code)` around the work on one posting; outside it
(a rule function called on its own) every table is read, as before. A `LanguagePattern`
compiles once per set of languages, on first use.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from re import _constants as _sre  # the stdlib's own regex parser: see first_char_guard
from re import _parser as _sre_parser
from typing import Any

SUPPORTED_LANGUAGES = ("en", "fr", "de", "es", "nl", "it", "pt")
# Detection also knows these, so a Japanese or Polish posting is not called English.
_DETECTABLE = (*SUPPORTED_LANGUAGES, "ja", "ko", "zh", "pl", "sv", "da", "no", "cs", "ru", "tr")
_DETECT_CHARS = 600  # the first paragraphs say the language; the rest only costs time


@lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, Any]]:
    """language code -> its parsed table, for every packaged file."""
    out: dict[str, dict[str, Any]] = {}
    folder = resources.files("transforms").joinpath("data", "languages")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            table = tomllib.loads(entry.read_text("utf-8"))
            out[str(table.get("language") or entry.name[:-5])] = table
    return out


# The languages whose tables are read: None = every table (outside `reading`).
Languages = tuple[str, ...] | None
_READING: ContextVar[Languages] = ContextVar("promptjobs_rule_languages", default=None)


def rule_languages(code: str | None) -> tuple[str, ...]:
    """The tables a posting in `code` is read with: English, plus its own when one is
    packaged (a language with no table, or no language detected, is read as English)."""
    return ("en", code) if code in tables() and code != "en" else ("en",)


@contextmanager
def reading(code: str | None) -> Iterator[None]:
    """Within this block, every LanguagePattern reads English and `code`'s table only."""
    token = _READING.set(rule_languages(code))
    try:
        yield
    finally:
        _READING.reset(token)


def rules(section: str, key: str, langs: Languages = None) -> list[str]:
    """The patterns under `[section] key` of `langs` (default: every language), English
    first, duplicates dropped."""
    found: list[str] = []
    for code, table in tables().items():
        if langs is None or code in langs:
            found.extend(table.get(section, {}).get(key, []))
    return list(dict.fromkeys(found))


def keys(section: str) -> list[str]:
    """The keys any language defines under `[section]`, in first-seen order."""
    seen: list[str] = []
    for table in tables().values():
        seen.extend(k for k in table.get(section, {}) if k not in seen)
    return seen


def skill_aliases() -> dict[str, dict[str, tuple[str, ...]]]:
    """language code -> skill id -> the skill's names in that language (`[skills]` of its
    table: plain lower-case phrases, not patterns, matched like the taxonomy's English
    aliases). Given as the file writes them: tests/transforms/test_skills_languages.py
    checks that they are lower case and trimmed."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for code, table in tables().items():
        by_skill = {
            str(skill_id): tuple(aliases) for skill_id, aliases in table.get("skills", {}).items()
        }
        if by_skill:
            out[code] = by_skill
    return out


_META = set(".^$*+?{}[]\\|()")


def alternation(section: str, key: str, langs: Languages = None) -> str:
    """The patterns of `[section] key` joined as one non-capturing alternation, grouped
    by their first literal character: `re` tries alternatives one by one at each position,
    so 150 cues cost 150 attempts there; grouped, a position costs one test per leading
    character (several times faster on long texts). Same matches."""
    return grouped_alternation(rules(section, key, langs))


def grouped_alternation(patterns: list[str]) -> str:
    """`patterns` as one non-capturing alternation grouped by first character (see
    `alternation`)."""
    if not patterns:
        return "(?!x)x"
    buckets: dict[str, list[str]] = {}
    others: list[str] = []
    for p in patterns:
        first = p[0]
        if first not in _META and (len(p) == 1 or p[1] not in "*+?{") and first.lower() == first:
            buckets.setdefault(first, []).append(p[1:])
        else:
            others.append(p)
    parts = [
        re.escape(c) + "(?:" + "|".join(f"(?:{r})" if r else "" for r in rests) + ")"
        for c, rests in buckets.items()
    ]
    parts.extend(f"(?:{p})" for p in others)
    return "(?:" + "|".join(parts) + ")"


class LanguagePattern:
    """A pattern built from the tables: `source(langs)` gives its text for a set of
    languages; `search`, `match`, `finditer`, `sub`... run the one compiled for the
    languages being read (see `reading`), like a compiled `re.Pattern`."""

    __slots__ = ("_source", "flags", "_compiled")

    def __init__(self, source: Callable[[Languages], str], flags: int = 0) -> None:
        self._source = source
        self.flags = flags
        self._compiled: dict[Languages, re.Pattern[str]] = {}

    def source(self, langs: Languages) -> str:
        return self._source(langs)

    @property
    def pattern(self) -> str:
        """The text with every language's table (what a plain compiled pattern had)."""
        return self._source(None)

    def current(self) -> re.Pattern[str]:
        langs = _READING.get()
        found = self._compiled.get(langs)
        if found is None:
            source = first_char_guard(self._source(langs), self.flags)
            found = self._compiled[langs] = re.compile(source, self.flags)
        return found

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.current().search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.current().match(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.current().finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.current().findall(text, *args)

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        return self.current().sub(repl, text, count)


# Character-class escapes a first character may be given by; the wide ones (\w, \S...)
# would let nearly every position through, so a pattern that can start with one is left
# as it is.
_NARROW_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_SPACE: r"\s",
}
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)


def _first_of_sequence(items: Any) -> tuple[list[str], bool] | None:
    """(class fragments covering every first character a match of the sequence can
    consume, whether it can match consuming nothing), or None where that is not known."""
    fragments: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # an assertion only narrows where a match starts
        item = _first_of_item(op, av)
        if item is None:
            return None
        fragments.extend(item[0])
        if not item[1]:
            return fragments, False
    return fragments, True


def _first_of_item(op: Any, av: Any) -> tuple[list[str], bool] | None:
    if op is _sre.LITERAL:
        return [re.escape(chr(av))], False
    if op is _sre.IN:
        fragments = []
        for kind, value in av:
            if kind is _sre.LITERAL:
                fragments.append(re.escape(chr(value)))
            elif kind is _sre.RANGE:
                fragments.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is _sre.CATEGORY and value in _NARROW_CATEGORIES:
                fragments.append(_NARROW_CATEGORIES[value])
            else:
                return None  # a negated or wide set
        return fragments, False
    if op is _sre.BRANCH:
        fragments, empty = [], False
        for alternative in av[1]:
            found = _first_of_sequence(alternative.data)
            if found is None:
                return None
            fragments.extend(found[0])
            empty = empty or found[1]
        return fragments, empty
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None  # `(?i:...)`: the guard would be read with other flags
        return _first_of_sequence(sub.data)
    if op is _sre.ATOMIC_GROUP:
        return _first_of_sequence(av.data)
    if op in _REPEATS:
        low, _high, sub = av
        found = _first_of_sequence(sub.data)
        return None if found is None else (found[0], found[1] or low == 0)
    return None  # any character, a back reference...


@lru_cache(maxsize=512)
def first_char_guard(source: str, flags: int = 0) -> str:
    """`source` behind a lookahead of the characters any of its matches starts with,
    `(?=[...])`, where those are known (else as it is): the same matches, found faster.
    `re` tries a pattern at every position; the tables' alternations start with a word
    boundary and one branch per leading letter, which it tests one by one, while the
    lookahead's character set rejects most positions in one step (the not-remote cues
    over a posting's body: 1.6x faster). Read off the stdlib's own parse of the pattern
    (`re._parser`), so the set is the pattern's; an assertion does not consume, a group
    with its own flags, a negated or wide class (`[^...]`, `\\w`) or `.` gives no guard."""
    if source.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", source):
        return source  # global flags must stay first
    try:
        found = _first_of_sequence(_sre_parser.parse(source, flags).data)
    except (re.error, RecursionError):
        return source
    if found is None or found[1] or not found[0]:
        return source
    guarded = "(?=[" + "".join(dict.fromkeys(found[0])) + "])" + source
    try:
        re.compile(guarded, flags)
    except re.error:
        return source
    return guarded


def pattern(source: Callable[[Languages], str], flags: int = 0) -> LanguagePattern:
    """A pattern whose text depends on the languages read: `source(langs)` builds it (with
    `alternation(section, key, langs)`, another LanguagePattern's `source(langs)`...)."""
    return LanguagePattern(source, flags)


def compiled(section: str, key: str, prefix: str = "", suffix: str = "") -> LanguagePattern:
    """One case-blind pattern for `[section] key` of the languages read."""
    return LanguagePattern(
        lambda langs: prefix + alternation(section, key, langs) + suffix, re.IGNORECASE
    )


def compiled_lower(section: str, key: str, prefix: str = "", suffix: str = "") -> LanguagePattern:
    """The same pattern for lower-cased text: without IGNORECASE it runs several times
    faster in `re` (the tables are written in lower case)."""
    return LanguagePattern(lambda langs: prefix + alternation(section, key, langs) + suffix)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(_DETECTABLE))
    # set_languages keeps the whole model besides the subset, for a later reset we never
    # make: built again from the subset alone, each process holds 18 MB less (of ~77).
    return LanguageIdentifier(
        identifier.nb_ptc,
        identifier.nb_pc,
        identifier.nb_classes,
        identifier.tk_nextmove,
        identifier.tk_output,
        norm_probs=False,
        tk_row=identifier.tk_row,
    )


@lru_cache(maxsize=1)
def _common_words() -> dict[str, str]:
    """word -> language, for the `[detect] common_words` of each table that only one
    language lists (function words: "the", "und", "avec", "het"...)."""
    owners: dict[str, set[str]] = {}
    for code, table in tables().items():
        for word in table.get("detect", {}).get("common_words", []):
            owners.setdefault(word, set()).add(code)
    return {w: next(iter(c)) for w, c in owners.items() if len(c) == 1}


_WORD_RE = re.compile(r"[^\W\d_]+")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_HANGUL_RE = re.compile(r"[\uac00-\ud7af]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the posting's language, None for no text. Function words decide
    the clear cases (most postings, at a fraction of the cost); py3langid (offline) the
    rest."""
    sample = text[:_DETECT_CHARS].strip()
    if len(sample) < 3:
        return None
    common = _common_words()
    counts: dict[str, int] = {}
    for word in _WORD_RE.findall(sample.lower()):
        code = common.get(word)
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    if counts:
        ranked = sorted(counts.values(), reverse=True)
        best = max(counts, key=counts.__getitem__)
        if ranked[0] >= 8 and (len(ranked) == 1 or ranked[0] >= 4 * ranked[1]):
            return best
    # Scripts that say the language outright (kana, hangul, han).
    if _KANA_RE.search(sample):
        return "ja"
    if _HANGUL_RE.search(sample):
        return "ko"
    if _HAN_RE.search(sample):
        return "zh"
    # A word or two is not enough: "la" is French, Spanish and Italian alike.
    if counts and ranked[0] >= 3 and (len(ranked) == 1 or ranked[0] >= 2 * ranked[1]):
        return best
    # The statistical model (~100 MB per process) only for what stays unclear: no function
    # word of ours, or two languages' words mixed.
    code, _score = _identifier().classify(sample)
    return str(code)


class LanguagePatterns:
    """The patterns of `[section] key`, each compiled on its own (tried in turn), for the
    languages being read (see `reading`)."""

    def __init__(self, section: str, key: str) -> None:
        self.section = section
        self.key = key
        self._compiled: dict[Languages, list[re.Pattern[str]]] = {}

    def current(self) -> list[re.Pattern[str]]:
        langs = _READING.get()
        found = self._compiled.get(langs)
        if found is None:
            found = [re.compile(p) for p in rules(self.section, self.key, langs)]
            self._compiled[langs] = found
        return found


def each(section: str, key: str) -> LanguagePatterns:
    return LanguagePatterns(section, key)


class LanguageWords:
    """The plain words of `[section] key` as one set, for the languages being read (see
    `reading`): a French people noun is not read in a German posting."""

    def __init__(self, section: str, key: str) -> None:
        self.section = section
        self.key = key
        self._sets: dict[Languages, frozenset[str]] = {}

    def current(self) -> frozenset[str]:
        langs = _READING.get()
        found = self._sets.get(langs)
        if found is None:
            found = frozenset(rules(self.section, self.key, langs))
            self._sets[langs] = found
        return found


def words(section: str, key: str) -> LanguageWords:
    return LanguageWords(section, key)
