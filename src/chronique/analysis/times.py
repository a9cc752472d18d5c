"""`chronique_times`: temporal expressions resolved to ISO values at their own granularity, anchored
on the publication date.

The expressions are the language's `times.tsv` rules (month and weekday names come from CLDR via
babel); absolute dates are checked by dateparser. What libraries miss is done here: "mardi soir" is
the latest Tuesday on or before publication (the next one in a future-tense sentence), "le mois
dernier" the month before, "février de l'année prochaine" February of the next year.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

import dateparser
from babel import Locale
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import fold, lang_table
from .component import Component
from .lexicon import lexicon
from .types import TimeRef


@functools.cache
def calendar_names(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    """({folded month name: 1..12}, {folded weekday name: 0..6 Monday first}) from CLDR."""
    locale = Locale.parse(lang)
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in locale.months["format"][width].items():
            months.setdefault(fold(name).rstrip("."), number)
    days = {fold(name): number for number, name in locale.days["format"]["wide"].items()}
    return months, days


@functools.cache
def number_words(lang: str) -> dict[str, int]:
    row = next((r for r in lang_table(lang, "words") if r["class"] == "numbers"), None)
    return {w: n for n, w in enumerate(row["words"].split("|"))} if row else {}


@functools.cache
def ordinal_words(lang: str) -> dict[str, int]:
    row = next((r for r in lang_table(lang, "words") if r["class"] == "ordinals"), None)
    return {w: n for n, w in enumerate(row["words"].split("|"))} if row else {}


@functools.cache
def compiled_rules(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    locale = Locale.parse(lang)
    # wide names, and abbreviations with their dot where CLDR writes one ("sept." but not "sept")
    month_forms = {re.escape(n) for n in locale.months["format"]["wide"].values()}
    month_forms |= {re.escape(n) if n.endswith(".") else re.escape(n) + r"\.?"
                    for n in locale.months["format"]["abbreviated"].values()}
    month_alt = "|".join(sorted(month_forms, key=len, reverse=True))
    day_alt = "|".join(sorted((re.escape(d) for d in locale.days["format"]["wide"].values()), key=len,
                              reverse=True))
    num_alt = r"\d+|" + "|".join(sorted(number_words(lang), key=len, reverse=True))
    ordinal_alt = "|".join(sorted(ordinal_words(lang), key=len, reverse=True)) or "(?!)"
    rules = []
    for row in lang_table(lang, "times"):
        pattern = row["pattern"].replace("{month}", f"(?:{month_alt})").replace("{weekday}", f"(?:{day_alt})")
        pattern = pattern.replace("{num}", f"(?:{num_alt})").replace("{ordinal}", f"(?:{ordinal_alt})")
        rules.append((re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE), row["rule"]))
    return tuple(rules)


def shift_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class TimeResolver(Component):
    extension = "chronique_times"

    def __init__(self, nlp: Language, name: str, future_weekdays: bool) -> None:
        super().__init__(nlp, name)
        self.future_weekdays = future_weekdays
        self.rules = compiled_rules(self.lang)
        self.months, self.days = calendar_names(self.lang)
        self.numbers = number_words(self.lang)
        self.ordinals = {fold(w): n for w, n in ordinal_words(self.lang).items()}
        self.lex_future = lexicon(self.lang).words.get("future_auxiliaries", frozenset())

    def published(self, doc: Doc) -> date | None:
        value = (doc._.chronique_meta or {}).get("published")
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def is_future(self, doc: Doc, start: int) -> bool:
        """Whether the verb an expression hangs from speaks of the future ("se rendra jeudi", "will
        meet on Friday")."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return False
        token = span[0]
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX"):
                break
            if token.head.i == token.i:
                return False
            token = token.head
        future = self.lex_future
        return "Fut" in token.morph.get("Tense") or any(
            c.dep_.startswith("aux") and (fold(c.lemma_) in future or fold(c.text) in future) for c in token.children)

    def nearest(self, anchor: date, year: int, month: int, day: int | None, future: bool) -> tuple[int, int]:
        """(year, month) of a date given without its year: the latest one on or before publication, or
        the next one in a future-tense sentence."""
        candidate = (year, month, day or 1)
        here = (anchor.year, anchor.month, anchor.day if day else 1)
        if future and candidate < here:
            return year + 1, month
        if not future and candidate > here:
            return year - 1, month
        return year, month

    def month(self, text: str) -> int | None:
        return self.months.get(fold(text).rstrip("."))

    def resolve(self, rule: str, groups: dict[str, str | None], anchor: date | None, future: bool,
                text: str, previous_day: date | None = None) -> str | None:
        kind, _, arg = rule.partition(":")
        if kind == "date":
            month = self.month(groups["month"] or "")
            day_text = groups["day"] or ""
            day = 1 if not day_text.isdigit() else int(day_text)
            year = int(groups["year"]) if groups.get("year") else (anchor.year if anchor else None)
            if year is not None and year < 100:
                year += 1900 if year > 30 else 2000  # "le 10 novembre 93"
            if month is None or year is None:
                return None
            if not groups.get("year") and anchor is not None:
                year, month = self.nearest(anchor, year, month, day, future)
            parsed = dateparser.parse(f"{year}-{month:02d}-{day:02d}", settings={"DATE_ORDER": "YMD"})
            return parsed.date().isoformat() if parsed else None
        if kind == "month_year":
            month = self.month(groups["month"] or "")
            year = int(groups["year"] or 0)
            year += (1900 if year > 30 else 2000) if year < 100 else 0  # "octobre 98"
            return f"{year:04d}-{month:02d}" if month else None
        if kind == "year_number":
            return groups["year"]
        if kind == "nth_day":  # "le deuxième jour de sa visite": counted from the last day named before
            raw = fold(groups.get("num") or "")
            number = {"second": 2}.get(raw) or self.ordinals.get(raw)
            if number is None or previous_day is None:
                return None
            return (previous_day + timedelta(days=number - 1)).isoformat()
        if anchor is None:
            return None
        if kind in ("month_last", "month_next"):  # "juin dernier": the latest June before publication
            month = self.month(groups["month"] or "")
            if month is None:
                return None
            step = -1 if kind == "month_last" else 1
            year, current = anchor.year, anchor.month
            while True:
                year, current = shift_months(year, current, step)
                if current == month:
                    return f"{year:04d}-{month:02d}"
        if kind == "month_name":
            month = self.month(groups["month"] or "")
            if month is None:
                return None
            year = anchor.year + int(arg)
            if arg == "0":
                year, month = self.nearest(anchor, year, month, None, future)
            return f"{year:04d}-{month:02d}"
        if kind.startswith("weekday"):
            weekday = next((n for name, n in self.days.items() if fold(text).find(name) >= 0), None)
            if weekday is None:
                return None
            back, ahead = (anchor.weekday() - weekday) % 7, (weekday - anchor.weekday()) % 7
            if kind == "weekday_last":   # "mercredi dernier", "last Wednesday": strictly before
                back = back or 7
            elif kind == "weekday_next" or (future and self.future_weekdays):
                return (anchor + timedelta(days=ahead or (7 if kind == "weekday_next" else 0))).isoformat()
            return (anchor - timedelta(days=back)).isoformat()
        if kind in ("ago", "ahead"):
            raw = groups.get("num") or ""
            number = int(raw) if raw.isdigit() else self.numbers.get(fold(raw))
            if number is None:
                return None
            kind, arg = arg, str(-number if kind == "ago" else number)
        offset = int(arg)
        if kind == "day":
            return (anchor + timedelta(days=offset)).isoformat()
        if kind == "week":
            return iso_week(anchor + timedelta(weeks=offset))
        if kind == "month":
            year, month = shift_months(anchor.year, anchor.month, offset)
            return f"{year:04d}-{month:02d}"
        if kind == "year":
            return f"{anchor.year + offset:04d}"
        return None

    def predict(self, doc: Doc) -> list[TimeRef]:
        text, anchor = doc.text, self.published(doc)
        found = []
        for order, (pattern, rule) in enumerate(self.rules):
            for match in pattern.finditer(text):
                found.append((match.start(), -(match.end() - match.start()), order, match, rule))
        taken: list[tuple[int, int]] = []
        times: list[TimeRef] = []
        deferred: list[re.Match[str]] = []
        for start, _, _, match, rule in sorted(found, key=lambda f: (f[1], f[2], f[0])):
            end = match.end()
            if any(start < e and s < end for s, e in taken):
                continue
            month = match.groupdict().get("month")
            if self.lang == "en" and month and month[:1].islower():  # "may", "march" are verbs
                continue
            if rule == "nth_day":  # resolved below, once the days named before it are known
                taken.append((start, end))
                deferred.append(match)
                continue
            value = self.resolve(rule, match.groupdict(), anchor, self.is_future(doc, start), match.group(0))
            if value is None:
                continue
            taken.append((start, end))
            times.append(TimeRef(start, end, match.group(0), value))
        for match in deferred:
            days = [t for t in times if t.start < match.start() and len(t.value) == 10]
            previous = date.fromisoformat(max(days, key=lambda t: t.start).value) if days else None
            value = self.resolve("nth_day", match.groupdict(), anchor, False, match.group(0), previous)
            if value is not None:
                times.append(TimeRef(match.start(), match.end(), match.group(0), value))
        return sorted(times, key=lambda t: t.start)


@Language.factory("chronique_times", default_config={"future_weekdays": True})
def make_times(nlp: Language, name: str, future_weekdays: bool) -> TimeResolver:
    return TimeResolver(nlp, name, future_weekdays)
