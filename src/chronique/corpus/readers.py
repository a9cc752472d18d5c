"""Readers turn inputs into articles: (text, metadata) and nothing more.

`.txt` (first line is the title), `.jsonl` (one article a line: id, text, optional title, published,
lang, url; other fields ignored), `.html` (main text and metadata via trafilatura), a directory
(recursively) or `-` for standard input. Every bad input yields an `InputError` naming the input and
the reason; the other inputs go on.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import Errors, InputError

MAX_CHARS = 1_000_000  # spaCy's own limit on one text
MIN_PAGE_WORDS = 12     # less main text than this in a web page: no article there
SUFFIXES = {".txt", ".jsonl", ".json", ".html", ".htm", ".warc", ".gz", ".rss", ".atom", ".xml"}
FIELDS = ("id", "text", "title", "published", "lang", "url", "outlet")


@dataclass
class Article:
    id: str
    text: str
    source: str                   # where it came from: path, path:line, <stdin>
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None
    outlet: str | None = None

    def meta(self) -> dict:
        return {"id": self.id, "title": self.title, "published": self.published, "url": self.url,
                "outlet": self.outlet, "source": self.source}


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


def read_jsonl(data: bytes, source: str, max_chars: int,
               fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
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
            if fields:  # --field text=body: our field from another corpus's name for it
                record = {**record, **{ours: record.get(theirs) for ours, theirs in fields.items()}}
            if not isinstance(record.get("text"), str):
                raise InputError(Errors.E106, source=where, fields=", ".join(sorted(record)) or "none")
            yield Article(id=str(record.get("id") or f"{Path(source).stem}-{number}"),
                          text=check_text(record["text"], where, max_chars), source=where,
                          title=record.get("title") if isinstance(record.get("title"), str) else None,
                          published=check_date(record.get("published"), where),
                          lang=record.get("lang") if isinstance(record.get("lang"), str) else None,
                          url=record.get("url") if isinstance(record.get("url"), str) else None,
                          outlet=record.get("outlet") if isinstance(record.get("outlet"), str) else None)
        except json.JSONDecodeError as error:
            yield InputError(Errors.E104, source=where, reason=f"{error.msg} at column {error.colno}")
        except InputError as error:
            yield error


def read_html(data: bytes, source: str, stem: str, max_chars: int) -> Article:
    import trafilatura

    html = decode(data, source)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or len(body.split()) < MIN_PAGE_WORDS:  # a menu or a footer is not an article
        raise InputError(Errors.E109, source=source)
    title = getattr(extracted, "title", None)
    text = f"{title}\n{body}" if title else body
    published = getattr(extracted, "date", None)
    return Article(id=stem, text=check_text(text, source, max_chars), source=source, title=title,
                   published=check_date(published, source) if published else None,
                   url=getattr(extracted, "url", None))


def html_text(html: str) -> str:
    """Plain text of an HTML fragment (an RSS summary)."""
    import lxml.html

    try:
        return lxml.html.fromstring(html).text_content().strip() if html.strip() else ""
    except (ValueError, lxml.etree.ParserError):
        return html


def read_warc(path: Path, max_chars: int) -> Iterator[Article | InputError]:
    """One article per HTML response record; a truncated or corrupt archive ends with an error
    naming the position reached."""
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    source = str(path)
    n = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                n += 1
                where = f"{source}#{n}"
                content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
                if "html" not in content_type:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    html = decode(record.content_stream().read(), where)
                    extracted = trafilatura.bare_extraction(html, with_metadata=True, url=uri)
                    body = getattr(extracted, "text", None) if extracted is not None else None
                    if not body or len(body.split()) < MIN_PAGE_WORDS:
                        raise InputError(Errors.E109, source=where)
                    title = getattr(extracted, "title", None)
                    text = f"{title}\n{body}" if title else body
                    published = getattr(extracted, "date", None)
                    yield Article(id=uri or where, text=check_text(text, where, max_chars), source=where,
                                  title=title, url=uri, published=check_date(published, where) if published else None)
                except InputError as error:
                    yield error
    except Exception as error:  # warcio raises plain exceptions on truncated gzip members
        yield InputError(Errors.E111, source=f"{source}#{n + 1}", reason=f"archive unreadable after record {n}: "
                         f"{type(error).__name__}: {error}")


def read_feed(data: bytes, source: str, max_chars: int) -> Iterator[Article | InputError]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputError(Errors.E111, source=source, reason=f"not an RSS/Atom feed ({feed.bozo_exception})")
        return
    for n, entry in enumerate(feed.entries, 1):
        where = f"{source}#{n}"
        body = html_text((entry.get("content") or [{}])[0].get("value") or entry.get("summary") or "")
        title = entry.get("title")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        day = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
        try:
            yield Article(id=entry.get("id") or entry.get("link") or where,
                          text=check_text(f"{title}\n{body}" if title else body, where, max_chars), source=where,
                          title=title, url=entry.get("link"),
                          published=day)
        except InputError as error:
            yield error


def read_path(path: Path, max_chars: int, fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == ".gz" and not path.name.lower().endswith(".warc.gz"):
        suffix = ".gz?"
    if suffix not in SUFFIXES:
        yield InputError(Errors.E108, source=source, suffix=suffix or "(none)")
        return
    if suffix in (".warc", ".gz"):
        yield from read_warc(path, max_chars)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield InputError(Errors.E111, source=source, reason=error.strerror or str(error))
        return
    try:
        if suffix in (".jsonl", ".json"):
            yield from read_jsonl(data, source, max_chars, fields)
        elif suffix in (".rss", ".atom", ".xml"):
            yield from read_feed(data, source, max_chars)
        elif suffix in (".html", ".htm"):
            yield read_html(data, source, path.stem, max_chars)
        else:
            yield read_txt(data, source, path.stem, max_chars)
    except InputError as error:
        yield error


def read_inputs(inputs: Iterable[str], max_chars: int = MAX_CHARS,
                fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursively, supported suffixes only), globs and '-' (stdin).
    `fields` maps our JSONL fields to another corpus's names ({"text": "body"})."""
    for name in inputs:
        if name == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip()[:1] == b"{":  # JSON Lines on standard input
                yield from read_jsonl(data, "<stdin>", max_chars, fields)
                continue
            try:
                yield read_txt(data, "<stdin>", "stdin", max_chars)
            except InputError as error:
                yield error
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield from read_path(child, max_chars, fields)
        elif path.exists():
            yield from read_path(path, max_chars, fields)
        elif any(c in name for c in "*?["):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield InputError(Errors.E107, source=name)
            for match in matches:
                yield from read_inputs([match], max_chars, fields)
        else:
            yield InputError(Errors.E107, source=name)
