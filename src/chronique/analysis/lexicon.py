"""Language resources compiled once per language into the lookups the components use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..resources import fold, lang_table

REFLEXIVE = frozenset({"se", "s'", "s’", "soi", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})


@dataclass(frozen=True)
class Trigger:
    head: str
    reflexive: bool
    dependents: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    roles: str


@dataclass
class Lexicon:
    lang: str
    speech: dict[str, str] = field(default_factory=dict)           # verb lemma -> speech | belief | relay
    speech_multi: dict[str, list[tuple[bool, tuple[str, ...], str]]] = field(default_factory=dict)
    source_nouns: frozenset[str] = frozenset()
    according: tuple[str, ...] = ()                                 # folded multiword markers
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)  # head lemma -> triggers
    demonyms: dict[str, str] = field(default_factory=dict)           # folded form -> ISO3
    demonym_prefixes: dict[str, str] = field(default_factory=dict)
    roles: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # folded phrase -> (role, sector)
    role_heads: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)           # folded pronoun -> gender
    words: dict[str, frozenset[str]] = field(default_factory=dict)   # small closed classes
    regions: dict[str, str] = field(default_factory=dict)            # region name or adjective -> key, longest first
    region_skip: frozenset[str] = frozenset()                         # words region_words leaves out

    def speech_kind(self, lemma: str) -> str | None:
        return self.speech.get(fold(lemma))

    def role_around(self, tokens: list[Token], head: Token) -> tuple[str, str | None] | None:
        """(role, sector) of the longest run of tokens around the head that is a role phrase."""
        at = next((n for n, t in enumerate(tokens) if t.i == head.i), None)
        if at is None:
            return None
        for length in range(len(tokens), 0, -1):
            for start in range(max(0, at - length + 1), min(at, len(tokens) - length) + 1):
                found = self.roles.get(join_words(tokens[start:start + length]))
                if found:
                    return found
        return None

    def region_words(self, phrase: str) -> frozenset[str]:
        """The content words of a phrase with multi-country regions, named or by adjective, as one word each
        and regional adjectives dropped: "force régionale d'Afrique de l'Est" and "force est-africaine" are
        both {force, @region}."""
        text = f" {plain_words(phrase)} "
        for name, key in self.regions.items():
            text = text.replace(f" {name} ", f" {key} ")
        return frozenset(w for w in text.split() if w not in self.region_skip)

    def role_of(self, phrase: str) -> tuple[str, str | None] | None:
        """The (role, sector) of the longest role phrase that starts `phrase` (folded words)."""
        words = fold(phrase).split()
        for n in range(len(words), 0, -1):
            found = self.roles.get(" ".join(words[:n]))
            if found:
                return found
        return None


def join_words(tokens: list[Token]) -> str:
    """Folded words of tokens, with elided articles kept attached ("chef d'état-major")."""
    return fold("".join(t.text + t.whitespace_ for t in tokens)).replace("' ", "'")


def plain_words(phrase: str) -> str:
    """Folded words without elision and hyphen marks ("d'Afrique de l'Est" -> "d afrique de l est")."""
    return " ".join(re.findall(r"\w+", fold(phrase)))


def _split_cue(lemma: str) -> tuple[bool, str, tuple[str, ...]]:
    words = fold(lemma).split()
    reflexive = bool(words) and words[0] == "se" and len(words) > 1
    if reflexive:
        words = words[1:]
    return reflexive, words[0], tuple(words[1:])


@functools.cache
def lexicon(lang: str) -> Lexicon:
    lex = Lexicon(lang)
    source_nouns, according = set(), []
    for row in lang_table(lang, "speech_cues"):
        kind, pos = row["kind"], row["pos"]
        if kind == "according":
            according.append(fold(row["lemma"]))
        elif kind == "source_noun":
            source_nouns.add(fold(row["lemma"]))
        elif pos in ("VERB", "ADJ", "NOUN"):
            reflexive, head, rest = _split_cue(row["lemma"])
            if reflexive or rest:
                lex.speech_multi.setdefault(head, []).append((reflexive, rest, kind))
            else:
                lex.speech.setdefault(head, kind)
    lex.source_nouns = frozenset(source_nouns)
    lex.according = tuple(sorted(according, key=len, reverse=True))
    for row in lang_table(lang, "event_triggers"):
        reflexive, head, rest = _split_cue(row["trigger"])
        lex.triggers.setdefault(head, []).append(Trigger(
            head=head, reflexive=reflexive, dependents=rest, pos=row["pos"], type=row["type"],
            mode=row["mode"] or None, cameo=row["cameo"] or None, roles=row["roles"] or "active"))
    for triggers in lex.triggers.values():  # most specific first
        triggers.sort(key=lambda t: (-len(t.dependents), not t.reflexive))
    for row in lang_table(lang, "demonyms"):
        target = lex.demonym_prefixes if row["kind"] == "prefix" else lex.demonyms
        target.setdefault(fold(row["form"]), row["iso3"])
    for row in lang_table(lang, "roles"):
        lex.roles.setdefault(fold(row["phrase"]), (row["role"], row["sector"] or None))
    # the head of a role phrase is its first word in French ("ministre de la défense") and its last in
    # English ("defence minister"); both are kept so either order is found
    lex.role_heads = frozenset(w for p in lex.roles for w in (p.split()[0], p.split()[-1]))
    for row in lang_table(lang, "pronouns"):
        lex.pronouns[fold(row["form"])] = row["gender"]
    for row in lang_table(lang, "words"):
        lex.words[row["class"]] = frozenset(fold(w) for w in row["words"].split("|"))
    # one key for every name of a multi-country region: its members
    members = {row["name"]: "@" + row["countries"].replace(",", "_").lower()
               for row in lang_table(lang, "regions") if "," in row["countries"]}
    for row in lang_table(lang, "region_adjectives"):
        key = members[row["region"]]
        lex.regions[plain_words(row["region"])] = key
        lex.regions.update((plain_words(form), key) for form in row["forms"].split("|"))
    for name, key in members.items():
        lex.regions.setdefault(plain_words(name), key)
    lex.regions = dict(sorted(lex.regions.items(), key=lambda item: -len(item[0])))  # longest name replaced first
    lex.region_skip = frozenset(plain_words(w) for w in lex.words.get("determiners", frozenset())
                                | lex.words.get("regional_words", frozenset()))
    return lex
