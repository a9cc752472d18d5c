"""Chronique's quotes against textacy's `direct_quotations` on the English gold, scored by the project's
scorer and timed in the same run (issue #4).

    python benchmarks/quotes_vs_textacy.py [GOLD.jsonl ...] [--json] [--repeat N]

Without arguments: ../shared/gold/dev-en.jsonl and polnear-en.dev.jsonl (where present), each file
alone and all together. Needs textacy (`pip install textacy`).

textacy parses with the same spaCy model Chronique loads for English (plain, without Chronique's
components). Each (speaker, cue, content) triple becomes a direct quote (the words inside the marks),
its speaker an actor (kind person) whose one mention is the speaker's tokens (a name when one is a
proper noun, a pronoun when all are pronouns, else nominal), so the scorer can rate speakers.
textacy refuses a text with an odd number of quotation marks: that article counts as refused and
gets no quotes. Timing: each system's model is loaded and run once on the first article
before the clock starts; then Chronique's full `analyze` against spaCy parsing plus textacy, both
building contract records, the fastest of --repeat passes. Timings are the only figures that vary
between runs; on a shared machine take a few passes.

`R marked` is recall against the gold quotes that stand in quotation marks only: the gold also holds
indirect speech, which textacy does not attempt.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from quality import SHARED, load_scorer

DEFAULT_GOLD = ("dev-en", "polnear-en.dev")
QUOTE_MARKS = "\"'“”‘’«»„‟‹›`"
COLUMNS = ("precision", "recall", "f1", "recall_marked", "speaker_accuracy", "speaker_n", "articles_per_s",
           "refused")

Record = dict[str, Any]


def read_gold(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def empty(gold: Record) -> Record:
    """A valid contract record with nothing found in it."""
    return {"id": gold["id"], "lang": gold.get("lang") or "en", "published": gold.get("published"),
            "title": gold.get("title"), "text": gold["text"], "actors": [], "quotes": [], "events": [],
            "places": [], "times": [], "warnings": []}


def token_span(text: str, tokens: list) -> dict[str, Any]:
    """The span from the first token's start to the last token's end (textacy's speaker and cue
    token lists are sorted, and may skip a word between them)."""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return {"start": start, "end": end, "text": text[start:end]}


def mention_form(tokens: list) -> str:
    if any(t.pos_ == "PROPN" for t in tokens):
        return "name"
    return "pronoun" if all(t.pos_ == "PRON" for t in tokens) else "nominal"


def textacy_record(gold: Record, doc) -> Record:
    """Contract record for one article from textacy's direct quotations in its parsed Doc."""
    from textacy.extract.triples import direct_quotations

    record, text = empty(gold), gold["text"]
    try:
        triples = list(direct_quotations(doc))
    except ValueError as error:  # an odd number of quotation marks: textacy bails out
        record["warnings"].append(f"textacy refused the article: {error}")
        return record
    actors: dict[tuple[int, int], Record] = {}
    for speaker, cue, content in triples:
        start = content[0].idx + len(content[0].text)  # the content span holds the quotation marks
        end = content[-1].idx
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        mention = token_span(text, speaker)
        key = (mention["start"], mention["end"])
        if key not in actors:
            actors[key] = {"id": f"a{len(actors) + 1}", "name": mention["text"], "kind": "person",
                           "country": None, "role": None, "code": None, "kb_id": None,
                           "mentions": [dict(mention, form=mention_form(speaker))]}
        record["quotes"].append({"id": f"q{len(record['quotes']) + 1}", "start": start, "end": end,
                                 "text": text[start:end], "kind": "direct", "speaker": actors[key]["id"],
                                 "cue": token_span(text, cue) if cue else None, "via": None,
                                 "confidence": 1.0})
    record["actors"] = list(actors.values())
    return record


def run_textacy(gold: list[Record], nlp, repeat: int = 1) -> tuple[list[Record], float]:
    """Records from spaCy + textacy, and the seconds they took: the fastest of `repeat` passes, after
    one untimed warm-up article."""
    for g in gold[:1]:
        textacy_record(g, nlp(g["text"]))
    records, best = [], float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = nlp.pipe((g["text"] for g in gold), batch_size=16)
        records = [textacy_record(g, doc) for g, doc in zip(gold, docs, strict=True)]
        best = min(best, time.perf_counter() - t0)
    return records, best


def run_chronique(path: Path, repeat: int = 1) -> tuple[list[Record], int, float]:
    """Chronique's records, the number of articles it refused, and the seconds its `analyze` took:
    the fastest of `repeat` passes, after one untimed warm-up article."""
    from chronique.analysis.analyze import analyze
    from chronique.corpus.readers import read_inputs

    articles = list(read_inputs([str(path)]))
    list(analyze(articles[:1]))
    results, best = [], float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        results = list(analyze(articles))
        best = min(best, time.perf_counter() - t0)
    records = [r for r in results if isinstance(r, dict)]
    return records, len(results) - len(records), best


