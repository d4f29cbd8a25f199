"""Cross-source duplicates: the same job on an ATS board and on HN or a remote board.

Key (docs/data-model.md, "Duplicates"):
- block: the normalised company key (`company_key()`, legal suffixes dropped); only
  companies seen on two or more sources are looked at;
- match: two postings from DIFFERENT sources whose normalised titles score
  >= TITLE_SCORE_CUTOFF with rapidfuzz `token_sort_ratio` (word order free, seniority
  words count), whose locations agree (same country and city where both are known),
  and whose seen periods [posted_at or first_seen, closed_at or last_seen] come within
  WINDOW_DAYS of each other;
- clusters are the connected components of the matches, joined best score first, and a
  cluster never holds two postings of one source (an HN post matching two openings with
  the same title on one ATS board joins only the better one); the canonical posting is the
  one from the most structured source (the lowest `source_priority`: ATS first, HN last),
  then the earliest, then the smallest posting_id. Within one source the source's own ids
  are trusted;
- an archive posting (`archive:<ats>:<id>`, a web-archive capture) and the live posting
  `<ats>:<id>` are joined by id first, whatever their titles and dates.

A refresh matches again only the blocks whose candidates changed (`update_clusters`; the
tables of migration 010 keep titles, block signatures, date-free pairs and clusters):
clusters never span blocks that no archive link ties, so untouched blocks keep theirs and
the result is the full match's (docs/data-model.md, "Duplicates").

The priorities are each source's metadata (scrapers/sources/<name>/__init__.py); the edges
(CLI, Dagster) read them and pass them down as a plain mapping, so this room does not import
the scrapers. A source without a priority is an error, never a silent default.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import duckdb
import numpy as np
import polars as pl
import rapidfuzz
from rapidfuzz import fuzz, process

from warehouse.sqlfiles import SQL_DIR, sql_text

TITLE_SCORE_CUTOFF = 90
WINDOW_DAYS = 30
ARCHIVE_PREFIX = "archive:"
STEP = "dedupe"  # its row in step_fingerprints
_ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "eng": "engineer",
    "engr": "engineer",
    "mgr": "manager",
    "ml": "machine learning",
    "ai": "ai",
    "llm": "llm",
}
_NOISE_WORDS = {
    "remote",
    "hybrid",
    "onsite",
    "on",
    "site",
    "fulltime",
    "full",
    "time",
    "m",
    "f",
    "d",
    "w",
}
_BRACKETS = re.compile(r"[\(\[\{][^\)\]\}]*[\)\]\}]")
_NON_WORD = re.compile(r"[^a-z0-9+#]+")


def normalize_title(title: str) -> str:
    """A title reduced to what identifies the job: "Sr. Prompt Engineer (Remote) | NYC"
    -> "senior prompt engineer"."""
    text = title.lower()
    text = re.split(r"\s[|–—-]\s|\s@\s", text, maxsplit=1)[0]
    text = _BRACKETS.sub(" ", text).replace("&", " and ")
    words = []
    for word in _NON_WORD.split(text):
        if not word or word in _NOISE_WORDS:
            continue
        words.append(_ABBREVIATIONS.get(word, word))
    return " ".join(words)


class _UnionFind:
    """Clusters of postings; a cluster never holds two postings of one source, so an HN
    post cannot chain two different openings of the same ATS board into one job."""

    def __init__(self, sources: Sequence[int]) -> None:
        self.parent = list(range(len(sources)))
        self.source = sources
        # Sources of each multi-posting cluster, by root; singletons are not stored
        # (a set per posting cost ~200 MB at a million postings).
        self.sources: dict[int, set[int]] = {}
        self.touched: set[int] = set()  # members of clusters of two or more

    def linked(self) -> list[int]:
        """Every element that was joined to another one."""
        return sorted(self.touched)

    def _sources(self, root: int) -> set[int]:
        return self.sources.get(root) or {self.source[root]}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        merged_a, merged_b = self._sources(ra), self._sources(rb)
        if merged_a & merged_b:
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.touched.update((a, b))
        self.sources.pop(gone, None)
        self.sources[keep] = merged_a | merged_b
        return True


def title_scores(a: pl.Series, b: pl.Series) -> np.ndarray:
    """The title score of each pair (a[i], b[i]) of normalised titles: rapidfuzz
    `token_sort_ratio` rounded to an integer, 0 below TITLE_SCORE_CUTOFF."""
    return np.asarray(
        process.cpdist(
            a.to_list(),
            b.to_list(),
            scorer=fuzz.token_sort_ratio,
            score_cutoff=TITLE_SCORE_CUTOFF,
            dtype=np.uint8,
        )
    )


# Candidate rows are paired a run of whole blocks at a time (at least this many rows, cut
# at a block's end), so the pairs held at once stay bounded as the warehouse grows.
PAIR_CHUNK_ROWS = 100_000
# Candidates matched at a time (update_clusters), whole blocks and their ties together.
MATCH_CHUNK_ROWS = 500_000


def _block_pairs(rows: pl.DataFrame) -> pl.DataFrame:
    """The pairs of rows of one block, from two sources, whose titles and places match.

    `rows`: one row per candidate (`row`, its number; `first`, the first row of its block;
    `src`, `country`, `city`, integer codes, -1 for an unknown place; `start`, `end`, its
    seen period in days; `norm`, its normalised title), whole blocks only. Returns (a, b,
    first, src_a, src_b, score, gap): `a` is of the lower source code, `gap` the days
    between the two seen periods (0 when they overlap), within the window or not.

    Set-wise, one join per pair of sources, and each distinct pair of titles scored once:
    matching the 914k candidates of a million-posting first load took 1.9 s with a
    Python loop per block, 1.1 s so (the same pairs and clusters).
    """
    schema = {
        "a": pl.Int64, "b": pl.Int64, "first": pl.Int64, "src_a": pl.Int64,
        "src_b": pl.Int64, "score": pl.UInt8, "gap": pl.Int32,
    }  # fmt: skip
    codes = sorted(rows["src"].unique().to_list())
    by_source = {code: rows.filter(pl.col("src") == code) for code in codes}
    parts = [
        by_source[a].join(by_source[b], on="first", suffix="_b")
        for i, a in enumerate(codes)
        for b in codes[i + 1 :]
    ]
    if not parts:
        return pl.DataFrame(schema=schema)
    pairs = pl.concat(parts).filter(
        (pl.col("norm") != "")
        & ((pl.col("country") < 0) | (pl.col("country_b") < 0)
           | (pl.col("country") == pl.col("country_b")))
        & ((pl.col("city") < 0) | (pl.col("city_b") < 0) | (pl.col("city") == pl.col("city_b")))
    )  # fmt: skip
    titles = pairs.select("norm", "norm_b").unique()
    scores = title_scores(titles["norm"], titles["norm_b"])
    matching = titles.with_columns(pl.Series("score", scores, dtype=pl.UInt8)).filter(
        pl.col("score") > 0
    )
    return pairs.join(matching, on=["norm", "norm_b"]).select(
        pl.col("row").alias("a"),
        pl.col("row_b").alias("b"),
        "first",
        pl.col("src").alias("src_a"),
        pl.col("src_b"),
        "score",
        pl.max_horizontal(
            pl.col("start") - pl.col("end_b"), pl.col("start_b") - pl.col("end"), pl.lit(0)
        )
        .cast(pl.Int32)
        .alias("gap"),
    )


def _matching_pairs(frame: pl.DataFrame, blocks: pl.DataFrame) -> pl.DataFrame:
    """_block_pairs of every block of `blocks` (first, n: the runs of `frame`'s rows that
    have 2+ sources), a chunk of whole blocks at a time."""
    rows = (
        frame.select(
            pl.int_range(pl.len(), dtype=pl.Int64).alias("row"),
            "block",
            pl.col("source_code").alias("src"),
            pl.col("country_code").alias("country"),
            pl.col("city_code").alias("city"),
            "start",
            "end",
            "norm",
        )
        .with_columns(pl.col("row").min().over("block").alias("first"))
        .drop("block")
        .join(blocks.select("first"), on="first", how="semi", maintain_order="left")
    )
    found = []
    chunk_start = chunk_rows = 0
    sizes = blocks["n"].to_list()
    for index, n in enumerate(sizes):
        chunk_rows += n
        if chunk_rows >= PAIR_CHUNK_ROWS or index == len(sizes) - 1:
            found.append(_block_pairs(rows.slice(chunk_start, chunk_rows)))
            chunk_start, chunk_rows = chunk_start + chunk_rows, 0
    return pl.concat(found) if found else _block_pairs(rows)


def _codes(column: pl.Expr) -> pl.Expr:
    """Small integer codes of a text column; -1 for empty (unknown)."""
    return (
        pl.when(column == "")
        .then(pl.lit(-1, pl.Int64))
        .otherwise(column.rank("dense").cast(pl.Int64))
    )


def _union_archive_links(frame: pl.DataFrame, uf: _UnionFind) -> None:
    """An archived posting `archive:<ats>:<id>` is the live posting `<ats>:<id>`: joined
    first, by id, before any fuzzy match (an archive capture may be years older)."""
    rows = frame.select("posting_id").with_row_index("row")
    archived = rows.filter(pl.col("posting_id").str.starts_with(ARCHIVE_PREFIX)).select(
        pl.col("row").alias("a"),
        pl.col("posting_id").str.strip_prefix(ARCHIVE_PREFIX).alias("posting_id"),
    )
    pairs = archived.join(rows, on="posting_id")
    for a, b in zip(pairs["a"].to_list(), pairs["row"].to_list(), strict=True):
        uf.union(int(a), int(b))


class UnknownSourcePriority(ValueError):
    """A posting's source has no dedupe priority in the mapping the caller passed."""


