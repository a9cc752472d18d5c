"""`chronique_events`: PLOVER events (with CAMEO codes) from the language's trigger lexicon, with
source and target from the dependency parse, date, place, negation, modality and the quote they were
stated in.

A trigger is a head lemma, optionally reflexive ("se rendre") and with dependents that must occur
under it ("faire face à des sanctions"). The subject is the source and the object or a
prepositional complement the target (`inverse` triggers swap them; a passive's agent is its source);
a place as target stands for its country ("est arrivé à Téhéran" -> Iran). An event needs at least
one side: a trigger with no actor around it is not coded (dictionary coders fail on precision).

A coordinated side is one event per member ("la Russie et la Chine ont bloqué", "French and Egyptian
warships"). A trigger inside the content of a request, threat, refusal, accusation or agreement ("a
accusé le Rwanda de soutenir", "threatened to ban") is what that event is about, not a second event;
its participants fill the governing event's missing target. Unnamed sides are read off demonyms
("Palestinians", "un groupe de diplomates marocains"), and a subject pronoun or relative pronoun off the
speaker of the reported clause or the noun the relative clause qualifies.

Coding conventions beyond the lexicon: a cooperative act announced for the future is a commitment
(AGREE: "Finland will give Tanzania a grant"); what a quoted or reported speaker says a third party must
do is that speaker's REQUEST to it; what a condition supposes ("if we do not work together") is no event;
a threat's target may be the subject of its condition; a definite event noun in the content of another
event is the one already reported ("condamnent le coup d'État" targets the coup's author).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..gazetteer import gazetteer
from ..resources import fold
from .component import Component
from .lexicon import REFLEXIVE, Trigger, lexicon
from .mentions import SUBJECT_DEPS, token_actor_index
from .types import Actor, Event, Mention, Quote

TARGET_CASES = {
    "fr": {"à", "au", "aux", "avec", "contre", "vers", "envers", "auprès", "sur", "en", "chez"},
    "en": {"to", "with", "against", "on", "at", "in", "into", "toward", "towards", "from"},
}
OBJECT_DEPS = ("obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "pobj", "dative", "prep", "obl:agent")
AGENT_CASES = {"par", "by"}
# prepositions of a noun's complement that say whom the noun concerns ("aid for Bosnia", "l'aide de la Russie")
COMPLEMENT_CASES = frozenset({"de", "d'", "du", "des", "pour", "par", "of", "for", "by"})
# prepositions of a noun's complement that say where ("sanctions on Iran" says against whom)
PLACE_CASES = frozenset({"en", "dans", "in", "at", "into"})
# event types whose complement is their content: what is asked, threatened, refused, alleged, agreed
EMBEDDING_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE", "AGREE", "SUPPORT"})
# prepositions that mostly say where, not with whom: their place is a target only when nothing better is
LOCATIVE_CASES = frozenset({"en", "sur", "in", "at", "on", "into"})
# a dependency on the way up from a trigger to an embedding one that makes it a separate statement
CLAUSE_BOUNDARIES = frozenset({"conj", "parataxis", "advcl", "relcl", "acl:relcl", "appos", "nsubj", "nsubj:pass",
                               "nsubjpass", "csubj", "ROOT", "dep", "list"})
CONTENT_DEPS = ("xcomp", "ccomp")
BETWEEN_CASES = frozenset({"entre", "between"})
# events whose "between X and Y" names the two sides; "la coopération entre X et Y" is a state of affairs
BETWEEN_TYPES = frozenset({"ASSAULT", "CONSULT", "AGREE", "THREATEN", "COERCE"})
# a cooperative act that is denied or declined is a rejection ("will not accept", "n'a pas signé")
DECLINABLE_TYPES = frozenset({"AGREE", "CONCEDE", "COOPERATE", "SUPPORT", "AID", "RETREAT"})
# hostile acts that their own side announces for the future are threats ("said they would boycott")
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# CAMEO's "make an appeal or request", for what a speaker says a third party must do
DEMAND_CAMEO = "020"
# cooperative acts announced for the future are commitments (AGREE), with CAMEO's "express intent to" codes
PROMISE_CAMEO = {"AID": "033", "CONSULT": "036", "CONCEDE": "035", "SUPPORT": "032"}
# reactions that answer someone's statements ("a rejeté ces allégations")
RESPONSE_TYPES = frozenset({"REJECT", "ACCUSE", "SUPPORT"})
MAX_SIDES = 6
PASSIVE_SUBJECTS = ("nsubj:pass", "nsubjpass")


def quote_at(token: Token, direct: bool = False) -> Quote | None:
    """The quote a token stands in (a direct one only, if asked)."""
    return next((q for q in token.doc._.chronique_quotes or [] if q.start <= token.idx < q.end
                 and (not direct or q.kind == "direct")), None)


class EventCoder(Component):
    extension = "chronique_events"

    def __init__(self, nlp: Language, name: str, require_actor: bool, dependents_window: int,
                 skip_headline_repeats: bool | None) -> None:
        super().__init__(nlp, name)
        self.require_actor = require_actor
        self.dependents_window = dependents_window
        self.lex = lexicon(self.lang)
        self.gazetteer = gazetteer()
        self.cases = {fold(c) for c in TARGET_CASES.get(self.lang, ())}
        self.light_verbs = self.lex.words.get("light_verbs", frozenset())
        if skip_headline_repeats is None:  # the language's coding convention (words.tsv)
            skip_headline_repeats = "skip_headline_repeats" in self.lex.words.get("event_conventions", frozenset())
        self.skip_headline_repeats = skip_headline_repeats

    # ------------------------------------------------------------------ triggers
    def match(self, token: Token) -> Trigger | None:
        in_long_name = token.ent_iob_ == "I" or (token.ent_iob_ == "B" and token.i + 1 < len(token.doc)
                                                 and token.doc[token.i + 1].ent_iob_ == "I")
        if in_long_name and token.pos_ in ("NOUN", "PROPN") and token.text[:1].isupper() and not token.is_sent_start:
            return None  # part of a name ("le Dialogue national inclusif", "the Peace Council")
        for trigger in self.lex.triggers.get(fold(token.lemma_), ()):
            if trigger.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
                continue
            if trigger.pos == "VERB" and token.pos_ not in ("VERB", "AUX") and not (
                    token.pos_ == "ADJ" and "Part" in token.morph.get("VerbForm")):  # "aurait été empoisonné"
                continue
            if trigger.reflexive and not any(fold(c.text) in REFLEXIVE or fold(c.lemma_) in REFLEXIVE
                                             for c in token.children):
                continue
            # a host's guest is its object ("welcomed the president", not "welcomed President Reagan's policy")
            words = list(token.children) if trigger.roles == "host" else self.around(token)
            near = {fold(t.lemma_) for t in words} | {fold(t.text) for t in words}
            if all(word in near for word in trigger.dependents):
                return trigger
        return None

    def around(self, token: Token, window: int | None = None) -> list[Token]:
        """The trigger's phrase within the dependents window, less its active subject ("le candidat à
        l'élection avait appelé X « Y »" is no "appeler à") and auxiliaries."""
        subjects = {t.i for c in token.children if c.dep_ in SUBJECT_DEPS and c.dep_ not in PASSIVE_SUBJECTS
                    for t in c.subtree}  # a passive subject is the object: "le traité a été signé"
        window = window or self.dependents_window
        return [t for t in token.subtree if (abs(t.i - token.i) <= window or (t.head.i == token.i and t.pos_ in (
            "NOUN", "PROPN"))) and t.i not in subjects and not t.dep_.startswith("aux")]  # folded, "a" (avoir)
        # would pass for "à"; a noun the trigger governs is in its phrase however far ("parlé … par téléphone")

    # ------------------------------------------------------------------ participants
    def actor_of(self, token: Token) -> str | None:
        """The first actor a token (and its phrase) designates."""
        return next(iter(self.actors_of(token)), None)

    def actors_of(self, token: Token) -> list[str]:
        """The actors a phrase designates, one per coordinated member ("la Russie et la Chine")."""
        out: list[str] = []
        for member in (token, *(c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON"))):
            for actor in self.member_actors(member):
                if actor not in out:
                    out.append(actor)
        return out[:MAX_SIDES]

    def member_actors(self, token: Token) -> list[str]:
        """A named actor in the phrase, else the country of a place it names, else its demonyms."""
        near = [t for t in sorted(token.subtree, key=lambda x: abs(x.i - token.i))[:6]
                if t.i == token.i or not any(a.dep_ == "conj" and a.i != token.i for a in self.path_up(t, token))]
        for t in near:
            if t.i in self.by_token:
                for child in token.children:  # "Senior Hungarian and Romanian officials": one side per state
                    if (child.dep_ in ("amod", "compound") or (child.dep_ == "nmod" and child.pos_ == "PROPN" and
                                                                child.i < token.i)) and child.conjuncts and len(
                            states := self.qualifier_actors(child)) > 1:
                        return states
                return [self.by_token[t.i]]
        place = self.place_actor(token)
        return [place] if place else self.demonym_actors(token)

    @staticmethod
    def path_up(token: Token, top: Token) -> list[Token]:
        """Tokens from `token` up to (not including) its ancestor `top`."""
        out = []
        while token.i != top.i and token.head.i != token.i:
            out.append(token)
            token = token.head
        return out

    def demonym_actors(self, token: Token, depth: int = 2) -> list[str]:
        """The states behind an unnamed side: a demonym noun ("Palestinians", "les Iraniens"), demonyms
        qualifying it ("son invité russe", "French and Egyptian warships"), or those of the group it
        quantifies ("a group of Moroccan diplomats", "des milliers de Nigérians")."""
        doc = token.doc
        if token.pos_ in ("NOUN", "PROPN") and (iso3 := self.demonym(token)):
            return [self.country_actor(iso3, doc, doc[token.i:token.i + 1])]
        out: list[str] = []
        for child in token.children:
            if child.dep_ in ("amod", "nmod", "compound", "flat", "flat:name") or (
                    child.dep_ == "conj" and child.pos_ == "ADJ"):
                for t in (child, *child.conjuncts):
                    if (iso3 := self.demonym(t)) and t.i != token.i:
                        actor = self.country_actor(iso3, doc, doc[t.i:t.i + 1])
                        if actor not in out:
                            out.append(actor)
        if out or depth == 0:
            return out
        for child in token.children:  # "a group of Moroccan diplomats", "des centaines de Tchadiens"
            inner = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and fold(
                child.text) in ("of", "from") else [child] if child.dep_ == "nmod" and self.case_of(child) in (
                "de", "d'") else []
            for g in inner:
                out += [a for a in self.demonym_actors(g, depth - 1) if a not in out]
        return out

    def antecedent(self, pronoun: Token, sources: list[str]) -> list[str]:
        """The actor an object pronoun stands for ("Nadine Morano, ex-députée UMP, l'avait appelé", "Elle
        l'accuse d'avoir organisé"): the last person or organisation named before it, in its sentence or the
        one before, outside the phrases that name the source."""
        if pronoun.pos_ != "PRON" or "3" not in pronoun.morph.get("Person") or fold(pronoun.text) in REFLEXIVE or \
                pronoun.dep_ not in ("obj", "dobj", "iobj", "dative"):
            return []
        doc, sentence = pronoun.doc, pronoun.sent
        earliest = sentence.start_char if sentence.start == 0 else doc[sentence.start - 1].sent.start_char
        source_phrases = {t.idx for a in self.actors if a.id in sources for m in a.mentions
                          if sentence.start_char <= m.start < pronoun.idx for t in doc[m.head].subtree}
        named = [m for a in self.actors if a.kind in ("person", "organization") for m in a.mentions
                 if m.form != "pronoun" and earliest <= m.start < pronoun.idx and m.start not in source_phrases]
        return [max(named, key=lambda m: m.start).actor] if named else []  # type: ignore[list-item]

    def demonym(self, token: Token) -> str | None:
        """The state a demonym names, in one word or two ("Liberian", "Sierra Leonean"), or leading a compound
        adjective ("Vietnamese-led forces", "Israeli-backed militias")."""
        doc = token.doc
        forms = [token.text] + ([f"{doc[token.i - 1].text} {token.text}"] if token.i > 0 else [])
        forms += [token.text.split("-")[0]] if "-" in token.text[1:] else [
            c.text for c in token.children if c.dep_ == "npadvmod" and c.i < token.i]
        return next((iso3 for form in forms if (iso3 := self.lex.demonyms.get(fold(form)))), None)

    def place_actor(self, token: Token) -> str | None:
        """The country actor of a place named by the token or its children ("à Téhéran" -> Iran, "le
        gouvernement de Kigali" -> Rwanda), not where the thing happens ("la coopération … en Syrie")."""
        for t in [token, *(c for c in token.children if self.case_of(c) not in LOCATIVE_CASES)]:
            if t.pos_ == "PROPN":
                span = next((e for e in token.doc.ents if e.start <= t.i < e.end), None)
                place = (self.gazetteer.resolve(span.text) if span is not None else None) or self.gazetteer.resolve(
                    t.text)  # "Montenegro province": Montenegro
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
        if self.is_gerund(token):  # "X a répondu … en qualifiant": a gerund's subject is its clause's
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
            if verb is not token:
                return self.subject(verb)
        if self.participle_of(token) is not None:  # "des commerçants défilant", "ceux détenus par l'armée"
            agents = [c for c in token.children if c.dep_ in ("obl:agent", "agent") or self.case_of(c) in AGENT_CASES]
            if self.lang == "en":  # "held by X": the agent is under the preposition
                agents = [g for a in agents for g in a.children if g.dep_ == "pobj"] or agents
            if self.is_past_participle(token):
                return (agents[0] if agents else None), True
            return token.head, False
        if token.dep_ == "xcomp" and self.is_present_participle(token):
            seen = next((c for c in token.head.children if c.dep_ in ("obj", "dobj")), None)
            if seen is not None and not token.doc[token.left_edge.i - 1].is_punct:
                # "montrait des commerçants défilant": the object is the one who marches ("X a contesté le
                # résultat, déposant une plainte" is X's own act)
                return seen, False
        via = None  # the dependency climbed to reach `verb`
        for _ in range(3):
            agent = [c for c in verb.children if c.dep_ in ("obl:agent", "agent") or (
                c.dep_.startswith("obl") and any(fold(g.text) in AGENT_CASES for g in c.children if g.dep_ == "case"))]
            if self.lang == "en":  # "was attacked by X": the agent is under the preposition
                agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] or agent
            if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children) and (agent or (
                    via != "xcomp" and fold(verb.lemma_) not in self.lex.words.get("unaccusative_verbs", ()))):
                # "was attacked by X": X; "three civilians have been killed": nobody, they are the patient; but "est
                # arrivé à Téhéran" is no passive (French conjugates these verbs with "être"), and in "sont autorisés
                # à enquêter" the passive subject is the infinitive's
                return (agent[0] if agent else None), True
            # a subject behind a preposition is a parse error ("de son côté"); the real one may hang off
            # the auxiliary ("Le gouvernement malien, impuissant, a de son côté dénoncé")
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if subjects and any(g.dep_ == "case" and g.i < subjects[0].i for g in subjects[0].children):
                subjects = [c for a in verb.children if a.dep_.startswith("aux") for c in a.children
                            if c.dep_ in SUBJECT_DEPS] or subjects
            if subjects and not self.quoted_apart(subjects[0], token):
                return subjects[0], False
            if (auxiliary := self.misparsed_auxiliary(verb)) is not None:  # "a de son côté dénoncé"
                via, verb = "aux", auxiliary
            elif verb.dep_ == "conj" and self.quoted_apart(verb.head, token):
                # "X a dénoncé « la furie assimilable à des crimes » et a menacé": the parser coordinated
                # the verb with one inside the quotation; its partner is the verb that governs the quotation
                via, verb = "conj", self.quotation_governor(verb.head, token)
                if verb is None:
                    break
            elif verb.dep_ in ("xcomp", "advcl", "conj", "acl", "ccomp", "amod") and verb.head.i != verb.i:
                via, verb = verb.dep_, verb.head
            else:
                break
        return None, False

    def misparsed_auxiliary(self, verb: Token) -> Token | None:
        """The auxiliary a participle really belongs to when an adverbial phrase between them made the
        parser read the auxiliary as a verb with that phrase as its object ("a de son côté dénoncé":
        "dénoncé" qualifies "côté", the object of "a")."""
        phrase = verb.head
        if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and phrase.dep_ in ("obj", "obl") and any(
                c.dep_ == "case" for c in phrase.children) and fold(phrase.head.lemma_) in self.lex.words.get(
                "auxiliaries", ()):
            return phrase.head
        return None

    @staticmethod
    def quoted_apart(token: Token, outside: Token) -> bool:
        """Whether `token` lies inside a direct quotation that `outside` is not in: words of a quotation are
        not the subject or the coordinated verb of the narrative around it."""
        quote = quote_at(token, direct=True)
        return quote is not None and not quote.start <= outside.idx < quote.end

    @staticmethod
    def quotation_governor(inside: Token, outside: Token) -> Token | None:
        """The verb before the quotation that holds `inside`: what the narrative verb `outside` was coordinated
        with ("a dénoncé « … » et a menacé")."""
        doc = inside.doc
        quote = quote_at(inside, direct=True)
        quoted = doc.char_span(quote.start, quote.end, alignment_mode="expand") if quote is not None else None
        if quoted is None:
            return None
        verbs = [t for t in doc[outside.sent.start:quoted.start] if t.pos_ == "VERB" and t.i != outside.i]
        return verbs[-1] if verbs else None

    @staticmethod
    def is_gerund(token: Token) -> bool:
        """A French gérondif ("en qualifiant"), whatever the parser attached it to."""
        return "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense") and any(
            c.dep_ == "mark" and fold(c.text) == "en" for c in token.children)

    def participle_of(self, token: Token) -> Token | None:
        """The noun a participle qualifies ("des commerçants chinois défilant", "students protesting")."""
        if token.dep_ in ("acl", "amod") and "Part" in token.morph.get("VerbForm") and token.head.pos_ in (
                "NOUN", "PROPN", "PRON") and self.misparsed_auxiliary(token) is None:
            return token.head
        return None

    def is_present_participle(self, token: Token) -> bool:
        """"défilant", "s'excusant", "protesting": by the tagger, or by the French ending it sometimes misreads."""
        if "Part" in token.morph.get("VerbForm"):
            return not self.is_past_participle(token)
        return self.lang == "fr" and token.pos_ == "VERB" and fold(token.text).endswith("ant")

    @staticmethod
    def is_past_participle(token: Token) -> bool:
        return "Past" in token.morph.get("Tense") or token.tag_ == "VBN"

    def patient(self, token: Token) -> Token | None:
        """What a passive verb acts on: its passive subject, or the noun its past participle qualifies."""
        found = next((c for c in token.children if c.dep_ in PASSIVE_SUBJECTS), None)
        if found is None and self.participle_of(token) is not None and self.is_past_participle(token):
            return token.head
        return found

    def subject_actors(self, token: Token) -> tuple[list[str], bool]:
        """(actors, passive) of the trigger's subject; an unresolved pronoun stands for the antecedent of
        its relative clause ("Beijing, which described") or the speaker of its reported clause
        ("Switzerland said it had expelled")."""
        subject, passive = self.subject(token)
        if subject is None:
            return [], passive
        actors = self.actors_of(subject)
        if actors or subject.pos_ != "PRON":
            return actors, passive
        clause = subject.head
        if clause.dep_ in ("relcl", "acl:relcl", "acl") and "Rel" in subject.morph.get("PronType"):
            return self.actors_of(clause.head), passive
        if "1" in subject.morph.get("Person"):  # "« Nous supplions le monde »": the speaker of the quote
            quote = quote_at(subject)
            return ([quote.speaker] if quote is not None and quote.speaker else []), passive
        if "2" in subject.morph.get("Person"):
            return [], passive
        for _ in range(3):  # "Choïgou a visité une exposition, où il a rencontré", "Syria says it will"
            if clause.head.i == clause.i or clause.dep_ not in ("ccomp", "parataxis", "advcl", "conj", "xcomp"):
                break
            clause = clause.head
            governor = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if governor is not None and governor.pos_ != "PRON" and (
                    subject.morph.get("Number") == governor.morph.get("Number") or not governor.morph.get("Number")):
                return self.actors_of(governor), passive
        return [], passive

    @staticmethod
    def is_possessive_pronoun(token: Token) -> bool:
        return "Yes" in token.morph.get("Poss") or (token.dep_ == "poss" and token.pos_ == "PRON")

    def clause_subject(self, token: Token) -> list[str]:
        """The actors of the subject of the clause a noun sits in: what a possessive refers to ("Bagheri,
        qui a déclaré lors de sa réception", "their forces had completed their withdrawal")."""
        verb = token
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") and verb.i != token.i:
                actors, _ = self.subject_actors(verb)
                if actors:
                    return actors
            if verb.head.i == verb.i:
                break
            verb = verb.head
        return []

    def case_of(self, token: Token) -> str | None:
        for child in token.children:
            if child.dep_ in ("case", "mark") or (self.lang == "en" and child.dep_ == "prep"):
                return fold(child.text)
        if self.lang == "en" and token.dep_ == "pobj":
            return fold(token.head.text)
        return None

    def objects(self, token: Token) -> list[Token]:
        """Direct objects first, then prepositional complements with a target preposition, locative
        ones ("en Syrie", "in Basra") last."""
        out = [c for c in token.children if c.dep_ in ("obj", "dobj", "iobj", "dative")]
        for child in token.children:
            if child.dep_ in OBJECT_DEPS and child not in out:
                if self.lang == "en" and child.dep_ == "prep":
                    out += [g for g in child.children if g.dep_ == "pobj" and fold(child.text) in self.cases]
                elif self.case_of(child) in self.cases:
                    out.append(child)
        return sorted(out, key=self.is_locative)

    def is_locative(self, token: Token) -> bool:
        return token.dep_ not in ("obj", "dobj", "iobj", "dative") and self.case_of(token) in LOCATIVE_CASES

    def participants(self, token: Token, trigger: Trigger) -> tuple[list[str], list[str], bool]:
        """(sources, targets, weak) of a trigger: one actor per coordinated member on each side; weak
        when the target is only a place the event happened in."""
        sources: list[str] = []
        targets: list[str] = []
        weak = False
        if self.participle_of(token) is not None and token.i < token.head.i and not any(
                c.dep_ not in ("advmod", "punct", "npadvmod", "compound") for c in token.children):
            return self.not_an_event(token)  # a state: "the besieged town", "Israeli-occupied West Bank"
        if trigger.mode == "arrest" and any(c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN" and self.match(c)
                                            for c in token.children):
            return self.not_an_event(token)  # "arrêtez la destruction": stopping an act, not arresting anyone
        if token.pos_ in ("NOUN", "PROPN"):
            sources, targets = self.noun_participants(token, trigger)
            if (verb := self.light_verb_of(token) or self.taking_part(token)) is not None:  # "held talks"
                sources = sources or self.subject_actors(verb)[0]
                targets = targets or next((found for obj in self.objects(verb) if obj.i != token.i and (
                    found := [a for a in self.actors_of(obj) if a not in sources])), [])  # "gave Tanzania a grant"
        elif trigger.roles == "visit":  # "est arrivé à Téhéran": the destination's country is the host
            sources, _ = self.subject_actors(token)
            target = next((found for obj in self.objects(token) if (found := self.place_actor(obj))), None)
            countries = {a.id: a.country for a in self.actors}
            if target is None or any(countries.get(s) == countries[target] for s in sources):
                return self.not_an_event(token)  # no destination, or a trip at home: not a consultation
            targets = [target]
        elif trigger.roles == "characterise":  # "a qualifié X de Y", "called the rebate unjustified"
            if (found := self.characterised(token, trigger)) is None:
                return self.not_an_event(token)
            sources, _ = self.subject_actors(token)
            targets = [a for a in self.actors_of(found) or self.antecedent(found, sources)
                       if a not in sources] if found is not token else []
        elif trigger.roles == "host":  # "a reçu son homologue", not "a reçu des informations" nor "reçoit la Défense"
            sources, passive = self.subject_actors(token)
            guests = [c for c in token.children if c.dep_ in (
                PASSIVE_SUBJECTS if passive else ("obj", "dobj"))]
            targets = [a for g in guests for a in self.actors_of(g) if g.i in self.by_token or "Prs" in g.morph.get(
                "PronType")]
            if not targets and not any(fold(g.lemma_) in self.lex.roles or fold(g.lemma_) in self.lex.words.get(
                    "counterpart", frozenset()) for g in guests):
                return self.not_an_event(token)
        else:
            sources, passive = self.subject_actors(token)
            for obj in self.objects(token):
                if actors := [a for a in self.actors_of(obj) or self.antecedent(obj, sources) if a not in sources]:
                    targets, weak = actors, self.is_locative(obj)
                    break
            if not targets or weak:  # "lifted a blockade on Palestinian lorries", "a salué la coopération avec la
                # Russie, notamment en Syrie": whom the object concerns before where it happened
                concerned = next((found for obj in self.objects(token) if not self.is_locative(obj)
                                  if (found := [a for a in self.complement_actors(obj) if a not in sources])), [])
                targets, weak = (concerned, False) if concerned else (targets, weak)
            if passive:
                patient = self.patient(token)
                targets = (self.actors_of(patient) or self.complement_actors(patient) if patient is not None
                           else []) or targets  # "a camp for Congolese refugees was attacked"
            if trigger.mode == "visit" and not targets and any(c.dep_ in ("obj", "dobj") for c in token.children):
                return self.not_an_event(token)  # "a visité une exposition": a sight, not a host
        if trigger.roles == "inverse":
            sources, targets = targets, sources
        return sources, [t for t in targets if t not in sources], weak

    def complement_actors(self, token: Token, depth: int = 2) -> list[str]:
        """The actors in the complements of a side that names none itself: whom "a blockade on Palestinian
        lorries", "an aid program for Bosnia" or "l'expérience de coopération avec la Russie" concern."""
        for child, case in self.complements(token):
            if child.dep_ in ("det", "poss", "nmod:poss", "amod", "compound") or case in PLACE_CASES or (
                    case not in self.cases and case not in COMPLEMENT_CASES):
                continue
            if found := self.actors_of(child) or (self.complement_actors(child, depth - 1) if depth > 1 else []):
                return found
        return []

    def characterised(self, token: Token, trigger: Trigger) -> Token | None:
        """What a verb of characterisation qualifies ("a qualifié de génocide la famine", "called the rebate
        unjustified", "a appelé Marine Le Pen « la bourgeoise »"): its object, the verb itself when it has
        none, or None when nothing says what it is called (then "appeler", "call" are not a characterisation)."""
        objects = [c for c in token.children if c.dep_ in ("obj", "dobj")] or [
            c for c in token.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")][:1]
        attributes = [c for c in token.children if c.dep_ in ("xcomp", "oprd", "advcl", "acomp", "obj", "dobj")
                      and c not in objects[:1]]
        attributes += [c for o in objects[:1] for c in o.children if c.i > o.i and c.i > 0 and c.doc[
            c.i - 1].is_quote]  # the parser's modifier in quotation marks: 'called the rebate "unjustified"'
        if not trigger.dependents and not attributes:
            return None
        objects = objects or [c for a in attributes for c in a.children if c.dep_ == "appos"]  # "de X le Y"
        return objects[0] if objects else token

    def characterisation_type(self, token: Token) -> str:
        """SUPPORT when what an actor is called is praise ("bons amis", "pragmatic"), else ACCUSE."""
        subject, _ = self.subject(token)
        said = {t.i for t in token.subtree}
        if subject is not None and not subject.is_ancestor(token):
            said -= {t.i for t in subject.subtree}
        praise = self.lex.words.get("praise_words", frozenset())
        return "SUPPORT" if any(fold(token.doc[i].lemma_) in praise or fold(token.doc[i].text) in praise
                                for i in said) else "ACCUSE"

    def not_an_event(self, token: Token) -> tuple[list[str], list[str], bool]:
        """No sides, and not to be coded even with unnamed ones ("reçoit la Défense", "se rendra en Virginie")."""
        self.refused.add(token.i)
        return [], [], False

    def unnamed_sides(self, token: Token) -> bool:
        """Whether a verb trigger without named actors still reports an interaction between unnamed ones: its
        subject is a noun phrase ("L'ONG dénonce", "les militaires ont menacé"), it is passive ("ont été
        invités", "ceux détenus"), or it qualifies its agent ("des commerçants chinois défilant")."""
        if token.i in self.refused or (token.pos_ != "VERB" and self.participle_of(token) is None):
            return False
        if self.participle_of(token) is not None:  # not a bare adjective ("groupes armés", "élection contestée")
            return any(c.dep_ not in ("advmod", "punct", "cc", "det") for c in token.children)
        if any(c.dep_ in (*PASSIVE_SUBJECTS, "aux:pass", "auxpass") for c in token.children):
            # not a passive backgrounded in a subordinate clause ("where 28 people have been killed", "until
            # their demands are met")
            return token.dep_ not in ("relcl", "acl:relcl", "advcl") or not any(
                c.dep_ in PASSIVE_SUBJECTS for c in token.children)
        subject, _ = self.subject(token)
        if subject is not None and "Rel" in subject.morph.get("PronType") and subject.head.dep_ in (
                "relcl", "acl:relcl"):  # "les dirigeants, qui ont soutenu"
            subject = subject.head.head
        return subject is not None and subject.pos_ in ("NOUN", "PROPN")

    def complements(self, token: Token) -> Iterator[tuple[Token, str | None]]:
        """(complement, preposition) of a noun; English prepositions head their object."""
        for child in token.children:
            if self.lang == "en" and child.dep_ == "prep":
                yield from ((g, fold(child.text)) for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in (*OBJECT_DEPS, "det", "poss", "nmod:poss", "amod", "compound"):
                yield child, self.case_of(child)

    def noun_participants(self, token: Token, trigger: Trigger) -> tuple[list[str], list[str]]:
        """Sides of a nominal event: "de"/"of"/possessive is the agent ("la visite de Choïgou", "Russia's
        talks") or, for a `patient` noun, the patient ("l'assassinat de Rafic Hariri"); a target
        preposition gives the target; a demonym or a state qualifying the noun is the agent when nothing
        else is ("Palestinian riots", "US sanctions")."""
        sources: list[str] = []
        targets: list[str] = []
        qualifiers: list[str] = []
        for child, case in self.complements(token):
            if child.dep_ in ("amod", "compound"):
                qualifiers = qualifiers or self.qualifier_actors(child)
                continue
            actors = self.actors_of(child) if child.dep_ != "det" or self.is_possessive_pronoun(child) else []
            if not actors and self.is_possessive_pronoun(child) and trigger.roles != "patient":
                actors = self.clause_subject(token)  # "lors de sa réception avec Shoygu"
            if not actors:
                continue
            possessive = child.dep_ in ("det", "poss", "nmod:poss")
            if trigger.roles == "patient" and (case in ("de", "d'", "of") or (possessive and child.pos_ in (
                    "PRON", "DET"))):  # "l'assassinat de Rafic Hariri", "his arrest"
                targets = targets or actors
            elif case in ("de", "d'", "of", "by", "par") or possessive:
                sources = sources or actors
            elif case in self.cases:
                targets = targets or actors
            elif case in BETWEEN_CASES and not targets and trigger.type in BETWEEN_TYPES:
                # "les combats entre l'armée et les rebelles", "talks between X and Y"
                sides = [a for a in actors if a not in sources]
                sources, targets = (sources, sides) if sources else (sides[:1], sides[1:])
        return sources or [q for q in qualifiers if q not in targets], targets

    def qualifier_actors(self, token: Token) -> list[str]:
        """The states an adjective or a compound names ("Palestinian", "French and Egyptian", "US")."""
        out: list[str] = []
        for t in (token, *token.conjuncts):
            if t.i in self.by_token:
                actor = self.by_token[t.i]
            elif iso3 := self.demonym(t):
                actor = self.country_actor(iso3, t.doc, t.doc[t.i:t.i + 1])
            else:
                actor = self.place_actor(t) if t.pos_ == "PROPN" else None
            if actor and actor not in out:
                out.append(actor)
        return out

    def embedder(self, token: Token, triggers: dict[int, Trigger]) -> Token | None:
        """The trigger whose content this trigger is ("a accusé le Rwanda de soutenir", "threatened to
        ban", "called for the release of"), or None when it states an event of its own."""
        node = token
        for _ in range(3):
            if node.dep_ in CLAUSE_BOUNDARIES or node.head.i == node.i or not self.is_content(node):
                return None
            via, node = node.dep_, node.head
            if node.i in triggers and triggers[node.i].type in EMBEDDING_TYPES and triggers[
                    node.i].mode != "investigate":  # an inquiry into an attack does not absorb the attack
                return node
            if self.lex.speech_kind(node.lemma_) and via == "ccomp":
                return None  # "condamnent, déclarant que Washington s'oppose": what is said, not what is done
        return None

    def announces(self, token: Token, sources: list[str]) -> bool:
        """Whether a hostile act is one its own side says it will or would carry out ("said they would
        boycott", "a annoncé qu'il imposerait des sanctions"): a threat, not the act."""
        if not sources or self.negated(token) or self.modality(token) == "asserted":
            return False
        countries = {a.id: a.country for a in self.actors}
        quote = quote_at(token)
        speakers = [quote.speaker] if quote is not None and quote.speaker else []
        for verb in list(token.ancestors)[:3]:
            if self.lex.speech_kind(verb.lemma_):  # "Palestinian leaders said they would boycott"
                speakers += self.subject_actors(verb)[0]
        speaking = {a for a in speakers} | {countries.get(a) for a in speakers} - {None}
        return any(s in speaking or countries.get(s) in speaking for s in sources)

    @staticmethod
    def quoted_mention(token: Token) -> bool:
        """A noun inside a speaker's own sentence in quotation marks ("« La pression des sanctions s'est avérée
        vaine »", "« le dialogue a été intense »") talks about an event rather than reports one; a quoted
        phrase the narrative governs ("sent Bush his « warmest congratulations »") still reports it."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        quote = quote_at(token, direct=True)
        return quote is not None and quote.start <= token.head.idx < quote.end

    @staticmethod
    def restates(token: Token, trigger: Trigger, triggers: dict[int, Trigger],
                 coded: dict[int, tuple[list[str], list[str], bool]]) -> bool:
        """A noun naming the event its verb already codes ("a ouvert une enquête", "imposed sanctions", "killed
        in a bombing"), a purpose or complement of the same type ("a accueilli les présidents pour discuter",
        "began a hunger strike to protest") or a coordinated verb of the same type between the same sides: one
        interaction, one event."""
        head = token.head
        if token.pos_ in ("NOUN", "PROPN") and head.dep_ == "prep":  # "were killed in a suicide bombing"
            head = head.head
        elif token.dep_ in ("advcl", "xcomp") and head.i not in triggers:  # "began a hunger strike to protest"
            head = next((c for c in head.children if c.dep_ in ("obj", "dobj") and c.i in triggers), head)
        if head.i == token.i or head.i not in triggers or triggers[head.i].type != trigger.type:
            return False
        if token.pos_ in ("NOUN", "PROPN"):
            return True
        if token.dep_ == "conj":  # "killed one soldier and wounded two others": one attack, unless the sides differ
            sources, targets, _ = coded[token.i]
            return set(sources) <= set(coded[head.i][0]) and set(targets) <= set(coded[head.i][1])
        return token.dep_ in ("advcl", "xcomp", "ccomp") and any(coded[head.i][:2])

    def is_content(self, node: Token) -> bool:
        """Whether a verb on the way up is a complement ("de soutenir", "to ban", "that the US cancel",
        "of violating") rather than an adjunct participle ("déposant des plaintes")."""
        if node.pos_ not in ("VERB", "AUX"):  # not a noun of time: "soupçonné lors de l'assassinat de X"
            temporal = self.lex.words.get("temporal_cases", frozenset())
            return not {self.case_of(node), fold(node.text), fold(node.head.text)} & temporal
        if node.dep_ in ("ccomp", "pcomp"):
            return True
        return any(c.dep_ == "mark" or fold(c.text) == "to" for c in node.children)

    def content_actors(self, token: Token, sources: list[str]) -> list[str]:
        """Who the content of a request, threat, refusal or accusation is about when the trigger names
        no target: the subject of its clause ("demanded that the US cancel"), else its objects
        ("threatened to deliver blows to the United States")."""
        for clause in (c for c in token.children if c.dep_ in CONTENT_DEPS and self.is_content(c)):
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            found = [a for a in self.actors_of(subject) if a not in sources] if subject is not None else []
            for obj in self.objects(clause):
                found = found or [a for a in self.actors_of(obj) if a not in sources]
            if found:
                return found
        return []

    # ------------------------------------------------------------------ qualifiers
    def negated(self, token: Token) -> bool:
        """Negated by an adverb ("n'a pas signé", "did not accept") or by the verb it complements ("declined to
        resign", "failed to reach an agreement")."""
        negations = self.lex.words.get("negations", frozenset())
        return any(c.dep_ in ("advmod", "neg") and fold(c.text) in negations for c in token.children) or (
            token.dep_ == "xcomp" and fold(token.head.lemma_) in self.lex.words.get("negating_verbs", frozenset()))

    def attacks_a_policy(self, token: Token) -> bool:
        """An attack on a plan, a law or remarks is criticism ("attack EU asylum moves", "s'attaquer à la
        politique du gouvernement")."""
        policies = self.lex.words.get("policy_nouns", frozenset())
        return token.pos_ == "VERB" and any(fold(c.lemma_) in policies or fold(c.text) in policies
                                            for c in self.objects(token) if c.pos_ == "NOUN")

    @staticmethod
    def definite_noun(token: Token) -> bool:
        return token.pos_ == "NOUN" and any(
            c.dep_ == "det" and ("Def" in c.morph.get("Definite") or fold(c.text) == "the") for c in token.children)

    def light_verb_of(self, token: Token) -> Token | None:
        """The light verb a nominal event is the object of ("held talks", "will give Tanzania a grant"), also
        through a measure of it ("launched 10 days of war games", "a mené une série de frappes")."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        node = token
        if node.dep_ == "pobj" and fold(node.head.text) == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
        elif node.dep_ == "nmod" and self.case_of(node) in ("de", "d'") and node.head.pos_ == "NOUN":
            node = node.head
        if node.dep_ in ("obj", "dobj") and fold(node.head.lemma_) in self.light_verbs:
            return node.head
        return None

    def taking_part(self, token: Token) -> Token | None:
        """The verb whose subject takes part in a nominal event it is the purpose or the field of ("negotiators
        return to Geneva for talks", "were engaged in ethnic cleansing", "participent à des manifestations")."""
        words = self.lex.words
        english = self.lang == "en" and token.dep_ == "pobj"  # the preposition heads its object
        verb = token.head.head if english else token.head
        case = fold(token.head.text) if english else self.case_of(token)
        if verb.pos_ != "VERB" or token.pos_ not in ("NOUN", "PROPN"):
            return None
        if case in words.get("purpose_cases", ()) or fold(verb.lemma_) in words.get("participation_verbs", ()):
            return verb
        return None

    def modality(self, token: Token) -> str:
        words = self.lex.words
        token = self.light_verb_of(token) or token  # "will give a grant" is a future grant
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
        self.refused: set[int] = set()
        triggers = {token.i: trigger for token in doc if (trigger := self.match(token)) is not None}
        demands = {token.i: found for token in doc if (found := self.demanded(token))}
        for i in demands.keys() - triggers.keys():  # "the Sudanese government must ensure access", said X
            triggers[i] = Trigger(head=fold(doc[i].lemma_), reflexive=False, dependents=(), pos="VERB",
                                  type="REQUEST", mode=None, cameo=DEMAND_CAMEO, roles="active")
        coded: dict[int, tuple[list[str], list[str], bool]] = {}
        embedded: dict[int, list[int]] = {}
        for i in triggers:
            governor = self.embedder(doc[i], triggers)
            if governor is not None:
                embedded.setdefault(governor.i, []).append(i)
        latest: dict[str, list[str]] = {}
        contents = {i for found in embedded.values() for i in found}
        for i, trigger in sorted(triggers.items()):
            coded[i] = self.participants(doc[i], trigger)
            sources, targets, weak = coded[i]
            if not sources and i in contents and self.definite_noun(doc[i]) and trigger.type in latest:
                # "condamnent le coup d'État": the one already reported, by the same side
                coded[i] = ([s for s in latest[trigger.type] if s not in targets], targets, weak)
            if coded[i][0]:
                latest[trigger.type] = coded[i][0]
        events: list[Event] = []
        seen: set[tuple] = set()
        inner = set(contents)
        inner |= {i for i, trigger in triggers.items() if self.restates(doc[i], trigger, triggers, coded)}
        inner |= {i for i in triggers if self.quoted_mention(doc[i]) or self.in_condition(doc[i])}
        inner |= {t.i for i, trigger in triggers.items() if trigger.dependents for t in self.around(doc[i])
                  if t.i in triggers and t.i != i and {fold(t.lemma_), fold(t.text)} & set(trigger.dependents)}
        for i, trigger in triggers.items():
            if i in inner:
                continue
            token = doc[i]
            sources, targets, weak = coded[i]
            if (weak or not targets) and trigger.type in EMBEDDING_TYPES:
                targets = self.embedded_targets(token, sources, embedded, coded) or targets
            if not targets and trigger.type in RESPONSE_TYPES:
                targets = self.addressee(token, sources, events)
            if not targets and (trigger.type == "THREATEN" or self.announces(token, sources)):
                targets = self.conditioned(token, sources)
            if i in demands:  # "X must reach an agreement", says Y: Y asks X
                sources, targets = demands[i]
                trigger = replace(trigger, type="REQUEST", mode=None, cameo=DEMAND_CAMEO)
            if self.require_actor and not sources and not targets and not self.unnamed_sides(token):
                continue
            if trigger.type == "MOBILIZE" and trigger.mode == "military" and (len(sources) > 1 or (
                    targets and not weak)):  # "French and Egyptian warships launched war games": joint exercises
                trigger = replace(trigger, type="COOPERATE", cameo="062")
            if trigger.type == "ASSAULT" and self.attacks_a_policy(token):
                trigger = replace(trigger, type="ACCUSE", mode=None, cameo="111")  # "Tories attack EU asylum moves"
            if trigger.roles == "characterise" and self.characterisation_type(token) == "SUPPORT":
                trigger = replace(trigger, type="SUPPORT", cameo="051")
            if trigger.type in THREAT_TYPES and self.announces(token, sources):
                trigger = replace(trigger, type="THREATEN", mode=None, cameo="130")
            elif trigger.type in PROMISE_CAMEO and self.modality(token) == "future" and not self.negated(token):
                # "Finland will give Tanzania a grant", "will visit Albania in June": a commitment, not the act
                trigger = replace(trigger, type="AGREE", mode=None, cameo=PROMISE_CAMEO[trigger.type])
            declined = trigger.type in DECLINABLE_TYPES and self.negated(token)
            if declined:
                trigger = replace(trigger, type="REJECT", mode=None, cameo="120")
            for source in sources or [None]:
                for target in [t for t in targets if t != source] or [None]:
                    key = (token.sent.start, trigger.type, source, target)
                    if key not in seen:
                        seen.add(key)
                        events.append(self.event(doc, token, trigger, source, target, len(events) + 1, declined))
        doc._.chronique_actors = self.actors
        if self.skip_headline_repeats:
            events = self.without_headline_repeats(doc, events)
        return events

    def addressee(self, token: Token, sources: list[str], events: list[Event]) -> list[str]:
        """Whom a reaction to "these statements" answers ("a rejeté ces allégations", "a condamné ces
        commentaires", "nie ces accusations"): the last speaker quoted, or the last accuser, before it."""
        statements = self.lex.words.get("statement_nouns", frozenset())
        said = [t for t in self.around(token, 2 * self.dependents_window)
                if t.pos_ == "NOUN" and fold(t.lemma_) in statements and any(
                    "Dem" in d.morph.get("PronType") or "Def" in d.morph.get("Definite")
                    for d in t.children if d.dep_ == "det")]
        if not said:
            return []
        earlier = [(q.start, q.speaker) for q in token.doc._.chronique_quotes or [] if q.speaker and q.end <= token.idx]
        earlier += [(e.trigger[0], e.source) for e in events if e.type == "ACCUSE" and e.source]
        for _, actor in sorted(earlier, key=lambda x: -x[0]):
            if actor not in sources:
                return [actor]
        return []

    def demanded(self, token: Token) -> tuple[list[str], list[str]] | None:
        """(speakers, addressees) when a quoted or reported clause says what a third party must do ("« L'armée doit
        annuler ces actions »", "said the Sudanese government must reach an agreement"): a request by the speaker,
        whatever the verb."""
        modals = self.lex.words.get("obligation_modals", frozenset())
        if token.pos_ != "VERB" or any(c.dep_ in ("aux:pass", "auxpass") for c in token.children):
            return None
        if not (any(c.dep_ == "aux" and fold(c.text) in modals for c in token.children) or (
                token.dep_ == "xcomp" and fold(token.head.lemma_) in modals)):
            return None
        quote = next((q for q in token.doc._.chronique_quotes or [] if q.start <= token.idx < q.end and q.speaker),
                     None)
        if quote is None:
            return None
        subject, _ = self.subject(token)
        if subject is None or (subject.pos_ == "PRON" and subject.morph.get("Person") in (["1"], ["2"])):
            return None  # "nous devons": a commitment, not a request
        addressees = [a for a in self.actors_of(subject) if a != quote.speaker]
        return ([quote.speaker], addressees) if addressees else None

    def in_condition(self, token: Token) -> bool:
        """Whether a trigger is in the condition of a statement ("if we don't work together, …", "si Kigali
        retire ses troupes"): what is supposed, not what happened."""
        clause = token if token.pos_ in ("VERB", "AUX") else next(
            (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
        return self.is_condition(clause)

    def is_condition(self, clause: Token) -> bool:
        """An adverbial clause opened by a `condition_marks` word ("if", "si")."""
        marks = self.lex.words.get("condition_marks", frozenset())
        return clause.dep_ == "advcl" and any(c.dep_ == "mark" and fold(c.text) in marks for c in clause.children)

    def conditioned(self, token: Token, sources: list[str]) -> list[str]:
        """Whom a threat is made to: the subject of its condition ("threatened to stop the talks if the United
        States goes ahead", "menace de riposter si Kigali ne retire pas ses troupes")."""
        for clause in token.subtree:
            if self.is_condition(clause):
                found, _ = self.subject_actors(clause)
                if found := [a for a in found if a not in sources]:
                    return found
        return []

    @staticmethod
    def without_headline_repeats(doc: Doc, events: list[Event]) -> list[Event]:
        """Events less those of the headline (the title the text opens with) whose type the body codes
        again: one interaction, coded at its fullest mention."""
        title = ((doc._.chronique_meta or {}).get("title") or "").strip()
        if not title or not doc.text.startswith(title):
            return events
        end = len(title)
        body = {e.type for e in events if e.trigger[0] >= end}
        kept = [e for e in events if e.trigger[0] >= end or e.type not in body]
        return [replace(e, id=f"e{n}") for n, e in enumerate(kept, 1)]

    def embedded_targets(self, token: Token, sources: list[str], embedded: dict[int, list[int]],
                         coded: dict[int, tuple[list[str], list[str], bool]]) -> list[str]:
        """Target of an embedding event from its content: the other side of an embedded event (its
        source when that is not ours: "rejected calls by Belarus for aid"), else its clause."""
        for i in embedded.get(token.i, []):
            inner_sources, inner_targets, _ = coded[i]
            for side in (inner_sources, inner_targets):
                if found := [a for a in side if a not in sources]:
                    return found
        return self.content_actors(token, sources)

    def event(self, doc: Doc, token: Token, trigger: Trigger, source: str | None, target: str | None,
              n: int, declined: bool = False) -> Event:
        sentence = token.sent
        s_start, s_end = sentence.start_char, sentence.end_char
        time = next((t for t in doc._.chronique_times or [] if s_start <= t.start < s_end), None)
        # the trigger's own complement first ("est arrivé à Téhéran, … l'exposition de Moscou"), else the nearest
        phrase = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
        placed = [(not phrase[0] <= start < phrase[1], abs(start - token.idx), p) for p in doc._.chronique_places or []
                  for start, _ in p.mentions if s_start <= start < s_end]
        place = min(placed, key=lambda x: x[:2])[2] if placed else None
        quote = quote_at(token)
        published = (doc._.chronique_meta or {}).get("published")
        span = doc[min(t.i for t in (token, *token.children) if t.dep_ in ("aux", "aux:tense", "aux:pass")
                       or t.i == token.i):token.i + 1]
        return Event(
            id=f"e{n}", type=trigger.type, mode=trigger.mode, cameo=trigger.cameo,
            source=source, target=target, trigger=(span.start_char, span.end_char),
            sentence=(s_start, s_end), date=time.value if time and len(time.value) <= 10 and "W" not in
            time.value else published, date_source="sentence" if time else ("published" if published else None),
            place=place.id if place else None, negated=self.negated(token) and not declined,
            modality=self.modality(token), quote=quote.id if quote else None,
            confidence=0.8 if source and target else 0.5)


@Language.factory(
    "chronique_events",
    default_config={"require_actor": True, "dependents_window": 6, "skip_headline_repeats": None},
)
def make_events(nlp: Language, name: str, require_actor: bool, dependents_window: int,
                skip_headline_repeats: bool | None) -> EventCoder:
    """`skip_headline_repeats`: drop a headline event whose type the body codes too (None: as the
    language's `event_conventions` say)."""
    return EventCoder(nlp, name, require_actor, dependents_window, skip_headline_repeats)