def marked_only(scorer, gold: list[Record]) -> list[Record]:
    """The gold with only the quotes whose text stands between quotation marks."""
    out = []
    for g in gold:
        text, kept = g["text"], []
        for n, q in enumerate(g.get("quotes") or []):
            start, end = scorer.locate_gold(g, q, "text", "quote", n)
            before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
            if before and after and before in QUOTE_MARKS and after in QUOTE_MARKS:
                kept.append(q)
        out.append(dict(g, quotes=kept))
    return out


def score(scorer, gold: list[Record], records: list[Record], refused: int, seconds: float) -> dict[str, Any]:
    summary, _ = scorer.evaluate(gold, records, areas=("quotes",), log=lambda *a: None)
    if summary["invalid_records"] or summary["span_errors"]:
        raise SystemExit(f"records break the contract: {summary['invalid_records']} invalid, "
                         f"{summary['span_errors']} span errors (run score.py --verbose on them)")
    marked, _ = scorer.evaluate(marked_only(scorer, gold), records, areas=("quotes",), log=lambda *a: None)
    quotes = summary["quotes"]
    return {"precision": quotes["precision"], "recall": quotes["recall"], "f1": quotes["f1"],
            "recall_marked": marked["quotes"]["recall"], "speaker_accuracy": quotes["speaker_accuracy"],
            "speaker_n": quotes["speaker_n"], "tp": quotes["tp"], "fp": quotes["fp"], "fn": quotes["fn"],
            "articles": len(gold), "seconds": round(seconds, 2),
            "articles_per_s": round(len(gold) / seconds, 2) if seconds else None, "refused": refused,
            "invalid_records": summary["invalid_records"]}


def prefixed(records: list[Record], name: str) -> list[Record]:
    return [dict(r, id=f"{name}/{r['id']}") for r in records]


def compare(paths: list[Path], repeat: int = 1) -> dict[str, dict[str, dict[str, Any]]]:
    """{gold file stem or 'combined': {system: figures}}."""
    import spacy

    from chronique.analysis.pipeline import model_name

    scorer = load_scorer()
    nlp = spacy.load(model_name("en"))
    results: dict[str, dict[str, dict[str, Any]]] = {}
    pooled: dict[str, list] = {"gold": [], "chronique": [], "textacy": []}
    totals = {"chronique": [0, 0.0], "textacy": [0, 0.0]}  # refused, seconds
    for path in paths:
        gold = read_gold(path)
        ours, ours_refused, ours_s = run_chronique(path, repeat)
        theirs, theirs_s = run_textacy(gold, nlp, repeat)
        theirs_refused = sum(1 for r in theirs if r["warnings"])
        results[path.stem] = {"chronique": score(scorer, gold, ours, ours_refused, ours_s),
                              "textacy": score(scorer, gold, theirs, theirs_refused, theirs_s)}
        for key, records in (("gold", gold), ("chronique", ours), ("textacy", theirs)):
            pooled[key] += prefixed(records, path.stem)
        for system, refused, seconds in (("chronique", ours_refused, ours_s), ("textacy", theirs_refused, theirs_s)):
            totals[system][0] += refused
            totals[system][1] += seconds
    if len(paths) > 1:
        results["combined"] = {system: score(scorer, pooled["gold"], pooled[system], int(totals[system][0]),
                                             totals[system][1]) for system in ("chronique", "textacy")}
    return results


def cell(value: Any, width: int = 8) -> str:
    if value is None:
        return f"{'n/a':>{width}}"
    return f"{value:>{width}.3f}" if isinstance(value, float) and value <= 1 else f"{value:>{width}}"


def table(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    header = ("P", "R", "F1", "R marked", "speaker", "n", "art/s", "refused")
    lines = [f"{'gold':18}{'system':11}" + "".join(f"{h:>9}" for h in header)]
    for gold, systems in results.items():
        for system, m in systems.items():
            cells = "".join(cell(m[k], 9) for k in COLUMNS[:6])
            lines.append(f"{gold:18}{system:11}{cells}{m['articles_per_s']:>9.2f}{m['refused']:>9}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: the English dev gold)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per system; the fastest counts")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat takes a positive number")
    if not SHARED.exists():
        print(f"{SHARED} is not here: no scorer (eval/score.py) and no gold to compare against", file=sys.stderr)
        return 2
    paths = args.gold or [p for p in (SHARED / "gold" / f"{name}.jsonl" for name in DEFAULT_GOLD) if p.exists()]
    missing = [str(p) for p in paths if not p.exists()]
    if missing or not paths:
        print(f"no such gold file: {', '.join(missing) or 'none found'}", file=sys.stderr)
        return 2
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed: pip install textacy", file=sys.stderr)
        return 2
    results = compare(paths, args.repeat)
    print(json.dumps(results, indent=2) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
