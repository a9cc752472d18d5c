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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .corpus.readers import MAX_CHARS, read_inputs
from .errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chronique: news articles in, event data out, every fact pinned to its characters.")
err = Console(stderr=True)


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
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .html), directories, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="jsonl: one record a line; json: an array; "
                                              "text: a readable report.")] = OutputFormat.jsonl,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the inputs, or auto to detect it.")] = Lang.auto,
    published: Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for inputs "
                                                  "that have none; anchors relative dates.")] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", help="Longest text accepted.")] = MAX_CHARS,
) -> None:
    """Analyse articles into contract records (actors, quotes, events, places, times)."""
    from .analysis.analyze import analyze as run_analysis
    from .corpus.readers import check_date

    try:
        published = check_date(published, "--published")
    except InputError as error:
        err.print(f"error: {error}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    articles = list(read_inputs(inputs, max_chars=max_chars))
    failures = 0
    records = []
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    console = Console(file=out) if fmt is OutputFormat.text else None
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=err, transient=True, disable=len(articles) <= 1) as progress:
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
