"""Which aliases a taxonomy edit changes: the postings that hold none of them are extracted
the same before and after the edit (warehouse.extraction_handoff.carry_over_taxonomy)."""

from __future__ import annotations

from transforms.taxonomy import changed_alias_keys, load_taxonomy, taxonomy_digest


def skill(sid: str, family: str = "ai_ml", aliases: tuple[str, ...] = ()) -> dict[str, object]:
    return {"id": sid, "name": sid.title(), "category": "technique", "family": family,
            "aliases": aliases}  # fmt: skip


def test_an_added_alias_is_the_only_change() -> None:
    before = [skill("rag", aliases=("rag",)), skill("evals", aliases=("evals",))]
    after = [
        skill("rag", aliases=("rag", "retrieval augmented")),
        skill("evals", aliases=("evals",)),
    ]
    assert changed_alias_keys(before, after) == ["retrievalaugmented"]


def test_a_skill_moved_to_another_family_changes_all_its_aliases() -> None:
    before = [skill("copy", family="art_creative", aliases=("copywriting", "copy writer"))]
    after = [skill("copy", family="linguistics_language", aliases=("copywriting", "copy writer"))]
    assert changed_alias_keys(before, after) == ["copywriter", "copywriting"]


def test_added_and_removed_skills_change_their_aliases() -> None:
    before = [skill("old", aliases=("legacy thing",))]
    after = [skill("new", aliases=("New Thing",))]
    assert changed_alias_keys(before, after) == ["legacything", "newthing"]


def test_the_digest_is_of_content_so_the_warehouse_can_compute_it_from_its_table() -> None:
    packaged = load_taxonomy()
    as_table = [
        {"skill_id": s.id, "name": s.name, "category": s.category, "family": s.family,
         "aliases": sorted(s.aliases)}
        for s in reversed(packaged)
    ]  # fmt: skip
    assert taxonomy_digest(as_table) == taxonomy_digest(packaged)
    assert changed_alias_keys(packaged, as_table) == []
    renamed = [*as_table[:-1], {**as_table[-1], "name": "Something else"}]
    assert taxonomy_digest(renamed) != taxonomy_digest(packaged)
