"""Sentences are cut before an accented capital or Spanish inverted punctuation too."""

from __future__ import annotations

import pytest

from transforms import role
from transforms.sections import employer_part
from transforms.text import split_sentences


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        (
            "Buscamos a alguien para el equipo. ¿Te interesa? Escríbenos.",
            ["Buscamos a alguien para el equipo.", "¿Te interesa?", "Escríbenos."],
        ),
        (
            "Vous piloterez le projet. Élaboration de la feuille de route.",
            ["Vous piloterez le projet.", "Élaboration de la feuille de route."],
        ),
        ("¡Únete! Über uns: wir bauen.", ["¡Únete!", "Über uns: wir bauen."]),
        # Not a break: a lower-case word, a number or no space after the stop.
        ("Use e.g. this one. then that", ["Use e.g. this one. then that"]),
        ("Version 2. 5 teams.Work here", ["Version 2. 5 teams.Work here"]),
    ],
)
def test_split_sentences(line: str, sentences: list[str]) -> None:
    assert split_sentences(line) == sentences


def test_llm_work_quotes_the_sentence_after_inverted_punctuation_or_accent() -> None:
    text = (
        "Responsabilidades:\n"
        "- Diseñarás el producto con el equipo. ¿Te interesa construir sistemas con LLM? "
        "Escríbenos.\n"
        "- Vous piloterez le projet. Élaboration de prompts pour les LLM."
    )
    work = role.llm_work(text)
    assert work.hits == [
        "[duty] ¿Te interesa construir sistemas con LLM?",
        "[duty] Élaboration de prompts pour les LLM.",
    ]


def test_employer_blurb_ends_before_a_question_to_the_reader() -> None:
    line = "Acme es una empresa de logística. ¿Quieres crecer en tu carrera?"
    assert employer_part(line, "Acme") == line.index("¿Quieres")
