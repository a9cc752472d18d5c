"""The `chronique` command: a thin layer over importable functions. Only this module configures
logging; the exit status is 1 when any input failed."""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .corpus.readers import MAX_CHARS, read_inputs
from .errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chronique: news articles in, event data out, every fact pinned to its characters.")
err = Console(stderr=True)


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "– articles/s")


def progress_bar(disable: bool) -> Progress:
    """The progress bar of long commands, on standard error: count, rate, time left."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeRemainingColumn(), console=err, transient=True, disable=disable)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


class Lang(StrEnum):
    fr = "fr"
    en = "en"
    auto = "auto"


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage does.")] = False) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .html, .warc(.gz), .rss, .atom), "
                                                "directories, globs, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="jsonl: one record a line; json: an array; "
                                              "text: a readable report.")] = OutputFormat.jsonl,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the inputs, or auto to detect it.")] = Lang.auto,
    published: Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for inputs "
                                                  "that have none; anchors relative dates.")] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", help="Longest text accepted.")] = MAX_CHARS,
    field: Annotated[list[str] | None, typer.Option("--field", help="JSONL field mapping, e.g. text=body "
                                                    "(repeatable).")] = None,
) -> None:
    """Analyse articles into contract records (actors, quotes, events, places, times)."""
    from .analysis.analyze import analyze as run_analysis
    from .corpus.readers import check_date

    try:
        published = check_date(published, "--published")
    except InputError as error:
        err.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    articles = list(read_inputs(inputs, max_chars=max_chars, fields=parse_fields(field or [])))
    failures = 0
    records = []
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    console = Console(file=out) if fmt is OutputFormat.text else None
    try:
        with progress_bar(disable=len(articles) <= 1) as progress:
            task = progress.add_task("analysing", total=len(articles))
            for result in run_analysis(articles, lang=lang.value, published=published):
                progress.advance(task)
                if isinstance(result, InputError):
                    failures += 1
                    err.print(f"error: {result}", markup=False, highlight=False, soft_wrap=True)
                    continue
                if fmt is OutputFormat.jsonl:
                    out.write(json.dumps(result, ensure_ascii=False) + "\n")
                elif fmt is OutputFormat.json:
                    records.append(result)
                else:
                    from .report import print_report

                    print_report(result, console)  # type: ignore[arg-type]
        if fmt is OutputFormat.json:
            out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    finally:
        if output:
            out.close()
    if failures:
        err.print(f"{failures} of {len(articles)} input(s) failed", markup=False, highlight=False)
        raise typer.Exit(1)


def parse_fields(values: list[str]) -> dict[str, str]:
    from .corpus.readers import FIELDS
    from .errors import ChroniqueError, Errors

    fields = {}
    for value in values:
        ours, _, theirs = value.partition("=")
        if ours not in FIELDS or not theirs:
            err.print(f"error: {ChroniqueError(Errors.E112, value=value, fields=', '.join(FIELDS))}", markup=False)
            raise typer.Exit(2)
        fields[ours] = theirs
    return fields


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .html, .warc(.gz), .rss, .atom), "
                                                 "directories or globs.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to create or extend.")] = Path("chronique.duckdb"),
    field: Annotated[list[str] | None, typer.Option("--field", help="JSONL field mapping, e.g. text=body "
                                                    "(repeatable).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Analysis processes.")] = 1,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the inputs, or auto.")] = Lang.auto,
    published: Annotated[str | None, typer.Option("--published", help="Date for inputs without one.")] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", help="Longest text accepted.")] = MAX_CHARS,
    from_parquet: Annotated[bool, typer.Option("--from-parquet", help="SOURCES are `chronique spark` output "
                                               "directories: store their records as they are.")] = False,
) -> None:
    """Analyse inputs into a DuckDB store: idempotent, resumable, failures quarantined."""
    from .corpus.ingest import ingest as run_ingest
    from .corpus.ingest import ingest_parquet

    if from_parquet:
        for directory in sources:
            summary = ingest_parquet(directory, str(db))
            err.print(f"{directory}: {summary.stored} stored, {summary.already} already there, "
                      f"{summary.duplicates} near-duplicate(s) -> {db}", markup=False, highlight=False,
                      soft_wrap=True)
        return
    fields = parse_fields(field or [])
    items = list(read_inputs(sources, max_chars=max_chars, fields=fields))
    with progress_bar(disable=not items) as progress:
        task = progress.add_task("ingesting", total=len(items))
        summary = run_ingest(items, str(db), lang=lang.value, published=published, workers=workers,
                             on_progress=lambda n: progress.advance(task, n))
    for failure in summary.failures:
        err.print(f"error: {failure}", markup=False, highlight=False, soft_wrap=True)
    err.print(f"{summary.seen} input(s): {summary.stored} stored, {summary.already} already there, "
              f"{summary.duplicates} near-duplicate(s), {summary.failed} quarantined -> {db}", markup=False,
              highlight=False, soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="File to write (a directory for parquet).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl: the records; parquet: every table; "
                                              "gdelt: event TSV; plover: event JSON lines.")] = ExportFormat.jsonl,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file.")] = Path("chronique.duckdb"),
) -> None:
    """Export the store."""
    from .corpus.export import export as run_export
    from .corpus.store import Store

    with Store(db) as store:
        n = run_export(store, fmt.value, output)
    err.print(f"{n} {'tables' if fmt is ExportFormat.parquet else 'rows'} -> {output}", markup=False)


query_app = typer.Typer(help="The common questions, answered from the store.", no_args_is_help=True)
app.add_typer(query_app, name="query")


@query_app.command("dyad")
def query_dyad(
    source: Annotated[str, typer.Argument(help="Source country (ISO3) or actor name.")],
    target: Annotated[str, typer.Argument(help="Target country (ISO3) or actor name.")],
    db: Annotated[Path, typer.Option("--db")] = Path("chronique.duckdb"),
) -> None:
    """Events of a dyad by month and PLOVER type."""
    from .corpus.queries import dyad_by_month
    from .corpus.store import Store

    with Store(db) as store:
        for month, kind, events, articles in dyad_by_month(store.db, source, target):
            typer.echo(f"{month or '?'}\t{kind}\t{events} event(s)\t{articles} article(s)")


@query_app.command("actor")
def query_actor(
    name: Annotated[str, typer.Argument(help="A name or any spelling of it.")],
    db: Annotated[Path, typer.Option("--db")] = Path("chronique.duckdb"),
) -> None:
    """An actor's profile: spellings, role, quotes, events, as JSON."""
    from .corpus.queries import actor_profile
    from .corpus.store import Store

    with Store(db) as store:
        typer.echo(json.dumps(actor_profile(store.db, name), ensure_ascii=False, indent=2))


