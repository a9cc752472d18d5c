"""`chronique_places`: toponyms resolved to gazetteer entries (country, coordinates).

Candidates are the parser's location entities plus any entity the gazetteer knows (the French model
tags "Moyen-Orient" MISC); names inside an organisation's name ("Conférence sur la sécurité de
Moscou" is still Moscow, but "UK Independence Party" is not the UK) and person names are skipped.
Ambiguous names prefer countries already named in the document.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import Place, gazetteer
from .component import Component
from .types import PlaceRef

PLACE_LABELS = {"LOC", "GPE", "MISC", "FAC", "NORP"}


class PlaceResolver(Component):
    extension = "chronique_places"

    def __init__(self, nlp: Language, name: str, min_chars: int) -> None:
        super().__init__(nlp, name)
        self.min_chars = min_chars
        self.gazetteer = gazetteer()

    def candidates(self, doc: Doc) -> list[Span]:
        person_or_org = [(m.start, m.end) for m in doc._.chronique_mentions or []
                         if m.form == "name" and m.label in ("PER", "ORG", "MEDIA")]
        out = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and ent.label_ != "ORG":
                continue
            if any(s <= ent.start_char and ent.end_char <= e for s, e in person_or_org):
                continue
            if len(ent.text) >= self.min_chars:
                out.append(ent)
        return out

    def predict(self, doc: Doc) -> list[PlaceRef]:
        found: list[tuple[Span, list[Place]]] = []
        for span in self.candidates(doc):
            options = self.gazetteer.candidates(span.text)
            if span.label_ == "ORG":  # an ORG entity that is a country name ("Iran a dit")
                options = [p for p in options if p.feature == "country"]
            if options:
                found.append((span, options))
        context = frozenset(p.country for _, options in found for p in options
                            if p.feature == "country" and p.country)
        places: dict[tuple, PlaceRef] = {}
        for span, _ in found:
            place = self.gazetteer.resolve(span.text, context)
            if place is None:
                continue
            key = (place.name, place.country, place.feature)
            ref = places.get(key)
            if ref is None:
                ref = places[key] = PlaceRef(id=f"p{len(places) + 1}", name=place.name, country=place.country,
                                             feature=place.feature, geonames_id=place.geonames_id,
                                             lat=place.lat, lon=place.lon)
            ref.mentions.append((span.start_char, span.end_char))
        return list(places.values())


@Language.factory("chronique_places", default_config={"min_chars": 2})
def make_places(nlp: Language, name: str, min_chars: int) -> PlaceResolver:
    return PlaceResolver(nlp, name, min_chars)
