from chronique.gazetteer import Place, gazetteer


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


def km(place: dict, lat: float, lon: float) -> float:
    import math

    p = math.pi / 180
    a = (math.sin((lat - place["lat"]) * p / 2) ** 2
         + math.cos(lat * p) * math.cos(place["lat"] * p) * math.sin((lon - place["lon"]) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def place_at(record: dict, text: str) -> dict:
    found = [p for p in record["places"] if any(m["text"] == text for m in p["mentions"])]
    assert found, f"no place mentioned as {text!r}: {[m['text'] for p in record['places'] for m in p['mentions']]}"
    return found[0]


def test_a_french_landmark_is_a_place_of_feature_other(analyze_text):
    # the French model tags only "Tian'anmen" (MISC): the landmark matcher takes the whole name
    record = analyze_text("Des milliers de manifestants se sont rassemblés place Tian'anmen, à Pékin.", lang="fr")
    square = place_at(record, "place Tian'anmen")
    assert (square["feature"], square["country"], square["geonames_id"]) == ("other", "CHN", None)
    assert km(square, 39.9055, 116.3976) < 10
    record = analyze_text("Les inspecteurs de l'AIEA sont retournés à la centrale de Zaporijia.", lang="fr")
    plant = place_at(record, "centrale de Zaporijia")  # not the city of Zaporijia, 50 km away
    assert (plant["feature"], plant["country"]) == ("other", "UKR")
    assert km(plant, 47.512, 34.586) < 10


def test_an_english_landmark_is_a_place_of_feature_other(analyze_text):
    record = analyze_text("Aid trucks queued at the Rafah crossing while crowds gathered in Tahrir Square.", lang="en")
    crossing = place_at(record, "Rafah crossing")  # the model tags "Rafah" alone, as a PERSON
    assert (crossing["feature"], crossing["country"]) == ("other", "PSE")
    assert km(crossing, 31.247, 34.259) < 10
    square = place_at(record, "Tahrir Square")  # Cairo's, not Baghdad's, when no country is named
    assert (square["feature"], square["country"]) == ("other", "EGY")
    assert km(square, 30.0444, 31.2357) < 10


def test_the_same_landmark_under_two_names_is_one_place(analyze_text):
    record = analyze_text("La foule a rempli le Maïdan, la place de l'Indépendance de Kiev.", lang="fr")
    assert place_at(record, "Maïdan") is place_at(record, "place de l'Indépendance")


def test_every_landmark_row_is_reachable_and_well_formed():
    import pycountry

    from chronique.resources import lang_table

    g = gazetteer()
    for lang in ("en", "fr"):
        rows = lang_table(lang, "landmarks")
        assert len(rows) >= 150
        for row in rows:
            assert pycountry.countries.get(alpha_3=row["country"]), row
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
            place = g.resolve(row["name"], frozenset({row["country"]}))  # not shadowed by a city or region
            assert place.feature == "other" and place.country == row["country"], (row, place)


def test_a_landmark_does_not_beat_a_city_or_region_of_the_same_name():
    g = gazetteer()
    # "Sagrada Família" is a GeoNames city (a Barcelona district) and "Golan Heights" a region
    assert g.resolve("Golan Heights").feature == "region"
    assert "other" in {p.feature for p in g.candidates("Tahrir Square")}
    g.index.setdefault("paris", []).append(Place(name="Paris", country="USA", feature="other", lat=0.0, lon=0.0))
    try:
        assert (g.resolve("Paris").feature, g.resolve("Paris").country) == ("city", "FRA")
    finally:
        g.index["paris"].pop()
    # ... but it does beat a city that has the name only among its noisy alternate names
    assert (g.resolve("Central Park").feature, g.resolve("Central Park").country) == ("other", "USA")
    assert g.resolve("Acropolis").country == "GRC"


def test_a_government_building_used_as_an_actor_is_not_a_landmark(analyze_text):
    record = analyze_text("Le Kremlin a démenti ces informations, a indiqué Matignon.", lang="fr")
    assert not [p for p in record["places"] if p["feature"] == "other"]


def test_a_landmark_inside_a_longer_name_is_left_to_it(analyze_text):
    record = analyze_text("La cathédrale Notre-Dame de Chartres a été restaurée.", lang="fr")
    assert "Notre-Dame" not in {m["text"] for p in record["places"] for m in p["mentions"]}
    record = analyze_text("Le roman de Giuseppe Tomasi di Lampedusa a été adapté.", lang="fr")
    assert not [p for p in record["places"] if p["feature"] == "other"]


def test_a_capital_by_its_french_name_beats_a_town_of_that_main_name():
    from chronique.gazetteer import gazetteer

    place = gazetteer().resolve("Pékin")  # also the main name of Pekin, Illinois
    assert place is not None and place.country == "CHN"


def test_short_country_names_news_uses():
    from chronique.gazetteer import gazetteer

    places = gazetteer()
    assert {name: places.resolve(name).country for name in ("Bosnia", "Turkey", "Bosnie", "PRC")} == {
        "Bosnia": "BIH", "Turkey": "TUR", "Bosnie": "BIH", "PRC": "CHN"}
