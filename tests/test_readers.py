import json

import pytest

from chronique.corpus.readers import Article, read_inputs
from chronique.errors import InputError


def read(*paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


def test_txt_first_line_is_the_title(tmp_path):
    path = tmp_path / "depeche.txt"
    path.write_text("Un titre\nLe corps de l'article.\n", encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title == "Un titre"
    assert article.text.startswith("Un titre\nLe corps")
    assert article.id == "depeche"


def test_jsonl_passes_ids_and_metadata_and_reports_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "x1", "text": "Bonjour.", "published": "2024-01-02", "lang": "fr", "extra": 1}),
             "{not json",
             json.dumps({"id": "x3", "body": "no text field"}),
             json.dumps({"id": "x4", "text": "Encore.", "published": "hier"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read(path)
    assert isinstance(results[0], Article) and results[0].id == "x1" and results[0].published == "2024-01-02"
    assert [type(r) for r in results[1:]] == [InputError, InputError, InputError]
    assert "batch.jsonl:2" in str(results[1]) and "malformed JSON" in str(results[1])
    assert "no string field 'text'" in str(results[2])
    assert "not an ISO date" in str(results[3])


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty input"),
    (b"   \n\t\n", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("Caf\u00e9 cr\u00e8me".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_files_get_one_reason_each(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (error,) = read(path)
    assert isinstance(error, InputError)
    assert str(path) in str(error) and reason in str(error)
    assert "\n" not in str(error)


def test_enormous_text_is_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("mot " * 300_000, encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, InputError) and "too long" in str(error) and "1,000,000" in str(error)


def test_directory_is_read_recursively_and_missing_paths_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Titre\nTexte.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Titre 2\nTexte 2.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    results = read(tmp_path, tmp_path / "missing.txt")
    assert [r.id for r in results[:2]] == ["one", "two"]
    assert isinstance(results[2], InputError) and "no such file" in str(results[2])


def test_html_main_text_via_trafilatura(tmp_path):
    body = " ".join(["La ministre a visité le port de Marseille et rencontré les dockers en grève."] * 6)
    html = (f"<html><head><title>Visite au port</title></head><body><nav>Menu Accueil Contact</nav>"
            f"<article><h1>Visite au port</h1><p>{body}</p></article><footer>Mentions légales</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert "rencontré les dockers" in article.text
    assert "Mentions légales" not in article.text
