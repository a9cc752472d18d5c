"""The knowledge base shipped with Chronique: organisations, media and people with their aliases in
French and English, plus any user files listed in `CHRONIQUE_KB` (see README): tables in the shipped
format (.tsv, .csv) or YAML (.yaml, .yml), and PETRARCH/Phoenix actor dictionaries (.txt, see
petrarch.py).

Organisations are found by exact (folded) alias; people by the spelling key of their aliases, so
"Choïgou" finds "Sergei Shoigu" without an alias listing that exact spelling. A user's person whose
full name designates a person already listed (shipped, or from an earlier user file) is that person:
it adds its aliases and fills the fields the first listing left empty (a code, a country), and the
first listing wins where both give a value.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ChroniqueError, Errors
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


KINDS = ("person", "organization", "media", "group")
FIELDS = ("name", "kind", "country", "code", "kb_id", "role", "aliases")
TABLE_SUFFIXES = (".tsv", ".csv", ".yaml", ".yml")


def _entry(row: dict[str, str], kind: str | None = None) -> Entry:
    aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
    return Entry(name=row["name"], kind=kind or row.get("kind") or "organization",
                 country=row.get("country") or None, code=row.get("code") or None,
                 kb_id=row.get("kb_id") or None, role=row.get("role") or None,
                 aliases=tuple(dict.fromkeys((row["name"], *aliases))))


def _user_entry(path: Path, where: str, row: dict[str, str]) -> Entry:
    """An entry of a user table: a person when its kind says so, or when it has no kind but a role
    field (the persons.tsv columns); an organisation when it has neither."""
    if not row.get("name"):
        raise ChroniqueError(Errors.E305, path=path, where=where, reason="no name")
    kind = row.get("kind") or ("person" if "role" in row else "organization")
    if kind not in KINDS:
        raise ChroniqueError(Errors.E305, path=path, where=where,
                             reason=f"kind {kind!r} is not one of {', '.join(KINDS)}")
    return _entry(row, kind)


def _yaml_rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(where, row) of a YAML file: a list of mappings with the table's fields, `aliases` a list or
    an 'a|b' string."""
    try:
        import yaml
    except ImportError:
        raise ChroniqueError(Errors.E307, path=path) from None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "file"
        raise ChroniqueError(Errors.E305, path=path, where=where,
                             reason=f"not valid YAML ({getattr(error, 'problem', None) or error})") from None
    if data is None:
        return
    if not isinstance(data, list):
        raise ChroniqueError(Errors.E305, path=path, where="file", reason=f"a {type(data).__name__}, not a list")
    for n, item in enumerate(data, 1):
        where = f"entry {n}"
        if not isinstance(item, dict):
            raise ChroniqueError(Errors.E305, path=path, where=where, reason=f"{item!r} is not a mapping")
        unknown = sorted(str(k) for k in item if k not in FIELDS)
        if unknown:
            raise ChroniqueError(Errors.E305, path=path, where=where,
                                 reason=f"unknown field(s) {', '.join(unknown)} (fields: {', '.join(FIELDS)})")
        row = {}
        for key, value in item.items():
            if key == "aliases" and isinstance(value, list):
                value = "|".join(str(v) for v in value if v is not None)
            elif isinstance(value, (list, dict)):
                raise ChroniqueError(Errors.E305, path=path, where=where, reason=f"{key} is not a single value")
            row[key] = "" if value is None else str(value).strip()
        yield where, row


def read_entries(path: Path) -> list[Entry]:
    """The entries of one user knowledge-base file, read by its suffix: .tsv (the shipped tables'
    format), .csv, .yaml/.yml, .txt (a PETRARCH actor dictionary); another suffix is read as a
    PETRARCH dictionary when it looks like one, else as TSV."""
    if not path.is_file():
        raise ChroniqueError(Errors.E303, path=path)
    from .petrarch import looks_like_actor_dictionary, read_actor_dictionary  # petrarch imports Entry

    suffix = path.suffix.lower()
    if suffix == ".txt" or (suffix not in TABLE_SUFFIXES and looks_like_actor_dictionary(path)):
        return read_actor_dictionary(path).entries
    rows: Iterable[tuple[str, dict[str, str]]]
    if suffix in (".yaml", ".yml"):
        rows = _yaml_rows(path)
    else:
        rows = ((f"row {n}", row) for n, row in enumerate(read_table(path, "," if suffix == ".csv" else "\t"), 1))
    return [_user_entry(path, where, row) for where, row in rows]


