"""The knowledge base shipped with Chronique: organisations, media and people with their aliases in
French and English, plus any user files in the same format (`CHRONIQUE_KB` paths, see README).

Organisations are found by exact (folded) alias; people by the spelling key of their aliases, so
"Choïgou" finds "Sergei Shoigu" without an alias listing that exact spelling.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from .names import name_parts, same_person
from .resources import fold, kb_table, read_table

DETERMINERS = ("l'", "le ", "la ", "les ", "the ", "l'agence ", "agence ")


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str                      # person | organization | media | group
    country: str | None
    code: str | None = None
    kb_id: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def _entry(row: dict[str, str], kind: str | None = None) -> Entry:
    aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
    return Entry(name=row["name"], kind=kind or row.get("kind") or "organization",
                 country=row.get("country") or None, code=row.get("code") or None,
                 kb_id=row.get("kb_id") or None, role=row.get("role") or None,
                 aliases=tuple(dict.fromkeys((row["name"], *aliases))))


class KnowledgeBase:
    def __init__(self, organizations: list[Entry], persons: list[Entry]) -> None:
        self.organizations = organizations
        self.persons = persons
        self.by_alias: dict[str, Entry] = {}
        for entry in organizations:
            for alias in entry.aliases:
                self.by_alias.setdefault(fold(alias), entry)
        self.by_surname: dict[str, list[tuple[str, Entry]]] = {}
        for entry in persons:
            for alias in entry.aliases:
                _, surname = name_parts(alias)
                if surname:
                    self.by_surname.setdefault(surname, []).append((alias, entry))

    def organization(self, text: str) -> Entry | None:
        """The organisation or outlet a name designates, by alias ("l'agence TASS" -> TASS)."""
        key = fold(text)
        for _ in range(3):
            if key in self.by_alias:
                return self.by_alias[key]
            stripped = next((key[len(d):] for d in DETERMINERS if key.startswith(d)), None)
            if stripped is None:
                return None
            key = stripped
        return None

    def person(self, name: str) -> Entry | None:
        """The one known person a name can be; None when none or several fit. A name with a given name
        needs an alias with one ("Viktor Lukashenko" is not "Alexander Lukashenko" by "Lukashenko")."""
        given, surname = name_parts(name)
        fits = {entry for alias, entry in self.by_surname.get(surname, ())
                if same_person(name, alias) and (not given or name_parts(alias)[0])}
        return next(iter(fits)) if len(fits) == 1 else None

    def org_aliases(self) -> list[str]:
        return list(dict.fromkeys(a for e in self.organizations for a in e.aliases))


def user_kb_paths() -> list[Path]:
    return [Path(p) for p in os.environ.get("CHRONIQUE_KB", "").split(os.pathsep) if p]


@functools.cache
def knowledge_base() -> KnowledgeBase:
    organizations = [_entry(row) for row in kb_table("organizations")]
    persons = [_entry(row, "person") for row in kb_table("persons")]
    for path in user_kb_paths():
        for row in read_table(path):
            (persons if row.get("kind", "person") == "person" and "role" in row else organizations).append(
                _entry(row, "person" if "role" in row else None))
    return KnowledgeBase(organizations, persons)
