"""The shipped knowledge base (src/chronique/data/kb/*.tsv) as data: valid countries and kinds, one row per
folded alias, no alias that is a country, a large city or a common word, person aliases that are names, and
spot checks of what the tables are for (PASOK is Greek, Radio Okapi Congolese, the Saint-Siège the Holy See).

A bad alias makes a false actor in every article that uses the word, so the lists of allowed exceptions below
are closed: each names the row that may keep the alias and why."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

import pycountry
import pytest

from chronique.gazetteer import gazetteer
from chronique.kb import knowledge_base
from chronique.names import name_parts
from chronique.resources import fold, kb_table

ORG_KINDS = {"media", "organization", "group"}
EXTRA_COUNTRIES = {"XKX"}  # Kosovo: the code the gazetteer and petrarch.py use (CAMEO's KSV)
CODE_PREFIXES_WITHOUT_COUNTRY = ("IGO", "NGO", "IMG")  # intergovernmental, NGO, international militarised group

# Common French and English words, months and first names (folded) that must not be an alias: the phrase
# matcher would tag every use of the word as an actor.
COMMON_WORDS = frozenset((
    # English
    "together", "reform", "unity", "future", "today", "change", "hope", "freedom", "liberty", "justice",
    "progress", "renewal", "forward", "alliance", "union", "coalition", "movement", "party", "front", "people",
    "nation", "national", "democrats", "republicans", "labour", "labor", "green", "greens", "conservative",
    "conservatives", "liberal", "liberals", "socialist", "socialists", "communist", "communists", "independent",
    "independents", "patriots", "solidarity", "voice", "action", "dawn", "now", "sun", "times", "guardian",
    "observer", "mail", "post", "star", "express", "mirror", "telegraph", "economist", "world", "globe",
    "herald", "tribune", "army", "police", "government", "state", "council", "court", "assembly", "parliament",
    "congress", "senate", "commission", "bank", "agency", "service", "security", "intelligence", "defence",
    "defense", "military", "forces", "guard", "guards", "left", "right", "centre", "center", "amnesty",
    "horizons", "place", "apple", "amazon", "total", "fact", "care", "pace", "raw", "ice", "mud", "pan", "pro",
    "bad", "far", "april", "march", "june", "august",
    # French
    "renaissance", "ensemble", "avenir", "espoir", "unite", "liberte", "progres", "changement", "patrie",
    "peuple", "republique", "republicains", "democrates", "ecologistes", "verts", "gauche", "droite",
    "rassemblement", "mouvement", "parti", "engages", "patriotes", "insoumis", "monde", "point", "croix",
    "temps", "soir", "matin", "presse", "pays", "devoir", "armee", "gendarmerie", "gouvernement", "etat",
    "conseil", "cour", "tribunal", "assemblee", "senat", "banque", "agence", "securite", "marine", "garde",
    "sud", "nord", "est", "ouest", "paix", "vie", "voix", "demain", "pas", "mes", "sdf", "pdg", "unir", "ecolo",
    "nos", "mai", "avril", "mars", "juin", "aout", "generations",
    # first names
    "stan", "tim", "olaf", "uma", "alba", "jordan", "victoria", "grace", "joy", "may", "will", "mark", "john",
    "pierre", "jean", "marie", "david", "michel", "paul", "martin", "thomas", "richard", "bertrand", "michal",
    "dan", "henry", "ali", "mohamed", "hassan", "abdullah",
))

# Common words kept on purpose by the rows that had them first: news uses them, capitalised, for these.
ALLOWED_COMMON = {
    "guardian": "The Guardian",
    "telegraph": "The Daily Telegraph",
    "amnesty": "Amnesty International",
    "conservative": "Conservative Party",
    "conservatives": "Conservative Party",
    "labour": "Labour Party",
    "democrats": "Democratic Party",
    "republicans": "Republican Party",
}

# Organisation aliases that are also the main name of a city of 100,000 people or more, kept on purpose.
ALLOWED_CITY_NAMES = {
    "commonwealth": "Commonwealth of Nations",  # a barangay of Quezon City
    "duma": "State Duma",                        # Douma, Syria
}

# Person aliases of one word that are a country's name or a capital, kept on purpose.
ALLOWED_PERSON_PLACES = {
    "hollande": "François Hollande",  # "Hollande" is also a French name of the Netherlands
    "amano": "Yukiya Amano",          # one of GeoNames' alternate spellings of Amman
}


def aliases(row: dict[str, str]) -> list[str]:
    return list(dict.fromkeys([row["name"], *(a.strip() for a in row["aliases"].split("|") if a.strip())]))


@functools.cache
def organizations() -> tuple[dict[str, str], ...]:
    return kb_table("organizations")


@functools.cache
def persons() -> tuple[dict[str, str], ...]:
    return kb_table("persons")


def valid_country(code: str) -> bool:
    return not code or code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


# ---------------------------------------------------------------------- format

def test_tables_are_not_empty():
    assert len(organizations()) > 800
    assert len(persons()) > 800


def test_organisation_rows_have_a_kind_a_country_and_a_code_of_that_country():
    bad = []
    for row in organizations():
        if row["kind"] not in ORG_KINDS:
            bad.append(f"{row['name']}: kind {row['kind']!r}")
        if not valid_country(row["country"]):
            bad.append(f"{row['name']}: country {row['country']!r}")
        code = row["code"]
        if code and not re.fullmatch(r"[A-Z0-9]{3,12}", code):
            bad.append(f"{row['name']}: code {code!r}")
        elif code and row["country"] and not code.startswith(row["country"]):
            bad.append(f"{row['name']}: code {code!r} is not of {row['country']}")
        elif code and not row["country"] and not code.startswith(CODE_PREFIXES_WITHOUT_COUNTRY):
            bad.append(f"{row['name']}: code {code!r} without a country")
        if row["kb_id"] and not re.fullmatch(r"Q[1-9][0-9]*", row["kb_id"]):
            bad.append(f"{row['name']}: kb_id {row['kb_id']!r}")
    assert not bad, "\n".join(bad)


def test_person_rows_have_a_country_and_a_lower_case_role():
    bad = []
    for row in persons():
        if not valid_country(row["country"]):
            bad.append(f"{row['name']}: country {row['country']!r}")
        if row["role"] != row["role"].lower():
            bad.append(f"{row['name']}: role {row['role']!r} is not lower case")
        if row["kb_id"] and not re.fullmatch(r"Q[1-9][0-9]*", row["kb_id"]):
            bad.append(f"{row['name']}: kb_id {row['kb_id']!r}")
    assert not bad, "\n".join(bad)


def test_every_entry_of_the_shipped_knowledge_base_has_a_known_kind():
    kb = knowledge_base()
    assert {e.kind for e in kb.organizations} <= ORG_KINDS
    assert {e.kind for e in kb.persons} == {"person"}


# ---------------------------------------------------------------------- aliases

@pytest.mark.parametrize("table", ["organizations", "persons"])
def test_no_folded_alias_belongs_to_two_rows(table):
    owners: dict[str, set[str]] = defaultdict(set)
    for row in kb_table(table):
        for alias in aliases(row):
            owners[fold(alias)].add(row["name"])
    shared = {alias: sorted(names) for alias, names in owners.items() if len(names) > 1}
    assert not shared, shared


def test_no_row_is_listed_twice():
    for table in ("organizations", "persons"):
        names = [row["name"] for row in kb_table(table)]
        assert len(names) == len(set(names)), table


def test_no_organisation_alias_is_a_country():
    g = gazetteer()
    bad = [(row["name"], alias) for row in organizations() for alias in aliases(row)
           if any(place.feature == "country" for place in g.candidates(alias))]
    assert not bad, bad


def test_no_organisation_alias_is_the_name_of_a_large_city():
    g = gazetteer()
    bad = []
    for row in organizations():
        for alias in aliases(row):
            key = fold(alias)
            if ALLOWED_CITY_NAMES.get(key) == row["name"]:
                continue
            if any(place.feature in ("city", "region") and (place.feature == "region" or (
                    (key, place.geonames_id) in g.primary and place.population >= 100_000))
                   for place in g.candidates(alias)):
                bad.append((row["name"], alias))
    assert not bad, bad


@pytest.mark.parametrize("table", ["organizations", "persons"])
def test_no_alias_is_a_common_word(table):
    bad = [(row["name"], alias) for row in kb_table(table) for alias in aliases(row)
           if fold(alias) in COMMON_WORDS and ALLOWED_COMMON.get(fold(alias)) != row["name"]]
    assert not bad, bad


def test_generic_party_names_belong_to_the_french_or_british_party():
    """A name many countries' parties share is the French (or British) party's; the others are listed by
    their country-specific names ("Parti socialiste grec")."""
    kb = knowledge_base()
    for alias, country in [("Parti socialiste", "FRA"), ("Parti communiste français", "FRA"),
                           ("parti conservateur", "GBR"), ("parti travailliste", "GBR")]:
        entry = kb.organization(alias)
        assert entry is not None and entry.country == country, (alias, entry)
    for alias in ("Socialist Party", "Parti communiste", "Conservative Party of Greece", "Green Party",
                  "Social Democratic Party", "Parti social-démocrate", "Liberal Party", "Parti libéral",
                  "Union pour la République", "Gauche unie", "morality police", "Mukhabarat"):
        assert kb.organization(alias) is None, alias


def test_person_aliases_have_a_surname():
    bad = [(row["name"], alias) for row in persons() for alias in aliases(row) if not name_parts(alias)[1]]
    assert not bad, bad


def test_a_bare_surname_alias_is_not_shared_with_another_person():
    """The persons.tsv rule: a bare surname is listed only when no other person of the table shares it."""
    people_by_surname: dict[str, set[str]] = defaultdict(set)
    for row in persons():
        for alias in aliases(row):
            people_by_surname[name_parts(alias)[1]].add(row["name"])
    bad = []
    for row in persons():
        for alias in aliases(row):
            given, surname = name_parts(alias)
            if not given and people_by_surname[surname] != {row["name"]}:
                bad.append((row["name"], alias, sorted(people_by_surname[surname])))
    assert not bad, bad


def test_no_one_word_person_alias_is_a_country_or_a_capital():
    g = gazetteer()
    bad = [(row["name"], alias) for row in persons() for alias in aliases(row)
           if len(alias.split()) == 1 and ALLOWED_PERSON_PLACES.get(fold(alias)) != row["name"]
           and any(g.is_state(place) for place in g.candidates(alias))]
    assert not bad, bad


# ---------------------------------------------------------------------- spot checks

@pytest.mark.parametrize("alias, name, kind, country", [
    ("PASOK", "PASOK", "organization", "GRC"),
    ("Parti socialiste grec", "PASOK", "organization", "GRC"),
    ("Nouvelle Démocratie", "New Democracy", "organization", "GRC"),
    ("Coalition de la gauche radicale", "Syriza", "organization", "GRC"),
    ("Radio Okapi", "Radio Okapi", "media", "COD"),
    ("BBC Grands Lacs", "BBC Great Lakes", "media", "GBR"),
    ("Myawaddy TV", "Myawaddy TV", "media", "MMR"),
    ("Saint-Siège", "Holy See", "organization", "VAT"),
    ("Telegram", "Telegram Messenger", "organization", "ARE"),
    ("Front pour l'alternance et la concorde au Tchad", "Front for Change and Concord in Chad", "group", "TCD"),
    ("armée ougandaise", "Uganda People's Defence Force", "organization", "UGA"),
    ("FARDC", "Armed Forces of the Democratic Republic of the Congo", "organization", "COD"),
    ("moukhabarat syriens", "Syrian Mukhabarat", "organization", "SYR"),
    ("La Quadrature du Net", "La Quadrature du Net", "organization", "FRA"),
    ("CODECO", "CODECO", "group", "COD"),
    ("Pheu Thai", "Pheu Thai Party", "organization", "THA"),
    ("Ligue nationale pour la démocratie", "National League for Democracy", "organization", "MMR"),
    ("UDC", "Swiss People's Party", "organization", "CHE"),
    ("ANC", "African National Congress", "organization", "ZAF"),
])
def test_organisation_spot_checks(alias, name, kind, country):
    entry = knowledge_base().organization(alias)
    assert entry is not None, alias
    assert (entry.name, entry.kind, entry.country) == (name, kind, country)


def test_organisation_codes_follow_the_cameo_sectors():
    kb = knowledge_base()
    assert kb.organization("PASOK").code == "GRCPTY"
    assert kb.organization("Radio Okapi").code == "CODMED"
    assert kb.organization("Shin Bet").code == "ISRSPY"
    assert kb.organization("Cour de cassation").code == "FRAJUD"
    assert kb.organization("M23").code == "CODREB"


@pytest.mark.parametrize("spelling, name, country", [
    ("Lucas Papademos", "Lucas Papademos", "GRC"),
    ("Papadimos", "Lucas Papademos", "GRC"),
    ("Loukás Papadímos", "Lucas Papademos", "GRC"),
    ("Kioumars Heydari", "Kioumars Heydari", "IRN"),
    ("Gennadi Ziouganov", "Gennady Zyuganov", "RUS"),
    ("Ursula von der Leyen", "Ursula von der Leyen", None),
    ("Péter Szijjártó", "Péter Szijjártó", "HUN"),
    ("Assimi Goïta", "Assimi Goïta", "MLI"),
])
def test_person_spot_checks(spelling, name, country):
    entry = knowledge_base().person(spelling)
    assert entry is not None, spelling
    assert (entry.name, entry.country) == (name, country)


def test_a_new_namesake_does_not_take_a_bare_surname_from_a_listed_person():
    """People whose surname many others share are kept out, so that the bare surname still finds the one
    news means ("Abbas", "Modi", "Tshisekedi")."""
    kb = knowledge_base()
    for surname, name in [("Abbas", "Mahmoud Abbas"), ("Modi", "Narendra Modi"), ("Tshisekedi", "Félix Tshisekedi"),
                          ("Sinwar", "Yahya Sinwar"), ("Haftar", "Khalifa Haftar"), ("Saied", "Kais Saied"),
                          ("Maliki", "Nouri al-Maliki")]:
        entry = kb.person(surname)
        assert entry is not None and entry.name == name, (surname, entry)
