"""Checks the open data of built sites (scripts/opendata-check.sh runs it in
its venv): every CSV against datapackage.json with Frictionless, foreign keys
included; kommunen.geojson against RFC 7946's rules and Germany's bounding box;
catalog.ttl with pyshacl against DCAT-AP.de 2.0 "Spezifikation + Konventionen"
(offline); kaffeerunden.ics with icalendar against the Kaffeerunden of the
content. Prints one summary line per check; exits 1 if any fails.

usage: opendata-check.py --dcat-ap-de DIR NAME=SITE_DIR,CONTENT_DIR ...
"""
import copy
import csv
import json
import shutil
import sys
import tempfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import frictionless
import icalendar
import jsonschema
import pyshacl
import rdflib
import yaml

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


# DCAT-AP.de "Spezifikation + Konventionen": every shapes file (shapes/README.md).
SHAPES = ["dcat-ap-de-imports.ttl", "dcat-ap_2.1.1_shacl_shapes.ttl", "dcat-ap-spec-german-additions.ttl",
          "dcat-ap-spec-german-messages.ttl", "dcat-ap-de-deprecated.ttl", "dcat-ap-konventionen.ttl"]
MIRROR = ["foaf_0_1.rdf", "vcard.ttl", "org.ttl", "dcat-ap-de-licenses-open.rdf"]
EU = "http://publications.europa.eu/resource/authority/"
# The concepts of the vocabularies not available offline that a catalogue may
# use, as listed by the EU Publications Office and DCAT-AP.de: an IRI outside
# these lists stays unknown to the validator and is a violation.
KNOWN_CONCEPTS = {
    EU + "file-type": ["CSV", "JSON", "GEOJSON"],
    EU + "data-theme": ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"],
    EU + "language": ["DEU", "ENG"],
    "http://dcat-ap.de/def/politicalGeocoding/stateKey": [f"{n:02d}" for n in range(1, 17)],
    "http://dcat-ap.de/def/politicalGeocoding/Level": ["state"],
}
CONTRIBUTORS = "http://dcat-ap.de/def/contributors"
SKOS = rdflib.namespace.SKOS
DCATDE = rdflib.Namespace("http://dcat-ap.de/def/dcatde/")
DCAT = rdflib.namespace.DCAT
SH = rdflib.namespace.SH


def shacl(data, shapes):
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", do_owl_imports=False)
    found = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        message = str(results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent))
        found.append((severity, " ".join(message.split())))
    return found


def check_catalog(name, daten, dcat_dir):
    shapes = rdflib.Graph()
    for f in SHAPES:
        shapes.parse(dcat_dir / "shapes" / f)
    catalog = rdflib.Graph().parse(daten / "catalog.ttl", format="turtle")
    data = rdflib.Graph()
    for triple in catalog:
        data.add(triple)
    for f in MIRROR:
        data.parse(dcat_dir / "mirror" / f)
    for scheme, codes in KNOWN_CONCEPTS.items():
        for code in codes:
            concept = rdflib.URIRef(f"{scheme}/{code}")
            data.add((concept, rdflib.RDF.type, SKOS.Concept))
            data.add((concept, SKOS.inScheme, rdflib.URIRef(scheme)))
    # GovData's list of contributors is not available offline: the ID the
    # site names counts as listed (its form is checked by sitegen).
    for contributor in set(catalog.objects(None, DCATDE.contributorID)):
        data.add((contributor, SKOS.inScheme, rdflib.URIRef(CONTRIBUTORS)))
    found = shacl(data, shapes)
    violations = [m for s, m in found if s == "Violation"]
    others = Counter((s, m) for s, m in found if s != "Violation")
    report(not violations, f"{name}: pyshacl catalog.ttl (DCAT-AP.de 2.0 Spezifikation + Konventionen): "
                           f"{len(violations)} violations, {sum(others.values())} warnings/infos"
                           + "".join(f"\n    violation: {m}" for m in violations[:10])
                           + "".join(f"\n    {s.lower()} ×{n}: {m}" for (s, m), n in sorted(others.items())))
    # The shapes are in force: the same catalogue without contributor IDs must fail.
    for triple in list(data.triples((None, DCATDE.contributorID, None))):
        data.remove(triple)
    missing = [m for s, m in shacl(data, shapes) if s == "Violation"]
    report(any("contributorID" in m for m in missing),
           f"{name}: without dcatde:contributorID the catalogue is rejected ({len(missing)} violations)")
    # Every distribution names a file of daten/ with its size, and every table of the package is a dataset.
    package = json.loads((daten / "datapackage.json").read_text(encoding="utf-8"))
    datasets = set(catalog.subjects(rdflib.RDF.type, DCAT.Dataset))
    wrong = []
    for dist in catalog.subjects(rdflib.RDF.type, DCAT.Distribution):
        url = str(catalog.value(dist, DCAT.downloadURL))
        file = daten / url.rsplit("/", 1)[-1]
        size = int(catalog.value(dist, DCAT.byteSize))
        if not file.is_file() or file.stat().st_size != size:
            wrong.append(f"{url} ({size} bytes)")
    titles = {str(catalog.value(d, rdflib.namespace.DCTERMS.identifier)).rsplit("#", 1)[-1] for d in datasets}
    tables = {r["name"] for r in package["resources"]}
    report(not wrong and tables <= titles,
           f"{name}: {len(datasets)} datasets cover the {len(tables)} tables of datapackage.json, every distribution is a file of its size"
           + (f"; wrong: {', '.join(wrong[:5])}" if wrong else "") + (f"; missing: {sorted(tables - titles)}" if not tables <= titles else ""))


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.load(text.split("---", 2)[1], Loader=yaml.BaseLoader)  # every value as written


