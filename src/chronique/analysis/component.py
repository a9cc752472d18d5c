"""The shape every Chronique component shares: a class whose `__call__` only delegates to `predict`
and `set_annotations` behind an error handler, so one bad article never stops a batch."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from ..errors import ChroniqueError, Errors
from .extensions import warn

log = logging.getLogger(__name__)

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]


def record_failure(name: str, component: Any, docs: list[Doc], error: Exception) -> None:
    """Error handler used by Chronique's own pipelines: the failing stage's output stays empty and the
    record carries a warning naming the stage and the reason."""
    for doc in docs:
        meta = doc._.chronique_meta or {}
        message = str(ChroniqueError(Errors.E401, component=name, doc_id=meta.get("id"),
                                     reason=f"{type(error).__name__}: {error}"))
        log.warning(message)
        warn(doc, message)


class Component:
    """Base class: subclasses set `extension` (the Doc attribute they fill) and implement
    `predict(doc)` and `set_annotations(doc, result)`."""

    extension: str = ""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lang = nlp.lang
        self.error_handler: ErrorHandler = raise_error

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_annotations(doc, self.predict(doc))
        except Exception as error:  # delegated to the handler: raise, or record and go on
            setattr(doc._, self.extension, [])
            self.error_handler(self.name, self, [doc], error)
        return doc

    def predict(self, doc: Doc) -> Any:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result: Any) -> None:
        setattr(doc._, self.extension, result)

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        self.error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self.error_handler
