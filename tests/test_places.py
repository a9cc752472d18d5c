from chronique.gazetteer import gazetteer


def test_french_exonyms_resolve_to_geonames_cities():
    g = gazetteer()
    tehran = g.resolve("Téhéran")
    assert (tehran.country, tehran.geonames_id, round(tehran.lat, 1), round(tehran.lon, 1)) == ("IRN", 112931,
                                                                                                 35.7, 51.4)
    assert g.resolve("Le Caire").country == "EGY"
    assert g.resolve("Moscou").name == "Moscow"


def test_country_names_in_french_and_english_come_from_cldr():
    g = gazetteer()
    assert g.resolve("États-Unis").country == "USA"
    assert g.resolve("Royaume-Uni").feature == "country"
    assert g.resolve("Mexico").feature == "country"


def test_a_main_name_beats_an_alternate_name():
    assert gazetteer().resolve("Saint-Cloud", frozenset({"FRA"})).country == "FRA"


def test_places_in_an_article(analyze_text):
    record = analyze_text("Le président est arrivé à Téhéran après une escale à Damas.", lang="fr")
    found = {m["text"]: (p["country"], p["feature"]) for p in record["places"] for m in p["mentions"]}
    assert found["Téhéran"] == ("IRN", "city")
    assert found["Damas"] == ("SYR", "city")
