"""The corpus store and `ingest`: real DuckDB files, real pipelines, real processes."""

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from chronique.corpus.ingest import ingest
from chronique.corpus.store import TABLES, Store

ROOT = Path(__file__).resolve().parents[1]
CITIES = ["Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Toulouse", "Rennes", "Dijon"]
NAMES = ["Claire Vautrin", "Paul Girard", "Anne Roux", "Luc Perrin", "Marc Dubreuil", "Jeanne Morel"]


def article(n: int) -> dict:
    city, name = CITIES[n % len(CITIES)], NAMES[n % len(NAMES)]
    text = (f"Visite numéro {n} à {city}\nLa ministre {name} est arrivée à {city} le {n % 27 + 1} mars 2024. "
            f"« Nous soutenons les habitants de {city} », a déclaré {name}. Le dossier {n} sera examiné lundi.")
    return {"id": f"art-{n}", "text": text, "published": "2024-03-30"}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_quarantines_bad_inputs_and_is_idempotent(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "batch.jsonl", [article(1), article(2)])
    (corpus / "batch.jsonl").write_text((corpus / "batch.jsonl").read_text() + "{broken line\n")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03\xff\xfe")
    (corpus / "page.html").write_text("<html><body><nav>Accueil</nav></body></html>", encoding="utf-8")
    warc = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n")
    (corpus / "cut.warc.gz").write_bytes(warc[: len(warc) - 7])
    db = tmp_path / "store.duckdb"
    first = ingest([str(corpus)], str(db), lang="fr")
    assert first.stored == 2
    assert first.failed == 5, first.failures
    with Store(db) as store:
        counts = store.counts()
        reasons = dict(store.db.execute("SELECT source, reason FROM quarantine").fetchall())
    assert counts["articles"] == 2 and counts["quarantine"] == 5
    assert any("batch.jsonl:3" in source for source in reasons)
    assert any("empty input" in reason for reason in reasons.values())
    assert any("cut.warc.gz" in source for source in reasons)
    again = ingest([str(corpus)], str(db), lang="fr")
    assert again.stored == 0 and again.already == 2
    with Store(db) as store:
        assert store.counts() == counts


