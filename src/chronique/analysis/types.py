"""Plain data that the components store on `Doc` extensions (no spaCy objects, so a Doc's results
pickle and travel to Spark executors). Offsets are character offsets into `doc.text`; `token` is the
index of the head token where a stage needs to find its way back into the parse."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    start: int
    end: int
    text: str
    form: str                 # name | nominal | pronoun
    label: str                # PER | ORG | MEDIA | GPE (country standing for its state) | NOM | PRON
    head: int                 # token index of the mention's head
    sentence: int             # index of its sentence
    actor: str | None = None  # actor id, set by the actors stage
    country: str | None = None  # ISO3 read off the mention itself (demonym, KB)
    role: str | None = None
    sector: str | None = None
    gender: str | None = None   # Masc | Fem, for pronouns and nominals


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str                     # direct | partial | indirect
    speaker: str | None = None    # actor id
    cue: tuple[int, int] | None = None
    via: str | None = None        # actor id of the relaying outlet
    confidence: float = 0.5


@dataclass
class PlaceRef:
    id: str
    name: str
    country: str | None
    feature: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class TimeRef:
    start: int
    end: int
    text: str
    value: str
    type: str = "date"


@dataclass
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    source: str | None
    target: str | None
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    date: str | None = None
    date_source: str | None = None   # sentence | published
    place: str | None = None
    negated: bool = False
    modality: str = "asserted"
    quote: str | None = None
    confidence: float = 0.5
