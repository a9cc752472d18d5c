"""The JSON API: the pages' data, paginated and with bounded inputs, described by `/openapi.json`.

Reads are open. `POST /api/articles` analyses one article and stores it; it needs the server's bearer
token (401 without one, 403 with a wrong one or on a read-only server)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from ..corpus import queries
from ..corpus.readers import MAX_CHARS
from ..errors import ChroniqueError, Errors, InputError
from .app import token_matches

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--token).")

MAX_QUERY = 200     # characters of a search
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
T = TypeVar("T")


class PloverType(StrEnum):
    AGREE = "AGREE"
    ACCUSE = "ACCUSE"
    AID = "AID"
    ASSAULT = "ASSAULT"
    COERCE = "COERCE"
    CONCEDE = "CONCEDE"
    CONSULT = "CONSULT"
    COOPERATE = "COOPERATE"
    MOBILIZE = "MOBILIZE"
    PROTEST = "PROTEST"
    REJECT = "REJECT"
    REQUEST = "REQUEST"
    RETREAT = "RETREAT"
    SANCTION = "SANCTION"
    SUPPORT = "SUPPORT"
    THREATEN = "THREATEN"


# --------------------------------------------------------------------------------------- parameters
def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One cursor a request, closed after it."""
    yield from request.app.state.db.cursor()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Words = Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="Words, all of which must occur.")]
OptionalWords = Annotated[str, Query(max_length=MAX_QUERY, description="Words, all of which must occur.")]
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items a page.")]
Identifier = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Side = Annotated[str | None, Query(max_length=MAX_QUERY, description="An actor id, a country (ISO3) or a name.")]
Month = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}|undated)$", description="YYYY-MM, or 'undated'.")]
ActorId = Annotated[str | None, Query(max_length=64, description="A corpus actor id.")]


# --------------------------------------------------------------------------------------- models
class Problem(BaseModel):
    detail: str


class Page(BaseModel, Generic[T]):
    items: list[T]
    page: int
    size: int
    total: int


class ActorSummary(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    role: str | None
    code: str | None
    mentions: int
    articles: int
    events: int
    quotes: int


class Spelling(BaseModel):
    text: str
    form: str
    count: int
    articles: int


class MonthCount(BaseModel):
    month: str | None
    type: str
    events: int
    articles: int


class EventReport(BaseModel):
    article_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    negated: bool | None
    modality: str | None
    confidence: float | None
    trigger_text: str
    source_id: str | None
    source_name: str | None
    source_country: str | None
    target_id: str | None
    target_name: str | None
    target_country: str | None
    place: str | None
    title: str | None
    outlet: str | None
    sentence: str


class QuoteOut(BaseModel):
    article_id: str
    quote_id: str
    text: str
    kind: str
    cue: str | None
    confidence: float | None
    speaker_id: str | None
    speaker_name: str | None
    via_id: str | None
    via_name: str | None
    title: str | None
    published: dt.date | None


class ActorDetail(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    role: str | None
    code: str | None
    kb_id: str | None
    spellings: list[Spelling]
    roles: list[str]
    quotes: list[QuoteOut]
    events_by_month: list[MonthCount]
    events: list[EventReport]
    event_count: int


class ReportInEvent(EventReport):
    sentence_start: int
    trigger_from: int
    trigger_to: int


class EventDetail(EventReport):
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    quote_id: str | None
    date_source: str | None
    reports: list[ReportInEvent]


class Dyad(BaseModel):
    source: str
    target: str
    months: list[MonthCount]


class ArticleSummary(BaseModel):
    id: str
    input_id: str | None
    title: str | None
    published: dt.date | None
    lang: str | None
    outlet: str | None
    url: str | None
    chars: int
    duplicate: bool


class ArticleDetail(BaseModel):
    id: str
    input_id: str | None
    source: str | None
    title: str | None
    published: dt.date | None
    lang: str | None
    outlet: str | None
    url: str | None
    duplicate_of: str | None
    corpus_actors: dict[str, str] = Field(description="Corpus actor id of each of the record's actors.")
    record: dict[str, Any] = Field(description="The contract record: actors, quotes, events, places, times.")


class PlaceOut(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str | None
    events: int


class SearchResults(BaseModel):
    query: str
    actors: list[ActorSummary]
    quotes: list[QuoteOut]
    articles: list[ArticleSummary]


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHARS, description="The article text; offsets index into it.")
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=2000)
    published: dt.date | None = None
    lang: Literal["fr", "en"] | None = Field(None, description="Detected when absent.")
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)


class Stored(BaseModel):
    article_id: str
    stored: bool = Field(description="False when the same text was already stored.")
    duplicate_of: str | None
    events: int
    quotes: int
    actors: int


NOT_FOUND = {404: {"description": "No such item", "model": Problem}}


def page_of(items: list[dict], total: int, page: int, size: int) -> dict[str, Any]:
    return {"items": items, "page": page, "size": size, "total": total}


