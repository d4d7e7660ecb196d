"""Checks the open data of built sites (scripts/opendata-check.sh runs it in
its venv): every CSV against datapackage.json with Frictionless, foreign keys
included; kommunen.geojson against RFC 7946's rules and Germany's bounding box.
Prints one summary line per check; exits 1 if any fails.

usage: opendata-check.py NAME=SITE_DIR ...
"""
import copy
import csv
import json
import shutil
import sys
import tempfile
from pathlib import Path

import frictionless
import jsonschema

# Germany with a margin: lon 5.5–15.5 (east), lat 47–55.5 (north).
LON, LAT = (5.5, 15.5), (47.0, 55.5)

POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "items": {"type": "number"}}
# RFC 7946 as far as a collection of points goes: no `crs` (section 4: WGS 84
# only), a Feature with geometry and properties, an id that is a string or number.
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},
                "geometry": {"type": "object", "required": ["type", "coordinates"], "additionalProperties": False,
                             "properties": {"type": {"const": "Point"}, "coordinates": POSITION}},
                "properties": {"type": ["object", "null"]},
            },
        }},
    },
}

failures = 0


def report(ok, text):
    global failures
    failures += 0 if ok else 1
    print(f"opendata: {'ok  ' if ok else 'FAIL'} {text}")


def errors_of(report_):
    return [(e.get("type"), e.get("message")) for task in report_.tasks for e in [err.to_dict() for err in task.errors]] + \
        [(e.type, e.message) for e in report_.errors]


def validate_package(name, daten):
    result = frictionless.validate(str(daten / "datapackage.json"))
    problems = errors_of(result)
    rows = sum(t.stats.get("rows", 0) or 0 for t in result.tasks)
    report(result.valid, f"{name}: frictionless validate datapackage.json: {len(result.tasks)} tables, {rows} rows, "
                         f"{len(problems)} errors" + "".join(f"\n    {t}: {m}" for t, m in problems[:10]))


def foreign_keys_are_checked(name, daten):
    """A project of a Kommune that does not exist must fail the validation:
    proves that the package's foreign keys are in force, not just declared."""
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp)
        for f in daten.glob("*.csv"):
            shutil.copy(f, broken)
        package = json.loads((daten / "datapackage.json").read_text(encoding="utf-8"))
        package = copy.deepcopy(package)
        for resource in package["resources"]:
            resource.pop("bytes", None)  # the edit changes the size; only the key may fail
        (broken / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
        with open(broken / "projekte.csv", "a", encoding="utf-8", newline="") as f:
            f.write("gibt-es-nicht,1,Ein Projekt ohne Kommune,verwaltung,geplant,\n")
        types = {t for t, _ in errors_of(frictionless.validate(str(broken / "datapackage.json")))}
        report(types == {"foreign-key"}, f"{name}: a project of a missing Kommune is a foreign-key error ({', '.join(sorted(types)) or 'no error'})")


def check_geojson(name, daten):
    data = json.loads((daten / "kommunen.geojson").read_text(encoding="utf-8"))
    try:
        jsonschema.validate(data, GEOJSON_SCHEMA)
        structure = None
    except jsonschema.ValidationError as e:
        structure = e.message
    report(structure is None, f"{name}: kommunen.geojson is an RFC 7946 FeatureCollection of points"
                              + (f": {structure}" if structure else ""))
    if structure:
        return
    with open(daten / "kommunen.csv", encoding="utf-8", newline="") as f:
        rows = {r["slug"]: r for r in csv.DictReader(f)}
    located = {s for s, r in rows.items() if r["breite"] and r["laenge"]}
    outside, swapped = [], []
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"][:2]
        if not (LON[0] <= lon <= LON[1] and LAT[0] <= lat <= LAT[1]):
            outside.append(f"{feature['id']} ({lon}, {lat})")
        row = rows.get(feature["id"])
        if row is None or (float(row["laenge"]), float(row["breite"])) != (lon, lat):
            swapped.append(feature["id"])
    ids = [f["id"] for f in data["features"]]
    report(not outside, f"{name}: {len(ids)} points, all inside Germany (lon {LON[0]}–{LON[1]}, lat {LAT[0]}–{LAT[1]})"
                        + (f"; outside: {', '.join(outside[:5])}" if outside else ""))
    report(set(ids) == located and len(ids) == len(set(ids)) and not swapped,
           f"{name}: one point per Kommune with coordinates in kommunen.csv ({len(located)}), longitude first"
           + (f"; differ: {', '.join(swapped[:5])}" if swapped else ""))


for arg in sys.argv[1:]:
    name, _, site = arg.partition("=")
    daten = Path(site) / "daten"
    validate_package(name, daten)
    foreign_keys_are_checked(name, daten)
    check_geojson(name, daten)

print(f"opendata: {'all checks passed' if failures == 0 else f'{failures} checks failed'}")
sys.exit(1 if failures else 0)
