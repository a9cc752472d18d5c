"""PETRARCH / Phoenix actor dictionaries (`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
`Phoenix.MilNonState.actors.txt` and files in their format) read as knowledge-base entries.

The format, as PETRARCH reads it:

    # a comment; so is <!-- ... --> (also over several lines), and anything after '#' or ';'
    HAMID_KARZAI_  [AFGELI]          primary phrase, optionally followed by codes
    +PRESIDENT_KARZAI_               synonym of the last primary phrase ('+'), blank lines between allowed
        [AFGGOV 20011222-20141229]   a code line ('[' first, usually tab-indented)
        [AFGGOV >011222]             dated codes: FROM-TO, >FROM, <TO; dates YYYYMMDD or YYMMDD
        [AFGELI]                     an undated code is the default; [---] is the null code
    ---STOP---                       ends the file

Words are separated by '_' or blanks; a final '_' (an exact word for TABARI) is dropped. One line
may carry several codes (`[IGOUNO 820101-911231] [ELI]`).

How an actor record becomes an `Entry`:

- aliases: the primary phrase and its synonyms, title-cased ("BASHAR_AL-ASSAD" -> "Bashar al-Assad");
  a parenthesised acronym ("IRISH_REPUBLICAN_ARMY_(IRA)_") becomes an alias of its own, other
  parenthesised words ("(COLOMBIA)") are dropped; an organisation's one-word alias of up to five
  letters is kept in capitals as well ("ETA", "FARC").
- code: the dated code in force on `as_of` (today by default; the latest start wins), else the last
  undated code, else the dated code that ended last; [---] gives no code.
- country: the code's first three letters when they are an ISO 3166 alpha-3 code (CAMEO's "KSV" is
  Kosovo's "XKX"); none for IGO, NGO, regional and other non-country codes.
- kind: PETRARCH does not say, so it is guessed from the name. An organisation ("organization";
  "group" for an armed group, i.e. a REB or INS sector or an IMG code; "media" for a MED sector)
  when a word of the name is an organisation word (ARMY, PARTY, FRONT, COUNCIL, MINISTRY...), the
  name starts with THE, has a digit, or is one word; a person otherwise, and also a one-word name
  coded as an elite (ELI). A two-word group name without such a word ("BOKO_HARAM") reads as a
  person: list such actors in a .tsv, .csv or .yaml file, with their kind, instead.
- name: the title-cased primary phrase; for a person, the shortest two-word-or-longer synonym that
  the primary phrase ends with, which drops a leading title ("SECRETARY-GENERAL_BAN_KI-MOON" with
  "+BAN_KI-MOON" is "Ban Ki-Moon"). A person's synonyms with an organisation word
  ("+OBAMA_ADMINISTRATION") name an institution, not the person, and are left out.
- skipped: records without any code (PETRARCH codes nothing for them) and bare-country records
  ("AFGHANISTAN_ [AFG]" with its cities as synonyms), which the gazetteer already covers.

Lines that fit none of the line kinds (a synonym before any primary phrase, a malformed code or
date, `{...}` or `!...!` agent-dictionary syntax, stray symbols) are skipped, counted and reported in
one warning per file; a file with no coded actor at all is not an actor dictionary (E304).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from .errors import ChroniqueError, Errors, Warnings
from .kb import Entry

log = logging.getLogger(__name__)

ORGANIZATION_WORDS = frozenset({
    "ADMINISTRATION", "AGENCY", "AIRLINES", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION", "AUTHORITY", "BANK",
    "BATTALION", "BATTALIONS", "BLOC", "BOARD", "BRIGADE", "BRIGADES", "BROTHERHOOD", "BUREAU", "CABINET", "CELL",
    "CELLS", "CENTER", "CENTRE", "CHAMBER", "CLUB", "COALITION", "COMMAND", "COMMANDOS", "COMMISSION", "COMMITTEE",
    "COMPANY", "CONFERENCE", "CONGRESS", "CORP", "CORPORATION", "CORPS", "COUNCIL", "COURT", "DEPARTMENT",
    "DIVISION", "FACTION", "FEDERATION", "FORCE", "FORCES", "FOUNDATION", "FRONT", "FUND", "GANG", "GOVERNMENT",
    "GROUP", "GROUPS", "GUARD", "GUARDS", "INC", "INSTITUTE", "JUNTA", "LEAGUE", "LTD", "MILITIA", "MINISTRY",
    "MISSION", "MOVEMENT", "NATIONS", "NETWORK", "NEWS", "NUCLEI", "NUCLEUS", "OFFICE", "ORGANISATION",
    "ORGANIZATION", "PARLIAMENT", "PARTY", "POLICE", "PRESS", "PROGRAM", "PROGRAMME", "RADIO", "REGIME",
    "SECRETARIAT", "SOCIETY", "SQUAD", "TELEVISION", "TRIBUNAL", "TV", "UNION", "UNIT", "UNITS", "UNIVERSITY",
    "VOLUNTEERS"
})
LOWER_WORDS = frozenset({"al", "el", "ul", "bin", "ibn", "de", "del", "della", "du", "des", "da", "di", "do", "dos",
                         "van", "von", "der", "den", "la", "las", "le", "les", "los", "et", "of", "the", "and", "for",
                         "in", "on", "at", "to", "y"})
GROUP_SECTORS = frozenset({"REB", "INS", "SEP", "UAF"})
CAMEO_COUNTRIES = {"KSV": "XKX", "KOS": "XKX"}  # CAMEO codes that are not ISO 3166 alpha-3
NULL_CODE = "---"

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"[A-Z0-9]{3,}|---")
_DATE = r"\d{6}|\d{8}"
_RESTRICTION = re.compile(rf"(?:(?P<op>[<>])\s*(?P<one>{_DATE})|(?P<start>{_DATE})\s*-\s*(?P<end>{_DATE}))")
_PHRASE = re.compile(r"[\w.'’,/&():\-\s]+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
_APOSTROPHE = re.compile(r"(?<=\b\w)'(\w)")  # O'Neill, D'Escoto
_SEPARATORS = re.compile(r"[_\s]+")
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_COMMENT = re.compile(r"<!--.*?-->")


@dataclass(frozen=True)
class Code:
    """One `[CODE restriction]` of an actor: valid from `start` to `end` (inclusive); both None when
    undated (the default code)."""
    code: str | None                  # None for the null code [---]
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def in_force(self, day: dt.date) -> bool:
        return self.dated and (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Record:
    """One actor of the dictionary as written: its phrases (primary first) and codes."""
    line: int
    phrases: list[str]
    codes: list[Code] = field(default_factory=list)


@dataclass
class ActorDictionary:
    """What a dictionary file gave: entries, and what was left out."""
    path: Path
    entries: list[Entry] = field(default_factory=list)
    bad_lines: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, reason)
    uncoded: int = 0                  # records without any code
    places: int = 0                   # bare-country records


def parse_date(text: str) -> dt.date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD with YY up to 30 read as 20YY and the rest as 19YY."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code(text: str) -> Code:
    """`CODE`, `CODE FROM-TO`, `CODE >FROM` or `CODE <TO` (the inside of the brackets); ValueError
    when malformed."""
    code, _, rest = text.strip().partition(" ")
    if not _CODE.fullmatch(code):
        raise ValueError(f"{code!r} is not an actor code")
    value = None if code == NULL_CODE else code
    rest = rest.strip()
    if not rest:
        return Code(value)
    match = _RESTRICTION.fullmatch(rest)
    if match is None:
        raise ValueError(f"{rest!r} is not a date restriction")
    if match["op"] == ">":
        return Code(value, start=parse_date(match["one"]))
    if match["op"] == "<":
        return Code(value, end=parse_date(match["one"]))
    start, end = parse_date(match["start"]), parse_date(match["end"])
    if end < start:
        raise ValueError(f"{rest!r} ends before it starts")
    return Code(value, start=start, end=end)


def current_code(codes: list[Code], as_of: dt.date) -> str | None:
    """The code in force on `as_of` (the latest start among those in force), else the last undated
    code, else the dated code that ended last."""
    in_force = [c for c in codes if c.in_force(as_of)]
    if in_force:
        return max(reversed(in_force), key=lambda c: c.start or dt.date.min).code
    undated = [c for c in codes if not c.dated]
    if undated:
        return undated[-1].code
    dated = [c for c in codes if c.code is not None]
    return max(reversed(dated), key=lambda c: c.end or dt.date.max).code if dated else None


def code_country(code: str | None) -> str | None:
    """ISO3 of a CAMEO code's first block when it is a country."""
    if not code or len(code) < 3:
        return None
    block = CAMEO_COUNTRIES.get(code[:3], code[:3])
    return block if pycountry.countries.get(alpha_3=block) is not None else None