class Clusters(NamedTuple):
    """What matching a set of candidates gives: the clusters, and every date-free pair."""

    members: pl.DataFrame  # company_key, posting_id, canonical_posting_id (clusters of 2+)
    pairs: pl.DataFrame  # company_key, posting_a, posting_b, gap (titles and places match)


def find_clusters(candidates: pl.DataFrame, source_priority: Mapping[str, int]) -> pl.DataFrame:
    """(posting_id, canonical_posting_id) for every posting in a cluster of two or more.

    `candidates` has the columns of `sql/dedupe_block_rows.sql` (`norm`, the normalised
    title, is optional), sorted by company_key then posting_id; `source_priority` maps every source to its rank (lower = more
    structured = canonical).
    """
    return match_candidates(candidates, source_priority).members.select(
        "posting_id", "canonical_posting_id"
    )


def match_candidates(candidates: pl.DataFrame, source_priority: Mapping[str, int]) -> Clusters:
    """The clusters of `candidates` (see find_clusters), with each member's block, and the
    pairs of postings whose titles and places match, with their gap.

    Per-posting values are held as numpy codes, not Python objects (a million postings'
    worth of Python strings cost ~400 MB at the refresh's peak); titles are taken as
    Python strings one company block at a time.
    """
    empty = Clusters(
        pl.DataFrame(
            schema={
                "company_key": pl.String,
                "posting_id": pl.String,
                "canonical_posting_id": pl.String,
            }
        ),
        pl.DataFrame(
            schema={
                "company_key": pl.String,
                "posting_a": pl.String,
                "posting_b": pl.String,
                "gap": pl.Int32,
            }
        ),
    )
    if candidates.is_empty():
        return empty
    unknown = sorted(set(candidates["source"].unique().to_list()) - set(source_priority))
    if unknown:
        raise UnknownSourcePriority(
            f"no dedupe priority for source(s) {', '.join(map(repr, unknown))}: give each source "
            "a dedupe_priority in scrapers/sources/<name>/__init__.py"
        )
    if "norm" in candidates.columns:  # normalised already (dedupe_titles)
        norm_title = pl.col("norm")
    else:  # each distinct title once (Python per title; titles repeat a lot)
        distinct = candidates["title"].unique()
        normalized = pl.Series([normalize_title(t) for t in distinct.to_list()], dtype=pl.String)
        norm_title = pl.col("title").replace_strict(distinct, normalized, return_dtype=pl.String)
    frame = candidates.select(
        "posting_id",
        "source",
        "company_key",
        norm_title.alias("norm"),
        _codes(pl.col("source")).alias("source_code"),
        _codes(pl.col("country")).alias("country_code"),
        _codes(pl.col("city")).alias("city_code"),
        pl.col("period_start").cast(pl.Int32).alias("start"),
        pl.col("period_end").cast(pl.Int32).alias("end"),
        _codes(pl.col("company_key")).alias("block"),
    ).with_columns(
        pl.col("start").fill_null(pl.col("end")).fill_null(0),
        pl.col("end").fill_null(pl.col("start")).fill_null(0),
    )
    uf = _UnionFind(frame["source_code"].to_list())
    _union_archive_links(frame, uf)
    # Blocks: runs of one company key (the input is sorted by it) with 2+ sources.
    blocks = (
        frame.select("block", "source_code")
        .with_row_index("row")
        .group_by("block", maintain_order=True)
        .agg(
            pl.col("row").first().alias("first"),
            pl.len().alias("n"),
            pl.col("source_code").n_unique().alias("n_sources"),
        )
        .filter(pl.col("n_sources") > 1)
    )
    matched = _matching_pairs(frame, blocks)
    # Best matches first within each block (blocks in row order), so a conflicting weaker
    # match is the one left out: score, then the smaller gap, then the later rows.
    best_first = matched.filter(pl.col("gap") <= WINDOW_DAYS).sort(
        "first", "score", "gap", "a", "b", descending=[False, True, False, True, True]
    )
    for i, j in zip(best_first["a"].to_list(), best_first["b"].to_list(), strict=True):
        uf.union(i, j)
    # Every pair whose titles and places match, within the window or not: what the next
    # refresh checks the dates against.
    pair_rows = matched.sort("first", "src_a", "src_b", "a", "b")
    pair_frame = pl.DataFrame(
        {
            "company_key": frame["company_key"].gather(pair_rows["a"]),
            "posting_a": frame["posting_id"].gather(pair_rows["a"]),
            "posting_b": frame["posting_id"].gather(pair_rows["b"]),
            "gap": pair_rows["gap"],
        }
    )
    linked = uf.linked()
    if not linked:
        return Clusters(empty.members, pair_frame)
    # The canonical posting of each cluster, set-wise: the most structured source, then
    # the earliest, then the smallest posting_id (a Python loop per cluster cost ~2 s at
    # a million postings).
    rows = pl.Series("row", linked, dtype=pl.Int64)
    members = pl.DataFrame(
        {
            "root": pl.Series([uf.find(i) for i in linked], dtype=pl.Int64),
            "company_key": frame["company_key"].gather(rows),
            "posting_id": frame["posting_id"].gather(rows),
            "priority": frame["source"]
            .gather(rows)
            .replace_strict(dict(source_priority), return_dtype=pl.Int64),
            "start": frame["start"].gather(rows),
        }
    )
    canonical = (
        members.sort("priority", "start", "posting_id")
        .group_by("root")
        .agg(pl.col("posting_id").first().alias("canonical_posting_id"))
    )
    return Clusters(
        members.join(canonical, on="root").select(
            "company_key", "posting_id", "canonical_posting_id"
        ),
        pair_frame,
    )


