"""The `Doc` extensions of Chronique, registered once, here. Each holds plain data (see types.py)."""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = {
    "chronique_meta": None,      # dict: id, title, published, url
    "chronique_mentions": None,  # list[Mention]
    "chronique_actors": None,    # list[Actor]
    "chronique_places": None,    # list[PlaceRef]
    "chronique_times": None,     # list[TimeRef]
    "chronique_quotes": None,    # list[Quote]
    "chronique_events": None,    # list[Event]
    "chronique_warnings": None,  # list[str]
}


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def warn(doc: Doc, message: str) -> None:
    if doc._.chronique_warnings is None:
        doc._.chronique_warnings = []
    doc._.chronique_warnings.append(message)


register_extensions()


def doc_marks(doc: Doc) -> list:
    """The quotation-mark spans of a Doc (marks.find_marked), found once and shared by the stages."""
    from .marks import find_marked

    marks = doc.user_data.get("chronique_marks")
    if marks is None:
        marks = doc.user_data["chronique_marks"] = find_marked(doc_text(doc), english_single=doc.lang_ == "en")
    return marks


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("chronique_text")
    if text is None:
        text = doc.user_data["chronique_text"] = doc.text
    return text
