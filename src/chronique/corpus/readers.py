"""Readers turn inputs into articles: (text, metadata) and nothing more.

`.txt` (first line is the title), `.jsonl` (one article a line: id, text, optional title, published,
lang, url; other fields ignored), `.html` (main text and metadata via trafilatura), a directory
(recursively) or `-` for standard input. Every bad input yields an `InputError` naming the input and
the reason; the other inputs go on.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import Errors, InputError

MAX_CHARS = 1_000_000  # spaCy's own limit on one text
SUFFIXES = {".txt", ".jsonl", ".json", ".html", ".htm"}


@dataclass
class Article:
    id: str
    text: str
    source: str                   # where it came from: path, path:line, <stdin>
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None
    extra: dict = field(default_factory=dict)

    def meta(self) -> dict:
        return {"id": self.id, "title": self.title, "published": self.published, "url": self.url,
                "source": self.source}


def decode(data: bytes, source: str) -> str:
    """UTF-8 text of raw bytes, or an InputError saying why not (binary, mis-encoded)."""
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E102, source=source, reason="it contains NUL bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(Errors.E103, source=source, position=error.start, reason=error.reason) from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError(Errors.E102, source=source, reason=f"{controls} control characters")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, source: str, max_chars: int) -> str:
    if not text.strip():
        raise InputError(Errors.E101, source=source)
    if len(text) > max_chars:
        raise InputError(Errors.E105, source=source, size=len(text), limit=max_chars)
    return text


def check_date(value: object, source: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    try:
        return date.fromisoformat(match.group(1)).isoformat() if match else _bad_date(text, source)
    except ValueError:
        return _bad_date(text, source)


def _bad_date(value: str, source: str) -> str | None:
    raise InputError(Errors.E110, source=source, value=value)


def read_txt(data: bytes, source: str, stem: str, max_chars: int) -> Article:
    text = check_text(decode(data, source), source, max_chars)
    title = text.strip().split("\n", 1)[0].strip() or None
    return Article(id=stem, text=text, source=source, title=title)


def read_jsonl(data: bytes, source: str, max_chars: int) -> Iterator[Article | InputError]:
    try:
        text = decode(data, source)
    except InputError as error:
        yield error
        return
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(Errors.E104, source=where, reason=f"a JSON {type(record).__name__}, not an object")
            if not isinstance(record.get("text"), str):
                raise InputError(Errors.E106, source=where, fields=", ".join(sorted(record)) or "none")
            yield Article(id=str(record.get("id") or f"{Path(source).stem}-{number}"),
                          text=check_text(record["text"], where, max_chars), source=where,
                          title=record.get("title") if isinstance(record.get("title"), str) else None,
                          published=check_date(record.get("published"), where),
                          lang=record.get("lang") if isinstance(record.get("lang"), str) else None,
                          url=record.get("url") if isinstance(record.get("url"), str) else None)
        except json.JSONDecodeError as error:
            yield InputError(Errors.E104, source=where, reason=f"{error.msg} at column {error.colno}")
        except InputError as error:
            yield error


def read_html(data: bytes, source: str, stem: str, max_chars: int) -> Article:
    import trafilatura

    html = decode(data, source)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(Errors.E109, source=source)
    title = getattr(extracted, "title", None)
    text = f"{title}\n{body}" if title else body
    published = getattr(extracted, "date", None)
    return Article(id=stem, text=check_text(text, source, max_chars), source=source, title=title,
                   published=check_date(published, source) if published else None,
                   url=getattr(extracted, "url", None))


def read_path(path: Path, max_chars: int) -> Iterator[Article | InputError]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(Errors.E108, source=source, suffix=suffix or "(none)")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError(Errors.E111, source=source, reason=error.strerror or str(error))
        return
    try:
        if suffix in (".jsonl", ".json"):
            yield from read_jsonl(data, source, max_chars)
        elif suffix in (".html", ".htm"):
            yield read_html(data, source, path.stem, max_chars)
        else:
            yield read_txt(data, source, path.stem, max_chars)
    except InputError as error:
        yield error


def read_inputs(inputs: Iterable[str], max_chars: int = MAX_CHARS) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursively, supported suffixes only) and '-' (stdin)."""
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip()[:1] == b"{":  # JSON Lines on standard input
                yield from read_jsonl(data, "<stdin>", max_chars)
                continue
            try:
                yield read_txt(data, "<stdin>", "stdin", max_chars)
            except InputError as error:
                yield error
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from read_path(child, max_chars)
        elif path.exists():
            yield from read_path(path, max_chars)
        else:
            yield InputError(Errors.E107, source=name)
