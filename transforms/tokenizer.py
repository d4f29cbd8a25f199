"""A fast tokenizer for the extraction pipeline (registered, replaces the blank English one).

The components only need word tokens for phrase matching and a few neighbour checks, not
spaCy's full English rules (prefix/suffix/infix search per chunk, exceptions). One C-level
regex pass cuts words ("node.js", "c++", "c#", "a/b", "4.5" stay whole; hyphens, brackets
and other punctuation become their own tokens), and the Doc is built from words and
spaces. Whitespace is kept exactly as spaCy keeps it (one trailing space per token, longer
runs as whitespace tokens), so `doc.text` is the input text and character offsets agree.
Aliases are tokenized by the same tokenizer, so patterns and texts always line up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

# A word: letters/digits with inner "." or "+" joins ("node.js", "asp.net", "4.5"), digit
# groups ("60,000"), a trailing "+"/"#" ("c++", "c#"); or one other character ("/", "-",
# "'" split like spaCy's infixes) - each with the single space after it, if any; or a
# whitespace run (which becomes a token, as in spaCy).
_TOKEN_RE = re.compile(r"(\w+(?:[.+]\w+|,\d{3}(?!\d))*[+#]*|[^\w\s])( ?)|(\s+)")


class FastTokenizer:
    """Callable like spaCy's Tokenizer: `tokenizer(text) -> Doc`, plus `pipe`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        found = _TOKEN_RE.findall(text)
        words = [token or whitespace for token, _, whitespace in found]
        spaces = [space == " " for _, space, _ in found]
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # spaCy calls these when a pipeline is saved or loaded; this tokenizer has no state.
    def to_bytes(self, **kwargs: object) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> FastTokenizer:
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        return None

    def from_disk(self, path: object, **kwargs: object) -> FastTokenizer:
        return self


@registry.tokenizers("promptjobs.fast_tokenizer.v1")
def create_fast_tokenizer() -> object:
    def make(nlp: object) -> FastTokenizer:
        return FastTokenizer(nlp.vocab)  # type: ignore[attr-defined]

    return make