def _blocks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def _strip_comment(line: str) -> str:
    for mark in ("#", ";"):
        line = line.split(mark, 1)[0]
    return line.rstrip()


def _words(phrase: str) -> list[str]:
    return [w for w in _SEPARATORS.split(phrase) if w]


@functools.lru_cache(maxsize=65536)
def _case_word(word: str, first: bool) -> str:
    if _INITIALS.fullmatch(word):
        return word
    if not first and word.lower() in LOWER_WORDS:
        return word.lower()
    parts = word.split("-")
    out = []
    for n, part in enumerate(parts):
        low = part.lower()
        if (n or not first) and low in ("al", "el", "ul") and n < len(parts) - 1:
            out.append(low)
            continue
        cased = low[:1].upper() + low[1:]
        if "'" in cased:
            cased = _APOSTROPHE.sub(lambda m: "'" + m[1].upper(), cased)
        if cased.startswith("Mc") and len(cased) > 3:
            cased = "Mc" + cased[2].upper() + cased[3:]
        out.append(cased)
    return "-".join(out)


def title_case(words: list[str]) -> str:
    """A PETRARCH phrase's words as usually written: 'BASHAR AL-ASSAD' -> 'Bashar al-Assad',
    'FRONT FOR THE LIBERATION' -> 'Front for the Liberation', 'U.N.' stays."""
    return " ".join(_case_word(w, n == 0) for n, w in enumerate(words))