def check_calendar(name, daten, content, base_url):
    raw = (daten / "kaffeerunden.ics").read_bytes()
    lines = raw.split(b"\r\n")
    too_long = [l[:40] for l in lines if len(l) > 75]
    report(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"") and not too_long,
           f"{name}: kaffeerunden.ics: CRLF line ends, no line over 75 octets" + (f"; long: {too_long[:3]}" if too_long else ""))
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    with open(daten / "kaffeerunden.csv", encoding="utf-8", newline="") as f:
        rows = {row["url"]: row for row in csv.DictReader(f)}
    expected = {}
    for path in sorted((content / "kaffeerunden").glob("*.md")):
        fm = front_matter(path)
        if fm.get("entwurf") == "true":
            continue
        url = f"{base_url}kaffeerunden/{path.stem}/"
        expected[url] = fm
    problems = []
    for url, fm in expected.items():
        event = events.get(url)
        if event is None:
            problems.append(f"{url}: no event")
            continue
        day = date.fromisoformat(fm["datum"])
        start, end = event.decoded("DTSTART"), event.decoded("DTEND", None)
        if "beginn" in fm:
            hour, minute = map(int, fm["beginn"].split(":"))
            if not (isinstance(start, datetime) and str(start.tzinfo) == "Europe/Berlin"
                    and (start.date(), start.hour, start.minute) == (day, hour, minute)):
                problems.append(f"{url}: DTSTART {start!r}, expected {fm['datum']} {fm['beginn']} Europe/Berlin")
            if "ende" in fm:
                hour, minute = map(int, fm["ende"].split(":"))
                if not (isinstance(end, datetime) and (end.date(), end.hour, end.minute) == (day, hour, minute)
                        and str(end.tzinfo) == "Europe/Berlin"):
                    problems.append(f"{url}: DTEND {end!r}, expected {fm['ende']}")
        elif start != day or (end - start).days != 1:
            problems.append(f"{url}: DTSTART/DTEND {start!r}/{end!r}, expected the whole day {fm['datum']}")
        if str(event["SUMMARY"]) != fm["titel"] or str(event.get("URL")) != url:
            problems.append(f"{url}: SUMMARY/URL {event['SUMMARY']!r} {event.get('URL')!r}")
        if "DTSTAMP" not in event:
            problems.append(f"{url}: no DTSTAMP")
        # The same times and registration address in kaffeerunden.csv.
        for key in ("beginn", "ende", "anmeldung"):
            if rows.get(url, {}).get(key, "") != fm.get(key, ""):
                problems.append(f"{url}: kaffeerunden.csv {key} {rows.get(url, {}).get(key)!r}, expected {fm.get(key, '')!r}")
    timed = any("beginn" in fm for fm in expected.values())
    zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
    if zones != (["Europe/Berlin"] if timed else []):
        problems.append(f"VTIMEZONE {zones}")
    extra = set(events) - set(expected)
    report(not problems and not extra,
           f"{name}: icalendar reads kaffeerunden.ics: {len(events)} events, the {len(expected)} Kaffeerunden of the content "
           f"({sum('beginn' in fm for fm in expected.values())} with a time in Europe/Berlin, as in kaffeerunden.csv)"
           + "".join(f"\n    {p}" for p in problems[:10]) + (f"\n    not in the content: {sorted(extra)[:5]}" if extra else ""))


args = sys.argv[1:]
dcat_dir = None
if args[:1] == ["--dcat-ap-de"]:
    dcat_dir, args = Path(args[1]), args[2:]
for arg in args:
    name, _, dirs = arg.partition("=")
    site, _, content = dirs.partition(",")
    daten = Path(site) / "daten"
    validate_package(name, daten)
    foreign_keys_are_checked(name, daten)
    check_geojson(name, daten)
    if content:
        base_url = yaml.load((Path(content) / "site.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["base_url"]
        check_calendar(name, daten, Path(content), base_url.rstrip("/") + "/")
    if dcat_dir:
        check_catalog(name, daten, dcat_dir)

print(f"opendata: {'all checks passed' if failures == 0 else f'{failures} checks failed'}")
sys.exit(1 if failures else 0)
