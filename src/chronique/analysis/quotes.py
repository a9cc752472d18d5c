"""`chronique_quotes`: direct, partial and indirect speech, each with its cue, speaker and relay.

Direct quotes come from quotation marks of every style, paired per paragraph with repairs for what
news text breaks: a doubled opening mark counts once, an opening mark left open is closed before the
next one or at the end of its paragraph. The cue is the speech verb of the quote's sentence — an
incise after it ("», a déclaré Choïgou", "dit-elle"), an introduction before it ("Il a ajouté : «"),
or the verb governing it — and the speaker its subject, through the actors stage (names, role
nominals, pronouns); a passive cue's speaker is its agent. A quote may also be signed: a transcript
label heading it ("PENCE: …") or a name after a dash ending its line ("” ― Carla Mendes"). A quote
with no cue continues the previous speaker's words when only that quote's incise lies between.
Indirect speech is the `que`/`that` clause of a speech verb, and "selon X" / "according to X"
attributes a sentence to X. An outlet that relays the words ("a rapporté IRNA",
"selon l'agence Tasnim", "indique le communiqué de l'agence TASS") is the quote's `via`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import Warnings
from ..resources import fold
from .component import Component
from .extensions import doc_marks, doc_text, warn
from .lexicon import lexicon
from .marks import Marked
from .mentions import SUBJECT_DEPS, is_inverted_subject, token_actor_index
from .types import Actor, Mention, Quote

CLAUSE_DEPS = ("acl", "acl:relcl", "relcl")
SPEECH_VERB_POS = ("VERB", "AUX", "ADJ", "NOUN")
SPEAKER_KINDS = ("person", "organization", "media", "group")
# between a closing mark and an incise cue: a comma, then at most two short words (auxiliary, clitic)
PUNCTUATION_ONLY = re.compile(r"[\s«»“”\"'.,;:!?…]")  # what may lie between the parts of one quote
INCISE_GAP = re.compile(r"\s*[,–—-]\s*(?:[\w’'-]+\s+){0,2}|\s*")  # "», a-t-elle souligné" too
OPENER_END = re.compile(r"\s*[,:]\s*")  # where an opening "Pour X" / "For X" phrase ends
OPENING_MARKS = ("«", "“", "\"", "‹", "„", "''", "``")
CLOSING_MARKS = ("»", "”", "\"", "›", "''")
SPEAKER_LABEL = re.compile(r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}(?=:\s)")  # "PENCE: …" in a transcript
ATTRIBUTION_DASH = re.compile(r"\s*[―—–-]\s*(?=\w)")  # "“ … ” ― Carlos Ruiz" ending its line
SIGNATURE_CHARS = 60  # a signature is a name, perhaps with a short title, not a sentence
SENTENCE_END = re.compile(r"[.!?…]\s")
PUNCTUATION_EDGE = re.compile(r"^[\s«»“”\"'.,;:!?…]+")  # the quote's own closing punctuation
# after words that end on their own incise punctuation ("…?” Graham asked"): the speaker's name may come first
NAMED_INCISE_GAP = re.compile(r"\s*(?:[\w’'.-]+\s+){0,3}")
HEADLINE_CLAIM = re.compile(r"([^:\s][^:]{1,40}):\s+(\S.*?)[.\s]*$")  # "Pence: Flowers won't be at debate."
TITLE_WORDS = 6  # longer words in marks are a statement, however capitalised
TERM_WORDS = 3  # a term in marks qualifying the author's noun is a few words long
GOVERNOR_LEVELS = 4  # how far up the parse a quote's governing speech verb is looked for
LEAD_CUE_WINDOW = 4  # "…, Schiff said on Monday." : the cue among the last words of the sentence before a quote
PASSIVE_SUBJECT_DEPS = ("nsubj:pass", "nsubjpass")
AGENT_DEPS = ("obl:agent", "agent")


def doc_comma_before(token: Token) -> bool:
    """A comma or a dash right before the phrase a token heads: it sets the phrase off from the clause before."""
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in (",", "--", "—", "–")


def phrase_of(token: Token) -> list[Token]:
    """A token first, then the rest of its subtree in order, without the clauses that hang from it
    ("l'organisation, qui affirme …, suite à la décision de l'UNESCO" is not UNESCO)."""
    clauses = [c for c in token.children if c.dep_ in CLAUSE_DEPS]
    inside = {t.i for c in clauses for t in c.subtree}
    return [token, *(t for t in token.subtree if t.i != token.i and t.i not in inside)]



class QuoteFinder(Component):
    extension = "chronique_quotes"

    def __init__(self, nlp: Language, name: str, incise_window: int, indirect: bool,
                 drop_trailing_blurb: bool, continuation_chars: int, drop_scare_quotes: bool) -> None:
        super().__init__(nlp, name)
        self.drop_scare_quotes = drop_scare_quotes
        self.continuation_chars = continuation_chars
        self.incise_window = incise_window
        self.indirect = indirect
        self.drop_trailing_blurb = drop_trailing_blurb
        self.lex = lexicon(self.lang)

    # ------------------------------------------------------------------ lookups
    def actor_at(self, doc: Doc, token: Token) -> str | None:
        return self.by_token.get(token.i)

    def actor_in(self, tokens: Span | list[Token], kinds: tuple[str, ...] = ()) -> str | None:
        """The actor a phrase designates: the one at its first token if any (the head of a subject's
        subtree comes first when passed so), else the first person, else the first other actor;
        optionally only actors of some kinds."""
        found = [a for a in (self.actor_at(t.doc, t) for t in tokens) if a and (not kinds or self.actors[a].kind
                                                                                 in kinds)]
        if not found:
            return None
        first = self.actor_at(tokens[0].doc, tokens[0])
        if first in found:
            return first
        return next((a for a in found if self.actors[a].kind == "person"), found[0])

    def cue_lemma(self, token: Token) -> str:
        """The token's lemma, repaired where the lemmatiser left a verb inflected ("indique" for
        "indiquer"): the language's infinitive endings are tried on it when the lexicon knows the result."""
        lemma = fold(token.lemma_)
        if token.pos_ == "VERB" and lemma not in self.lex.speech and lemma not in self.lex.speech_multi:
            for ending in self.lex.words.get("infinitive_endings", ()):
                if lemma + ending in self.lex.speech or lemma + ending in self.lex.speech_multi:
                    return lemma + ending
        return lemma

    def is_cue(self, token: Token) -> bool:
        if token.pos_ not in SPEECH_VERB_POS:
            return False
        lemma = self.cue_lemma(token)
        if self.lex.speech.get(lemma) in ("speech", "belief") and token.pos_ in ("VERB", "AUX"):
            return True
        for reflexive, rest, kind in self.lex.speech_multi.get(lemma, ()):
            if kind not in ("speech", "belief"):
                continue
            deps = {fold(t.lemma_) for t in token.children} | {fold(t.text) for t in token.children}
            if reflexive and not deps & {"se", "s'", "soi"}:
                continue
            if all(word in deps for word in rest):
                return True
        return False

    def speaker_of(self, cue: Token) -> tuple[str | None, str | None]:
        """(speaker, via) of a cue verb: its subject's actor; a statement noun as subject ("le
        communiqué de l'agence TASS") gives the outlet; climbs to the governing verb for participles
        ("…, ajoutant :")."""
        verb = cue
        for level in range(4):
            subjects = [c for c in verb.children if (c.dep_ in SUBJECT_DEPS and c.dep_ not in PASSIVE_SUBJECT_DEPS)
                        or is_inverted_subject(c)]
            if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):  # "X was accused by Y of …"
                subjects = [self.agent_of(verb)] if self.agent_of(verb) is not None else []
            if cue.dep_ == "amod" or cue.pos_ == "ADJ":  # "s'est dit convaincu"
                subjects += [c for c in cue.head.children if c.dep_ in SUBJECT_DEPS]
            for subject in subjects:
                if "Rel" in subject.morph.get("PronType") and verb.dep_.startswith("acl"):
                    subject = verb.head  # "Bagheri, qui a déclaré" -> Bagheri
                if fold(subject.lemma_) in self.lex.source_nouns:  # "indique le communiqué de TASS"
                    return self.actor_in(phrase_of(subject), SPEAKER_KINDS) or self.earlier_author(subject), None
                # a state as speaker only as the cue's own subject ("Washington a déclaré"), or that of the
                # clause a participle hangs from ("Les États-Unis condamnent le coup, déclarant que")
                shared = level == 1 and cue.dep_ in ("advcl", "xcomp") and bool(
                    {"Part", "Ger"} & set(cue.morph.get("VerbForm")))
                if level > 0 and subject.pos_ == "NOUN" and self.actor_at(subject.doc, subject) is None:
                    continue  # "a win by Mr Kerry would have given …, adding": a thing, not the one who adds
                actor = self.actor_in(phrase_of(subject), () if level == 0 or shared else SPEAKER_KINDS)
                if actor:
                    return actor, None
            if verb.dep_ in ("advcl", "conj", "xcomp", "ccomp") and verb.head.i != verb.i:
                controller = self.object_controller(verb)
                if controller:
                    return controller, None
                verb = verb.head
            elif verb.dep_ == "acl" and "Inf" in verb.morph.get("VerbForm"):  # "la veuve, X, de demander"
                return self.actor_in(phrase_of(verb.head), ("person",)), None
            else:
                break
        return None, None

    def earlier_author(self, noun: Token) -> str | None:
        """The author of a statement named again without it: "ajoute le documentaire" after "Le
        documentaire d'Al Jazeera précise"."""
        for earlier in reversed(noun.doc[:noun.i]):
            if earlier.lemma_ == noun.lemma_ and earlier.pos_ == noun.pos_:
                actor = self.actor_in(phrase_of(earlier), SPEAKER_KINDS)
                if actor:
                    return actor
        return None

    def object_controller(self, verb: Token) -> str | None:
        """The person object that controls an infinitive ("convaincre Souha Arafat de demander",
        "urged Smith to say"): the one who speaks."""
        if verb.dep_ != "xcomp" or ("Inf" not in verb.morph.get("VerbForm") and verb.tag_ != "VB"):
            return None
        for obj in (c for c in verb.head.children if c.dep_ in ("obj", "dobj") and c.i < verb.i):
            actor = self.actor_in(phrase_of(obj), ("person",))
            if actor:
                return actor
        return None

    @staticmethod
    def agent_of(verb: Token) -> Token | None:
        """The agent of a passive verb ("by X", "par X"): the one who spoke; its passive subject is
        the one spoken of or to."""
        for child in verb.children:
            if child.dep_ in AGENT_DEPS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else child
        return None

    def governing_subject(self, inside: Span) -> str | None:
        """For a quote with no cue: the subject, before the marks, of the quoted words' own verb
        ("la ministre, Marise Payne, « invite les militaires … »"), else the person subject of the verb
        the quoted words hang from ("Il a attribué cela aux « relations … »")."""
        token = inside.root
        if token.pos_ in ("VERB", "AUX"):  # the quoted words' own verb, its subject before the marks
            for subject in (c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < inside.start):
                actor = self.actor_in(phrase_of(subject), SPEAKER_KINDS)
                if actor:
                    return actor
        for _ in range(4):
            if token.pos_ in ("VERB", "AUX") and not (inside.start <= token.i < inside.end):
                for subject in (c for c in token.children if c.dep_ in SUBJECT_DEPS):
                    actor = self.actor_in(phrase_of(subject), ("person",))
                    if actor:
                        return actor
                return None
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def relay_in(self, sentence: Span, speaker: str | None) -> str | None:
        """An outlet in the sentence that relays the words: subject of a relay verb, in a "selon"
        phrase, or any media actor there that is not the speaker."""
        for token in sentence:
            actor = self.actor_at(sentence.doc, token)
            if actor and actor != speaker and self.actors[actor].kind == "media":
                return actor
        return None

    # ------------------------------------------------------------------ direct quotes
    def cue_near(self, doc: Doc, marked: Marked) -> Token | None:
        inside = doc.char_span(marked.start, marked.end, alignment_mode="expand")
        if inside is None:
            return None
        sentence_start = inside[0].sent.start
        # incise right after the closing mark: "», a déclaré X", "», dit-elle", "», indique le communiqué"
        for token in doc[inside.end: min(len(doc), inside.end + self.incise_window)]:  # the parser may cut
            if token.idx >= marked.outer_end and self.is_cue(token):
                gap = doc_text(doc)[marked.outer_end:token.idx]
                if INCISE_GAP.fullmatch(gap) or (doc_text(doc)[marked.end - 1:marked.end] in (",", "?", "!")
                                                 and NAMED_INCISE_GAP.fullmatch(gap)):
                    return token
                break
            if token.text in ("«", "“", "\n") or (token.text in (".", "!", "?") and token.idx > marked.outer_end):
                break
        # introduction before the opening mark in the same sentence, nearest first
        for token in reversed(doc[sentence_start: inside.start]):
            if self.is_cue(token):
                return token
        # an introduction ending the paragraph before: "Caddell continued:\n\n« … »"
        colon = self.token_before_mark(doc, marked)
        if colon is not None and colon.text == ":" and colon.i > 0 and self.is_cue(doc[colon.i - 1]):
            return doc[colon.i - 1]
        # a verb inside the quote's sentence that governs the quote, directly or through the clause
        # it sits in ("Mr Bush's first task was to « … » within the US, he said")
        for token in inside:
            if not inside.start <= token.head.i < inside.end and self.is_cue(token.head):
                return token.head
        for ancestor in list(inside.root.ancestors)[:GOVERNOR_LEVELS]:
            if not inside.start <= ancestor.i < inside.end and self.is_cue(ancestor):
                return ancestor
        return None

    @staticmethod
    def token_before_mark(doc: Doc, marked: Marked) -> Token | None:
        """The last token before a quote's opening mark, across spaces and line breaks."""
        text = doc_text(doc)
        at = marked.start
        while at > 0 and (text[at - 1].isspace() or text[at - 1] in "«“\"‹„'`"):
            at -= 1
        span = doc.char_span(0, at, alignment_mode="contract") if at > 0 else None
        return span[-1] if span is not None and len(span) else None

    def lead_sentence_speaker(self, doc: Doc, marked: Marked) -> str | None:
        """The speaker of a sentence ending on its speech verb, or reporting someone's words, right before the quote in
        the same paragraph: "The plan may fail, Schiff said. « … »" (the quote goes on with the same speaker)."""
        last = self.token_before_mark(doc, marked)
        if last is None or last.text not in (".", ":") or "\n" in doc_text(doc)[last.idx:marked.start]:
            return None
        sentence = doc[last.sent.start: last.i]
        if any(t.text in CLOSING_MARKS for t in sentence):
            return None  # a sentence with its own quote: the speaker is that quote's
        for token in reversed(sentence[-LEAD_CUE_WINDOW:]):
            if self.is_cue(token):
                return self.speaker_of(token)[0]
        root = last.sent.root  # "He said an EU code would prevent it. « … »": the sentence is itself his words
        if self.is_cue(root) and root.i < last.i and any(c.dep_ == "ccomp" for c in root.children):
            return self.speaker_of(root)[0]
        return None

    def selon(self, sentence: Span) -> str | None:
        """The actor of a "selon X" / "according to X" phrase in the sentence, or of an opening
        "Pour X, …" naming a person."""
        folded = fold(sentence.text)
        actor = self.opener(sentence, folded)
        if actor:
            return actor
        for marker in self.lex.according:
            at = folded.find(marker + " ")
            if at >= 0 and (at == 0 or not folded[at - 1].isalnum()):
                start = sentence.start_char + at + len(marker)
                phrase = sentence.doc.char_span(start, min(sentence.end_char, start + 80), alignment_mode="expand")
                if phrase is not None:
                    actor = self.actor_in(phrase)
                    if actor:
                        return actor
        return None

    def opener(self, sentence: Span, folded: str) -> str | None:
        """The person of an opening "Pour X, …" / "For X, …" (after a conjunction: "Mais pour
        Obama, « … »"); an organisation too when the opener leads straight into the quote or a colon
        ("Pour l'association April : « … »")."""
        words = folded.split(" ", 1)
        skip = len(words[0]) + 1 if len(words) > 1 and words[0] in self.lex.words.get("conjunctions", ()) else 0
        text = sentence.text
        for marker in self.lex.words.get("opinion_openers", ()):
            if not folded.startswith(marker + " ", skip):
                continue
            limit = min(len(text), skip + 160)
            for cut in list(OPENER_END.finditer(text, skip, limit))[:2]:  # "Pour l'association de …, l'April :"
                opener = sentence.doc.char_span(sentence.start_char + skip, sentence.start_char + cut.start(),
                                                alignment_mode="contract")
                if opener is None or not len(opener) or any(t.pos_ in ("VERB", "AUX") for t in opener):
                    return None
                straight = cut.group().strip() == ":" or text[cut.end():cut.end() + 1] in OPENING_MARKS
                actor = self.actor_in(list(opener), SPEAKER_KINDS if straight else ("person",))
                if actor:
                    return actor
            return None
        return None

    def direct_quotes(self, doc: Doc) -> list[Quote]:
        quotes: list[Quote] = []
        marked_all = doc_marks(doc)
        previous: Quote | None = None
        for marked in marked_all:
            if not doc_text(doc)[marked.start:marked.end].strip():
                continue
            if not marked.closed:
                warn(doc, Warnings.W001.format(start=marked.start, end=marked.end))
            inside = doc.char_span(marked.start, marked.end, alignment_mode="expand")
            if inside is None:
                continue
            # from the sentence of the opening mark: the parser may start a sentence inside the marks
            sentence = doc[doc[max(0, inside.start - 1)].sent.start: inside[-1].sent.end]
            signed = self.label_speaker(doc, marked) or self.signature(doc, marked)
            cue = self.cue_near(doc, marked) if signed is None else None
            speaker, via = self.speaker_of(cue) if cue is not None else (signed, None)
            if cue is not None and speaker is None:
                speaker = self.unparsed_speaker(cue, cue.sent.end if cue.idx >= marked.outer_end else inside.start)
            confidence = 0.9 if cue is not None and speaker else 0.6
            if cue is None and signed is None and self.drop_trailing_blurb and self.is_trailing_blurb(doc, marked):
                warn(doc, Warnings.W002.format(start=marked.start, end=marked.end))
                continue
            if speaker is None and cue is None:
                speaker = self.selon(sentence) or self.governing_subject(inside) or self.headline_speaker(doc, marked)
                confidence = 0.5
            if speaker is None and cue is None and previous is not None and previous.speaker and \
                    self.continues(doc, previous, marked):
                speaker, confidence = previous.speaker, 0.6
            if speaker is None and cue is None:
                speaker = self.lead_sentence_speaker(doc, marked)
            via = via or self.relay_in(sentence, speaker)
            before = doc_text(doc)[sentence.start_char:marked.start - 1].rstrip("'`").strip()  # '' and `` are two
            kind = "direct" if not before or before.endswith((":", "«", "\"", "“")) or (cue is not None and \
                cue.idx >= marked.outer_end) else "partial"
            quote = Quote(id="", start=marked.start, end=marked.end, text=doc_text(doc)[marked.start:marked.end],
                          kind=kind, speaker=speaker, via=via if via != speaker else None,
                          cue=(cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
                          confidence=confidence if speaker else 0.4)
            quotes.append(quote)
            previous = quote
        self.lead_ins(doc, quotes)
        if self.drop_scare_quotes:  # a term in the author's own sentence with no one speaking; a title, a nickname
            quotes = [q for q in quotes if (q.speaker or q.cue or (q.kind != "partial" and len(q.text.split()) > 3))
                      and not self.names_a_thing(doc, q) and not self.nickname(doc, q)]
        return quotes

    @staticmethod
    def nickname(doc: Doc, quote: Quote) -> bool:
        """One word in marks between the parts of a name ('Robert C. "Bobby" Scott', 'Marcia "Cia" Price')."""
        inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if inside is None or len([t for t in inside if not t.is_punct]) != 1:
            return False
        before = next((t for t in reversed(doc[max(0, inside.start - 3):inside.start]) if not t.is_punct), None)
        after = next((t for t in doc[inside.end:inside.end + 3] if not t.is_punct), None)
        return before is not None and after is not None and before.pos_ == "PROPN" and before.is_title and \
            after.is_title and quote.text[:1].isupper()  # the tagger may take "Price" for a noun

    def names_a_thing(self, doc: Doc, quote: Quote) -> bool:
        """Marks that name rather than report: a title ("her documentary « 13th »", "On « Face the Nation »")
        or, with no speech cue, a term qualifying the author's noun ("the notorious « carried interest »
        loophole")."""
        inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if inside is None or quote.start < doc_text(doc).find("\n"):  # a title line capitalises every word
            return False
        words = [t for t in inside if any(c.isalpha() for c in t.text)]  # "'re" too: "We're America" is a sentence
        if len(words) > TITLE_WORDS:
            return False
        small = self.lex.words.get("name_particles", frozenset())
        capitalised = bool(words) and all(t.text[:1].isupper() or fold(t.text) in small for t in words)
        before: list[Token] = []  # up to 4 words before the marks, in their sentence (the parser may start
        for token in reversed(doc[max(0, inside.start - 6):inside.start]):  # one at the opening mark)
            if token.text in (".", "!", "?", ":") or "\n" in token.text or len(before) == 4:
                break
            if not token.is_punct:
                before.append(token)
        works = self.lex.words.get("work_nouns", frozenset())
        if (capitalised and len(words) > 1 and quote.kind == "partial") or any(
                fold(t.lemma_) in works for t in before):
            return True  # a title after the work it names, or a title, slogan or name in capitals
        root = inside.root
        return quote.cue is None and len(words) <= TERM_WORDS and root.dep_ in ("compound", "amod", "nmod") and \
            root.head.i >= inside.end and root.head.pos_ in ("NOUN", "PROPN")  # they qualify the noun after them

    def lead_ins(self, doc: Doc, quotes: list[Quote]) -> None:
        """A quote with neither cue nor speaker that leads into the next one of the same sentence takes
        that one's speaker when that one's cue is its incise ("« … », la question est de savoir « … »
        affirme-t-il")."""
        text = doc_text(doc)
        for quote, after in reversed(list(pairwise(quotes))):  # last first: a speaker passes down a chain
            if quote.speaker or quote.cue or not after.speaker or after.cue is None or after.cue[0] < after.end:
                continue
            between = text[quote.end:after.start]
            if "\n" not in between and not SENTENCE_END.search(PUNCTUATION_EDGE.sub("", between)):
                quote.speaker, quote.confidence = after.speaker, 0.6

    def label_speaker(self, doc: Doc, marked: Marked) -> str | None:
        """The speaker a transcript names at the head of the quoted words ("PENCE: Well, look, …")."""
        label = SPEAKER_LABEL.match(doc_text(doc), marked.start)
        span = doc.char_span(marked.start, label.end(), alignment_mode="expand") if label else None
        return self.actor_in(list(span), SPEAKER_KINDS) if span is not None else None

    def signature(self, doc: Doc, marked: Marked) -> str | None:
        """The one a quote is signed by: a dash after the closing mark and a name ending the line
        ("“ … ” ― Carlos Ruiz", a vox pop or an epigraph)."""
        text = doc_text(doc)
        dash = ATTRIBUTION_DASH.match(text, marked.outer_end)
        if dash is None:
            return None
        line_end = text.find("\n", dash.end())
        line_end = len(text) if line_end < 0 else line_end
        if line_end - dash.end() > SIGNATURE_CHARS:
            return None
        span = doc.char_span(dash.end(), line_end, alignment_mode="expand")
        return self.actor_in(list(span), SPEAKER_KINDS) if span is not None and len(span) else None

    def unparsed_speaker(self, cue: Token, stop: int) -> str | None:
        """The speaker of a cue whose subject the parser missed: an inverted subject after it, up to
        `stop` ("» déclare à l'AFP Jean-Philippe Magnen", "comme le rappelle HRW, «"), not one behind
        a preposition; else the nearest subject before it in its sentence, outside quotation marks
        ("Le gouvernement malien, impuissant, a de son côté dénoncé « … »")."""
        for token in cue.doc[cue.i + 1: max(cue.i + 1, stop)]:
            if token.is_punct and token.text in OPENING_MARKS:
                break
            if token.pos_ == "PRON" or (token.dep_ in SUBJECT_DEPS and token.head.i != cue.i):
                continue  # "pense qu'il s'agit": the subject of another verb
            if token.head.i == cue.i and fold(token.lemma_) in self.lex.source_nouns:  # "», ajoute le documentaire"
                return self.actor_in(phrase_of(token), SPEAKER_KINDS) or self.earlier_author(token)
            actor = self.actor_at(cue.doc, token)
            if actor and self.actors[actor].kind in SPEAKER_KINDS and not any(
                    c.dep_ in ("case", "prep") for c in token.children) and token.head.dep_ not in ("pobj", "obl"):
                return actor
        for token in reversed(cue.doc[cue.sent.start: cue.i]):
            if token.text in CLOSING_MARKS:
                break
            if token.dep_ in SUBJECT_DEPS and token.dep_ not in PASSIVE_SUBJECT_DEPS:
                return self.actor_in(phrase_of(token))
        return None

    def headline_speaker(self, doc: Doc, marked: Marked) -> str | None:
        """A quote in the title line is said by the one person the title names outside the marks
        ("UK rebate 'unjustified' - Chirac")."""
        title_end = doc_text(doc).find("\n")
        if title_end < 0 or marked.end > title_end:
            return None
        people = {m.actor for m in self.mentions if m.end <= title_end and m.form == "name" and m.actor
                  and self.actors[m.actor].kind == "person" and not marked.start <= m.start < marked.end}
        return people.pop() if len(people) == 1 else None

    def is_trailing_blurb(self, doc: Doc, marked: Marked) -> bool:
        """The article's last paragraph, all of it inside quotation marks: an author blurb or a
        boilerplate line, not someone's words."""
        body = doc_text(doc).rstrip()
        last = body.rfind("\n") + 1
        outside = body[last:marked.start] + body[marked.outer_end:]
        return marked.start >= last and not PUNCTUATION_ONLY.sub("", outside)

    def continues(self, doc: Doc, previous: Quote, marked: Marked) -> bool:
        """A quote with no cue continues the previous speaker's words when only marks and punctuation
        lie between them, or a short stretch of the same paragraph (the previous quote's incise:
        "« … » affirme-t-il. « … »")."""
        between = doc_text(doc)[previous.end:marked.start]
        if not PUNCTUATION_ONLY.sub("", between):
            return True
        if "\n" in between:
            return False
        if previous.cue is not None and previous.end <= previous.cue[0] < marked.start:
            return True  # the previous quote's incise, however long: "» said X, a lawyer who … « …"
        return len(between) <= self.continuation_chars

    # ------------------------------------------------------------------ indirect speech
    def indirect_quotes(self, doc: Doc, direct: list[Quote]) -> list[Quote]:
        quotes = []
        covered = [(q.start, q.end) for q in direct]
        complementizers = self.lex.words.get("complementizers", frozenset())
        for token in doc:
            if not self.is_indirect_cue(token):
                continue
            for clause in token.children:
                # a bare infinitive reports a claim ("dit avoir passé 18 mois"); "appelé à", "urged to" do not
                infinitive = clause.dep_ == "xcomp" and "Inf" in clause.morph.get("VerbForm") and not any(
                    c.dep_ in ("mark", "case", "aux") for c in clause.children if c.i < clause.i)
                if not infinitive and (clause.dep_ not in ("ccomp", "obj")
                                       or clause.pos_ not in ("VERB", "AUX", "ADJ", "NOUN")):
                    continue
                subtree = list(clause.subtree)
                marks = [t for t in subtree if t.dep_ == "mark" and fold(t.text) in complementizers
                         and t.head.i == clause.i]
                if not marks and self.lang == "fr" and not infinitive:
                    continue
                start_token = marks[0].i + 1 if marks else subtree[0].i
                words = [t for t in subtree if start_token <= t.i < self.clause_end(clause)]
                while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
                    words.pop()
                if len(words) < 3:
                    continue
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                if any(s < end and start < e for s, e in covered):
                    continue
                speaker, via = self.speaker_of(token)
                speaker = speaker or self.unparsed_speaker(token, subtree[0].i) or self.actor_before(token)
                sentence = token.sent
                quotes.append(Quote(id="", start=start, end=end, text=doc_text(doc)[start:end], kind="indirect",
                                    speaker=speaker, cue=(token.idx, token.idx + len(token.text)),
                                    via=via or self.relay_in(sentence, speaker),
                                    confidence=0.7 if speaker else 0.4))
                covered.append((start, end))
        quotes += self.object_quotes(doc, covered)
        quotes += self.noun_clause_quotes(doc, covered)
        quotes += self.parenthetical_quotes(doc, covered)
        quotes += self.according_quotes(doc, covered)
        quotes += self.headline_quotes(doc, covered)
        quotes += self.introduced_paragraphs(doc, covered)
        return quotes

    def introduced_paragraphs(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Quote]:
        """A paragraph ending on its speech verb and a colon ("Limbaugh added:") introduces the next paragraph,
        unmarked, as the speaker's words."""
        quotes = []
        text = doc_text(doc)
        for colon in (t for t in doc if t.text == ":" and t.i > 0 and text[t.idx + 1:t.idx + 2] == "\n"):
            cue = doc[colon.i - 1]
            if not self.is_cue(cue):
                continue
            start = colon.idx + 1
            while start < len(text) and text[start].isspace():
                start += 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if start >= end or text[start] in OPENING_MARKS:
                continue
            words = doc.char_span(start, end, alignment_mode="contract")
            if words is None:
                continue
            speaker = self.speaker_of(cue)[0] or self.unparsed_speaker(cue, cue.i)
            quote = self.clause_quote(doc, list(words), cue, speaker, covered)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def named_by(self, words: str) -> str | None:
        """The speaking actor that `words` name in full: one of its mentions, or a person's surname (a title
        line's tagger may take "Pence: Flowers Won't Be …" as one name, so the title's own mentions are no guide)."""
        folded = fold(words)
        for actor in self.actors.values():
            if actor.kind not in SPEAKER_KINDS:
                continue
            if fold(actor.name) == folded or (actor.kind == "person" and fold(actor.name).split()[-1:] == [folded]):
                return actor.id
        return next((m.actor for m in self.mentions if m.form == "name" and fold(m.text) == folded and m.actor
                     and self.actors[m.actor].kind in SPEAKER_KINDS), None)

    def headline_quotes(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Quote]:
        """A title line "X: claim" where X is only a speaker's name or a statement noun ("Pence: Flowers won't
        be at debate", "Poll: Clinton and Trump in dead heat"): the claim is X's words."""
        text = doc_text(doc)
        if ":" not in self.lex.words.get("headline_claim_separators", ()):
            return []  # a language whose titles put a topic, not a speaker, before a colon ("Union européenne : …")
        title = HEADLINE_CLAIM.match(text.split("\n", 1)[0])
        if title is None:
            return []
        prefix = title.group(1)
        speaker = self.named_by(prefix)
        if speaker is None and fold(prefix) not in self.lex.source_nouns:
            return []
        start, end = title.start(2), title.end(2)
        claim = doc.char_span(start, end, alignment_mode="contract")
        if claim is None or any(s < end and start < e for s, e in covered):
            return []
        covered.append((start, end))
        return [Quote(id="", start=start, end=end, text=text[start:end], kind="indirect", speaker=speaker, cue=None,
                      via=None, confidence=0.6 if speaker else 0.4)]

    def actor_before(self, cue: Token) -> str | None:
        """The last speaking actor named before a cue in its sentence, outside quotation marks: the speaker
        when the parser lost the cue's subject ("Trump avoids condemning …" with "avoids" read as a noun)."""
        for token in reversed(cue.doc[cue.sent.start: cue.i]):
            if token.text in CLOSING_MARKS:
                return None
            actor = self.actor_at(cue.doc, token)
            if actor and self.actors[actor].kind in SPEAKER_KINDS:
                return actor
        return None

    def clause_end(self, clause: Token) -> int:
        """Where a reported clause stops: before a speech verb coordinated with it or a participle after its
        comma ("said the plan would fail, arguing that …", "said X and warned against Y"), each its own
        attribution."""
        for child in clause.children:
            if child.i > clause.i and child.dep_ in ("advcl", "conj") and child.pos_ == "VERB" and (
                    self.is_cue(child) or (("Ger" in child.morph.get("VerbForm") or child.tag_ == "VBG")
                                           and doc_comma_before(child))):
                return min(t.i for t in child.subtree)
        return len(clause.doc)

    def clause_quote(self, doc: Doc, words: list[Token], cue: Token | None, speaker: str | None,
                     covered: list[tuple[int, int]], min_words: int = 3) -> Quote | None:
        """An indirect quote over `words` (punctuation and a leading conjunction trimmed), unless too short
        or overlapping a quote already found."""
        conjunctions = self.lex.words.get("conjunctions", frozenset())
        while words and (words[0].is_punct or words[0].is_space or fold(words[0].text) in conjunctions):
            words = words[1:]
        while words and (words[-1].is_punct or words[-1].is_space):
            words = words[:-1]
        if len(words) < min_words:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if any(s < end and start < e for s, e in covered):
            return None
        sentence = words[0].sent
        covered.append((start, end))
        return Quote(id="", start=start, end=end, text=doc_text(doc)[start:end], kind="indirect", speaker=speaker,
                     cue=(cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
                     via=self.relay_in(sentence, speaker), confidence=0.7 if speaker else 0.4)

    def object_quotes(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Quote]:
        """What an `object_cues` verb's object says ("cited derogatory comments", "urged Republicans to join",
        "accused the government of lying", "called the charges fabricated"; for `object_cues_with_complement` only
        with that complement), and the object of an `object_cue_preps` phrase ("called for a moratorium")."""
        quotes = []
        verbs = self.lex.words.get("object_cues", frozenset())
        preps = {tuple(p.split()) for p in self.lex.words.get("object_cue_preps", ())}
        complements = self.lex.words.get("object_cue_complements", frozenset())
        addressed = self.lex.words.get("object_cues_with_complement", frozenset())
        for token in doc:
            if token.pos_ != "VERB" or not self.is_indirect_cue(token):
                continue
            lemma = self.cue_lemma(token)
            after = [c for c in token.children if c.i > token.i]
            parts: list[Token] = []
            prep = next((c for c in after if c.dep_ == "prep" and (lemma, fold(c.text)) in preps), None)
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
            if objects and any(c.dep_ == "xcomp" and c.i > objects[0].i for c in after):
                # "called on Obama to retaliate": the one called on and what they are to do
                parts = [objects[0], next(c for c in after if c.dep_ == "xcomp" and c.i > objects[0].i)]
            elif lemma in verbs and any(c.dep_ in ("dobj", "obj") for c in after):
                first = next(c for c in after if c.dep_ in ("dobj", "obj"))
                parts = [first, *(c for c in after if c.i > first.i and (c.dep_ in ("xcomp", "ccomp", "oprd") or (
                    c.dep_ == "prep" and fold(c.text) in complements)))]
                if len(parts) == 1 and lemma in addressed:
                    continue  # "called an emergency meeting", "warned his supporters": no content without more
            elif lemma in verbs and any(c.dep_ == "xcomp" for c in after):  # "vowed to form a task force"
                parts = [next(c for c in after if c.dep_ == "xcomp")]
            else:
                parts = objects[:1]
            if not parts:
                continue
            stop = min(self.clause_end(part) for part in parts)  # "… to retaliate -- meddling he said …"
            indices = [t.i for part in parts for t in part.subtree if t.i < stop]
            speaker, _ = self.speaker_of(token)
            speaker = speaker or self.unparsed_speaker(token, min(indices)) or self.actor_before(token)
            quote = self.clause_quote(doc, list(doc[min(indices): max(indices) + 1]), token, speaker, covered,
                                      min_words=2)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def noun_clause_quotes(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Quote]:
        """The "that" clause of a statement noun ("Trump's claim that there have been thousands of
        shootings", "the report's warning that …"): its owner's words."""
        quotes = []
        complementizers = self.lex.words.get("complementizers", frozenset())
        for noun in doc:
            if noun.pos_ != "NOUN" or fold(noun.lemma_) not in self.lex.source_nouns:
                continue
            for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i):
                marks = [c for c in clause.children if c.dep_ == "mark" and fold(c.text) in complementizers]
                if not marks:
                    continue
                owner = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss")
                         or (c.dep_ == "prep" and c.i < clause.i)]
                speaker = next((a for a in (self.actor_in(phrase_of(o), SPEAKER_KINDS) for o in owner) if a), None)
                words = [t for t in clause.subtree if t.i > marks[0].i]
                quote = self.clause_quote(doc, words, noun, speaker or self.actor_before(noun), covered)
                if quote is not None:
                    quotes.append(quote)
        return quotes

    def parenthetical_quotes(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Quote]:
        """A speech verb inserted in or after the clause it reports ("Acts of protest, he said, are acts of
        patriotism", "The plan failed, the agency reports"): the parser hangs it from that clause's verb by one
        of the language's `insertion_deps`, so the clause is the quote, all of it, around the insertion. An
        `attribution_marks` clause does the same ("As X pointed out, …", "Comme l'a rappelé X, …")."""
        quotes = []
        insertions = self.lex.words.get("insertion_deps", frozenset())
        attributions = self.lex.words.get("attribution_marks", frozenset())
        for token in doc:
            attributed = token.dep_ == "advcl" and any(  # "As many experts have pointed out, X is free to …"
                c.dep_ == "mark" and fold(c.text) in attributions for c in token.children)
            if not (attributed or token.dep_ in insertions) or token.head.pos_ not in ("VERB", "AUX") or \
                    not self.is_indirect_cue(token):
                continue
            inserted = [t.i for t in token.subtree]
            clause = list(token.head.subtree)
            before = [t for t in clause if t.i < inserted[0]]
            after = [t for t in clause if t.i > inserted[-1] and not t.is_punct]
            words = clause if after else before
            if attributed and not any(not t.is_punct for t in before):
                words = [t for t in clause if t.i > inserted[-1]]
            elif not any(not t.is_punct for t in before):
                # "He said, …": a governing verb, not an insertion; but "If it fails, he argues, there are other
                # tools": the parser hung the opening clause on the insertion, and the words after it are the quote
                subjects = [c.i for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i]
                if not after or not subjects or not any(c.dep_ == "advcl" and c.i < min(subjects)
                                                        for c in token.children):
                    continue
                words = [t for t in clause if t.i > inserted[-1]]
            speaker = self.speaker_of(token)[0] or (self.unparsed_speaker(token, inserted[-1] + 1) if attributed
                                                    else self.actor_before(token))
            quote = self.clause_quote(doc, words, token, speaker, covered)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def according_quotes(self, doc: Doc, covered: list[tuple[int, int]]) -> list[Quote]:
        """A sentence attributed by "according to X" / "per X" at its start or end: the rest of the
        sentence is X's claim."""
        quotes = []
        markers = [marker.split() for marker in self.lex.according]
        for sentence in doc.sents:
            folded = [fold(t.text) for t in sentence]
            for words in markers:
                at = next((i for i in range(len(folded) - len(words) + 1) if folded[i:i + len(words)] == words), None)
                if at is None:
                    continue
                if at + len(words) < len(sentence) and "Rel" in sentence[at + len(words)].morph.get("PronType"):
                    break  # "les commentaires selon lesquels …": a relative clause, not an attribution
                end = next((t.i for t in sentence[at + len(words):] if t.is_punct), sentence.end)
                phrase = list(range(sentence.start + at, end))  # up to its comma: the parser may cut a name
                actor = self.actor_in([doc[i] for i in phrase])
                if actor is None and len(words) == 1:
                    break  # a bare "per" with no one after it is a rate ("$10 per hour")
                conjunctions = self.lex.words.get("conjunctions", frozenset())
                before = [t for t in sentence if t.i < phrase[0] and not (t.is_punct or t.is_space)]
                after = [t for t in sentence if t.i > phrase[-1] and not (t.is_punct or t.is_space)]
                if before and after:  # "X, according to Y, Z": the whole sentence
                    content = list(sentence)
                else:
                    content = after if all(fold(t.text) in conjunctions for t in before) else before
                if actor and self.actors[actor].kind == "media" and self.subject_actor(content):
                    break  # "X a critiqué …, selon l'agence Tasnim": an outlet relaying X's act, not a claim
                inside = {t.i for t in content}
                verb = next((t for t in content if t.head.i == t.i or t.head.i not in inside), None)
                if verb is not None and self.is_cue(verb):
                    break  # "X a annoncé …, selon son porte-parole": X's own words, the cue's to find
                quote = self.clause_quote(doc, content, None, actor, covered)
                if quote is not None:
                    quotes.append(quote)
                break
        return quotes

    def subject_actor(self, words: list[Token]) -> str | None:
        """The actor that is the subject of the main verb among `words`."""
        inside = {t.i for t in words}
        for token in words:
            verb = token.head
            if token.dep_ in SUBJECT_DEPS and verb.i in inside and (verb.head.i == verb.i or verb.head.i not in inside):
                actor = self.actor_in(phrase_of(token))
                if actor:
                    return actor
        return None

    def is_indirect_cue(self, token: Token) -> bool:
        """A cue that reports indirect speech, of the language's `indirect_cue_kinds`: in English an opinion verb
        ("believes", "expects") tells what the author thinks someone thinks, not words a reader would cite,
        while an outlet's "reports that" gives its claim."""
        kinds = self.lex.words.get("indirect_cue_kinds")
        if not kinds:
            return self.is_cue(token)
        kind = self.lex.speech.get(self.cue_lemma(token))
        if token.pos_ in ("VERB", "AUX") and kind in kinds:
            return True
        return kind is None and self.is_cue(token)

    # ------------------------------------------------------------------ stage
    def predict(self, doc: Doc) -> list[Quote]:
        self.mentions: list[Mention] = [m for m in doc._.chronique_mentions or [] if m.actor]
        self.actors: dict[str, Actor] = {a.id: a for a in doc._.chronique_actors or []}
        self.by_token = token_actor_index(doc, self.mentions)
        quotes = self.direct_quotes(doc)
        if self.indirect:
            quotes += self.indirect_quotes(doc, quotes)
        quotes.sort(key=lambda q: q.start)
        for n, quote in enumerate(quotes, 1):
            quote.id = f"q{n}"
        return quotes


@Language.factory(
    "chronique_quotes",
    default_config={"incise_window": 8, "indirect": True, "drop_trailing_blurb": True, "continuation_chars": 80,
                    "drop_scare_quotes": True},
)
def make_quotes(nlp: Language, name: str, incise_window: int, indirect: bool, drop_trailing_blurb: bool,
                continuation_chars: int, drop_scare_quotes: bool) -> QuoteFinder:
    return QuoteFinder(nlp, name, incise_window, indirect, drop_trailing_blurb, continuation_chars,
                       drop_scare_quotes)