def _split_parentheses(phrase: str) -> tuple[list[str], list[str]]:
    """(words without parenthesised parts, acronyms found in parentheses)."""
    acronyms = []
    if "(" not in phrase and ")" not in phrase:
        return _words(phrase), []
    for inside in _PARENTHESES.findall(phrase):
        word = inside.strip("_ ")
        if word.isalpha() and len(word) <= 6 and not _is_country_name(word):
            acronyms.append(word.upper())
    bare = re.sub(r"\([^()]*\)", " ", phrase).replace("(", " ").replace(")", " ")
    return _words(bare), acronyms


def _is_country_name(word: str) -> bool:
    try:
        pycountry.countries.lookup(word)
    except LookupError:
        return False
    return True


def _is_organization_phrase(words: list[str]) -> bool:
    return any(w.upper().strip(".,'") in ORGANIZATION_WORDS for w in words)


def _kind(words: list[str], codes: list[str]) -> str:
    elite = any("ELI" in _blocks(c) for c in codes)
    if not (_is_organization_phrase(words) or words[0].upper() == "THE" or any(c.isdigit() for w in words for c in w)
            or (len(words) == 1 and not elite)):
        return "person"
    sectors = {b for c in codes for b in _blocks(c)[1:]}
    if sectors & GROUP_SECTORS or any(c.startswith("IMG") for c in codes):
        return "group"
    if any(_blocks(c)[1:2] == ["MED"] for c in codes):
        return "media"
    return "organization"


def to_entry(record: Record, as_of: dt.date) -> Entry | None:
    """The knowledge-base entry of one actor record; None for a record without a code or a bare country."""
    if not record.codes:
        return None
    code = current_code(record.codes, as_of)
    all_codes = [c.code for c in record.codes if c.code]
    split = [_split_parentheses(p) for p in record.phrases]
    primary = split[0][0]
    if not primary:
        return None
    kind = _kind(primary, all_codes)
    aliases: list[str] = []
    for words, acronyms in split:
        if not words or (kind == "person" and _is_organization_phrase(words)):
            continue
        aliases.append(title_case(words))
        if kind != "person" and len(words) == 1 and words[0].isalpha() and 2 <= len(words[0]) <= 5:
            aliases.append(words[0].upper())
        aliases.extend(acronyms)
    name = title_case(primary)
    if kind == "person":
        tails = [w for w, _ in split[1:] if len(w) >= 2 and len(w) < len(primary)
                 and [x.upper() for x in primary[-len(w):]] == [x.upper() for x in w]]
        if tails:
            name = title_case(min(tails, key=len))
    elif len(primary) == 1 and primary[0].isalpha() and len(primary[0]) <= 4:
        name = primary[0].upper()  # NATO, IAEA
    return Entry(name=name, kind=kind, country=code_country(code), code=code,
                 aliases=tuple(dict.fromkeys((name, *aliases))))


