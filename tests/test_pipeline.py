"""End to end on short texts written for these tests: a record that keeps the contract."""

import json

from conftest import actor_named

from chronique.analysis.pipeline import load_pipeline

ARTICLE = (
    "Le ministre russe de la Défense Sergueï Choïgou est arrivé à Téhéran mardi soir.\n"
    "Shoigu s'est entretenu avec son homologue iranien Mohammad Bagheri.\n"
    "« Notre coopération progresse », a déclaré Choïgu, selon l'agence TASS.\n"
    "Bagheri a salué la coopération avec la Russie."
)


def check_spans(record):
    text = record["text"]
    spans = [m for a in record["actors"] for m in a["mentions"]]
    spans += [m for p in record["places"] for m in p["mentions"]]
    spans += record["quotes"] + record["times"] + [e["trigger"] for e in record["events"]]
    spans += [q["cue"] for q in record["quotes"] if q["cue"]]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span


def test_record_keeps_the_contract(analyze_text, schema_validator):
    record = analyze_text(ARTICLE, lang="fr", published="2023-09-20", id="ru-ir-1")
    assert record["id"] == "ru-ir-1" and record["lang"] == "fr" and record["text"] == ARTICLE
    schema_validator.validate(record)
    check_spans(record)
    json.dumps(record)


def test_every_spelling_is_one_actor_with_role_and_country(analyze_text):
    record = analyze_text(ARTICLE, lang="fr", published="2023-09-20")
    shoigu = actor_named(record, "Sergueï Choïgou")
    spellings = {m["text"] for m in shoigu["mentions"] if m["form"] == "name"}
    assert {"Sergueï Choïgou", "Shoigu", "Choïgu"} <= spellings
    assert shoigu["kind"] == "person" and shoigu["country"] == "RUS"
    assert shoigu["role"] == "minister of defence"
    bagheri = actor_named(record, "Bagheri")
    assert bagheri["kind"] == "person" and bagheri["country"] == "IRN"
    assert bagheri is actor_named(record, "Mohammad Bagheri")
    assert not any(m["text"] == "Bagheri" for p in record["places"] for m in p["mentions"])


def test_the_visit_is_a_dated_consult_event_towards_iran(analyze_text):
    record = analyze_text(ARTICLE, lang="fr", published="2023-09-20")
    actors = {a["id"]: a for a in record["actors"]}
    visits = [e for e in record["events"] if e["type"] == "CONSULT" and "arrivé" in e["trigger"]["text"]]
    assert visits, record["events"]
    visit = visits[0]
    assert actors[visit["source"]]["country"] == "RUS"
    assert actors[visit["target"]]["country"] == "IRN"
    assert visit["date"] == "2023-09-19"
    place_ids = {p["id"]: p for p in record["places"]}
    assert place_ids[visit["place"]]["name"] == "Tehran"


def test_english_article(analyze_text, schema_validator):
    text = ("Prime Minister Tony Blair met President Jacques Chirac in Paris on Tuesday.\n"
            'Mr Blair said the talks had been "constructive".')
    record = analyze_text(text, lang="en", published="2005-03-10")
    schema_validator.validate(record)
    check_spans(record)
    blair = actor_named(record, "Tony Blair")
    assert any(m["text"] == "Blair" for m in blair["mentions"])
    assert any(q["speaker"] == blair["id"] for q in record["quotes"])


def test_a_failing_stage_leaves_a_warning_and_the_batch_goes_on(analyze_text, monkeypatch):
    quotes = load_pipeline("fr").get_pipe("chronique_quotes")

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(quotes, "predict", broken)
    record = analyze_text("Le maire Luc Perrin a déclaré : « Le pont rouvrira. »", lang="fr")
    assert record["quotes"] == []
    assert any("E401" in w and "chronique_quotes" in w and "boom" in w for w in record["warnings"])
    assert record["actors"]  # the other stages still ran


def test_organisation_acronym_and_demonym_forms_are_one_actor(analyze_text):
    record = analyze_text("La Ligue nationale pour la démocratie (LND) a remporté le scrutin. "
                          "La LND a dénoncé les Gardiens de la révolution iraniens. "
                          "Les Gardiens de la révolution ont démenti.", lang="fr")
    league = actor_named(record, "Ligue nationale pour la démocratie")
    assert any(m["text"] == "LND" for m in league["mentions"])
    guards = actor_named(record, "Gardiens de la révolution iraniens")
    assert guards is actor_named(record, "Gardiens de la révolution")
    assert guards["country"] == "IRN"


def test_a_definite_role_nominal_refers_to_the_person_just_named(analyze_text):
    record = analyze_text("Pour Paul Girard, la réforme est juste. "
                          "Le porte-parole du collectif a ajouté que le texte serait voté.", lang="fr")
    girard = actor_named(record, "Paul Girard")
    assert any(m["form"] == "nominal" and "porte-parole" in m["text"] for m in girard["mentions"])
    quote = next(q for q in record["quotes"] if "le texte serait voté" in q["text"])
    assert quote["speaker"] == girard["id"]


def test_a_known_person_under_a_title_is_found_and_keeps_the_office(analyze_text):
    record = analyze_text("Le pape François a reçu les évêques au Vatican. Le pape a ensuite déclaré que la paix "
                          "était possible.", lang="fr")
    pope = actor_named(record, "pape François")
    assert pope["name"] == "Pope Francis" and pope["kind"] == "person"
    assert any(m["form"] == "nominal" for m in pope["mentions"])
    assert next(q for q in record["quotes"] if "la paix" in q["text"])["speaker"] == pope["id"]


def test_a_sentence_never_starts_after_a_comma():
    from chronique.analysis.pipeline import analyze_docs, load_pipeline

    nlp = load_pipeline("fr")
    text = "Le commandant des forces terrestres iraniennes, Kayumarth Heydari, s’est rendu à Moscou.\nIl est rentré."
    doc = next(analyze_docs(nlp, [(text, {})]))
    assert [s.text.strip() for s in doc.sents] == [text.split("\n")[0], "Il est rentré."]