class DedupeRun(NamedTuple):
    """What one dedupe did: the clusters in the warehouse after it, how many blocks there
    are, how many of them were matched again, and how many postings (of those blocks)
    and title pairs (of new postings, in the blocks that only gained some) it read."""

    clusters: int
    blocks: int
    blocks_matched: int
    rows_read: int


def state_fingerprint(source_priority: Mapping[str, int]) -> str:
    """What the kept dedupe results were computed with: this module, its SQL, the
    matching library's version and the source priorities. Any change: match everything."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(SQL_DIR.glob("dedupe_*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(rapidfuzz.__version__.encode())
    digest.update(repr(sorted(source_priority.items())).encode())
    return digest.hexdigest()


def _tied_root(ties: list[tuple[str, str]]) -> Callable[[str], str]:
    """find(block): one block standing for all the blocks tied to it by `ties`, directly
    or not (a block in no tie stands for itself)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in ties:
        parent[find(a)] = find(b)
    return find


def _ties_closure(dirty: set[str], ties: list[tuple[str, str]]) -> set[str]:
    """The dirty blocks and every block tied to one of them, directly or not."""
    find = _tied_root(ties)
    dirty_roots = {find(key) for key in dirty}
    return dirty | {key for pair in ties for key in pair if find(key) in dirty_roots}