@query_app.command("quotes")
def query_quotes(
    words: Annotated[str, typer.Argument(help="Words the quote must contain.")],
    db: Annotated[Path, typer.Option("--db")] = Path("chronique.duckdb"),
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
) -> None:
    """Quotes containing all the words, with their speakers."""
    from .corpus.queries import search_quotes
    from .corpus.store import Store

    with Store(db) as store:
        for text, speaker, article_id in search_quotes(store.db, words, limit):
            typer.echo(f"{speaker}\t{text}\t{article_id}")


@app.command()
def spark(
    input_path: Annotated[str, typer.Argument(metavar="INPUT", help="Articles as JSON Lines or Parquet.")],
    output: Annotated[str, typer.Argument(help="Directory for the Parquet tables.")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[2]",
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Partitions to analyse.")] = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.auto,
    published: Annotated[str | None, typer.Option("--published")] = None,
    field: Annotated[list[str] | None, typer.Option("--field", help="Field mapping, e.g. text=body.")] = None,
) -> None:
    """Analyse articles on Apache Spark into Parquet tables (needs the spark extra and Java 17)."""
    try:
        from .spark import run
    except ImportError:  # pragma: no cover - depends on the install
        err.print("error: PySpark is not installed; pip install 'chronique[spark]'", markup=False)
        raise typer.Exit(2) from None
    counts = run(input_path, output, master=master, partitions=partitions, lang=lang.value, published=published,
                 fields=parse_fields(field or []))
    err.print(", ".join(f"{table} {n}" for table, n in counts.items()) + f" -> {output}", markup=False)
    if counts.get("quarantine"):
        raise typer.Exit(1)


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file from `chronique ingest`.")] = Path("chronique.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="CHRONIQUE_TOKEN", help="Allow POST /api/articles "
                                              "to clients sending `Authorization: Bearer TOKEN`; without it the "
                                              "server is read-only.")] = None,
) -> None:
    """Explore the store in the browser (actors, dyads, events, quotes, articles, map) and as a JSON API."""
    import uvicorn

    from .errors import ChroniqueError
    from .web.app import create_app

    try:
        application = create_app(db, token=token)
    except ChroniqueError as error:
        err.print(f"error: {error}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    mode = "read-write with a token" if token else "read-only"
    err.print(f"Chronique on http://{host}:{port}/ ({db}, {mode}); Ctrl-C stops it", markup=False, highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def names(
    names: Annotated[list[str], typer.Argument(help="Person names to group, e.g. Shoigu Choïgou 'Sergueï Choïgu'.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print [{name, members}] as JSON.")] = False,
) -> None:
    """Group person names into people, with the canonical name of each (no document context)."""
    from .people import group_names

    groups = group_names(names)
    if as_json:
        typer.echo(json.dumps(groups, ensure_ascii=False))
        return
    for group in groups:
        typer.echo(f"{group['name']}: {', '.join(group['members'])}")


if __name__ == "__main__":
    app()
