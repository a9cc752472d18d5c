"""`chronique_mentions`: every mention of a possible actor — names, role nominals ("le ministre russe
de la Défense", "son homologue iranien"), subject pronouns — with document-level consistency: a name
seen once as a person is a person everywhere ("Bagheri" tagged as a place is still Bagheri), a name
in the knowledge base gets its kind from there, and a country or capital is a state actor. Names the
recogniser missed are added where the document vouches for them: the surname of a person named
elsewhere, the subject of a speech verb, a transcript's speaker label, a name signing a quotation.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..gazetteer import gazetteer
from ..kb import knowledge_base
from ..names import name_parts
from ..resources import fold
from .component import Component
from .extensions import doc_marks, doc_text
from .lexicon import Lexicon, lexicon
from .marks import inside_marks
from .types import Mention

NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC",
              "FAC": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "PRODUCT": "MISC"}
# a transcript's speaker label at the head of a paragraph, perhaps inside an opening quotation mark
TRANSCRIPT_LABEL = re.compile(r"(?m)^[\"“«]?\s*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")
# a name signing a quotation: closing mark, dash, one to four capitalised words, end of line
SIGNATURE = re.compile(r"[”»\"'’]\s*[―—–-]\s*([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}?)\.?[ \t]*$", re.MULTILINE)
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj")
NOMINAL_KEEP_DEPS = {"amod", "nmod", "case", "det", "flat", "compound", "fixed", "flat:name", "nummod"}


def sentence_index(doc: Doc) -> list[int]:
    """Index of the sentence of every token."""
    out, n = [], -1
    for token in doc:
        if token.is_sent_start or token.i == 0:
            n += 1
        out.append(n)
    return out


def token_actor_index(doc: Doc, mentions: list[Mention]) -> dict[int, str]:
    """{token index: actor id} for every token inside an actor's mention (the first mention wins), so
    stages find the actor behind a parse token in constant time."""
    index: dict[int, str] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and mention.actor:
            for i in range(span.start, span.end):
                index.setdefault(i, mention.actor)
    return index


def strip_det(text: str, lex: Lexicon) -> str:
    words = fold(text).replace("'", "' ").split()
    while words and words[0] in lex.words.get("determiners", ()):
        words = words[1:]
    return " ".join(words).replace("' ", "'")


def demonym_country(tokens: list[Token] | Span, lex: Lexicon) -> str | None:
    """ISO3 of the first demonym among tokens ("iranien", "russo-iranienne" -> first country)."""
    for token in tokens:
        key = fold(token.text)
        if key in lex.demonyms:
            return lex.demonyms[key]
        for prefix, iso3 in lex.demonym_prefixes.items():
            if key.startswith(prefix):
                return iso3
    return None


def without_possessive(span: Span) -> Span:
    """An entity without a trailing possessive ("John Kerry's" is John Kerry)."""
    if len(span) > 1 and span[-1].text in ("'s", "’s", "'", "’"):
        return Span(span.doc, span.start, span.end - 1, label=span.label)
    return span


def is_inverted_subject(token: Token) -> bool:
    """A subject clitic after its verb ("affirme-t-il", "dit-elle"), whatever the parser made of it."""
    return token.pos_ == "PRON" and token.text.startswith("-") and token.i > 0 and (
        token.nbor(-1).pos_ in ("VERB", "AUX") or token.nbor(-1).text == "-t")


class MentionFinder(Component):
    extension = "chronique_mentions"

    def __init__(self, nlp: Language, name: str, min_name_chars: int, nominals: bool, pronouns: bool) -> None:
        super().__init__(nlp, name)
        self.min_name_chars = min_name_chars
        self.nominals = nominals
        self.pronouns = pronouns
        self.lex = lexicon(self.lang)
        self.kb = knowledge_base()
        self.gazetteer = gazetteer()
        self.kb_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        aliases = [a for a in self.kb.org_aliases() if len(a) > 2]
        self.kb_matcher.add("KB_ORG", list(nlp.tokenizer.pipe(aliases)))
        # people the parser may miss under a title or a lone given name ("le pape François")
        people = sorted({a for e in self.kb.persons for a in e.aliases if len(a.split()) > 1})
        self.kb_matcher.add("KB_PER", list(nlp.tokenizer.pipe(people)))

    # ------------------------------------------------------------------ names
    def name_spans(self, doc: Doc) -> list[tuple[Span, str]]:
        """Entity spans and knowledge-base matches, longest first where they overlap, each with its
        corrected label: PER, ORG, MEDIA, LOC or GPE (a country standing for its state)."""
        kb_spans = [Span(doc, s, e, label=doc.vocab.strings[match_id]) for match_id, s, e in self.kb_matcher(doc)]
        # the knowledge base wins a tie with the recogniser ("Lib Dem" is a party, not a person)
        spans = self.headline_names(doc, filter_spans([*kb_spans, *(without_possessive(ent) for ent in doc.ents)]))
        raw = {span.start: {"KB_ORG": "KB", "KB_PER": "PER"}.get(span.label_) or NER_LABELS.get(span.label_, "OTHER")
               for span in spans}
        person_keys = {name_parts(s.text)[1] for s in spans if raw[s.start] == "PER"
                       and not (len(s) <= 3 and self.gazetteer.is_state(self.gazetteer.resolve(s.text)))}
        person_keys |= {name_parts(s.text)[1] for s in spans
                        if raw[s.start] == "MISC" and self.looks_like_person(s)}
        person_keys.discard("")
        out = []
        collective = self.lex.words.get("collective_nouns", frozenset())
        for span in spans:
            if span.end < len(doc) and fold(f"{span.text} {doc[span.end].text}") in self.lex.demonyms:
                continue  # "Sierra" of "Sierra Leonean refugees"
            tail = span[1:]
            if len(span) > 1 and fold(span[0].text) in collective and all(t.pos_ == "PROPN" for t in tail) and (
                    self.kb.person(tail.text) or name_parts(tail.text)[1] in person_keys):
                span = tail  # "le gouvernement Papadimos": the head of government
                raw[span.start] = "PER"
            label = self.label(span, raw[span.start], person_keys)
            if label == "ORG" and span[-1].pos_ in ("DET", "ADP", "CCONJ"):
                span = self.completed(span)
            if label in ("ORG", "MEDIA") and span.end < len(doc) and doc[span.end].pos_ == "ADJ" and \
                    fold(doc[span.end].text) in self.lex.demonyms:  # "le Parti socialiste grec"
                span = Span(doc, span.start, span.end + 1, label=span.label)
            if label and len(span.text.strip()) >= self.min_name_chars:
                out.append((span, label))
        taken = {i for span, _ in out for i in range(span.start, span.end)}
        out += [(span, "ORG") for span in self.acronyms_after(doc, [s for s, label in out if label == "ORG"])
                if span.start not in taken]
        out += [(org, "ORG") for org in (self.personal_organisation(span, label, person_keys) for span, label in out)
                if org is not None]
        taken = {i for span, _ in out for i in range(span.start, span.end)}
        out += [(span, "ORG") for span in self.untagged_acronyms(doc, [s for s, label in out if label == "ORG"])
                if span.start not in taken]
        out += [(span, "PER") for span in self.untagged_people(doc, spans, person_keys)]
        taken = {i for span, _ in out for i in range(span.start, span.end)}
        out += [(span, "PER") for span in self.speaker_labels(doc, person_keys)
                if not any(i in taken for i in range(span.start, span.end))]
        return out

    def headline_end(self, doc: Doc) -> int:
        """The token after a title-case headline on the document's first line ("Obama Says Museum Will
        Tell of 'Suffering'"), 0 when the first line is no such headline."""
        text = doc_text(doc)
        line = text.split("\n", 1)[0]
        if len(line) == len(text):
            return 0
        # every longer word capitalised, small linking words aside: "Senator Ruth Calloway spoke in Denver" is
        # a sentence, however many names it has
        small = self.lex.words.get("headline_small_words", frozenset())
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3 and w.lower() not in small]
        if len(words) < 3 or not all(w[0].isupper() for w in words):
            return 0
        return next((t.i for t in doc if t.idx >= len(line)), len(doc))

    def headline_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names in a title-case headline, where the recogniser glues a capitalised verb or noun to a name
        ("Obama Says", "Latinos Share Their Most Honest Thoughts On Donald Trump"), count only as far as
        the body or the knowledge base vouches for them: the longest runs of their words that the body
        names stand in for them, a lone surname of a person the body names included."""
        end = self.headline_end(doc)
        if not end:
            return spans
        named = {s.text: s.label_ for s in spans if s.start >= end}
        surnames = {name_parts(s.text)[1] for s in spans if s.start >= end and s.label_ in ("PERSON", "PER")}
        surnames.discard("")
        out = []
        for span in spans:
            if span.start >= end or span.text in named or self.kb.person(span.text) or self.kb.organization(
                    span.text):
                out.append(span)
                continue
            i = span.start
            while i < span.end:
                for j in range(span.end, i, -1):
                    label = named.get(doc[i:j].text)
                    if label is None and j == i + 1 and doc[i].pos_ == "PROPN" and \
                            name_parts(doc[i].text)[1] in surnames:
                        label = "PERSON"
                    if label is not None:
                        out.append(Span(doc, i, j, label=label))
                        i = j
                        break
                else:
                    i += 1
        return out

    def acronyms_after(self, doc: Doc, organisations: list[Span]) -> list[Span]:
        """An upper-case word right after an organisation's name, bracketed or after an article, that
        the recogniser left untagged or took for a place it is not: its acronym ("… au Tchad le FACT",
        "… pour la démocratie (LND)")."""
        out = []
        for org in organisations:
            at = org.end
            while at < len(doc) and at - org.end < 2 and (doc[at].text == "(" or doc[at].pos_ == "DET"):
                at += 1
            word = doc[at] if at < len(doc) else None
            if word is not None and 2 <= len(word.text) <= 8 and word.text.isalpha() and word.text.isupper() \
                    and word.ent_type_ not in ("ORG", "PER", "PERSON") and self.gazetteer.resolve(word.text) is None:
                out.append(Span(doc, at, at + 1, label="ORG"))
        return out

    def personal_organisation(self, span: Span, label: str, person_keys: set[str]) -> Span | None:
        """The organisation a person's name qualifies, which speaks for itself ("the Trump campaign said",
        "Hillary Clinton's campaign has asked"): the name with its noun, a mention beside the person's."""
        doc = span.doc
        at = span.end + (span.end < len(doc) and doc[span.end].text in ("'s", "’s"))
        person = label == "PER" or (label == "ORG" and name_parts(span.text)[1] in person_keys)
        if not person or at >= len(doc) or not doc[at].text.islower() or "Plur" in doc[at].morph.get("Number") \
                or fold(doc[at].lemma_) not in self.lex.words.get("organization_nouns", frozenset()) \
                or span.root.head.i != at or span.root.dep_ not in ("compound", "poss"):
            return None
        return Span(doc, span.start, at + 1, label="ORG")

    def speaks(self, token: Token) -> bool:
        """Whether a token is the subject of a speech or belief verb ("MSNBC suggested", "Ham said")."""
        return token.dep_ in SUBJECT_DEPS and self.lex.speech_kind(token.head.lemma_) in ("speech", "belief")

    def untagged_acronyms(self, doc: Doc, organisations: list[Span]) -> list[Span]:
        """Upper-case words the recogniser left untagged that name an organisation: the initials of one
        named in the document ("Christian News Service … CNS reported") or the subject of a speech verb
        ("MSNBC suggested that …"), but not a common noun in capitals ("l'ONG")."""
        stop = (self.lex.words.get("determiners", frozenset()) | self.lex.words.get("name_particles", frozenset())
                | self.lex.words.get("acronym_skip", frozenset()))
        initials = set()
        for org in organisations:
            words = [w for w in fold(org.text).replace("'", " ").replace("-", " ").split() if w not in stop]
            if len(words) > 1:
                initials.add("".join(w[0] for w in words))
        common = self.lex.words.get("organization_nouns", frozenset())  # "l'ONG a dit": an NGO named before
        out = []
        for token in doc:
            letters = token.text.replace(".", "")
            if token.ent_type_ or not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()) or \
                    fold(letters) in common or self.gazetteer.resolve(token.text) is not None:
                continue
            if self.speaks(token) or letters.casefold() in initials:
                out.append(doc[token.i:token.i + 1])
        return out

    @staticmethod
    def completed(span: Span) -> Span:
        """An organisation name the recogniser cut before a place name ("Front pour l'alternance et
        la | concorde au Tchad"), run on to the end of its phrase: through the words its first word
        governs, up to punctuation or the next determiner after a proper noun."""
        doc, end = span.doc, span.end
        phrase = {t.i for t in span[0].subtree}
        while end < len(doc) and end - span.start < 12 and end in phrase and not doc[end].is_punct and not (
                doc[end].pos_ == "DET" and doc[end - 1].pos_ == "PROPN"):
            end += 1
        return Span(doc, span.start, end, label=span.label) if doc[end - 1].pos_ in ("NOUN", "PROPN") else span

    def speaker_labels(self, doc: Doc, person_keys: set[str]) -> list[Span]:
        """Names that sign words rather than sit in a sentence: a transcript's speaker label opening a
        paragraph ("PENCE: Well, …"; a known person's name, or a label that opens several paragraphs)
        and the name after a dash that ends a quotation's line ("“ … ” ― Carlos Ruiz")."""
        text = doc_text(doc)
        labels = [m for m in TRANSCRIPT_LABEL.finditer(text)]
        counts = Counter(m.group(1) for m in labels)
        found = [(m.start(1), m.end(1)) for m in labels
                 if counts[m.group(1)] > 1 or name_parts(m.group(1))[1] in person_keys]
        for m in SIGNATURE.finditer(text):  # "Steve Quinlan." ends a sentence; "Oscar P." keeps its initial
            name = m.group(1)
            found.append((m.start(1), m.end(1) - (name.endswith(".") and len(name.split()[-1]) > 2)))
        out = []
        for start, end in found:
            span = doc.char_span(start, end, alignment_mode="contract")
            # a label the recogniser swallowed into a title ("WALLACE: Let's start …" as a work of art) is kept
            if span is not None and len(span) and not any(NER_LABELS.get(t.ent_type_) in ("PER", "ORG", "LOC")
                                                          for t in span) and \
                    self.gazetteer.resolve(span.text) is None and not self.lex.role_of(span.text):
                out.append(span)
        return out

    def untagged_people(self, doc: Doc, spans: list[Span], person_keys: set[str]) -> list[Span]:
        """Proper-noun runs the recogniser left untagged that are people: the surname of a person
        named elsewhere in the document ("Lynch said" after "Loretta Lynch") or known to the knowledge
        base ("le gouvernement Papadimos"), or the proper-noun subject of a speech verb ("Revesz said")."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        runs, i = [], 0
        while i < len(doc):
            token = doc[i]
            if i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_:
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i < 3 and end not in taken and doc[end].pos_ == "PROPN" and \
                    doc[end].text[:1].isupper() and not doc[end].ent_type_ and not doc[end].is_sent_start:
                end += 1
            span = doc[i:end]
            i = end
            if span.text.replace("-", "").isalpha() and not span.text.isupper() and len(span.text) >= 3 and \
                    self.kb.organization(span.text) is None and not self.lex.role_of(span.text) and \
                    not self.gazetteer.is_state(self.gazetteer.resolve(span.text)):
                runs.append(span)
        # a town does not speak: the subject of a speech verb is someone even where a place has the name
        # ("Ham said", "Peabody said"), and vouches for the name everywhere else ("according to Ham")
        speakers = [s for s in runs if self.speaks(s.root)]
        vouched = {name_parts(s.text)[1] for s in speakers}

        def known(span: Span) -> bool:
            key = name_parts(span.text)[1]
            if key in vouched:
                return True
            return self.gazetteer.resolve(span.text) is None and (
                key in person_keys or self.kb.person(span.text) is not None)

        return [s for s in runs if s in speakers or known(s)]

    def label(self, span: Span, raw: str, person_keys: set[str]) -> str | None:
        org = self.kb.organization(span.text)
        if org is not None and raw != "PER":  # "Force régionale d'Afrique de l'Est" is named, though a role starts it
            return "MEDIA" if org.kind == "media" else "ORG"
        if raw in ("KB", "ORG", "MISC") and self.lex.role_of(strip_det(span.text, self.lex)) and fold(
                span.text).split()[0] in self.lex.role_heads:  # "ministre de l'Intérieur" is a person's role
            return None
        place = self.gazetteer.resolve(span.text) if raw in ("LOC", "MISC", "ORG", "PER") else None
        if raw == "PER":  # a lone "Washington" or "Nay Pyi Taw" tagged as a person is the state
            if len(span) <= 3 and self.gazetteer.is_state(place) and self.kb.person(span.text) is None:
                return "GPE" if self.is_agent(span) or place.feature == "country" else "LOC"  # type: ignore[union-attr]
            return "PER"
        surname = name_parts(span.text)[1]
        if raw in ("LOC", "MISC") and surname in person_keys and not self.gazetteer.is_state(place):
            return "PER"
        if raw == "ORG" and len(span) == 1 and surname in person_keys and place is None:
            return "PER"  # a lone "Lynch" tagged as an organisation after "Loretta Lynch"
        if place is not None and raw != "ORG":
            return "GPE" if place.feature == "country" or self.is_agent(span) else "LOC"
        if raw == "ORG":
            return "ORG"
        if raw == "MISC" and self.looks_like_person(span):
            return "PER"
        return None

    def is_agent(self, span: Span) -> bool:
        return span.root.dep_ in SUBJECT_DEPS

    def looks_like_person(self, span: Span) -> bool:
        """A capitalised proper-noun run in apposition to a role noun, or subject of a speech verb,
        or a known person."""
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span) or len(span) > 4:
            return False
        root = span.root
        if root.dep_ == "appos" and self.role_of_token(root.head):
            return True
        if any(self.role_of_token(c) for c in root.children if c.dep_ == "appos"):
            return True
        if root.dep_ in SUBJECT_DEPS and self.lex.speech_kind(root.head.lemma_):
            return True
        before = list(span.doc[max(0, span.start - 8):span.start - 1])
        stops = [n for n, t in enumerate(before) if t.text in (".", "!", "?") or "\n" in t.text]
        clause = before[stops[-1] + 1:] if stops else before
        if span.start > 1 and span.doc[span.start - 1].text == "," and len(span) > 1 and any(
                self.role_of_token(t) for t in clause):
            return True  # "Le commandant des forces terrestres, Kayumarth Heydari," even when the parse fails
        return self.kb.person(span.text) is not None

    # ------------------------------------------------------------------ nominals
    def role_of_token(self, token: Token) -> tuple[str, str | None] | None:
        """(role, sector) of a role noun with its phrase ("premier ministre", "ministre russe de la
        Défense" read without its demonym, "chef d'état-major"); None for other nouns."""
        if token.pos_ not in ("NOUN", "PROPN") or not ({fold(token.lemma_), fold(token.text)} & self.lex.role_heads
                                                     or self.lex.role_of(token.text)):
            return None
        words = [t for t in self.nominal_tokens(token) if not self.lex.demonyms.get(fold(t.text))]
        return self.lex.role_around(words, token)

    def nominal_tokens(self, head: Token) -> list[Token]:
        """The head noun with its determiners, adjectives and noun complements ("le ministre russe de la
        Défense"), without appositions, relative clauses or names."""
        keep = [head]
        collective = self.lex.words.get("collective_nouns", frozenset())
        for child in head.children:
            if child.dep_ == "case" or child.dep_ not in NOMINAL_KEEP_DEPS:  # "avec son homologue": not "avec"
                continue
            if child.dep_ == "compound" and child.pos_ == "PROPN" and fold(child.lemma_) in collective:
                keep += list(child.subtree)  # "a UK Government official"
            elif child.pos_ not in ("PROPN", "PUNCT", "VERB") or self.proper_modifier(child):
                if child.dep_ == "nmod":
                    keep += [t for t in child.subtree if t.pos_ not in ("PUNCT",) and t.dep_ != "appos"
                             and not any(a.dep_ in ("appos", "acl", "acl:relcl") for a in t.ancestors
                                         if a.i > child.i and a in child.subtree)]
                else:
                    keep.append(child)
        keep.sort(key=lambda t: t.i)
        # a contiguous run around the head
        kept = {t.i for t in keep}
        start = end = head.i
        while start - 1 in kept:
            start -= 1
        while end + 1 in kept:
            end += 1
        return [t for t in keep if start <= t.i <= end]

    def proper_modifier(self, token: Token) -> bool:
        """A proper noun that belongs in a nominal: a place complement ("le gouvernement de Kigali") or a
        demonym the tagger took for a name ("The Azerbaijani parliament")."""
        return token.pos_ == "PROPN" and ((token.dep_ in ("nmod", "compound") and self.names_a_place(token)) or fold(
            token.text) in self.lex.demonyms)

    def names_a_place(self, token: Token) -> bool:
        """A proper-noun complement naming a place ("le gouvernement de Kigali", "la force régionale
        d'Afrique de l'Est"): part of the nominal, unlike a person's name after a title."""
        words = list(token.subtree)
        while words and words[0].dep_ in ("case", "det", "punct"):  # "d'Afrique de l'Est" -> "Afrique de l'Est"
            words.pop(0)
        proper = " ".join(t.text for t in words if t.pos_ == "PROPN")
        whole = "".join(t.text_with_ws for t in words).strip()
        return self.gazetteer.resolve(proper) is not None or self.gazetteer.resolve(whole) is not None

    def nominal_mentions(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        out = []
        collective = self.lex.words.get("collective_nouns", frozenset())
        for token in doc:  # plural roles are no one actor, plural institutions are ("les autorités")
            if "Plur" in token.morph.get("Number") and not {fold(token.text), fold(token.lemma_)} & collective:
                continue
            role = self.role_of_token(token)
            if role is None and self.organization_noun(token):
                role = (None, None)  # "l'ONG", "le groupe": an organisation named before, found by the actors stage
            if role is None:
                continue
            tokens = self.nominal_tokens(token)
            span = doc[tokens[0].i: tokens[-1].i + 1]
            gender = (token.morph.get("Gender") or [None])[0]
            country = demonym_country(span, self.lex) or self.country_in(span) or self.possessor_country(span)
            out.append(Mention(span.start_char, span.end_char, span.text, "nominal", "NOM", token.i,
                               sent_of[token.i], country=country, role=role[0], sector=role[1],
                               gender=gender))
        return out

    def organization_noun(self, token: Token) -> bool:
        """A definite singular noun that re-designates an organisation ("l'ONG précise", "le groupe a
        annoncé", "the group said")."""
        return (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())) and \
            fold(token.lemma_) in self.lex.words.get("organization_nouns", ()) and \
            "Plur" not in token.morph.get("Number") and any(
                (c.dep_ == "det" and "Def" in c.morph.get("Definite")) or fold(c.text) == "the" for c in token.children)

    def title_before(self, span: Span) -> tuple[tuple[str, str | None] | None, str | None]:
        """(role, country) of a title right before a name: "Foreign Secretary Jack Straw", "French
        president Jacques Chirac", "le président américain Joe Biden"."""
        run: list[Token] = []
        for token in reversed(span.doc[max(span.sent.start, span.start - 6):span.start]):
            if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.ent_type_ in ("PER", "PERSON"):
                break
            run.insert(0, token)
        if not run:
            return None, None
        country = demonym_country(run, self.lex) or self.possessor_country(span.doc[run[0].i:span.start])
        words = [t for t in run if not self.lex.demonyms.get(fold(t.text))]
        role = self.lex.role_around(words, words[-1]) if words else None
        return role, country

    def possessor_country(self, span: Span) -> str | None:
        """The state a phrase belongs to by a possessive before it: "Taiwan's vice foreign minister",
        "Russia's President"."""
        owner = next((c for c in span.root.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None and span.start >= 2 and span.doc[span.start - 1].text in ("'s", "’s"):
            owner = span.doc[span.start - 2]
        if owner is None:
            return None
        entity = next((e for e in span.doc.ents if e.start <= owner.i < e.end), None)
        place = self.gazetteer.resolve(entity.text if entity is not None else owner.text)
        return place.country if self.gazetteer.is_state(place) else None  # type: ignore[union-attr]

    def country_in(self, span: Span) -> str | None:
        """The country a phrase names, or a place of which it names ("le gouvernement de Kigali", "le
        gouvernement de la province de Guangdong")."""
        for token in span:
            if token.pos_ == "PROPN":
                place = self.gazetteer.resolve(token.text)
                if place is not None and place.country:
                    return place.country
        return None

    def framed_countries(self, doc: Doc, mentions: list[Mention]) -> None:
        """A sentence that opens on a country ("En Australie, la ministre des Affaires étrangères a
        dit", "In France, the interior minister said") gives that country to the people and role
        nominals in it that have none."""
        openers = self.lex.words.get("country_frames", frozenset())
        framed: dict[int, str] = {}
        for n, sent in enumerate(doc.sents):
            if len(sent) < 4 or fold(sent[0].text) not in openers:
                continue
            comma = next((t.i for t in sent[1:6] if t.text == ","), None)
            if comma is None:
                continue
            place = self.gazetteer.resolve(doc[sent.start + 1:comma].text)
            if place is not None and place.feature == "country":
                framed[n] = place.country  # type: ignore[assignment]
        for mention in mentions:
            if mention.country is None and mention.label in ("PER", "NOM") and mention.sentence in framed:
                mention.country = framed[mention.sentence]

    @staticmethod
    def party_country(mentions: list[Mention], doc: Doc) -> None:
        """A person named right after an organisation and a title takes its country when nothing else
        gives one: "Tory leader Michael Howard", "Lib Dem spokesman Menzies Campbell", "le député LR X"."""
        orgs = [m for m in mentions if m.label in ("ORG", "MEDIA") and m.country]
        for person in (m for m in mentions if m.label == "PER" and m.country is None):
            before = [m for m in orgs if m.end <= person.start and m.sentence == person.sentence]
            if not before:
                continue
            org = before[-1]
            between = doc.char_span(org.end, person.start, alignment_mode="expand")
            if between is not None and len(between) <= 5 and all(
                    t.pos_ in ("NOUN", "PROPN", "ADJ") or t.is_space for t in between):
                person.country = org.country

    # ------------------------------------------------------------------ pronouns
    def pronoun_mentions(self, doc: Doc, sent_of: list[int]) -> list[Mention]:
        """Subject pronouns outside quotation marks (inside, "il" belongs to the speaker's world)."""
        out = []
        marks = doc_marks(doc)
        for token in doc:
            if inside_marks(marks, token.idx):
                continue
            form = fold(token.text).lstrip("-").removeprefix("t-")
            if token.pos_ == "PRON" and form in self.lex.pronouns and (token.dep_ in SUBJECT_DEPS
                                                                       or is_inverted_subject(token)):
                start = token.idx + max(0, token.text.lower().rfind(form))  # "-t-il" -> "il"
                end = token.idx + len(token.text)
                out.append(Mention(start, end, doc_text(doc)[start:end], "pronoun", "PRON", token.i,
                                   sent_of[token.i], gender=self.lex.pronouns[form]))
        return out

    # ------------------------------------------------------------------ stage
    def predict(self, doc: Doc) -> list[Mention]:
        sent_of = sentence_index(doc)
        mentions = []
        for span, label in self.name_spans(doc):
            org = self.kb.organization(span.text) if label in ("ORG", "MEDIA") else None
            country = (org.country if org else None) or demonym_country(span, self.lex)
            if country is None and org is None and label in ("ORG", "MEDIA"):
                country = self.country_in(span)  # "Association des leaders religieux du Mali"
            if label == "GPE":
                country = self.gazetteer.resolve(span.text).country  # type: ignore[union-attr]
            if label == "LOC":
                continue
            role, gender = None, None
            if label == "PER":
                for other in [span.root.head, *span.root.children]:
                    if (other.dep_ == "appos" or span.root.dep_ == "appos") and self.role_of_token(other):
                        role = self.role_of_token(other)
                title_role, title_country = self.title_before(span)
                role = role or title_role
                country = country or title_country
            elif label == "ORG" and fold(span.text).split()[0] in self.lex.role_heads:
                role = self.lex.role_of(strip_det(span.text, self.lex))  # "armée birmane" names the army
                gender = (span[0].morph.get("Gender") or [None])[0]  # and is "elle"
            mentions.append(Mention(span.start_char, span.end_char, span.text, "name", label, span.root.i,
                                    sent_of[span.root.i], country=country, role=role[0] if role else None,
                                    sector=role[1] if role else None, gender=gender))
        self.party_country(mentions, doc)
        if self.nominals:
            # a nominal that overlaps a name is part of that name ("armée iranienne"), but a country inside
            # an institution is the institution's ("US officials", "le gouvernement du Rwanda"), and an
            # organisation that qualifies a role is in both ("a UK Government official")
            for nominal in self.nominal_mentions(doc, sent_of):
                inside = [m for m in mentions if m.start < nominal.end and nominal.start < m.end]
                within = [m for m in inside if nominal.start <= m.start and m.end <= nominal.end
                          and not m.start <= doc[nominal.head].idx < m.end]
                if inside and all(m.label == "GPE" for m in inside) and len(within) == len(inside):
                    mentions = [m for m in mentions if m not in inside]
                    inside = []
                qualifying = inside and len(within) == len(inside) and all(
                    m.label in ("ORG", "MEDIA") and doc[m.head].dep_ == "compound" for m in inside)
                if not inside or qualifying:  # the organisation keeps its own mention
                    mentions.append(nominal)
        self.framed_countries(doc, mentions)
        if self.pronouns:
            mentions += self.pronoun_mentions(doc, sent_of)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions


@Language.factory(
    "chronique_mentions",
    default_config={"min_name_chars": 2, "nominals": True, "pronouns": True},
)
def make_mentions(nlp: Language, name: str, min_name_chars: int, nominals: bool, pronouns: bool) -> MentionFinder:
    return MentionFinder(nlp, name, min_name_chars, nominals, pronouns)