def update_clusters(
    con: duckdb.DuckDBPyConnection, source_priority: Mapping[str, int], *, full: bool = False
) -> DedupeRun:
    """Bring `postings.canonical_posting_id` up to date, matching only the blocks whose
    candidates changed (see the module doc: the result is that of matching everything).

    A block is matched again when a candidate of it came, went or changed its source,
    normalised title, place or period start, when a kept pair's gap moved within the
    window, or when it is tied to such a block (an archive link, a cluster spanning both).
    A block whose only change is new candidates (no archive link, no tie) that match
    none of its postings by title and place keeps its clusters: the new ones are jobs of
    their own. `full`, a changed fingerprint (this code, the priorities) or nothing kept
    yet: every block is matched.
    """
    fingerprint = state_fingerprint(source_priority)
    kept = con.execute(sql_text("step_fingerprint"), [STEP]).fetchall()
    fresh = full or kept != [(fingerprint,)]
    if fresh:
        con.execute(sql_text("dedupe_reset"))
        con.execute(sql_text("step_fingerprint_forget"), [STEP])
        con.execute(sql_text("step_fingerprint_insert"), [STEP, fingerprint])
    con.execute(sql_text("dedupe_rows"))
    con.execute(sql_text("dedupe_candidate_titles"))
    titles = con.sql(sql_text("dedupe_titles_new")).pl()["title"]
    new_titles = pl.DataFrame(
        {"title": titles, "norm": [normalize_title(t) for t in titles.to_list()]},
        schema={"title": pl.String, "norm": pl.String},
    )
    _with_table(con, "dedupe_new_titles", new_titles, "dedupe_titles_add")
    con.execute(sql_text("dedupe_scope_all" if fresh else "dedupe_scope_changes"))
    con.execute(sql_text("dedupe_changed"))
    con.execute(sql_text("dedupe_dirty"), [WINDOW_DAYS])
    con.execute(sql_text("dedupe_dirty_keys"))
    dirty = dict(con.sql(sql_text("dedupe_dirty_blocks")).fetchall())
    ties = con.sql(sql_text("dedupe_ties")).fetchall() if dirty else []
    tied = {key for pair in ties for key in pair}
    # Blocks that only gained candidates: kept as they are when no new one makes a pair.
    looked_at = 0
    if not fresh:
        added_only = {k for k, only in dirty.items() if only and k not in tied}
        looked_at, unpaired = _unpaired_blocks(con, added_only)
        dirty = {k: v for k, v in dirty.items() if k not in unpaired}
    redo = _ties_closure(set(dirty), ties) if dirty else set()
    _set_redo(con, redo)
    matched, rows_read = _match_redo(con, redo, ties, source_priority)
    con.register("dedupe_new_pairs", matched.pairs.to_arrow())
    con.register("dedupe_new_members", matched.members.to_arrow())
    try:
        con.execute(sql_text("dedupe_store"))
    finally:
        con.unregister("dedupe_new_pairs")
        con.unregister("dedupe_new_members")
    blocks = con.sql(sql_text("dedupe_block_count")).fetchall()[0][0]
    con.execute(sql_text("dedupe_changes"))
    if con.sql(sql_text("dedupe_changes_count")).fetchall()[0][0]:
        con.execute(sql_text("dedupe_apply"))
    con.execute(sql_text("dedupe_cleanup"))
    clusters = con.sql(sql_text("dedupe_cluster_count")).fetchall()[0][0]
    return DedupeRun(clusters, blocks, len(redo), rows_read + looked_at)


