"""`chronique_places`: toponyms resolved to gazetteer entries (country, coordinates).

Candidates are the parser's location entities plus any entity the gazetteer knows (the French model
tags "Moyen-Orient" MISC); names inside an organisation's name ("Conférence sur la sécurité de
Moscou" is still Moscow, but "UK Independence Party" is not the UK) and person names are skipped.
Landmark names ("place Tian'anmen", "Rafah crossing") are matched as wholes too, since the parser
often tags only a part of them ("Tian'anmen") or none; a landmark inside a person or organisation name
is left to it, and one inside a longer entity too unless that entity names the landmark's own city
("place de l'Indépendance de Kiev", not "cathédrale Notre-Dame de Chartres"). Ambiguous names prefer
countries already named in the document.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import Place, country_names, distance_km, gazetteer, landmark_names
from ..resources import fold, lang_table
from .component import Component
from .lexicon import lexicon
from .types import PlaceRef

PLACE_LABELS = {"LOC", "GPE", "MISC", "FAC", "NORP"}
STRIP = " \t\n\"'«»“”‘’.,;:!?()[]"


class PlaceResolver(Component):
    extension = "chronique_places"

    def __init__(self, nlp: Language, name: str, min_chars: int) -> None:
        super().__init__(nlp, name)
        self.min_chars = min_chars
        self.gazetteer = gazetteer()
        self.prefixes = tuple(sorted((p + ("" if p.endswith("'") else " ") for p in
                                      lexicon(self.lang).words.get("place_prefixes", ())), key=len, reverse=True))
        names = set(country_names(self.lang).values()) | {r["name"] for r in lang_table(self.lang, "country_names")}
        self.country_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.country_matcher.add("COUNTRY", list(nlp.tokenizer.pipe(sorted(names))))
        landmarks = {n for name in landmark_names(self.lang) for n in (name, name.replace("'", "’"))}
        self.landmark_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.landmark_matcher.add("LANDMARK", list(nlp.tokenizer.pipe(sorted(landmarks))))

    def core(self, span: Span) -> tuple[int, int, str]:
        """The toponym inside an entity: without the quote marks or punctuation the parser left on
        it ('Myanmar"') or a generic head ("province d'Ituri" -> "Ituri")."""
        text = span.text
        start = len(text) - len(text.lstrip(STRIP))
        end = len(text.rstrip(STRIP))
        folded = fold(text[start:end])
        if self.gazetteer.candidates(text[start:end]):  # "État de New York" is a gazetteer name itself
            return span.start_char + start, span.start_char + end, text[start:end]
        for prefix in self.prefixes:
            if folded.startswith(prefix) and len(folded) > len(prefix):
                start += len(prefix)
                break
        return span.start_char + start, span.start_char + end, text[start:end]

    def proper_tail(self, doc: Doc, candidate: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
        span = doc.char_span(candidate[0], candidate[1], alignment_mode="contract")
        if span is None or len(span) < 2:
            return (*candidate[:2], "", candidate[3])
        tail = len(span)
        while tail > 0 and span[tail - 1].text[:1].isupper():
            tail -= 1
        if tail == 0 or tail == len(span):
            return (*candidate[:2], "", candidate[3])
        rest = span[tail:]
        return rest.start_char, rest.end_char, rest.text, candidate[3]

    def landmark_wins(self, doc: Doc, landmark: Span, entity: tuple[int, int, str, str]) -> bool:
        """Whether a landmark name inside a longer entity stands for it: not when the entity is a gazetteer
        name itself, nor when it ends with a place away from the landmark ("cathédrale Notre-Dame de
        Chartres"); yes when that place is where the landmark is ("place de l'Indépendance de Kiev")."""
        if self.gazetteer.candidates(entity[2]):
            return False
        tail = self.proper_tail(doc, entity)
        if not tail[2]:  # "Tiananmen Square massacre", but not a name of its own: "Evin Incir"
            return not all(word[:1].isupper() for word in entity[2].split())
        if landmark.start_char <= tail[0] and tail[1] <= landmark.end_char:
            return True  # "incendie de Notre-Dame de Paris"
        there, site = self.gazetteer.resolve(tail[2]), self.gazetteer.resolve(landmark.text)
        return there is None or (site is not None and distance_km(there, site) < 30)

    def candidates(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """(start, end, text, label) of possible toponyms: the parser's entities, and country names it
        missed."""
        person_or_org = [(m.start, m.end) for m in doc._.chronique_mentions or []
                         if m.form == "name" and m.label in ("PER", "ORG", "MEDIA")]
        out = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS and ent.label_ not in ("ORG", "PER", "PERSON"):
                continue  # a PER or ORG entity counts when the mentions stage did not keep it as one
            if any(s <= ent.start_char and ent.end_char <= e for s, e in person_or_org):
                continue
            start, end, text = self.core(ent)
            if len(text) >= self.min_chars:
                out.append((start, end, text, ent.label_))
        for span in filter_spans([doc[first:last] for _, first, last in self.landmark_matcher(doc)]):
            start, end = span.start_char, span.end_char
            inside = [c for c in out if c[0] <= start and end <= c[1] and c[1] - c[0] > end - start]
            if not any(c.isupper() for c in span.text) or any(
                    s <= start and end <= e and e - s > end - start for s, e in person_or_org) or any(
                    not self.landmark_wins(doc, span, c) for c in inside):
                continue  # lower case, or inside a longer name: "Notre-Dame de Chartres", "Evin Incir"
            out = [c for c in out if not (c[0] < end and start < c[1])]
            out.append((start, end, span.text, "FAC"))
        for _, first, last in self.country_matcher(doc):
            span = doc[first:last]
            if not any(s < span.end_char and span.start_char < e for s, e, _, _ in out) and not any(
                    s <= span.start_char and span.end_char <= e for s, e in person_or_org):
                out.append((span.start_char, span.end_char, span.text, "LOC"))
        return out

    def predict(self, doc: Doc) -> list[PlaceRef]:
        found: list[tuple[tuple[int, int, str, str], list[Place]]] = []
        for candidate in self.candidates(doc):
            options = self.gazetteer.candidates(candidate[2])
            if not options:  # "château de Saint-Cloud": the proper name at its end
                candidate = self.proper_tail(doc, candidate)
                options = self.gazetteer.candidates(candidate[2]) if candidate[2] else []
            if candidate[3] == "ORG":  # an ORG entity that is a country name ("Iran a dit")
                options = [p for p in options if p.feature == "country"]
            if options:
                found.append((candidate, options))
        context = frozenset(p.country for _, options in found for p in options
                            if p.feature == "country" and p.country)
        places: dict[tuple, PlaceRef] = {}
        for (start, end, text, _), _ in found:
            place = self.gazetteer.resolve(text, context)
            if place is None:
                continue
            key = (place.name, place.country, place.feature)
            ref = places.get(key)
            if ref is None:
                ref = places[key] = PlaceRef(id=f"p{len(places) + 1}", name=place.name, country=place.country,
                                             feature=place.feature, geonames_id=place.geonames_id,
                                             lat=place.lat, lon=place.lon)
            ref.mentions.append((start, end))
        for ref in places.values():
            ref.mentions.sort()
        return sorted(places.values(), key=lambda p: p.mentions[0])


@Language.factory("chronique_places", default_config={"min_chars": 2})
def make_places(nlp: Language, name: str, min_chars: int) -> PlaceResolver:
    return PlaceResolver(nlp, name, min_chars)
