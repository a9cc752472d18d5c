"""Shared fixtures. Pipelines are real spaCy models, loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def analyze_text():
    """analyze_text(text, lang="fr", published=None) -> the contract record of one article."""
    from chronique.analysis.analyze import analyze
    from chronique.corpus.readers import Article

    def run(text: str, lang: str = "fr", published: str | None = None, id: str = "t1") -> dict:
        (record,) = analyze([Article(id=id, text=text, source="test", published=published)], lang=lang)
        assert isinstance(record, dict), record
        return record

    return run


@pytest.fixture(scope="session")
def schema_validator():
    schema_path = SHARED / "eval" / "article.schema.json"
    if not schema_path.exists():
        pytest.skip("../shared/eval is not here (a user's checkout)")
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def actor_named(record: dict, text: str) -> dict:
    """The actor that has a mention with this text as a whole word or words."""
    import re

    pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    found = [a for a in record["actors"] if any(pattern.search(m["text"]) for m in a["mentions"])]
    assert found, f"no actor mentioned as {text!r}: {[a['name'] for a in record['actors']]}"
    return found[0]


def quote_containing(record: dict, words: str) -> dict:
    found = [q for q in record["quotes"] if words in q["text"]]
    assert found, f"no quote with {words!r}: {[q['text'] for q in record['quotes']]}"
    return found[0]
