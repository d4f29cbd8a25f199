"""The per-language rule tables (`data/languages/<code>.toml`), merged, and the posting's
language. Pure: the tables are packaged data read once.

Every table holds lists of regular expressions under the same keys (see en.toml). The
rules of all languages are merged into one compiled pattern per key, so a German posting
with English headings is read by both tables and no code branches on the language; the
detected language is stored, not used to pick rules.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
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


def rules(section: str, key: str) -> list[str]:
    """Every language's patterns under `[section] key`, English first, duplicates dropped."""
    found: list[str] = []
    for table in tables().values():
        found.extend(table.get(section, {}).get(key, []))
    return list(dict.fromkeys(found))


def keys(section: str) -> list[str]:
    """The keys any language defines under `[section]`, in first-seen order."""
    seen: list[str] = []
    for table in tables().values():
        seen.extend(k for k in table.get(section, {}) if k not in seen)
    return seen


def alternation(section: str, key: str) -> str:
    """The patterns of `[section] key` joined as one non-capturing alternation."""
    patterns = rules(section, key)
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" if patterns else "(?!x)x"


def compiled(section: str, key: str, prefix: str = "", suffix: str = "") -> re.Pattern[str]:
    """One compiled, case-blind pattern for `[section] key` of every language."""
    return re.compile(prefix + alternation(section, key) + suffix, re.IGNORECASE)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(_DETECTABLE))
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the posting's language (py3langid, offline), None for no text."""
    sample = text[:_DETECT_CHARS].strip()
    if len(sample) < 3:
        return None
    code, _score = _identifier().classify(sample)
    return str(code)