def _match_redo(
    con: duckdb.DuckDBPyConnection,
    redo: set[str],
    ties: list[tuple[str, str]],
    source_priority: Mapping[str, int],
) -> tuple[Clusters, int]:
    """The clusters and pairs of the blocks `redo` (dedupe_redo holds them), and the
    number of candidates read. Matched MATCH_CHUNK_ROWS candidates at a time, whole blocks
    and every block tied to one together (an archive link joins rows across them): a
    block's matches depend on its rows and its ties' only, so the result is that of one
    matching, in a memory that stays bounded (a 3M-posting first load's 2.7M candidates,
    matched at once, made the dedupe the refresh's peak: 2.3 GB against 1.8 GB).
    dedupe_redo holds `redo` again on return."""
    if not redo:
        return match_candidates(pl.DataFrame(), source_priority), 0
    sizes = dict(con.sql(sql_text("dedupe_redo_sizes")).fetchall())
    groups = _match_groups(sizes, ties, MATCH_CHUNK_ROWS)
    # One group (or none: every block to redo lost its candidates): dedupe_redo as it is.
    chunked = len(groups) > 1
    parts, rows_read = [], 0
    for group in groups if chunked else [sorted(redo)]:
        if chunked:
            _set_redo(con, set(group))
        candidates = con.sql(sql_text("dedupe_block_rows")).pl()
        rows_read += candidates.height
        parts.append(match_candidates(candidates, source_priority))
        del candidates  # before the next group's are read
    if chunked:
        _set_redo(con, redo)
    members = pl.concat([part.members for part in parts])
    return Clusters(members, pl.concat([part.pairs for part in parts])), rows_read


