"""The fast tokenizer keeps the text exactly (offsets agree with the input) and splits
words the way the phrase patterns expect."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.tokenizer import FastTokenizer

NLP = spacy.blank("en")
TOKENIZER = FastTokenizer(NLP.vocab)


@settings(max_examples=200, deadline=None, database=None)  # no .hypothesis/ in the repo
@given(st.text(max_size=200))
def test_doc_text_is_the_input_text(text: str) -> None:
    doc = TOKENIZER(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_words_that_name_technologies_stay_whole() -> None:
    words = [t.text for t in TOKENIZER("Node.js, C++ and C# with GPT-4o (LLM-based) at $120,000.")]
    assert words == [
        "Node.js", ",", "C++", "and", "C#", "with", "GPT", "-", "4o", "(", "LLM", "-", "based",
        ")", "at", "$", "120,000", ".",
    ]  # fmt: skip


def test_slashes_and_apostrophes_split_like_spacy_infixes() -> None:
    assert [t.text for t in TOKENIZER("CI/CD Claude's")] == ["CI", "/", "CD", "Claude", "'", "s"]


def test_whitespace_runs_are_tokens_and_single_spaces_are_not() -> None:
    doc = TOKENIZER("a  b\n\nc ")
    assert [t.text for t in doc] == ["a", " ", "b", "\n\n", "c"]
    assert doc.text == "a  b\n\nc "
