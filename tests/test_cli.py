"""The command line, run as a user runs it: a real process, real files, real exit status."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def chronique(*args, stdin=None):
    stdin_args = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run([sys.executable, "-m", "chronique.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "COLUMNS": "200"}, timeout=600, **stdin_args)


def test_a_batch_with_bad_inputs_reports_each_and_analyses_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Visite à Lyon\nLa maire Anne Roux a déclaré : « Lyon est prête. »\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "latin1.txt").write_bytes("Élection à Genève".encode("latin-1"))
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "j1", "text": "Le ministre Paul Marchand est arrivé à Rome."}) + "\n"
                     + "{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = chronique("analyze", str(tmp_path), "-o", str(out), "--lang", "fr", "--published", "2024-05-02")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4, result.stderr
    for name in ("empty.txt", "binary.txt", "latin1.txt", "batch.jsonl:2"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == ["good", "j1"]
    assert all(r["published"] == "2024-05-02" for r in records)


def test_stdin_and_exit_status_zero(tmp_path):
    result = chronique("analyze", "-", "--lang", "fr", stdin="Titre\nLe président Luc Martin a parlé.\n")
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "stdin" and record["title"] == "Titre"


def test_language_is_detected(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("Talks in London\nThe foreign secretary said on Monday that the talks would go on.\n",
                    encoding="utf-8")
    result = chronique("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["lang"] == "en"


def test_text_report_lists_actors_and_quotes():
    result = chronique("analyze", "examples/lyon-sommet.fr.txt", "--published", "2024-03-14", "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "Claire Vautrin" in result.stdout and "Quotes" in result.stdout and "Events" in result.stdout


def test_names_command_groups_spellings():
    result = chronique("names", "Shoigu", "Choïgou", "Sergueï Choïgu", "Lavrov", "Lavrova", "--json")
    assert result.returncode == 0, result.stderr
    groups = json.loads(result.stdout)
    assert sorted(len(g["members"]) for g in groups) == [1, 1, 3]
