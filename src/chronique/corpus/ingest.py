"""`ingest`: inputs -> analysis -> the DuckDB store, resumable and idempotent.

Articles whose text is already stored are skipped before analysis, so a run killed at any point is
finished by running it again; each article's rows are written in one transaction. Bad inputs go to
`quarantine`. With `workers > 1` the analysis runs in that many processes (one pipeline each) while
this process writes to the store.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .readers import MAX_CHARS, Article, read_inputs
from .store import Store

CHUNK = 16


@dataclass
class IngestSummary:
    seen: int = 0
    stored: int = 0
    already: int = 0
    duplicates: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)


def ingest_parquet(directory: str, db: str, on_progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Store the records of a `chronique spark` output (its `articles` table holds each full record)."""
    import json

    import duckdb

    pattern = str(Path(directory) / "articles" / "*.parquet")
    rows = duckdb.connect().execute("SELECT record FROM read_parquet(?) ORDER BY id", [pattern]).fetchall()
    summary = IngestSummary()
    with Store(db) as store:
        for (record,) in rows:
            summary.seen += 1
            outcome = store.add(json.loads(record), source=f"{directory}:{json.loads(record)['id']}")
            summary.stored += outcome.stored
            summary.already += not outcome.stored
            summary.duplicates += outcome.duplicate_of is not None
            if on_progress:
                on_progress(1)
    return summary


def _analyze_chunk(args: tuple[list[Article], str, str | None]) -> list[tuple[str, dict[str, Any] | InputError]]:
    """(source, record or error) for each article of a chunk, in order."""
    from ..analysis.analyze import analyze

    articles, lang, published = args
    return list(zip((a.source for a in articles), analyze(articles, lang=lang, published=published), strict=True))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(sources: list[str] | list[Article | InputError], db: str, lang: str = "auto",
           published: str | None = None, workers: int = 1, fields: dict[str, str] | None = None,
           max_chars: int = MAX_CHARS, on_progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Analyse and store inputs (paths, or articles already read); returns what happened."""
    summary = IngestSummary()
    items = sources if sources and not isinstance(sources[0], str) else read_inputs(
        sources, max_chars=max_chars, fields=fields)  # type: ignore[arg-type]
    with Store(db) as store:
        def fail(error: InputError) -> None:
            summary.failed += 1
            summary.failures.append(str(error))
            store.quarantine(str(error.values.get("source", "?")), str(error))

        # sorted out here, in this thread: the pool's feeder thread must not touch the store
        pending: list[Article] = []
        for item in items:
            summary.seen += 1
            if isinstance(item, InputError):
                fail(item)
            elif store.has_text(item.text):
                summary.already += 1
            else:
                pending.append(item)
                continue
            if on_progress:
                on_progress(1)
        jobs = ((chunk, lang, published) for chunk in _chunks(pending, CHUNK))
        if workers > 1:
            pool = multiprocessing.get_context("spawn").Pool(workers)
            results: Iterable[list] = pool.imap(_analyze_chunk, jobs)
        else:
            pool = None
            results = map(_analyze_chunk, jobs)
        try:
            for batch in results:
                for source, result in batch:
                    if isinstance(result, InputError):
                        fail(result)
                    else:
                        outcome = store.add(result, source=source, outlet=result.get("outlet"))
                        summary.stored += outcome.stored
                        summary.already += not outcome.stored
                        summary.duplicates += outcome.duplicate_of is not None
                    if on_progress:
                        on_progress(1)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    return summary