class KnowledgeBase:
    def __init__(self, organizations: list[Entry], persons: list[Entry]) -> None:
        self.organizations = organizations
        self.persons = persons
        self.by_alias: dict[str, Entry] = {}
        for entry in organizations:
            for alias in entry.aliases:
                self.by_alias.setdefault(fold(alias), entry)
        for entry in organizations:  # "Times" for "The Times", unless another entry is called so
            for alias in entry.aliases:
                article, _, rest = alias.partition(" ")
                if article in ("The", "Le", "La", "Les") and len(rest) > 3:
                    self.by_alias.setdefault(fold(rest), entry)
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

    def people(self, name: str) -> set[Entry]:
        """Every known person a name can be. A name with a given name needs an alias with one ("Viktor
        Lukashenko" is not "Alexander Lukashenko" by "Lukashenko")."""
        given, surname = name_parts(name)
        return {entry for alias, entry in self.by_surname.get(surname, ())
                if same_person(name, alias) and (not given or name_parts(alias)[0])}

    def person(self, name: str) -> Entry | None:
        """The one known person a name can be; None when none or several fit."""
        fits = self.people(name)
        return next(iter(fits)) if len(fits) == 1 else None

    def person_country(self, name: str) -> str | None:
        """The country of every known person a name can be, when they share one ("Bush": either
        President Bush is American)."""
        countries = {entry.country for entry in self.people(name)}
        return countries.pop() if len(countries) == 1 else None

    def org_aliases(self) -> list[str]:
        return list(dict.fromkeys(a for e in self.organizations for a in e.aliases))


def user_kb_paths() -> list[Path]:
    return [Path(p) for p in os.environ.get("CHRONIQUE_KB", "").split(os.pathsep) if p]


def merge_people(known: list[Entry], extra: Iterable[Entry]) -> list[Entry]:
    """`known` then `extra`, where an extra person whose full name (given name and surname) fits
    exactly one person already listed is merged into it: aliases added, empty fields filled."""
    people = list(known)
    index: dict[str, list[tuple[str, int]]] = {}

    def add(position: int, aliases: Iterable[str]) -> None:
        for alias in aliases:
            surname = name_parts(alias)[1]
            if surname:
                index.setdefault(surname, []).append((alias, position))

    for position, entry in enumerate(people):
        add(position, entry.aliases)
    for entry in extra:
        given, surname = name_parts(entry.name)
        fits = {position for alias, position in index.get(surname, ()) if given and name_parts(alias)[0]
                and same_person(entry.name, alias)} if surname else set()
        if len(fits) == 1:
            position = fits.pop()
            old = people[position]
            people[position] = dataclasses.replace(
                old, aliases=tuple(dict.fromkeys((*old.aliases, *entry.aliases))),
                country=old.country or entry.country, code=old.code or entry.code,
                role=old.role or entry.role, kb_id=old.kb_id or entry.kb_id)
            add(position, [a for a in entry.aliases if a not in old.aliases])
        else:
            people.append(entry)
            add(len(people) - 1, entry.aliases)
    return people


@functools.cache
def knowledge_base() -> KnowledgeBase:
    organizations = [_entry(row) for row in kb_table("organizations")]
    persons = [_entry(row, "person") for row in kb_table("persons")]
    user = [entry for path in user_kb_paths() for entry in read_entries(path)]
    organizations += [e for e in user if e.kind != "person"]
    persons = merge_people(persons, (e for e in user if e.kind == "person"))
    return KnowledgeBase(organizations, persons)
