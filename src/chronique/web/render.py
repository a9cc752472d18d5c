"""What the pages draw, computed here so the templates only lay it out: an article's text with every
annotation highlighted, bar charts of events by month and type, and event places on a world map.

Everything is escaped here or by Jinja2's autoescaping; article text never reaches a page unescaped."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

PLOVER_TYPES = ("AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
                "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN")
LEGEND = (("actor", "actor (name)"), ("nominal", "actor (role or pronoun)"), ("quote", "quote"),
          ("cue", "speech cue"), ("event", "event trigger"), ("place", "place"), ("time", "date or time"),
          ("focus", "the sentence you came for"))


# --------------------------------------------------------------------------------------- highlighting
@dataclass
class Mark:
    start: int
    end: int
    kind: str           # a CSS class: actor, nominal, quote, cue, event, place, time, focus
    label: str          # shown on hover


def marks_of(record: dict[str, Any], focus: tuple[int, int] | None = None) -> list[Mark]:
    """Every span a record points at, as marks; `focus` is a span to stand out (a sentence, a quote)."""
    actors = {a["id"]: a for a in record["actors"]}
    places = {p["id"]: p for p in record["places"]}

    def who(actor_id: str | None) -> str:
        return actors[actor_id]["name"] if actor_id in actors else "?"

    marks = []
    for a in record["actors"]:
        described = ", ".join(v for v in (a["kind"], a.get("country"), a.get("role")) if v)
        for m in a["mentions"]:
            marks.append(Mark(m["start"], m["end"], "actor" if m["form"] == "name" else "nominal",
                              f"{a['name']} ({described})"))
    for q in record["quotes"]:
        via = f", via {who(q['via'])}" if q.get("via") else ""
        marks.append(Mark(q["start"], q["end"], "quote", f"{q['kind']} quote of {who(q.get('speaker'))}{via}"))
        if q.get("cue"):
            marks.append(Mark(q["cue"]["start"], q["cue"]["end"], "cue", f"cue of a quote of {who(q.get('speaker'))}"))
    for e in record["events"]:
        place = f" in {places[e['place']]['name']}" if e.get("place") in places else ""
        state = " (negated)" if e["negated"] else "" if e["modality"] == "asserted" else f" ({e['modality']})"
        marks.append(Mark(e["trigger"]["start"], e["trigger"]["end"], "event",
                          f"{e['type']}: {who(e.get('source'))} → {who(e.get('target'))}{place}, "
                          f"{e.get('date') or 'undated'}{state}"))
    for p in record["places"]:
        for m in p["mentions"]:
            marks.append(Mark(m["start"], m["end"], "place", f"{p['name']} ({p['feature']}, {p.get('country')})"))
    for t in record["times"]:
        marks.append(Mark(t["start"], t["end"], "time", f"{t['type']}: {t['value']}"))
    if focus is not None:
        marks.append(Mark(focus[0], focus[1], "focus", "the sentence you came for"))
    return [m for m in marks if 0 <= m.start < m.end <= len(record["text"])]


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as HTML, cut at every mark boundary; each piece carries the classes and labels of the
    marks covering it, so overlapping and nested annotations all show. The first focused piece gets
    id="focus" for links to land on."""
    marks = sorted(marks, key=lambda m: (m.start, -m.end))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces: list[str] = []
    active: list[Mark] = []  # the marks covering the current piece: a sweep, not a search per piece
    upcoming = 0
    focused = False
    for begin, end in itertools.pairwise(bounds):
        while upcoming < len(marks) and marks[upcoming].start <= begin:
            active.append(marks[upcoming])
            upcoming += 1
        active = [m for m in active if m.end >= end]
        piece = escape(text[begin:end])
        if not active:
            pieces.append(piece)
            continue
        kinds = sorted({m.kind for m in active})
        labels = "\n".join(dict.fromkeys(m.label for m in active if m.kind != "focus"))
        anchor = ""
        if "focus" in kinds and not focused:
            anchor, focused = ' id="focus"', True
        pieces.append(f'<span class="{" ".join(kinds)}"{anchor} title="{escape(labels)}">{piece}</span>')
    return Markup("".join(pieces))


# --------------------------------------------------------------------------------------- charts
@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    type: str
    month: str
    count: int
    href: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)   # (x, month) under the axis
    ticks: list[tuple[float, int]] = field(default_factory=list)    # (y, count) on the left
    types: list[str] = field(default_factory=list)                  # types present, for the legend


PLOT_LEFT, PLOT_TOP, PLOT_BOTTOM = 36, 10, 30
MAX_MONTHS = 240
MAX_BAR = 48  # pixels: a lone month is a bar, not a wall