def found(item: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


# --------------------------------------------------------------------------------------- reads
@router.get("/stats", summary="Rows in each table")
def stats(con: Con) -> dict[str, int]:
    return queries.counts(con)


@router.get("/search", response_model=SearchResults, summary="Actors, quotes and articles matching words")
def search(con: Con, q: Words) -> dict[str, Any]:
    return {"query": q, "actors": queries.find_actors(con, q, limit=10)[0],
            "quotes": queries.quotes(con, q, limit=10)[0], "articles": queries.articles(con, q, limit=10)[0]}


@router.get("/actors", response_model=Page[ActorSummary], summary="Actors, busiest first")
def actors(con: Con, q: OptionalWords = "", page: PageNumber = 1, size: PageSize = 20) -> dict[str, Any]:
    items, total = queries.find_actors(con, q, limit=size, offset=(page - 1) * size)
    return page_of(items, total, page, size)


@router.get("/actors/{actor_id}", response_model=ActorDetail, responses=NOT_FOUND,
            summary="An actor: spellings, roles, quotes, events by month")
def actor(con: Con, actor_id: Identifier) -> dict[str, Any]:
    return found(queries.actor(con, actor_id), "actor")


@router.get("/events", response_model=Page[EventReport], summary="Event reports, oldest first")
def events(con: Con, actor: ActorId = None, source: Side = None, target: Side = None, month: Month = None,
           type: PloverType | None = None, place: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
           page: PageNumber = 1, size: PageSize = 20) -> dict[str, Any]:
    items, total = queries.events(con, limit=size, offset=(page - 1) * size, actor=actor, source=source,
                                  target=target, month=month, type=type.value if type else None, place=place)
    return page_of(items, total, page, size)


@router.get("/events/{article_id}/{event_id}", response_model=EventDetail, responses=NOT_FOUND,
            summary="An event report and every report of the same event")
def event(con: Con, article_id: Identifier, event_id: Identifier) -> dict[str, Any]:
    return found(queries.event(con, article_id, event_id), "event")


@router.get("/dyad", response_model=Dyad, summary="Events between two actors or countries by month and type")
def dyad(con: Con, source: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
         target: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)]) -> dict[str, Any]:
    return {"source": source, "target": target,
            "months": queries.events_by_month(con, source=source, target=target)}


@router.get("/quotes", response_model=Page[QuoteOut], summary="Quotes containing words, with speakers")
def quotes(con: Con, q: OptionalWords = "", speaker: ActorId = None, page: PageNumber = 1,
           size: PageSize = 20) -> dict[str, Any]:
    items, total = queries.quotes(con, q, speaker=speaker, limit=size, offset=(page - 1) * size)
    return page_of(items, total, page, size)


@router.get("/articles", response_model=Page[ArticleSummary], summary="Articles, newest first")
def articles(con: Con, q: OptionalWords = "", page: PageNumber = 1, size: PageSize = 20) -> dict[str, Any]:
    items, total = queries.articles(con, q, limit=size, offset=(page - 1) * size)
    return page_of(items, total, page, size)


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND,
            summary="An article with its full record")
def article(con: Con, article_id: Identifier) -> dict[str, Any]:
    return found(queries.article(con, article_id), "article")


@router.get("/places", response_model=list[PlaceOut], summary="Places of events, with coordinates")
def places(con: Con, limit: Annotated[int, Query(ge=1, le=1000)] = 500) -> list[dict[str, Any]]:
    return queries.event_places(con, limit)


# --------------------------------------------------------------------------------------- writes
@router.post("/articles", response_model=Stored, status_code=201, summary="Analyse and store an article",
             responses={200: {"model": Stored, "description": "The same text was already stored"},
                        401: {"model": Problem, "description": "No bearer token"},
                        403: {"model": Problem, "description": "Wrong token, or a read-only server"},
                        422: {"description": "The article cannot be analysed"}})
def store_article(request: Request, response: Response, article: ArticleIn,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> dict[str, Any]:
    from ..analysis.analyze import analyze
    from ..corpus.readers import Article, check_text, decode

    database = request.app.state.db
    if credentials is None:
        raise HTTPException(401, str(ChroniqueError(Errors.E504)), headers={"WWW-Authenticate": "Bearer"})
    if database.store is None:
        raise HTTPException(403, str(ChroniqueError(Errors.E503)))
    if not token_matches(request.app.state.token, credentials.credentials):
        raise HTTPException(403, str(ChroniqueError(Errors.E504)))
    source = f"api:{article.id or 'article'}"
    try:
        text = check_text(decode(article.text.encode("utf-8", "surrogatepass"), source), source, MAX_CHARS)
    except InputError as error:
        raise HTTPException(422, str(error)) from None
    item = Article(id=article.id or source, text=text, source=source, title=article.title, url=article.url,
                   published=article.published.isoformat() if article.published else None, outlet=article.outlet)
    (result,) = analyze([item], lang=article.lang or "auto")
    if isinstance(result, InputError):
        raise HTTPException(422, str(result))
    with database.write_lock:
        outcome = database.store.add(result, source=source, outlet=article.outlet)
    response.status_code = 201 if outcome.stored else 200
    return {"article_id": outcome.article_id, "stored": outcome.stored, "duplicate_of": outcome.duplicate_of,
            "events": len(result["events"]), "quotes": len(result["quotes"]), "actors": len(result["actors"])}
