"""Language of a text, with lingua (models inside the wheel, offline)."""

from __future__ import annotations

import functools

from lingua import Language, LanguageDetectorBuilder

CANDIDATES = (Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
              Language.PORTUGUESE, Language.DUTCH)


@functools.cache
def detector():
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).with_preloaded_language_models().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, judged on its first 2,000 characters; None if unsure."""
    found = detector().detect_language_of(text[:2000])
    return found.iso_code_639_1.name.lower() if found is not None else None