def months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last and len(out) < MAX_MONTHS:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def bar_chart(counts: list[dict[str, Any]], link: Callable[[str, str], str], width: int = 720,
              height: int = 220) -> Chart:
    """Stacked bars of event counts by month (every month between the first and the last, and an
    'undated' bar when some are), one colour per PLOVER type; each piece links to its events."""
    by_month: dict[str, dict[str, int]] = {}
    for row in counts:
        by_month.setdefault(row["month"] or "undated", {})[row["type"]] = row["events"]
    dated = sorted(m for m in by_month if m != "undated" and len(m) == 7)
    months = months_between(dated[0], dated[-1]) if dated else []
    if "undated" in by_month:
        months.append("undated")
    chart = Chart(width, height, types=sorted({r["type"] for r in counts}, key=type_order))
    if not months:
        return chart
    top = max(sum(by_month.get(m, {}).values()) for m in months)
    scale = (height - PLOT_TOP - PLOT_BOTTOM) / top
    step = (width - PLOT_LEFT) / len(months)
    bar = min(step * 0.8, MAX_BAR)
    every = max(1, math.ceil(len(months) / 12))
    for n, month in enumerate(months):
        x = PLOT_LEFT + n * step
        y = height - PLOT_BOTTOM
        for kind in sorted(by_month.get(month, {}), key=type_order):
            count = by_month[month][kind]
            y -= count * scale
            chart.bars.append(Bar(round(x + (step - bar) / 2, 1), round(y, 1), round(bar, 1),
                                  round(count * scale, 1), kind, month, count, link(month, kind)))
        if n % every == 0 or month == "undated":
            chart.labels.append((round(x + step / 2, 1), month))
    for value in sorted({top, math.ceil(top / 2)} - {0}):
        chart.ticks.append((round(height - PLOT_BOTTOM - value * scale, 1), value))
    return chart


def type_order(kind: str) -> int:
    return PLOVER_TYPES.index(kind) if kind in PLOVER_TYPES else len(PLOVER_TYPES)


# --------------------------------------------------------------------------------------- map
# The base map is pygal_maps_world's world map: a Robinson projection centred on 11°E. These constants
# place a latitude and longitude on it (checked against small countries' outlines).
MAP_WIDTH, MAP_HEIGHT = 2475, 1388
CENTRAL_MERIDIAN, CENTRE_X, EQUATOR_Y = 11.0, 1283.5, 683.9
X_PER_DEGREE, Y_SCALE = 7.647, 698.1
ROBINSON = (  # parallel length X and distance from the equator Y, every 5° of latitude
    (1.0000, 0.0000), (0.9986, 0.0620), (0.9954, 0.1240), (0.9900, 0.1860), (0.9822, 0.2480), (0.9730, 0.3100),
    (0.9600, 0.3720), (0.9427, 0.4340), (0.9216, 0.4958), (0.8962, 0.5571), (0.8679, 0.6176), (0.8350, 0.6769),
    (0.7986, 0.7346), (0.7597, 0.7903), (0.7186, 0.8435), (0.6732, 0.8936), (0.6213, 0.9394), (0.5722, 0.9761),
    (0.5322, 1.0000))


def robinson(lat: float, lon: float) -> tuple[float, float]:
    """(x, y) on the base map of a point."""
    position = min(abs(lat), 90.0) / 5
    row = min(int(position), len(ROBINSON) - 2)
    part = position - row
    parallel = ROBINSON[row][0] + (ROBINSON[row + 1][0] - ROBINSON[row][0]) * part
    height = ROBINSON[row][1] + (ROBINSON[row + 1][1] - ROBINSON[row][1]) * part
    longitude = (lon - CENTRAL_MERIDIAN + 180) % 360 - 180
    return (round(CENTRE_X + X_PER_DEGREE * parallel * longitude, 1),
            round(EQUATOR_Y - math.copysign(Y_SCALE * height, lat), 1))


@dataclass
class Point:
    x: float
    y: float
    r: float
    name: str
    country: str | None
    events: int
    href: str


def map_points(places: list[dict[str, Any]], link: Callable[[dict[str, Any]], str]) -> list[Point]:
    """A dot per event place, its area proportional to its events; the biggest drawn first (underneath)."""
    most = max((p["events"] for p in places), default=1)
    points = []
    for place in sorted(places, key=lambda p: -p["events"]):
        x, y = robinson(place["lat"], place["lon"])
        points.append(Point(x, y, round(6 + 22 * math.sqrt(place["events"] / most), 1), place["name"],
                            place["country"], place["events"], link(place)))
    return points
