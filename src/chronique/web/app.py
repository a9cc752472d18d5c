"""`chronique serve`: the store in the browser and as a JSON API.

One FastAPI application: server-rendered pages (`pages`), the JSON API under `/api` (`api`) and the
static assets, every one served by Chronique itself (no CDN, no tile server), behind a Content
Security Policy that allows nothing from elsewhere. The database is opened read-only unless the server
has a token; then `POST /api/articles` analyses and stores an article for a client that presents it.
"""

from __future__ import annotations

import contextlib
import hmac
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import duckdb
import jinja2
from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..corpus.store import Store
from ..errors import ChroniqueError, Errors

HERE = Path(__file__).parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class Database:
    """The store behind the server. Each request reads through a cursor of its own (DuckDB cursors are
    independent connections to one database); writes go one at a time through the `Store`."""

    def __init__(self, path: Path, writable: bool) -> None:
        self.path = path
        self.store: Store | None = None
        self.write_lock = threading.Lock()
        if not path.exists() and not writable:
            raise ChroniqueError(Errors.E501, path=path)
        try:
            if writable:
                self.store = Store(path)
                self.con = self.store.db
            else:
                self.con = duckdb.connect(str(path), read_only=True)
                if not self.has_schema():  # made by an older Chronique: bring the schema up to date once
                    self.con.close()
                    Store(path).close()
                    self.con = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as error:
            raise ChroniqueError(Errors.E502, path=path, reason=str(error).splitlines()[0]) from None

    def has_schema(self) -> bool:
        names = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return {"articles", "events", "merged_events"} <= names

    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        else:
            self.con.close()


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The web application over one store; with a token, clients that present it may store articles."""
    from . import api, pages

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.db.close()

    app = FastAPI(title="Chronique", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Events, actors and quotes from news articles, every fact pinned to its sentence. "
                              "Read endpoints are open; POST /api/articles needs the server's bearer token.")
    app.state.db = Database(Path(db), writable=token is not None)
    app.state.token = token
    app.state.templates = Jinja2Templates(env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(request, error.status_code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, error)
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return error_response(request, 422, problems)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def error_response(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """JSON under /api, an HTML page elsewhere."""
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    return request.app.state.templates.TemplateResponse(request, "error.html", {"status": status, "detail": detail},
                                                        status_code=status, headers=headers)


def token_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected and given and hmac.compare_digest(expected.encode(), given.encode()))
