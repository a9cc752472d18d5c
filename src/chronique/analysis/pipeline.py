"""Pipeline assembly: the language's spaCy model plus Chronique's components, loaded once per
language and process, and `analyze_docs`, which runs articles through it in batches."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ChroniqueError, Errors
from ..resources import lang_table
from . import actors, events, mentions, paragraphs, places, quotes, times  # noqa: F401  (factories)
from .component import record_failure
from .extensions import register_extensions

STAGES = ("chronique_mentions", "chronique_actors", "chronique_places", "chronique_times",
          "chronique_quotes", "chronique_events")


def model_name(lang: str) -> str:
    """The best installed spaCy pipeline for a language, from its `pipeline.tsv`."""
    candidates = [row["model"] for row in lang_table(lang, "pipeline")]
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ChroniqueError(Errors.E202, lang=lang, models=", ".join(candidates) or "none",
                         first=(candidates or ["?"])[0].replace("_", "-"))


@functools.cache
def load_pipeline(lang: str, config: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()) -> Language:
    """spaCy model + Chronique components. `config` overrides component settings:
    ((component, ((key, value), ...)), ...)."""
    register_extensions()
    nlp = spacy.load(model_name(lang))
    overrides = {name: dict(values) for name, values in config}
    nlp.add_pipe("chronique_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    for stage in STAGES:
        component = nlp.add_pipe(stage, config=overrides.get(stage, {}))
        component.set_error_handler(record_failure)
    return nlp


def make_doc(nlp: Language, text: str, meta: dict) -> Doc:
    doc = nlp.make_doc(text)
    doc._.chronique_meta = meta
    doc._.chronique_warnings = []
    return doc


def analyze_docs(nlp: Language, items: Iterable[tuple[str, dict]], batch_size: int = 16) -> Iterator[Doc]:
    """Docs for (text, meta) pairs, in order."""
    docs = (make_doc(nlp, text, meta) for text, meta in items)
    yield from nlp.pipe(docs, batch_size=batch_size)
