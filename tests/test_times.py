import pytest

from chronique.analysis.times import calendar_names, compiled_rules


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Il est arrivé à Téhéran mardi soir.", "2023-09-20", ("mardi soir", "2023-09-19")),
    ("Il s'est rendu à Moscou le mois dernier.", "2023-09-20", ("le mois dernier", "2023-08")),
    ("L'exercice de février de l'année prochaine est prévu.", "2023-09-20",
     ("février de l'année prochaine", "2024-02")),
    ("Le sommet a eu lieu le 6 juillet 2012 à Paris.", "2013-01-01", ("le 6 juillet 2012", "2012-07-06")),
    ("Elle avait signé il y a trois jours.", "2023-09-20", ("il y a trois jours", "2023-09-17")),
    ("Ils se sont vus la semaine dernière.", "2023-09-20", ("la semaine dernière", "2023-W37")),
    ("Les élections auront lieu l'an prochain.", "2023-09-20", ("l'an prochain", "2024")),
])
def test_french_expressions_resolve_against_publication(analyze_text, text, published, expected):
    record = analyze_text(text, lang="fr", published=published)
    assert (expected[0], expected[1]) in [(t["text"], t["value"]) for t in record["times"]]


def test_future_sentence_takes_the_next_weekday(analyze_text):
    record = analyze_text("Le ministre se rendra à Berlin jeudi.", lang="fr", published="2023-09-20")
    assert [t["value"] for t in record["times"]] == ["2023-09-21"]


def test_english_relative_and_absolute(analyze_text):
    record = analyze_text("The minister met his counterpart on March 3, 2021. They spoke again last week.",
                          lang="en", published="2021-03-20")
    values = {t["text"]: t["value"] for t in record["times"]}
    assert values["March 3, 2021"] == "2021-03-03"
    assert values["last week"] == "2021-W10"


def test_lower_case_may_is_a_verb_not_a_month(analyze_text):
    record = analyze_text("The talks may resume soon.", lang="en", published="2021-03-20")
    assert record["times"] == []


def test_without_publication_date_relative_expressions_are_not_guessed(analyze_text):
    record = analyze_text("Il est arrivé mardi soir, en 2019.", lang="fr", published=None)
    assert [(t["text"], t["value"]) for t in record["times"]] == [("en 2019", "2019")]


def test_month_names_come_from_cldr():
    months, days = calendar_names("fr")
    assert months["fevrier"] == 2 and days["mardi"] == 1
    assert compiled_rules("en")


def test_day_of_a_visit_counts_from_the_day_named_before(analyze_text):
    record = analyze_text("Le ministre est arrivé à Rome mardi soir. "
                          "Le deuxième jour de sa visite, il a rencontré le maire.", lang="fr", published="2023-09-22")
    values = {t["text"]: t["value"] for t in record["times"]}
    assert values["mardi soir"] == "2023-09-19"
    assert values["Le deuxième jour de sa visite"] == "2023-09-20"


def test_last_month_name_is_the_latest_before_publication(analyze_text):
    record = analyze_text("Le texte a été voté le 30 juin dernier, après les débats de juin dernier.", lang="fr",
                          published="2012-07-06")
    values = {t["text"]: t["value"] for t in record["times"]}
    assert values["le 30 juin dernier"] == "2012-06-30"
    assert values["juin dernier"] == "2012-06"
