"""`chronique_paragraphs`: a line break ends a sentence and a comma never does. News text puts one
paragraph a line; the statistical parser would otherwise run a title into the first paragraph, and it
sometimes cuts an apposition off its clause ("Le commandant des forces terrestres iraniennes, | Kayumarth
Heydari, s'est rendu"). Placed before the parser, which respects preset sentence starts."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaks:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
            elif token.text in (",", ";"):
                doc[token.i + 1].is_sent_start = False
        return doc


@Language.factory("chronique_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(name)
