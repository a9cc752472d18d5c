"""`chronique_actors`: mentions clustered into actors, one actor behind every spelling of a name.

Names join when the spelling key says they can be one person (names.py) and the knowledge base does
not say otherwise; role nominals join the name they stand in apposition to ("le chef d'état-major
Mohammad Bagheri") or the actor that last carried the same role and country ("son homologue iranien");
subject pronouns join the most recent person before them. Each actor gets a canonical name (the
knowledge base's, else the fullest spelling), a kind, a country, a role and a CAMEO-style code.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import gazetteer
from ..kb import Entry, knowledge_base
from ..names import fullest, name_parts, same_person
from ..resources import fold
from .component import Component
from .extensions import doc_marks, doc_text
from .lexicon import lexicon
from .marks import inside_marks
from .mentions import SUBJECT_DEPS, strip_det
from .types import Actor, Mention

KIND_OF_LABEL = {"PER": "person", "ORG": "organization", "MEDIA": "media", "GPE": "country",
                 "NOM": "person", "PRON": "person"}
ADJACENT_GAPS = ("", " ", ", ", ",", " , ", " – ", " - ")


@dataclass
class Cluster:
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    entry: Entry | None = None
    key: str | None = None            # organisations: KB name or folded text; countries: ISO3
    nominal_keys: set[str] = field(default_factory=set)

    @property
    def names(self) -> list[str]:
        return [m.text for m in self.mentions if m.form == "name"]

    @property
    def last(self) -> int:
        return self.mentions[-1].start


class ActorResolver(Component):
    extension = "chronique_actors"

    def __init__(self, nlp: Language, name: str, pronoun_window: int, document_country: bool) -> None:
        super().__init__(nlp, name)
        self.pronoun_window = pronoun_window
        self.document_country = document_country
        self.lex = lexicon(self.lang)
        self.kb = knowledge_base()

    # ------------------------------------------------------------------ clustering
    def person_cluster(self, clusters: list[Cluster], mention: Mention) -> Cluster | None:
        entry = self.kb.person(mention.text)
        fits = []
        for cluster in clusters:
            if cluster.kind != "person" or not cluster.names:
                continue
            if entry is not None and cluster.entry is not None:
                if cluster.entry == entry:
                    fits.append(cluster)
                continue
            full = [n for n in cluster.names if len(n.split()) > 1]
            if any(same_person(mention.text, n) for n in cluster.names) and all(
                    same_person(mention.text, n) for n in full):
                fits.append(cluster)
        return max(fits, key=lambda c: c.last) if fits else None

    def org_key(self, text: str) -> tuple[Entry | None, str]:
        """(KB entry, clustering key) of an organisation name, read without demonyms ("Gardiens de la
        révolution iraniens" is "Gardiens de la révolution")."""
        entry = self.kb.organization(text)
        bare = " ".join(w for w in text.split() if fold(w) not in self.lex.demonyms)
        if entry is None and bare != text:
            entry = self.kb.organization(bare)
            stated = {self.lex.demonyms[fold(w)] for w in text.split() if fold(w) in self.lex.demonyms}
            if entry is not None and entry.country and entry.country not in stated:
                entry = None  # "le Parti socialiste grec" is not the French Parti socialiste
        return entry, (entry.name if entry else strip_det(bare, self.lex))

    def bracketed_entry(self, doc: Doc, mentions: list[Mention], mention: Mention) -> Entry | None:
        """The knowledge-base organisation named in brackets right after a name: when the name's own
        entry is of another country, the bracket says which of several same-named parties it is."""
        following = next((m for m in mentions if m.form == "name" and m.start > mention.end), None)
        if following is None or doc_text(doc)[mention.end:following.start] not in (" (", "("):
            return None
        return self.org_key(following.text)[0]

    def acronym_of(self, doc: Doc, clusters: list[Cluster], mention: Mention) -> Cluster | None:
        """The organisation an acronym stands for: the name it follows in brackets ("Ligue nationale
        pour la démocratie (LND)"), or one whose initials it spells."""
        text = mention.text.strip()
        if not (2 <= len(text) <= 8 and text.replace(".", "").isupper()):
            return None
        letters = text.replace(".", "").casefold()
        stop = (self.lex.words.get("determiners", frozenset()) | self.lex.words.get("name_particles", frozenset())
                | self.lex.words.get("acronym_skip", frozenset()))
        for cluster in clusters:
            if cluster.kind not in ("organization", "media", "group"):
                continue
            for other in cluster.mentions:
                words = [w for w in fold(other.text).replace("'", " ").replace("-", " ").split() if w not in stop]
                if len(words) > 1 and "".join(w[0] for w in words) == letters:
                    return cluster
                if doc_text(doc)[other.end:mention.start] in (" (", "("):
                    return cluster
        return None

    def cluster_names(self, doc: Doc, mentions: list[Mention]) -> list[Cluster]:
        clusters: list[Cluster] = []
        for mention in mentions:
            if mention.form != "name":
                continue
            kind = KIND_OF_LABEL[mention.label]
            if kind == "person":
                cluster = self.person_cluster(clusters, mention)
                if cluster is None:
                    cluster = Cluster("person", entry=self.kb.person(mention.text))
                    clusters.append(cluster)
                elif cluster.entry is None:  # the fullest name decides: "Hunt" after "Helen Hunt" is no known Hunt
                    cluster.entry = self.kb.person(fullest([*cluster.names, mention.text]))
            else:
                entry, key = self.org_key(mention.text) if kind != "country" else (None, mention.country)
                bracketed = self.bracketed_entry(doc, mentions, mention) if kind != "country" else None
                if bracketed is not None and entry is not None and bracketed.country and entry.country and \
                        bracketed.country != entry.country:  # "Parti socialiste (PASOK)" is not the French one
                    entry, key = bracketed, bracketed.name
                cluster = next((c for c in clusters if c.kind == kind and c.key == key), None)
                if cluster is None and kind != "country" and entry is None:
                    cluster = self.acronym_of(doc, clusters, mention)
                if cluster is None:
                    cluster = Cluster(kind, entry=entry, key=key)
                    clusters.append(cluster)
            cluster.mentions.append(mention)
        return clusters

    def attach_nominals(self, doc: Doc, clusters: list[Cluster], mentions: list[Mention]) -> None:
        names = [(m, c) for c in clusters for m in c.mentions if m.label == "PER"]
        collective = self.lex.words.get("collective_nouns", frozenset())
        for nominal in (m for m in mentions if m.form == "nominal"):
            key = strip_det(nominal.text, self.lex)
            # "le gouvernement iranien" is an organisation, "le ministre" a person
            head = doc[nominal.head]
            if nominal.role is None:  # "l'ONG", "le groupe": only ever an organisation named before
                cluster = self.named_organization(doc, nominal, clusters)
                if cluster is not None:
                    cluster.mentions.append(nominal)
                    cluster.mentions.sort(key=lambda m: m.start)
                continue
            kind = "organization" if {fold(head.lemma_), fold(head.text)} & collective else "person"
            cluster = self.apposed(doc, nominal, names) if kind == "person" else None
            if cluster is None and kind == "person":
                cluster = self.first_name_of(nominal, clusters)
            if cluster is None:
                earlier = {id(c): max((m.start for m in c.mentions if m.start < nominal.start), default=-1)
                           for c in clusters}
                same = [c for c in clusters if c.kind == kind and earlier[id(c)] >= 0
                        and self.same_role(c, nominal, key)]
                cluster = max(same, key=lambda c: earlier[id(c)]) if same else None
            if cluster is None and self.definite_subject(doc, nominal):
                cluster = self.anaphor(doc, nominal, names)
            if cluster is None:  # a title or lead that names the office before the person ("le pape")
                later = [c for c in clusters if c.kind == "person" and c.names and earlier_start(c) > nominal.start
                         and self.same_role(c, nominal, key)]
                cluster = later[0] if len(later) == 1 else None
            if cluster is None:
                cluster = Cluster(kind)
                clusters.append(cluster)
            cluster.nominal_keys.add(key)
            cluster.mentions.append(nominal)
            cluster.mentions.sort(key=lambda m: m.start)

    def named_organization(self, doc: Doc, nominal: Mention, clusters: list[Cluster]) -> Cluster | None:
        """The organisation a bare definite noun stands for: the one it introduces or that noun introduced
        ("L'ONG Human Rights Watch … l'ONG"), else the organisation last named as a subject earlier in the
        paragraph."""
        noun = fold(doc[nominal.head].lemma_)
        text = doc_text(doc)
        organisations = [(m, c) for c in clusters if c.kind in ("organization", "media", "group")
                         for m in c.mentions if m.form == "name"]
        following = [c for m, c in organisations if 0 <= m.start - nominal.end <= 2]
        if following:  # "l'ONG Human Rights Watch"
            return following[0]
        named = [(m, c) for m, c in organisations if m.end <= nominal.start]
        introduced = [(m, c) for m, c in named if noun in re.findall(r"\w+", fold(text[max(0, m.start - 25):m.start]))]
        if introduced:
            return max(introduced, key=lambda mc: mc[0].start)[1]
        if nominal.start == doc[nominal.head].sent.start_char:
            # opening its sentence, "Le groupe" is the organisation the sentence before ended on ("… les rebelles
            # du M23. Le groupe a annoncé")
            before = [(m, c) for m, c in named if m.sentence == nominal.sentence - 1]
            if before:
                return max(before, key=lambda mc: mc[0].start)[1]
        paragraph_start = text.rfind("\n", 0, nominal.start) + 1
        subjects = [(m, c) for m, c in named if m.start >= paragraph_start and any(
            t.dep_ in SUBJECT_DEPS for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ())]
        return max(subjects, key=lambda mc: mc[0].start)[1] if subjects else None

    @staticmethod
    def first_name_of(nominal: Mention, clusters: list[Cluster]) -> Cluster | None:
        """The one person whose given name a capitalised bare "role" is: "Marine" is Marine Le Pen, not
        the navy, once she is named."""
        word = nominal.text.strip()
        if " " in word or not word[:1].isupper():
            return None
        key = name_parts(word + " X")[0]
        owners = [c for c in clusters if c.kind == "person" and any(
            len(n.split()) > 1 and name_parts(n)[0][:1] == key for n in c.names)]
        return owners[0] if len(owners) == 1 else None

    def definite_subject(self, doc: Doc, nominal: Mention) -> bool:
        """A definite singular role nominal in subject position ("Le porte-parole du parti a dit")."""
        first = fold(nominal.text).split()[0] if nominal.text.strip() else ""
        head = doc[nominal.head]
        if fold(head.lemma_) in self.lex.words.get("collective_nouns", ()):  # "le gouvernement" is no person
            return False
        return head.dep_ in SUBJECT_DEPS and (first in ("le", "la", "the") or first.startswith("l'"))

    def anaphor(self, doc: Doc, nominal: Mention, names: list[tuple[Mention, Cluster]]) -> Cluster | None:
        """The person a definite role nominal stands for when no apposition or earlier role says so:
        the person last named in the same or previous sentence, else (in a lead, "Le ministre … a
        déclaré. Arnaud Montebourg …") the one named in the next sentence — never one with another
        role or country."""
        def fits(cluster: Cluster) -> bool:
            roles = {m.role for m in cluster.mentions if m.role} | ({cluster.entry.role} if cluster.entry else set())
            countries = self.country_votes(cluster)
            return (not roles - {None} or nominal.role in roles) and (
                nominal.country is None or not countries or nominal.country in countries)

        before = [(m, c) for m, c in names if m.end <= nominal.start and 0 <= nominal.sentence - m.sentence <= 1]
        if before:
            _, cluster = max(before, key=lambda mc: mc[0].start)
            return cluster if fits(cluster) else None
        after = [(m, c) for m, c in names if m.start >= nominal.end and m.sentence - nominal.sentence == 1]
        if after:
            _, cluster = min(after, key=lambda mc: mc[0].start)
            return cluster if fits(cluster) else None
        return None

    def same_role(self, cluster: Cluster, nominal: Mention, key: str) -> bool:
        """Whether a nominal re-designates an actor: the same words, or the same role and country
        ("le ministre russe de la Défense" after "le ministre de la Défense Choïgou"); a counterpart
        is only ever the same counterpart."""
        if key in cluster.nominal_keys:
            return True
        if self.counterpart(nominal):
            return False
        if cluster.kind == "organization":  # "l'armée congolaise" is "l'armée"; two directorates are two
            countries = self.country_votes(cluster)
            if nominal.country and countries and nominal.country not in countries:
                return False  # "l'armée ougandaise" is not "l'armée congolaise"
            words = self.lex.region_words(key)  # "la force est-africaine" is "la force régionale d'Afrique de l'Est"
            if len(words) == 1 and nominal.role in {m.role for m in cluster.mentions}:
                return True  # "les militaires" after "l'armée": one word for the same institution
            keys = cluster.nominal_keys | {strip_det(m.text, self.lex) for m in cluster.mentions if m.form == "name"}
            return any(words <= (other := self.lex.region_words(k)) or other <= words for k in keys)
        roles = {m.role for m in cluster.mentions if m.role} | ({cluster.entry.role} if cluster.entry else set())
        if not any(same_office(nominal.role, role) for role in roles):
            return False
        if cluster.entry is not None and cluster.entry.role == nominal.role:
            return True  # "le pape" after "le pape François": the knowledge base knows the office
        if nominal.country is not None:
            return nominal.country in self.country_votes(cluster)
        # "the prime minister" after "Prime Minister Tony Blair": a specific office, no country stated
        return len((nominal.role or "").split()) > 1

    def counterpart(self, nominal: Mention) -> bool:
        return bool(set(fold(nominal.text).split()) & self.lex.words.get("counterpart", frozenset()))

    def apposed(self, doc: Doc, nominal: Mention, names: list[tuple[Mention, Cluster]]) -> Cluster | None:
        """The person a nominal stands in apposition to, by the parse or by adjacency."""
        head = doc[nominal.head]
        for name, cluster in names:
            if name.sentence != nominal.sentence:
                continue
            root = doc[name.head]
            phrase = range(doc[head.left_edge.i].i, head.right_edge.i + 1)
            if (root.dep_ == "appos" and root.head.i in phrase and not name.start < nominal.start) or (
                    head.dep_ == "appos" and head.head.i == root.i):
                return cluster
            if (name.start >= nominal.end and doc_text(doc)[nominal.end:name.start] in ADJACENT_GAPS) or (
                    nominal.start >= name.end and doc_text(doc)[name.end:nominal.start] in (", ", ",")):
                return cluster
        return None

    def attach_pronouns(self, doc: Doc, clusters: list[Cluster], mentions: list[Mention]) -> None:
        # a name inside quotation marks is in the speaker's words: no antecedent outside them
        marks = doc_marks(doc)
        collective = self.lex.words.get("collective_nouns", frozenset())
        # "le gouvernement … il": a collective nominal is an antecedent where its gender allows
        persons = sorted(((m, c) for c in clusters for m in c.mentions
                          if (c.kind == "person" or (m.form != "pronoun" and fold(doc[m.head].lemma_) in collective))
                          and m.form != "pronoun" and not inside_marks(marks, m.start)),
                         key=lambda mc: mc[0].start)
        breaks = [i for i, c in enumerate(doc_text(doc)) if c == "\n"]
        paragraph_of = {m.start: bisect.bisect_left(breaks, m.start) for c in clusters for m in c.mentions}
        paragraph_of.update({m.start: bisect.bisect_left(breaks, m.start) for m in mentions})
        resolved: list[tuple[Mention, Cluster]] = []
        for pronoun in (m for m in mentions if m.form == "pronoun"):
            paragraph = paragraph_of[pronoun.start]
            before = [(m, c) for m, c in persons if m.start < pronoun.start
                      and (pronoun.sentence - m.sentence <= self.pronoun_window
                           or paragraph - paragraph_of[m.start] <= 1)
                      and (m.gender is None or pronoun.gender is None or m.gender == pronoun.gender)
                      and not self.neuter_collective(doc, m, pronoun, collective)]
            if not before:  # "He said … he argued. ¶ … he suggested": a chain of pronouns carries its person on
                before = [(m, c) for m, c in resolved[-1:] if m.gender == pronoun.gender
                          and (pronoun.sentence - m.sentence <= self.pronoun_window
                               or paragraph - paragraph_of[m.start] <= 1)]
            if not before:
                continue
            subjects = [(m, c) for m, c in before if is_subject(doc, m)]
            _, cluster = (subjects or before)[-1]
            resolved.append((pronoun, cluster))
            cluster.mentions.append(pronoun)
            cluster.mentions.sort(key=lambda m: m.start)

    @staticmethod
    def neuter_collective(doc: Doc, mention: Mention, pronoun: Mention, collective: frozenset[str]) -> bool:
        """A collective nominal without the pronoun's grammatical gender: "the government" is never
        "he", while "le gouvernement" can be "il"."""
        return mention.form != "pronoun" and fold(doc[mention.head].lemma_) in collective and (
            mention.gender is None or mention.gender != pronoun.gender)

    # ------------------------------------------------------------------ attributes
    def country_votes(self, cluster: Cluster) -> Counter[str]:
        votes: Counter[str] = Counter(m.country for m in cluster.mentions if m.country)
        if cluster.entry is not None and cluster.entry.country:
            votes[cluster.entry.country] += 2
        return votes

    def describe(self, cluster: Cluster, fallback_country: str | None) -> Actor:
        entry = cluster.entry
        votes = self.country_votes(cluster)
        country = votes.most_common(1)[0][0] if votes else None
        if cluster.kind == "country":
            country = cluster.key
        elif country is None and entry is None and cluster.kind == "person" and cluster.names:
            country = self.kb.person_country(fullest(cluster.names))  # "Bush": any known Bush is American
        if country is None and cluster.kind != "country" and (entry is None or cluster.kind == "person"):
            country = fallback_country  # a domestic actor of the article's country; a KB IGO keeps None
        roles = Counter(m.role for m in cluster.mentions if m.role and m.role != "counterpart")
        role = roles.most_common(1)[0][0] if roles else (entry.role if entry else None)
        sectors = Counter(m.sector for m in cluster.mentions if m.sector)
        sector = sectors.most_common(1)[0][0] if sectors else ("MED" if cluster.kind == "media" else None)
        code = entry.code if entry and entry.code else (
            (country or "") + (sector or "") if (country or sector) and cluster.kind != "country" else country)
        if entry is not None:
            name = entry.name
        elif cluster.kind == "country":
            state = gazetteer().countries.get(cluster.key or "")
            name = state.name if state else cluster.mentions[0].text
        elif cluster.names:
            name = fullest(cluster.names)
        else:
            name = strip_det(cluster.mentions[0].text, self.lex)
        return Actor(id="", name=name, kind=cluster.kind, country=country, role=role, code=code or None,
                     kb_id=entry.kb_id if entry else None, mentions=cluster.mentions)

    def predict(self, doc: Doc) -> list[Actor]:
        mentions = list(doc._.chronique_mentions or [])
        clusters = self.cluster_names(doc, mentions)
        self.attach_nominals(doc, clusters, mentions)
        self.attach_pronouns(doc, clusters, mentions)
        fallback = None
        if self.document_country:
            states = Counter(c.key for c in clusters if c.kind == "country" for _ in c.mentions)
            evidence = Counter(c for cl in clusters if cl.kind != "country" for c in self.country_votes(cl))
            ranked = (states + evidence).most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                fallback = ranked[0][0]
        actors = [self.describe(c, fallback) for c in clusters if c.mentions]
        actors.sort(key=lambda a: a.mentions[0].start)
        for n, actor in enumerate(actors, 1):
            actor.id = f"a{n}"
            for mention in actor.mentions:
                mention.actor = actor.id
        return actors


def earlier_start(cluster: Cluster) -> int:
    """Where a cluster's first name mention starts."""
    return min(m.start for m in cluster.mentions if m.form == "name")


def same_office(general: str | None, specific: str | None) -> bool:
    """"minister" can re-designate a "minister of defence"; "minister of finance" cannot."""
    if not general or not specific:
        return False
    return specific == general or specific.startswith(general + " ")


def is_subject(doc: Doc, mention: Mention) -> bool:
    """A mention is a subject when its head is one, or when it heads a relative clause whose subject
    is the relative pronoun ("Bagheri, qui a déclaré")."""
    head = doc[mention.head]
    if head.dep_ in SUBJECT_DEPS:
        return True
    for token in (head, head.head):
        for clause in token.children:
            if clause.dep_.startswith("acl") and any(
                    c.dep_ in SUBJECT_DEPS and "Rel" in c.morph.get("PronType") for c in clause.children):
                return True
    return False


@Language.factory(
    "chronique_actors",
    default_config={"pronoun_window": 2, "document_country": True},
)
def make_actors(nlp: Language, name: str, pronoun_window: int, document_country: bool) -> ActorResolver:
    return ActorResolver(nlp, name, pronoun_window, document_country)
