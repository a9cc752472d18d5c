"""The one place where a `Doc` becomes the contract record (shared/eval/CONTRACT.md)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def build_record(doc: Doc) -> dict[str, Any]:
    text = doc.text
    meta = doc._.chronique_meta or {}
    actors = doc._.chronique_actors or []
    actor_ids = {a.id for a in actors}
    record: dict[str, Any] = {
        "id": meta.get("id"),
        "lang": doc.lang_,
        "published": meta.get("published"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "outlet": meta.get("outlet"),
        "text": text,
        "actors": [{
            "id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role, "code": a.code,
            "kb_id": a.kb_id,
            "mentions": [dict(span(text, m.start, m.end), form=m.form) for m in a.mentions],
        } for a in actors],
        "quotes": [dict(span(text, q.start, q.end), id=q.id, kind=q.kind,
                        speaker=q.speaker if q.speaker in actor_ids else None,
                        cue=span(text, *q.cue) if q.cue else None,
                        via=q.via if q.via in actor_ids else None, confidence=q.confidence)
                   for q in doc._.chronique_quotes or []],
        "events": [{
            "id": e.id, "type": e.type, "mode": e.mode, "cameo": e.cameo, "source": e.source, "target": e.target,
            "trigger": span(text, *e.trigger), "sentence": {"start": e.sentence[0], "end": e.sentence[1]},
            "date": e.date, "date_source": e.date_source, "place": e.place, "negated": e.negated,
            "modality": e.modality, "quote": e.quote, "confidence": e.confidence,
        } for e in doc._.chronique_events or []],
        "places": [{
            "id": p.id, "name": p.name, "country": p.country, "geonames_id": p.geonames_id, "lat": p.lat,
            "lon": p.lon, "feature": p.feature, "mentions": [span(text, s, e) for s, e in p.mentions],
        } for p in doc._.chronique_places or []],
        "times": [dict(span(text, t.start, t.end), value=t.value, type=t.type) for t in doc._.chronique_times or []],
        "warnings": list(doc._.chronique_warnings or []),
    }
    return record
