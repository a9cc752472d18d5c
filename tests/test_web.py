"""The web face: pages and JSON API over a real DuckDB store, a real uvicorn server driven by headless
Chromium (Debian's, through Playwright), and Schemathesis against the OpenAPI spec.

The store holds the dev gold articles when ../shared is here (as in CI), else short texts written for
these tests; either way it also holds one hostile article full of HTML and scripts."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from chronique.corpus.ingest import ingest
from chronique.corpus.readers import Article

SHARED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_TITLE = "Visite <script>window.__pwned = 'title'</script> à Téhéran"
HOSTILE_TEXT = ("Le ministre russe de la Défense Sergueï Choïgou est arrivé à Téhéran mardi soir <b>en grande pompe</b>"
                "<script>window.__pwned = 'text'</script>. « Notre coopération <img src=x onerror=\"window.__pwned="
                "'img'\"> progresse », a déclaré Choïgou. Il a rencontré le président iranien.")
OWN_ARTICLES = [
    Article(id="own-1", source="own-1", published="2024-03-12", outlet="Le Quotidien", lang="fr",
            title="La Russie et l'Iran se rencontrent à Moscou",
            text="Le ministre iranien des Affaires étrangères est arrivé à Moscou lundi. Il a rencontré son homologue "
                 "russe Sergueï Lavrov. « Nos deux pays coopèrent », a déclaré Lavrov."),
    Article(id="own-2", source="own-2", published="2024-04-02", outlet="The Daily", lang="en",
            title="France condemns strike",
            text="France condemned the strike on Tuesday. \"This is unacceptable,\" said the French foreign "
                 "minister in Paris. Germany also criticised Russia."),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def web_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    gold = [SHARED_GOLD / f"{name}.jsonl" for name in ("seed", "dev-fr", "dev-fr-intl", "dev-en")]
    if all(path.exists() for path in gold):
        summary = ingest([str(path) for path in gold], str(db))
        assert summary.failed == 0 and summary.stored >= 15
    else:
        assert ingest(list(OWN_ARTICLES), str(db)).stored == len(OWN_ARTICLES)
    hostile = Article(id="hostile", source="hostile", title=HOSTILE_TITLE, text=HOSTILE_TEXT, published="2023-09-20",
                      lang="fr", outlet="<i>Outlet</i>")
    assert ingest([hostile], str(db)).stored == 1
    return db


@pytest.fixture(scope="module")
def client(web_db):
    from fastapi.testclient import TestClient

    from chronique.web.app import create_app

    with TestClient(create_app(web_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def server(web_db):
    """A real uvicorn server on a free port, read-only over the store."""
    import uvicorn

    from chronique.web.app import create_app

    port = free_port()
    instance = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CHRONIQUE_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(base_url=server)
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    outside: list[str] = []
    tab.on("request", lambda request: outside.append(request.url) if not request.url.startswith(server)
           and not request.url.startswith("data:") else None)
    yield tab
    context.close()
    assert not dialogs, f"a script ran: {dialogs}"
    assert not outside, f"the page fetched from elsewhere: {outside}"


def words(text: str) -> str:
    return " ".join(text.split())


def busiest_actor(db: Path) -> tuple[str, str]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("""
            SELECT a.actor_id, a.name FROM actors a JOIN events e ON e.source = a.actor_id OR e.target = a.actor_id
            WHERE a.kind = 'person' GROUP BY ALL ORDER BY count(*) DESC, a.name LIMIT 1""").fetchone()


# --------------------------------------------------------------------------------------------- browser
def test_search_actor_chart_event_article_lands_on_the_highlighted_sentence(page, web_db):
    actor_id, name = busiest_actor(web_db)
    page.goto("/")
    page.fill("input[name=q]", name)
    page.click("header form.search button")
    page.locator(f"a.actor-link[href='/actors/{actor_id}']").first.click()
    assert page.locator("h1").inner_text() == name
    page.locator("svg.bars a.bar").first.click()
    assert "/events?" in page.url and f"actor={actor_id}" in page.url
    page.locator("a.event-link").first.click()
    trigger = page.locator("mark.trigger").first.inner_text()
    page.locator("a.report-link").first.click()
    focus = page.locator("#focus")
    assert focus.is_visible()
    article_id, event_id = re.search(r"/articles/(\w+)\?event=(\w+)", page.url).groups()
    record = json.loads(page.request.get(f"/api/articles/{article_id}").text())["record"]
    event = next(e for e in record["events"] if e["id"] == event_id)
    sentence = record["text"][event["sentence"]["start"]:event["sentence"]["end"]]
    highlighted = words("".join(page.locator("article.text .focus").all_inner_texts()))
    assert highlighted == words(sentence) and trigger in sentence


def test_dyad_chart_point_leads_to_its_reports(page):
    page.goto("/dyad")
    page.locator("a.dyad-link").first.click()
    bar = page.locator("svg.bars a.bar").first
    kind = bar.get_attribute("data-type")
    bar.click()
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1 and rows.first.locator("span.type").inner_text() == kind
    rows.first.locator("a.event-link").click()
    page.locator("a.report-link").first.click()
    assert page.locator("#focus").is_visible()
    assert page.locator("article.text .event.focus").count() >= 1  # the trigger lies in the highlighted sentence


def test_map_is_served_locally_and_its_points_list_events(page):
    page.goto("/map")
    assert page.locator("svg image").get_attribute("href") == "/map/world.svg"
    point = page.locator("a.place").last  # drawn last: on top of any dot at the same spot
    place = point.get_attribute("data-place")
    point.click()
    assert page.locator("table.events tbody tr").count() >= 1
    assert place in page.locator(".filters").inner_text()


def test_hostile_article_is_shown_as_text(page, client):
    article_id = client.get("/api/articles", params={"q": "pwned"}).json()["items"][0]["id"]
    page.goto(f"/articles/{article_id}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.locator("article.text").inner_text()
    assert "<script>window.__pwned = 'text'</script>" in text and "<b>en grande pompe</b>" in text
    assert page.locator("article.text b, article.text img, article.text script").count() == 0
    assert "<script>" in page.locator("h1").inner_text()


# --------------------------------------------------------------------------------------------- pages
def test_every_page_escapes_article_html(client):
    article_id = client.get("/api/articles", params={"q": "pwned"}).json()["items"][0]["id"]
    record = client.get(f"/api/articles/{article_id}").json()
    speaker = next(q for q in record["record"]["quotes"] if "coopération" in q["text"])["speaker"]
    actor_id = record["corpus_actors"][speaker]
    event = record["record"]["events"][0]
    pages = ["/?q=pwned", "/?q=coopération", "/quotes?q=coopération", "/articles?q=pwned", f"/actors/{actor_id}",
             f"/events?actor={actor_id}", f"/events/{article_id}/{event['id']}", f"/articles/{article_id}",
             f"/articles/{article_id}?event={event['id']}", "/articles"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert "pwned" in html, path  # the hostile words are on the page...
        assert "<script>window" not in html and "<img src=x" not in html and "<b>en" not in html, path
        assert "&lt;script&gt;" in html or "&lt;img" in html, path  # ...as text
        assert "script-src 'self'" in response.headers["content-security-policy"]


def test_pages_link_only_to_this_server(client):
    for path in ("/", "/map", "/dyad", "/events", "/quotes"):
        html = client.get(path).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith(("/", "?", "#", "data:")) for a in assets), (path, assets)


def test_unknown_items_and_bad_parameters(client):
    assert client.get("/actors/nobody").status_code == 404
    assert "no such actor" in client.get("/actors/nobody").text
    assert client.get("/api/events/nope/e1").json() == {"detail": "no such event"}
    assert client.get("/events", params={"month": "2023-13-01"}).status_code == 422
    assert client.get("/api/quotes", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/actors", params={"size": 101}).status_code == 422
    assert client.get("/api/actors", params={"page": 0}).status_code == 422


# --------------------------------------------------------------------------------------------- API
def test_api_pages_through_actors_without_overlap(client):
    first = client.get("/api/actors", params={"size": 3, "page": 1}).json()
    second = client.get("/api/actors", params={"size": 3, "page": 2}).json()
    assert first["total"] == second["total"] >= 4
    assert len(first["items"]) == 3 and not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    mentions = [a["mentions"] for a in first["items"] + second["items"]]
    assert mentions == sorted(mentions, reverse=True)  # busiest first


def test_api_actor_gathers_every_spelling_and_links_events(client, web_db):
    actor_id, name = busiest_actor(web_db)
    actor = client.get(f"/api/actors/{actor_id}").json()
    assert actor["name"] == name and actor["event_count"] >= 1
    assert sum(s["count"] for s in actor["spellings"]) >= 2
    assert sum(m["events"] for m in actor["events_by_month"]) == actor["event_count"]
    for event in actor["events"]:
        assert actor_id in (event["source_id"], event["target_id"])
        detail = client.get(f"/api/events/{event['article_id']}/{event['event_id']}").json()
        own = next(r for r in detail["reports"] if r["event_id"] == event["event_id"]
                   and r["article_id"] == event["article_id"])
        assert own["sentence"][own["trigger_from"]:own["trigger_to"]] == event["trigger_text"]


def test_api_dyad_counts_match_its_event_list(client):
    home = client.get("/dyad").text
    source, target = re.search(r'href="/dyad\?source=([^&]+)&amp;target=([^"]+)"', home).groups()
    dyad = client.get("/api/dyad", params={"source": source, "target": target}).json()
    listed = client.get("/api/events", params={"source": source, "target": target, "size": 100}).json()
    assert sum(m["events"] for m in dyad["months"]) == listed["total"] >= 1


# --------------------------------------------------------------------------------------------- writes
@pytest.fixture()
def writable(tmp_path):
    from fastapi.testclient import TestClient

    from chronique.web.app import create_app

    with TestClient(create_app(tmp_path / "new.duckdb", token="s3cret")) as test_client:
        yield test_client


def test_writes_need_the_token(writable, client):
    article = {"text": "Le président français a rencontré le chancelier allemand à Berlin mardi.", "lang": "fr",
               "published": "2024-05-14", "title": "Rencontre à Berlin"}
    assert writable.post("/api/articles", json=article).status_code == 401
    assert writable.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"}).status_code == 403
    assert writable.get("/api/stats").json()["articles"] == 0
    stored = writable.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert stored.status_code == 201 and stored.json()["stored"] and stored.json()["actors"] >= 1
    again = writable.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert again.status_code == 200 and not again.json()["stored"]
    assert writable.get("/api/stats").json()["articles"] == 1
    found = writable.get("/api/search", params={"q": "Berlin"}).json()["articles"]
    assert [a["id"] for a in found] == [stored.json()["article_id"]]
    empty = writable.post("/api/articles", json={"text": "   "}, headers={"Authorization": "Bearer s3cret"})
    assert empty.status_code == 422 and "[E101]" in empty.json()["detail"]


def test_serve_refuses_a_missing_database(tmp_path):
    from typer.testing import CliRunner

    from chronique.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "[E501]" in result.output


# --------------------------------------------------------------------------------------------- Schemathesis
@pytest.fixture(scope="module")
def api_schema(web_db, tmp_path_factory):
    """The OpenAPI spec of a server with a token, over a copy of the store (writes need the token)."""
    import schemathesis

    from chronique.web.app import create_app

    copy = tmp_path_factory.mktemp("schemathesis") / "copy.duckdb"
    shutil.copy(web_db, copy)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(copy, token="s3cret"))


def test_api_conforms_to_its_openapi_spec(api_schema):
    """Every operation, with generated valid and invalid inputs: no server error, every response as the
    spec says (status, schema, headers), auth enforced where declared."""
    from hypothesis import HealthCheck, given, settings

    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/search", "/api/actors/{actor_id}", "/api/articles",
                                              "/api/events/{article_id}/{event_id}", "/api/dyad", "/api/places"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate()

        check()


# --------------------------------------------------------------------------------------------- drawing
def test_highlight_keeps_overlapping_marks_and_escapes():
    from chronique.web.render import Mark, highlight

    text = "Il a dit <b>non</b> à Paris."
    html = str(highlight(text, [Mark(0, 2, "nominal", "Macron"), Mark(9, 19, "quote", "quote <of> him"),
                                Mark(0, 28, "focus", ""), Mark(22, 27, "place", "Paris (city, FRA)")]))
    assert "<b>" not in html and "&lt;b&gt;non&lt;/b&gt;" in html
    assert html.count('id="focus"') == 1 and 'title="quote &lt;of&gt; him"' in html
    assert '<span class="focus place"' in html and '<span class="focus nominal" id="focus"' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


def test_bar_chart_fills_the_months_between_and_links_each_bar():
    from chronique.web.render import bar_chart

    chart = bar_chart([{"month": "2023-11", "type": "CONSULT", "events": 2},
                       {"month": "2024-02", "type": "ACCUSE", "events": 1},
                       {"month": None, "type": "CONSULT", "events": 1}], lambda m, t: f"/events?month={m}&type={t}")
    assert [b.month for b in chart.bars] == ["2023-11", "2024-02", "undated"]
    first, second, undated = (b.x for b in chart.bars)
    assert second - first > 2 * (undated - second)  # three empty months between the first two bars
    assert chart.bars[0].height == 2 * chart.bars[1].height
    assert chart.bars[1].href == "/events?month=2024-02&type=ACCUSE"


def test_map_projection_places_points_on_the_base_map():
    from chronique.web.render import robinson

    # where the base map draws three small countries: Andorra, Singapore, Bahrain
    for (lat, lon), (x, y) in (((42.5, 1.5), (1217, 316)), ((1.35, 103.8), (1993, 672)), ((26.0, 50.55), (1577, 458))):
        px, py = robinson(lat, lon)
        assert abs(px - x) < 6 and abs(py - y) < 6, (lat, lon, px, py)
