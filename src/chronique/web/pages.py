"""The pages: server-rendered HTML over the same queries as the JSON API. Every count links to its
events, every event to its reports, every report to the article with its sentence highlighted."""

from __future__ import annotations

import functools
import math
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..corpus import queries
from .api import MAX_PAGE, MAX_QUERY, Con, Identifier, Month, PloverType, found
from .render import LEGEND, PLOVER_TYPES, bar_chart, highlight, map_points, marks_of

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
Words = Annotated[str, Query(max_length=MAX_QUERY)]
PageNumber = Annotated[int, Query(alias="page", ge=1, le=MAX_PAGE)]  # "page" is also the render helper
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, {"plover_types": PLOVER_TYPES,
                                                                            **context})


def url(path: str, **params: Any) -> str:
    """A link with its query string, leaving out empty parameters."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def pager(total: int, number: int, path: str, **params: Any) -> dict[str, Any]:
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return {"total": total, "page": number, "pages": pages,
            "previous": url(path, page=number - 1, **params) if number > 1 else None,
            "next": url(path, page=number + 1, **params) if number < pages else None}


def events_link(**filters: str | None) -> str:
    return url("/events", **filters)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, con: Con, q: Words = "") -> HTMLResponse:
    if q.strip():
        return page(request, "search.html", q=q, actors=queries.find_actors(con, q, limit=20),
                    quotes=queries.quotes(con, q, limit=20), articles=queries.articles(con, q, limit=20))
    return page(request, "home.html", counts=queries.counts(con), actors=queries.find_actors(con, limit=12)[0],
                dyads=queries.top_dyads(con, 12), articles=queries.articles(con, limit=10)[0])


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, con: Con, q: Words = "", page_number: PageNumber = 1) -> HTMLResponse:
    items, total = queries.find_actors(con, q, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    return page(request, "actors.html", q=q, actors=items, paging=pager(total, page_number, "/actors", q=q))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, con: Con, actor_id: Identifier) -> HTMLResponse:
    actor = found(queries.actor(con, actor_id), "actor")
    chart = bar_chart(actor["events_by_month"], lambda month, kind: events_link(actor=actor_id, month=month,
                                                                                   type=kind))
    return page(request, "actor.html", actor=actor, chart=chart, events_url=events_link(actor=actor_id))


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, con: Con, source: Text = None, target: Text = None) -> HTMLResponse:
    counts = queries.events_by_month(con, source=source, target=target) if source and target else []
    chart = bar_chart(counts, lambda month, kind: events_link(source=source, target=target, month=month,
                                                              type=kind))
    events = queries.events(con, limit=PAGE_SIZE, source=source, target=target) if source and target else ([], 0)
    return page(request, "dyad.html", source=source or "", target=target or "", chart=chart, events=events,
                events_url=events_link(source=source, target=target), dyads=queries.top_dyads(con, 20))


@router.get("/events", response_class=HTMLResponse)
def event_list(request: Request, con: Con, actor: Text = None, source: Text = None, target: Text = None,
               month: Month = None, type: PloverType | None = None, place: Text = None,
               page_number: PageNumber = 1) -> HTMLResponse:
    filters = {"actor": actor, "source": source, "target": target, "month": month,
               "type": type.value if type else None, "place": place}
    items, total = queries.events(con, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE, **filters)
    actor_name = queries.actor_name(con, actor) if actor else None
    return page(request, "events.html", events=items, filters={k: v for k, v in filters.items() if v},
                actor_name=actor_name, paging=pager(total, page_number, "/events", **filters))


@router.get("/events/{article_id}/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, con: Con, article_id: Identifier, event_id: Identifier) -> HTMLResponse:
    event = found(queries.event(con, article_id, event_id), "event")
    return page(request, "event.html", event=event)


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, con: Con, q: Words = "",
                 page_number: PageNumber = 1) -> HTMLResponse:
    items, total = queries.articles(con, q, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    return page(request, "articles.html", q=q, articles=items, paging=pager(total, page_number, "/articles", q=q))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, con: Con, article_id: Identifier,
                 event: Annotated[str | None, Query(max_length=64)] = None,
                 quote: Annotated[str | None, Query(max_length=64)] = None) -> HTMLResponse:
    article = found(queries.article(con, article_id), "article")
    record = article["record"]
    focus = None
    focused_event = next((e for e in record["events"] if e["id"] == event), None)
    focused_quote = next((q for q in record["quotes"] if q["id"] == quote), None)
    if focused_event:
        focus = (focused_event["sentence"]["start"], focused_event["sentence"]["end"])
    elif focused_quote:
        focus = (focused_quote["start"], focused_quote["end"])
    actors = {a["id"]: a for a in record["actors"]}
    return page(request, "article.html", article=article, record=record, actors=actors,
                body=highlight(record["text"], marks_of(record, focus)), legend=LEGEND,
                focused_event=focused_event, focused_quote=focused_quote)


@router.get("/quotes", response_class=HTMLResponse)
def quote_list(request: Request, con: Con, q: Words = "",
               page_number: PageNumber = 1) -> HTMLResponse:
    items, total = queries.quotes(con, q, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    return page(request, "quotes.html", q=q, quotes=items, paging=pager(total, page_number, "/quotes", q=q))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, con: Con) -> HTMLResponse:
    places = queries.event_places(con)
    points = map_points(places, lambda p: events_link(place=p["name"]))
    return page(request, "map.html", points=points, places=places)


@router.get("/map/world.svg")
def world_map() -> Response:
    """The base map, from the pygal_maps_world package: served from here, never from the network."""
    return Response(base_map(), media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@functools.cache
def base_map() -> bytes:
    """pygal's world map with its countries filled and outlined (as attributes: the package styles them
    with CSS of its own, which is not shipped with the map)."""
    svg = (resources.files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")
    return svg.replace('<g id="countries">', '<g id="countries" fill="#d5dbe2" stroke="#ffffff" stroke-width="0.8">',
                       1).encode("utf-8")