def _is_bare_country(record: Record) -> bool:
    codes = [c.code for c in record.codes if c.code]
    words = _split_parentheses(record.phrases[0])[0]
    return bool(codes) and all(len(c) == 3 and code_country(c) for c in codes) and not _is_organization_phrase(words)


def parse_records(lines: list[str]) -> tuple[list[Record], list[tuple[int, str, str]]]:
    """The actor records of a dictionary's lines, and the lines that are none of comment, primary
    phrase, synonym or code line, each with its number and the reason."""
    records: list[Record] = []
    bad: list[tuple[int, str, str]] = []
    in_comment = False
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if in_comment:
            if "-->" in line:
                in_comment, line = False, line.split("-->", 1)[1]
            else:
                continue
        if "<!--" in line:
            line = _COMMENT.sub(" ", line)
        if "<!--" in line:
            line, in_comment = line.split("<!--", 1)[0], True
        line = _strip_comment(line)
        text = line.strip()
        if not text:
            continue
        if "---STOP---" in text:
            break
        synonym = text.startswith("+")
        phrase = _BRACKET.sub(" ", text[1:] if synonym else text).strip()
        codes: list[Code] = []
        for inside in _BRACKET.findall(text):
            try:
                codes.append(parse_code(inside))
            except ValueError as error:  # the line's other codes and phrase still count
                if not bad or bad[-1][0] != number:
                    bad.append((number, text, str(error)))
        if not phrase and not codes:  # '+' alone, or only bad codes
            if not bad or bad[-1][0] != number:
                bad.append((number, text, "empty synonym"))
            continue
        if phrase and not _PHRASE.fullmatch(phrase):
            bad.append((number, text, "not an actor phrase (agent or verb dictionary syntax?)"))
            continue
        if phrase and not any(c.isalpha() for c in phrase):
            bad.append((number, text, "a phrase needs letters"))
            continue
        if not phrase or synonym:
            if not records:
                bad.append((number, text, "code or synonym before any actor"))
                continue
            if phrase:
                records[-1].phrases.append(phrase)
            records[-1].codes.extend(codes)
            continue
        records.append(Record(number, [phrase], codes))
    return records, bad


def looks_like_actor_dictionary(path: Path) -> bool:
    """Whether a file's first lines look like a PETRARCH actor dictionary: no tab or comma-separated
    header naming a `name` column, and a `[CODE]` or `+SYNONYM` line."""
    try:
        with path.open(encoding="utf-8") as handle:
            head = [line for _, line in zip(range(200), handle, strict=False)]
    except (OSError, UnicodeDecodeError):
        return False
    content = [line for line in head if line.strip() and not line.lstrip().startswith(("#", "<!"))]
    if not content or re.split(r"[\t,]", content[0].strip().lower())[0] == "name":
        return False
    return any(_BRACKET.search(_strip_comment(line)) or line.startswith("+") for line in content)


def read_actor_dictionary(path: Path, as_of: dt.date | None = None) -> ActorDictionary:
    """Knowledge-base entries of a PETRARCH actor dictionary file, codes chosen as of `as_of`
    (default: today). Raises E304 when the file is not an actor dictionary at all."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        raise ChroniqueError(Errors.E304, path=path, reason=f"not UTF-8 text: {error.reason}") from None
    records, bad = parse_records(lines)
    if not any(r.codes for r in records):
        reason = "no actor with a [CODE]" if records else "no actor lines"
        raise ChroniqueError(Errors.E304, path=path, reason=reason)
    day = as_of or dt.date.today()
    result = ActorDictionary(path=path, bad_lines=bad)
    for record in records:
        if not record.codes:
            result.uncoded += 1
        elif _is_bare_country(record):
            result.places += 1
        elif (entry := to_entry(record, day)) is not None:
            result.entries.append(entry)
    if bad:
        line, text, reason = bad[0]
        log.warning("[W003] " + Warnings.W003.format(path=path, count=len(bad), line=line, text=text, reason=reason))
    return result
