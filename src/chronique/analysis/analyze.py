"""`analyze`: articles in, contract records out, in input order; the importable function behind
`chronique analyze`. Articles are grouped by language in chunks so each language's pipeline runs
batched; an article that cannot be analysed comes out as an InputError and the rest go on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..corpus.readers import Article
from ..errors import ChroniqueError, Errors, InputError
from ..language import detect_language
from ..resources import supported_languages
from .builder import build_record
from .pipeline import analyze_docs, load_pipeline

Result = dict[str, Any] | InputError


def article_language(article: Article, lang: str) -> str:
    supported = supported_languages()
    chosen = lang if lang != "auto" else (article.lang or detect_language(article.text))
    if chosen is None:
        raise InputError(Errors.E203, source=article.source)
    chosen = chosen.lower()[:2]
    if chosen not in supported:
        raise InputError(Errors.E201, source=article.source, lang=chosen, supported=", ".join(supported))
    return chosen


def analyze(articles: Iterable[Article | InputError], lang: str = "auto", published: str | None = None,
            chunk_size: int = 64, batch_size: int = 16) -> Iterator[Result]:
    """Contract records (dicts) for articles, and the InputErrors of those that failed, in order."""
    chunk: list[Article | InputError] = []
    for item in articles:
        chunk.append(item)
        if len(chunk) >= chunk_size:
            yield from _analyze_chunk(chunk, lang, published, batch_size)
            chunk = []
    if chunk:
        yield from _analyze_chunk(chunk, lang, published, batch_size)


def _analyze_chunk(chunk: list[Article | InputError], lang: str, published: str | None,
                   batch_size: int) -> Iterator[Result]:
    results: list[Result | None] = [None] * len(chunk)
    by_lang: dict[str, list[int]] = {}
    for n, item in enumerate(chunk):
        if isinstance(item, InputError):
            results[n] = item
            continue
        try:
            by_lang.setdefault(article_language(item, lang), []).append(n)
        except InputError as error:
            results[n] = error
    for code, indexes in by_lang.items():
        try:
            nlp = load_pipeline(code)
        except ChroniqueError as error:  # no model installed for that language
            for n in indexes:
                results[n] = InputError(Errors.E204, source=chunk[n].source, reason=str(error))  # type: ignore[union-attr]
            continue
        items = []
        for n in indexes:
            article: Article = chunk[n]  # type: ignore[assignment]
            meta = article.meta()
            meta["published"] = article.published or published
            items.append((article.text, meta))
        for n, doc in zip(indexes, analyze_docs(nlp, items, batch_size=batch_size), strict=True):
            results[n] = build_record(doc)
    yield from results  # type: ignore[misc]
