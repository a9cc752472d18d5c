"""Quotation marks of every style, paired per paragraph with repairs for what news text breaks: a
doubled opening mark counts once, an opening mark left open is closed before the next one or at the
end of its paragraph. Shared by the mentions stage (no pronoun resolution inside quotes) and the
quotes stage."""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›", "\"": "\""}
# typewriter double marks of American newspapers (''…'') and of TeX (``…''): an opening pair after a space or
# the paragraph start, a closing pair after a word or punctuation
DOUBLED_OPENING = re.compile(r"(?:''|``)(?=[^\s'])")
DOUBLED_CLOSING = re.compile(r"(?<=[^\s'`])''(?![\w`])")


@dataclass
class Marked:
    start: int      # first character inside the marks
    end: int        # end of the quoted words (exclusive), before the closing mark
    outer_end: int  # after the closing mark
    closed: bool


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_marked(text: str, english_single: bool) -> list[Marked]:
    """Spans between quotation marks, outermost only, paragraph by paragraph."""
    out: list[Marked] = []
    offset = 0
    for paragraph in text.split("\n"):
        out += _marked_in(paragraph, offset)
        if english_single:
            out += [m for m in _doubled_in(paragraph, offset) if not any(o.start - 1 <= m.start < o.outer_end
                                                                          for o in out)]
            for match in re.finditer(r"(?<![\w’'])'(?=\w)([^'\n]{2,200}?)(?<=[\w.,!?])'(?![\w])", paragraph):
                start, end = _trim(text, offset + match.start(1), offset + match.end(1))
                if not any(m.start - 1 <= start < m.outer_end for m in out):
                    out.append(Marked(start, end, offset + match.end(), True))
        offset += len(paragraph) + 1
    return sorted(out, key=lambda m: m.start)


def _marked_in(paragraph: str, offset: int) -> list[Marked]:
    out: list[Marked] = []
    open_at: int | None = None
    closer = ""
    i = 0
    while i < len(paragraph):
        c = paragraph[i]
        if open_at is None:
            if c in PAIRS and (c != "\"" or _opens_straight(paragraph, i)):
                open_at, closer = i, PAIRS[c]
            elif c in ("»", "”") or (c == "\"" and _closes_straight(paragraph, i) and i > 0
                                     and not paragraph[i - 1].isspace()):
                # a closing mark whose opening mark is missing: the quote runs from its sentence start
                floor = out[-1].outer_end - offset if out else 0
                start = max(floor, _sentence_start(paragraph, i))
                if paragraph[start:i].strip() and len(paragraph[start:i].split()) > 1:
                    first, end = _trim(paragraph, start, i)
                    out.append(Marked(offset + first, offset + end, offset + i + 1, False))
        elif (c == closer and not (c == "\"" and _opens_straight(paragraph, i) and not _closes_straight(
                paragraph, i))) or _mixed_close(paragraph, i, closer):
            if paragraph[open_at + 1:i].strip():
                start, end = _trim(paragraph, open_at + 1, i)
                out.append(Marked(offset + start, offset + end, offset + i + 1, True))
            open_at = None
        elif (c == "«" and closer == "»") or (c == closer == "\"" and _reopens_straight(paragraph, i)):
            if paragraph[open_at + 1:i].strip():  # a mark left open: close it before this one
                start, end = _trim(paragraph, open_at + 1, i)
                out.append(Marked(offset + start, offset + end, offset + i, False))
            open_at = i
        i += 1
    if open_at is not None and paragraph[open_at + 1:].strip():
        start, end = _trim(paragraph, open_at + 1, len(paragraph))
        out.append(Marked(offset + start, offset + end, offset + len(paragraph), False))
    return out


def _doubled_in(paragraph: str, offset: int) -> list[Marked]:
    """Spans between doubled apostrophes or backquotes (''…'', ``…''); an opening pair left open runs to the
    end of its paragraph, as a newspaper quote that goes on in the next paragraph does."""
    out: list[Marked] = []
    i = 0
    while True:
        opening = DOUBLED_OPENING.search(paragraph, i)
        if opening is None or (opening.start() > 0 and paragraph[opening.start() - 1] not in " \t([{—–-/"):
            if opening is None:
                return out
            i = opening.end()
            continue
        closing = DOUBLED_CLOSING.search(paragraph, opening.end())
        stop = closing.start() if closing else len(paragraph)
        start, end = _trim(paragraph, opening.end(), stop)
        if end > start:
            out.append(Marked(offset + start, offset + end, offset + (closing.end() if closing else stop),
                              closing is not None))
        if closing is None:
            return out
        i = closing.end()


def _reopens_straight(text: str, i: int) -> bool:
    """A straight mark that opens a new sentence inside an open quote ("…unity. "That is the goal"): the
    paragraph break between two quoted paragraphs was lost, so the first quote ends before it."""
    return _opens_straight(text, i) and not _closes_straight(text, i) and i >= 2 and text[i - 1] == " " and \
        text[i - 2] in ".!?"


def _mixed_close(paragraph: str, i: int, closer: str) -> bool:
    """A straight mark closing a curly one or the reverse (“…" and "…”, typed by hand), when no closing mark of
    the expected style comes before the next opening mark or the paragraph end."""
    c = paragraph[i]
    if {c, closer} != {"”", "\""} or i == 0 or paragraph[i - 1].isspace() or not _closes_straight(paragraph, i):
        return False
    for j in range(i + 1, len(paragraph)):
        if paragraph[j] == "“" or (paragraph[j] == "\"" and _opens_straight(paragraph, j)
                                   and not _closes_straight(paragraph, j)):
            return True
        if paragraph[j] == closer:
            return False
    return True


def _sentence_start(text: str, i: int) -> int:
    """Start of the sentence that ends at position i: after the last '. ', '! ', '? ' or ': ' before it."""
    cut = max(text.rfind(mark, 0, i) for mark in (". ", "! ", "? ", ": ", ".", "?", "!"))
    return 0 if cut < 0 else cut + 1


def _opens_straight(text: str, i: int) -> bool:
    return (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and not text[i + 1].isspace()


def _closes_straight(text: str, i: int) -> bool:
    return i + 1 == len(text) or not text[i + 1].isalnum()


def inside_marks(marks: list[Marked], start: int) -> bool:
    return any(m.start <= start < m.end for m in marks)
