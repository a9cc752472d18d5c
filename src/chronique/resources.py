"""Per-language resource files (speech cues, event triggers, roles, demonyms, regions) and the
knowledge-base tables, read once per process.

Resources are tab-separated files with a header row; `#` starts a comment line. Adding a language
is adding a folder `data/lang/XX/` with the same files.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .errors import ChroniqueError, Errors

DATA = Path(str(resources.files("chronique") / "data"))


def fold(text: str) -> str:
    """Case- and accent-insensitive key with normalised apostrophes and whitespace."""
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def read_table(path: Path, delimiter: str = "\t") -> Iterator[dict[str, str]]:
    """Rows of a TSV resource (or, with delimiter=",", a CSV file, where fields may be quoted) as dicts
    keyed by the header; '-' and '' read as ''."""
    tsv = delimiter == "\t"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = ((n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#"))
        header: list[str] | None = None
        for number, line in lines:
            fields = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter,
                                     quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL))
            if header is None:
                header = [name.strip() for name in fields]
                continue
            if len(fields) != len(header):
                raise ChroniqueError(Errors.E301 if tsv else Errors.E306, path=path, line=number,
                                     expected=len(header), found=len(fields))
            values = ("" if value.strip() == "-" else value.strip() for value in fields)
            yield dict(zip(header, values, strict=True))


@functools.cache
def lang_table(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """A language resource table, e.g. lang_table("fr", "speech_cues"); empty if the file is absent
    for that language (a language may lack some resources)."""
    path = DATA / "lang" / lang / f"{name}.tsv"
    if not path.exists():
        return ()
    return tuple(read_table(path))


@functools.cache
def kb_table(name: str) -> tuple[dict[str, str], ...]:
    path = DATA / "kb" / f"{name}.tsv"
    if not path.exists():
        return ()
    return tuple(read_table(path))


def supported_languages() -> list[str]:
    return sorted(p.name for p in (DATA / "lang").iterdir() if p.is_dir())
