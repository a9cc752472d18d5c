"""`--format text`: a readable report of one record, printed with Rich."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def render(record: dict[str, Any]) -> Panel:
    actors = {a["id"]: a for a in record["actors"]}

    def who(actor_id: str | None) -> str:
        return actors[actor_id]["name"] if actor_id in actors else "—"

    parts: list[Any] = []
    table = Table(title="Actors", expand=True, show_lines=False)
    for column in ("name", "kind", "country", "role", "spellings"):
        table.add_column(column)
    for actor in record["actors"]:
        forms = sorted({m["text"] for m in actor["mentions"]})
        table.add_row(actor["name"], actor["kind"], actor.get("country") or "", actor.get("role") or "",
                      ", ".join(forms))
    parts.append(table)
    quotes = Table(title="Quotes", expand=True)
    for column in ("speaker", "kind", "via", "words"):
        quotes.add_column(column)
    for quote in record["quotes"]:
        words = quote["text"] if len(quote["text"]) < 160 else quote["text"][:157] + "…"
        quotes.add_row(who(quote.get("speaker")), quote["kind"], who(quote.get("via")) if quote.get("via") else "",
                       words)
    parts.append(quotes)
    events = Table(title="Events", expand=True)
    for column in ("date", "type", "source", "target", "trigger", "modality"):
        events.add_column(column)
    for event in sorted(record["events"], key=lambda e: e.get("date") or ""):
        events.add_row(event.get("date") or "", event["type"], who(event.get("source")), who(event.get("target")),
                       event["trigger"]["text"], event["modality"] + (" (negated)" if event["negated"] else ""))
    parts.append(events)
    places = ", ".join(f"{p['name']} ({p.get('country') or '?'})" for p in record["places"])
    times = ", ".join(f"{t['text']} = {t['value']}" for t in record["times"])
    parts.append(Text(f"Places: {places or '—'}"))
    parts.append(Text(f"Times: {times or '—'}"))
    for warning in record.get("warnings") or []:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    title = f"{record['id']} · {record['lang']} · {record.get('published') or 'no date'}"
    return Panel(Group(*parts), title=title, subtitle=record.get("title") or "")


def print_report(record: dict[str, Any], console: Console) -> None:
    console.print(render(record))
