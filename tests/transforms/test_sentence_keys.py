"""Every skill evidence carries the key of the sentence it was read in: the same sentence
on two postings gives the same key whatever its numbers, case and spacing; a skill named
in several sentences gets one evidence per sentence (the first mention first)."""

from __future__ import annotations

from transforms.extract import Extractor
from transforms.sections import sentence_bounds, sentence_key

PARAGRAPH = (
    "Every week more than a million deliveries are planned by one routing engine, "
    "which runs on Kubernetes in three regions and serves 4,000 retailers."
)


def evidence(extractor: Extractor, text: str, title: str = "Backend Engineer") -> list[dict]:
    record = extractor.extract({"id": "k", "title": title, "company": "Acme", "text": text})
    return record["skill_evidence"]


def test_the_same_sentence_gets_the_same_key_whatever_its_numbers_and_spacing() -> None:
    other = PARAGRAPH.replace("4,000", "12,500").replace(" one ", "  one\t").upper()
    at = PARAGRAPH.index("Kubernetes")
    at_other = other.index("KUBERNETES")
    key = sentence_key(PARAGRAPH, at, at + 10)
    assert key is not None and len(key) == 16
    assert sentence_key(other, at_other, at_other + 10) == key
    assert sentence_key(PARAGRAPH.replace("three", "four"), at, at + 10) != key


def test_the_key_is_of_the_sentence_not_of_the_whole_line() -> None:
    line = "We ship every day. You will run Kubernetes clusters for our carriers."
    other = "Our office is in Austin. You will run Kubernetes clusters for our carriers."
    a, b = line.index("Kubernetes"), other.index("Kubernetes")
    assert sentence_key(line, a, a + 10) == sentence_key(other, b, b + 10)
    assert sentence_key(line, 0, 2) != sentence_key(line, a, a + 10)


def test_a_sentence_runs_from_the_previous_break_to_its_own_within_its_line() -> None:
    text = "Intro line. Still intro!\nWe ship daily... You run Kubernetes; we pay.\nNext line"
    at = text.index("Kubernetes")
    assert text[slice(*sentence_bounds(text, at, at))] == " You run Kubernetes;"
    # the first sentence of a line starts at the line, the last one ends at its end
    at = text.index("ship")
    assert text[slice(*sentence_bounds(text, at, at))] == "We ship daily..."
    at = text.index("Next")
    assert text[slice(*sentence_bounds(text, at, at))] == "Next line"
    # marks not followed by a space break nothing ("Node.js", "v1.2")
    text = "Build Node.js services on v1.2 of the API. Then more."
    at = text.index("services")
    assert (
        text[slice(*sentence_bounds(text, at, at))] == "Build Node.js services on v1.2 of the API."
    )
    # a word right after marks starts a sentence of its own ("...dashboards.Python")
    text = "We build dashboards.Python is a must. Go too."
    at = text.index("Python")
    assert text[slice(*sentence_bounds(text, at, at))] == "Python is a must."


def test_a_short_sentence_and_a_list_item_have_no_key() -> None:
    text = "Requirements\nPython and Go.\n- Experience running Kubernetes clusters in production"
    assert sentence_key(text, text.index("Python"), text.index("Python") + 6) is None
    assert sentence_key(text, text.index("Kubern"), text.index("Kubern") + 10) is None


def test_a_sentence_the_sections_drop_is_keyed_as_outside_the_job(extractor: Extractor) -> None:
    under_about = f"About Acme\n{PARAGRAPH}\n\nWhat you'll do\n- Write Python services."
    record = extractor.extract(
        {"id": "o", "title": "Backend Engineer", "company": "Acme", "text": under_about}
    )
    assert "kubernetes" not in record["skills"]
    assert record["outside_sentence_keys"] == [sentence_key(PARAGRAPH, 0, 1)]


def test_a_skill_in_two_sentences_has_two_evidences(extractor: Extractor) -> None:
    text = (
        f"{PARAGRAPH}\n\nWhat you'll do\n"
        "- Operate the Kubernetes clusters our dispatchers rely on around the clock.\n"
        "- Write Python services for carriers and their drivers."
    )
    found = evidence(extractor, text, "Platform Engineer")
    kube = [e for e in found if e["skill_id"] == "kubernetes"]
    assert len(kube) == 2 and kube[0]["section"] == "intro" and kube[1]["section"] == "job"
    # The paragraph has a key; a list item (a duty, whoever repeats it) has none.
    assert kube[0]["sentence_key"] == sentence_key(PARAGRAPH, 0, 1)
    assert kube[1]["sentence_key"] is None
    # The first evidence of a skill is its first mention; each skill appears in `skills`.
    record = extractor.extract({"id": "k", "title": "Platform Engineer", "text": text})
    assert list(dict.fromkeys(e["skill_id"] for e in found)) == record["skills"]
