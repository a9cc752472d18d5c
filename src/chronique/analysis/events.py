"""`chronique_events`: PLOVER events (with CAMEO codes) from the language's trigger lexicon, with
source and target from the dependency parse, date, place, negation, modality and the quote they were
stated in.

A trigger is a head lemma, optionally reflexive ("se rendre") and with dependents that must occur
under it ("faire face à des sanctions"). The subject is the source and the object or a
prepositional complement the target (`inverse` triggers swap them; a passive's agent is its source);
a place as target stands for its country ("est arrivé à Téhéran" -> Iran). An event needs at least
one side: a trigger with no actor around it is not coded (dictionary coders fail on precision).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..gazetteer import gazetteer
from ..resources import fold
from .component import Component
from .lexicon import REFLEXIVE, Trigger, lexicon
from .mentions import SUBJECT_DEPS, token_actor_index
from .types import Actor, Event, Mention

TARGET_CASES = {
    "fr": {"à", "au", "aux", "avec", "contre", "vers", "envers", "auprès", "sur", "en", "chez"},
    "en": {"to", "with", "against", "on", "at", "in", "into", "toward", "towards", "from"},
}
OBJECT_DEPS = ("obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "pobj", "dative", "prep", "obl:agent")
AGENT_CASES = {"par", "by"}


class EventCoder(Component):
    extension = "chronique_events"

    def __init__(self, nlp: Language, name: str, require_actor: bool, dependents_window: int) -> None:
        super().__init__(nlp, name)
        self.require_actor = require_actor
        self.dependents_window = dependents_window
        self.lex = lexicon(self.lang)
        self.gazetteer = gazetteer()
        self.cases = {fold(c) for c in TARGET_CASES.get(self.lang, ())}
        self.light_verbs = self.lex.words.get("light_verbs", frozenset())

    # ------------------------------------------------------------------ triggers
    def match(self, token: Token) -> Trigger | None:
        for trigger in self.lex.triggers.get(fold(token.lemma_), ()):
            if trigger.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
                continue
            if trigger.pos == "VERB" and token.pos_ not in ("VERB", "AUX"):
                continue
            if trigger.reflexive and not any(fold(c.text) in REFLEXIVE or fold(c.lemma_) in REFLEXIVE
                                             for c in token.children):
                continue
            near = {fold(t.lemma_) for t in token.subtree if abs(t.i - token.i) <= self.dependents_window}
            near |= {fold(t.text) for t in token.subtree if abs(t.i - token.i) <= self.dependents_window}
            if all(word in near for word in trigger.dependents):
                return trigger
        return None

    # ------------------------------------------------------------------ participants
    def actor_of(self, token: Token) -> str | None:
        """The actor a token (and its phrase) designates; a place stands for its country."""
        for t in [token, *sorted(token.subtree, key=lambda x: abs(x.i - token.i))][:6]:
            if t.i in self.by_token:
                return self.by_token[t.i]
        return self.place_actor(token) or self.demonym_actor(token)

    def demonym_actor(self, token: Token) -> str | None:
        """The state behind an unnamed actor qualified by a demonym ("son invité russe", "les
        autorités iraniennes") or ending in a compound demonym."""
        for child in token.children:
            iso3 = self.lex.demonyms.get(fold(child.text)) if child.dep_ in ("amod", "nmod", "compound") else None
            if iso3:
                return self.country_actor(iso3, token.doc, token.doc[token.i:token.i + 1])
        return None

    def place_actor(self, token: Token) -> str | None:
        """The country actor of a place named by the token or its children ("à Téhéran" -> Iran)."""
        for t in [token, *token.children]:
            if t.pos_ == "PROPN":
                span = next((e for e in token.doc.ents if e.start <= t.i < e.end), None)
                place = self.gazetteer.resolve(span.text if span is not None else t.text)
                if place is not None and place.country:
                    return self.country_actor(place.country, token.doc, span or token.doc[t.i:t.i + 1])
        return None

    def country_actor(self, iso3: str, doc: Doc, span) -> str:
        for actor in self.actors:
            if actor.kind == "country" and actor.country == iso3:
                return actor.id
        place = self.gazetteer.countries.get(iso3)
        actor = Actor(id=f"a{len(self.actors) + 1}", name=place.name if place else iso3, kind="country",
                      country=iso3, code=iso3, mentions=[Mention(span.start_char, span.end_char, span.text, "name",
                                                                 "GPE", span.root.i, 0, actor=None, country=iso3)])
        actor.mentions[0].actor = actor.id
        self.actors.append(actor)
        return actor.id

    def subject(self, token: Token) -> tuple[Token | None, bool]:
        """(subject, passive) of a verb, climbing from participles and infinitives to the verb that
        governs them."""
        verb = token
        for _ in range(3):
            agent = [c for c in verb.children if c.dep_ in ("obl:agent", "agent") or (
                c.dep_.startswith("obl") and any(fold(g.text) in AGENT_CASES for g in c.children if g.dep_ == "case"))]
            passive = any(c.dep_ in ("nsubj:pass", "nsubjpass") for c in verb.children) and bool(agent)
            if passive:
                return agent[0], True
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                return subjects[0], False
            if verb.dep_ in ("xcomp", "advcl", "conj", "acl", "ccomp", "amod") and verb.head.i != verb.i:
                verb = verb.head
            else:
                break
        return None, False

    def case_of(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ in ("case", "mark") or (self.lang == "en" and child.dep_ == "prep"):
                return fold(child.text)
        if self.lang == "en" and token.dep_ == "pobj":
            return fold(token.head.text)
        return None

    def objects(self, token: Token) -> list[Token]:
        """Direct objects first, then prepositional complements with a target preposition."""
        out = [c for c in token.children if c.dep_ in ("obj", "dobj", "iobj", "dative")]
        for child in token.children:
            if child.dep_ in OBJECT_DEPS and child not in out:
                if self.lang == "en" and child.dep_ == "prep":
                    out += [g for g in child.children if g.dep_ == "pobj" and fold(child.text) in self.cases]
                elif self.case_of(child) in self.cases:
                    out.append(child)
        return out

    def participants(self, token: Token, trigger: Trigger) -> tuple[str | None, str | None]:
        source = target = None
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                case = self.case_of(child)
                actor = self.actor_of(child) if child.dep_ in (*OBJECT_DEPS, "det", "poss", "nmod:poss") else None
                if actor is None:
                    continue
                if case in ("de", "d'", "of", "by") or child.dep_ in ("det", "poss", "nmod:poss"):
                    source = source or actor
                elif case in self.cases:
                    target = target or actor
            governor = token.head
            if source is None and token.dep_ in ("obj", "dobj") and fold(governor.lemma_) in self.light_verbs:
                subject, _ = self.subject(governor)  # "a effectué une visite", "held talks"
                source = self.actor_of(subject) if subject is not None else None
        elif trigger.roles == "visit":  # "est arrivé à Téhéran": the destination's country is the host
            subject, _ = self.subject(token)
            source = self.actor_of(subject) if subject is not None else None
            target = next((self.place_actor(obj) for obj in self.objects(token) if self.place_actor(obj)), None)
            actors = {a.id: a for a in self.actors}
            if target is None or (source in actors and actors[source].country == actors[target].country):
                return None, None  # no destination, or a trip at home: not a consultation
        else:
            subject, passive = self.subject(token)
            source = self.actor_of(subject) if subject is not None else None
            for obj in self.objects(token):
                if (actor := self.actor_of(obj)) is not None and actor != source:
                    target = actor
                    break
            if passive:
                patient = next((c for c in token.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
                target = self.actor_of(patient) if patient is not None else target
        if trigger.roles == "inverse":
            source, target = target, source
        return source, (target if target != source else None)

    # ------------------------------------------------------------------ qualifiers
    def negated(self, token: Token) -> bool:
        negations = self.lex.words.get("negations", frozenset())
        return any(c.dep_ in ("advmod", "neg") and fold(c.text) in negations for c in token.children)

    def modality(self, token: Token) -> str:
        words = self.lex.words
        if "Fut" in token.morph.get("Tense") or any(
                fold(c.lemma_) in words.get("future_auxiliaries", ()) and c.dep_.startswith("aux")
                for c in token.children):
            return "future"
        if "Cnd" in token.morph.get("Mood") or any(fold(c.text) in words.get("hypothetical", ()) and c.dep_ in (
                "aux", "mark") for c in token.children):
            return "hypothetical"
        for ancestor in list(token.ancestors)[:3]:
            if fold(ancestor.lemma_) in words.get("intent_nouns", ()) or fold(ancestor.text) in words.get(
                    "intent_nouns", ()):
                return "intended"
            if "Fut" in ancestor.morph.get("Tense"):
                return "future"
        return "asserted"

    # ------------------------------------------------------------------ stage
    def predict(self, doc: Doc) -> list[Event]:
        self.actors: list[Actor] = list(doc._.chronique_actors or [])
        self.by_token = token_actor_index(doc, [m for a in self.actors for m in a.mentions])
        times = doc._.chronique_times or []
        places = doc._.chronique_places or []
        quotes = doc._.chronique_quotes or []
        published = (doc._.chronique_meta or {}).get("published")
        events: list[Event] = []
        seen: set[tuple] = set()
        for token in doc:
            trigger = self.match(token)
            if trigger is None:
                continue
            source, target = self.participants(token, trigger)
            if self.require_actor and source is None and target is None:
                continue
            sentence = token.sent
            key = (sentence.start, trigger.type, source, target)
            if key in seen:
                continue
            seen.add(key)
            s_start, s_end = sentence.start_char, sentence.end_char
            time = next((t for t in times if s_start <= t.start < s_end), None)
            place = next((p for p in places for start, _ in p.mentions if s_start <= start < s_end), None)
            quote = next((q for q in quotes if q.start <= token.idx < q.end), None)
            span = doc[min(t.i for t in (token, *token.children) if t.dep_ in ("aux", "aux:tense", "aux:pass")
                           or t.i == token.i):token.i + 1]
            events.append(Event(
                id=f"e{len(events) + 1}", type=trigger.type, mode=trigger.mode, cameo=trigger.cameo,
                source=source, target=target, trigger=(span.start_char, span.end_char),
                sentence=(s_start, s_end), date=time.value if time and len(time.value) <= 10 and "W" not in
                time.value else published, date_source="sentence" if time else ("published" if published else None),
                place=place.id if place else None, negated=self.negated(token), modality=self.modality(token),
                quote=quote.id if quote else None,
                confidence=0.8 if source and target else 0.5))
        doc._.chronique_actors = self.actors
        return events


@Language.factory(
    "chronique_events",
    default_config={"require_actor": True, "dependents_window": 6},
)
def make_events(nlp: Language, name: str, require_actor: bool, dependents_window: int) -> EventCoder:
    return EventCoder(nlp, name, require_actor, dependents_window)