def _match_groups(
    sizes: Mapping[str, int], ties: list[tuple[str, str]], limit: int
) -> list[list[str]]:
    """The blocks of `sizes` (company key -> candidates) in groups of about `limit`
    candidates, in key order; blocks tied together (`ties`, directly or not) share a group,
    which may then hold more."""
    find = _tied_root(ties)
    components: dict[str, list[str]] = {}
    for key in sorted(sizes):
        components.setdefault(find(key), []).append(key)
    groups: list[list[str]] = []
    rows = limit
    for keys in sorted(components.values()):
        n = sum(sizes[key] for key in keys)
        if rows + n > limit:
            groups.append([])
            rows = 0
        groups[-1].extend(keys)
        rows += n
    return groups


def _set_redo(con: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
    """The temp table dedupe_redo: the blocks the next statements read."""
    frame = pl.DataFrame({"company_key": sorted(keys)}, schema={"company_key": pl.String})
    _with_table(con, "dedupe_redo_batch", frame, "dedupe_redo_create")


def _unpaired_blocks(con: duckdb.DuckDBPyConnection, keys: set[str]) -> tuple[int, set[str]]:
    """Of the blocks `keys` (whose only change is new candidates), those where no new
    candidate matches a posting of another source by title and place, whatever the dates
    (the kept pairs are all such pairs, so the block's clusters stand); and the number of
    title pairs scored."""
    if not keys:
        return 0, set()
    _set_redo(con, keys)
    pairs = con.sql(sql_text("dedupe_new_pairs")).pl()
    scores = title_scores(pairs["norm_a"], pairs["norm_b"])
    paired = set(pairs["company_key"].filter(pl.Series(np.asarray(scores) > 0)).to_list())
    return pairs.height, keys - paired


def _with_table(
    con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame, statement: str
) -> None:
    """Run the SQL file `statement` with `frame` registered as `name`."""
    con.register(name, frame.to_arrow())
    try:
        con.execute(sql_text(statement))
    finally:
        con.unregister(name)


def cluster_duplicates(con: duckdb.DuckDBPyConnection, source_priority: Mapping[str, int]) -> int:
    """Set `postings.canonical_posting_id`; return the number of duplicate clusters.
    `source_priority`: source -> dedupe priority (see find_clusters). Matches only the
    blocks that changed since the last run (update_clusters)."""
    return update_clusters(con, source_priority).clusters