def test_a_killed_ingest_resumes_to_the_counts_of_an_uninterrupted_run(tmp_path):
    source = write_jsonl(tmp_path / "many.jsonl", [article(n) for n in range(120)])
    reference = tmp_path / "reference.duckdb"
    ingest([str(source)], str(reference), lang="fr")
    with Store(reference) as store:
        expected = store.counts()

    db = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "chronique.cli", "ingest", str(source), "--db", str(db), "--lang", "fr"]
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "120"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.5)
        if db.exists() and db.stat().st_size > 400_000:  # some articles are in: kill it mid-run
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    result = subprocess.run(command, cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    with Store(db) as store:
        assert store.counts() == expected


def syndication_set(seed: int = 7) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """(id, text) of originals, lightly edited copies and unrelated articles; the true copy pairs."""
    rng = random.Random(seed)
    vocabulary = [f"mot{n}" for n in range(3000)]
    texts, pairs = [], set()
    for n in range(30):
        words = rng.choices(vocabulary, k=220)
        original = " ".join(words)
        texts.append((f"orig-{n}", original))
        if n < 20:
            edited = list(words)
            for _ in range(6):  # a few words changed, a credit line added, a sentence cut
                edited[rng.randrange(len(edited))] = rng.choice(vocabulary)
            edited = ["(AFP)", *edited[:-15], "Avec", "agences."]
            texts.append((f"copy-{n}", " ".join(edited)))
            pairs.add((f"copy-{n}", f"orig-{n}"))
    return texts, pairs


def record(identifier: str, text: str) -> dict:
    return {"id": identifier, "lang": "fr", "published": None, "title": None, "text": text, "actors": [],
            "quotes": [], "events": [], "places": [], "times": [], "warnings": []}


def test_near_duplicates_are_linked_to_their_first_appearance(tmp_path):
    texts, truth = syndication_set()
    with Store(tmp_path / "dedup.duckdb") as store:
        ids = {store.add(record(i, t)).article_id: i for i, t in texts}
        rows = store.db.execute("SELECT article_id, original_id FROM duplicates").fetchall()
    found = {(ids[a], ids[b]) for a, b in rows}
    true_positives = len(found & truth)
    precision = true_positives / len(found) if found else 0
    recall = true_positives / len(truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, found ^ truth)


def test_every_table_exists():
    assert set(TABLES) >= {"articles", "actors", "mentions", "quotes", "events", "places", "times", "duplicates",
                           "quarantine"}


def test_exports_and_questions_from_a_stored_corpus(tmp_path):
    from chronique.corpus.export import export
    from chronique.corpus.queries import actor_profile, dyad_by_month, search_quotes

    text = ("Visite à Téhéran\nLe ministre russe de la Défense Sergueï Choïgou est arrivé à Téhéran mardi soir. "
            "« Notre coopération progresse », a déclaré Choïgou.")
    other = ("Choïgou en Iran\nLe ministre russe de la Défense Sergueï Choïgou est arrivé à Téhéran mardi soir. "
             "Les entretiens porteront sur les drones et la sécurité régionale, selon les médias locaux.")
    source = write_jsonl(tmp_path / "two.jsonl", [
        {"id": "v1", "text": text, "published": "2023-09-20", "outlet": "A"},
        {"id": "v2", "text": other, "published": "2023-09-20", "outlet": "B"}])
    db = tmp_path / "q.duckdb"
    ingest([str(source)], str(db), lang="fr")
    with Store(db) as store:
        assert ("2023-09", "CONSULT", 2, 2) in dyad_by_month(store.db, "RUS", "IRN")
        merged = store.db.execute("SELECT reports, articles, outlets FROM merged_events WHERE type = 'CONSULT' "
                                  "AND first_date = '2023-09-19'").fetchall()
        assert merged == [(2, 2, 2)]
        profile = actor_profile(store.db, "Choïgou")["actors"][0]
        assert profile["country"] == "RUS" and profile["spellings"]["Choïgou"] == 2
        assert profile["spellings"]["Sergueï Choïgou"] == 2  # one corpus actor across both articles
        assert search_quotes(store.db, "coopération progresse")[0][1] == profile["name"]
        assert export(store, "gdelt", tmp_path / "events.tsv") >= 1
        header, first = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()[:2]
        row = dict(zip(header.split("\t"), first.split("\t"), strict=True))
        assert row["SQLDATE"] == "20230919" and row["Actor1CountryCode"] == "RUS" and row["EventCode"] == "042"
        assert export(store, "plover", tmp_path / "events.jsonl") >= 1
        event = json.loads((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
        assert "est arrivé à Téhéran" in event["source"]["sentence"]
        assert export(store, "jsonl", tmp_path / "records.jsonl") == 2
        assert export(store, "parquet", tmp_path / "tables") == len(TABLES)
    assert (tmp_path / "tables" / "events.parquet").stat().st_size > 0


def test_reports_a_day_apart_merge_and_a_week_apart_do_not(tmp_path):
    def report(n: int, day: str, outlet_text: str) -> dict:
        text = f"Article {n}. {outlet_text} La Russie a rencontré l'Iran."
        start = text.index("a rencontré")
        actors = [{"id": "a1", "name": "Russia", "kind": "country", "country": "RUS",
                   "mentions": [{"start": text.index("Russie"), "end": text.index("Russie") + 6, "text": "Russie",
                                 "form": "name"}]},
                  {"id": "a2", "name": "Iran", "kind": "country", "country": "IRN",
                   "mentions": [{"start": text.index("Iran"), "end": text.index("Iran") + 4, "text": "Iran",
                                 "form": "name"}]}]
        event = {"id": "e1", "type": "CONSULT", "source": "a1", "target": "a2", "date": day, "negated": False,
                 "trigger": {"start": start, "end": start + 11, "text": "a rencontré"}, "modality": "asserted",
                 "sentence": {"start": 0, "end": len(text)}, "confidence": 0.8}
        return dict(record(f"r{n}", text), actors=actors, events=[event], outlet=outlet_text)

    with Store(tmp_path / "merge.duckdb") as store:
        for n, (day, words) in enumerate([("2023-09-19", "Selon Le Monde."), ("2023-09-20", "Selon Reuters."),
                                          ("2023-09-27", "Selon la BBC.")]):
            store.add(report(n, day, words), outlet=words)
        merged = store.db.execute("SELECT first_date, last_date, reports, outlets FROM merged_events "
                                  "ORDER BY first_date").fetchall()
    assert merged == [("2023-09-19", "2023-09-20", 2, 2), ("2023-09-27", "2023-09-27", 1, 1)]
