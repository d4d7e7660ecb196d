#!/usr/bin/env python3
"""Recounts from the content what the map and the figures of a built site show.

    map-check.py CONTENT OUTPUT

CONTENT is a content folder, OUTPUT the site sitegen built from it. The
script reads the front matter of every profile and report on its own (a
small reader for the keys it needs, not sitegen's), places every Kommune in
a Kreis the way the content format says (AGS prefix, else its `kreis`'s,
else its `koordinaten` within the Kreis's outline, from the shapes sitegen
carries), and compares:

- the members and Kommunen per Kreis with the home page's map (the name and
  number of each Kreis's link, its shading class) and the table beside it;
- each table of `statistik/` with the same figures counted from the content.

Prints one line per check and "map-check: N passed, N failed" last; exit 1
on a failure. Standard library only.
"""
import html
import math
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "Sources/SiteKit/Map/KreisShapes+Data.swift"
content, output = Path(sys.argv[1]), Path(sys.argv[2])
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else ": " + str(detail)[:2000]))


# --- The shapes, read from the generated file -------------------------------------------
records = []
for line in DATA.read_text(encoding="utf-8").split("\n"):
    if not line.startswith("        ") or line.strip() == '"""#':
        continue
    line = line[8:]
    if line.startswith(" ") and records:
        records[-1] += line[1:]
    else:
        records.append(line)
proj = None
kreise = {}  # ars -> (full name, rings)
for r in records:
    if r.startswith("P "):
        proj = [float(v) for v in r[2:].split()]
    elif r.startswith("K "):
        head, name, path = r[2:].split("|", 2)
        ars, bez = head.split(" ", 1)
        rings, ring, cmd, nums = [], None, "M", []
        for token in re.findall(r"[Mlz]|-?\d+", path):
            if token in "Mlz":
                cmd = token
                continue
            nums.append(int(token))
            if len(nums) == 2:
                x, y = nums
                del nums[:]
                if cmd == "M":
                    ring = [(x, y)]
                    rings.append(ring)
                else:
                    ring.append((ring[-1][0] + x, ring[-1][1] + y))
        full = name if "kreis" in name.lower() else f"{bez} {name}"
        kreise[ars] = (full, [r for r in rings if len(r) >= 3])


def project(lat, lon):
    lat1, lat2, lat0, lon0, unit, x0, y0 = proj[:7]
    rad = math.pi / 180
    t = lambda f: math.tan(math.pi / 4 + f / 2)
    f1, f2, f0 = lat1 * rad, lat2 * rad, lat0 * rad
    n = math.log(math.cos(f1) / math.cos(f2)) / math.log(t(f2) / t(f1))
    F = math.cos(f1) * t(f1) ** n / n
    rho, rho0 = 6371.0 * F / t(lat * rad) ** n, 6371.0 * F / t(f0) ** n
    th = n * (lon - lon0) * rad
    return (rho * math.sin(th) / unit + x0, -(rho0 - rho * math.cos(th)) / unit + y0)


boxes = {a: (min(x for r in rs for x, _ in r), min(y for r in rs for _, y in r),
             max(x for r in rs for x, _ in r), max(y for r in rs for _, y in r)) for a, (_, rs) in kreise.items()}


def kreis_at(p):
    x, y = round(p[0], 1), round(p[1], 1)
    for ars, (_, rings) in kreise.items():
        bx0, by0, bx1, by1 = boxes[ars]
        if not (bx0 <= x <= bx1 and by0 <= y <= by1):
            continue
        inside = False
        for ring in rings:
            j = len(ring) - 1
            for i in range(len(ring)):
                (ax, ay), (cx, cy) = ring[i], ring[j]
                if (ay > y) != (cy > y) and x < (cx - ax) * (y - ay) / (cy - ay) + ax:
                    inside = not inside
                j = i
        if inside:
            return ars
    return None


# --- The content ----------------------------------------------------------------------
def front_matter(path):
    """Top-level scalars, and the items of `projekte` (titel/handlungsfeld/status)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, []
    fm, projekte, section = {}, [], None
    for line in lines[1:]:
        if line.strip() == "---":
            break
        m = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if m:
            section = m.group(1)
            value = m.group(2).strip()
            if value.startswith('"') and value.endswith('"') and len(value) >= 2:
                value = value[1:-1]
            fm[section] = value
            continue
        if section == "projekte":
            m = re.match(r"^\s*(-\s*)?([a-z_]+):\s*(.*)$", line)
            if m:
                if m.group(1):
                    projekte.append({})
                if projekte:
                    projekte[-1][m.group(2)] = m.group(3).strip().strip('"')
    return fm, projekte


kommunen = {}
for f in sorted((content / "kommunen").glob("*.md")):
    fm, projekte = front_matter(f)
    if fm.get("entwurf") == "true":
        continue
    fm["projekte"] = projekte
    kommunen[f.stem] = fm


def point(k):
    m = re.match(r"^\[\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\]$", k.get("koordinaten", ""))
    return project(float(m.group(1)), float(m.group(2))) if m else None


def by_ags(k):
    ags = k.get("ags", "")
    return ags[:5] if len(ags) >= 5 and ags[:5] in kreise else None


def place(k):
    if by_ags(k):
        return by_ags(k)
    ref = kommunen.get(k.get("kreis", ""))
    if ref is not None:
        p = by_ags(ref) or (point(ref) and kreis_at(point(ref)))
        if p:
            return p
    p = point(k)
    return kreis_at(p) if p else None


members = {ars: 0 for ars in kreise}
counted = {ars: 0 for ars in kreise}
for slug, k in kommunen.items():
    ars = place(k)
    if ars:
        counted[ars] += 1
        if k.get("mitglied_seit"):
            members[ars] += 1

# --- The map on the home page ---------------------------------------------------------
home = (output / "index.html").read_text(encoding="utf-8")
group = re.search(r'<g class="kreise">(.*?)</g>', home, re.S)
check("the home page has the map of all Kreise", group is not None)
if group:
    links = re.findall(r'<a(?: class="m(\d)")? href="[^"]*" aria-label="([^"]*): ([\d.]+) Mitglied(?:er)?">', group.group(1))
    shown = [(html.unescape(name), int(n.replace(".", "")), int(cls or 0)) for cls, name, n in links]
    expected = [(kreise[a][0], members[a], 0 if members[a] == 0 else 1 if members[a] == 1 else 2 if members[a] <= 4
                 else 3 if members[a] <= 9 else 4) for a in sorted(kreise)]
    diff = [(e, s) for e, s in zip(expected, shown) if e != s]
    check("every Kreis of the map has the members counted from the content, and its class",
          len(shown) == len(expected) and not diff, f"{len(shown)} links, {len(expected)} Kreise; first differences {diff[:5]}")
    svg = re.search(r'<svg class="karte".*?</svg>', home, re.S).group(0)
    points = re.search(r'<g class="orte">.*?</g>', svg, re.S)
    size, point_size = len(svg.encode()), len(points.group(0).encode()) if points else 0
    print(f"     map of Germany: {size:,} bytes of SVG, of which {point_size:,} for the points")
    check("the Kreise of the map of Germany take at most 120 KB of SVG", size - point_size <= 120_000, size - point_size)
rows = re.findall(r'<tr id="karte-(\d{5})"><th scope="row"><a href="[^"]*">[^<]*</a></th><td>[^<]*</td>'
                  r'<td class="zahl">([\d.]+)</td><td class="zahl">([\d.]+)</td></tr>', home)
table = {a: (int(m.replace(".", "")), int(k.replace(".", ""))) for a, m, k in rows}
want = {a: (members[a], counted[a]) for a in kreise if counted[a] > 0}
check("the table beside the map lists the same Kreise with the same numbers", table == want,
      sorted(set(table.items()) ^ set(want.items()))[:6])

# --- The figures ----------------------------------------------------------------------
stat = (output / "statistik/index.html").read_text(encoding="utf-8")


def table_of(id_):
    block = re.search(r'<section class="diagramm-block" aria-labelledby="_%s">(.*?)</section>' % id_, stat, re.S)
    if not block:
        return None
    out = []
    for label, cells in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', block.group(1)):
        out.append((html.unescape(label), [int(c.replace(".", "")) for c in re.findall(r'<td class="zahl">([\d.]+)</td>', cells)]))
    return out


mitglieder = [k for k in kommunen.values() if k.get("mitglied_seit")]
LAENDER = ["Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen", "Mecklenburg-Vorpommern",
           "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt",
           "Schleswig-Holstein", "Thüringen"]
ARTEN = ["Gemeinde", "Ortsgemeinde", "Stadt", "Kreisfreie Stadt", "Verbandsgemeinde", "Verbandsfreie Gemeinde",
         "Samtgemeinde", "Amt", "Landkreis"]
years = {}
for k in mitglieder:
    y = int(k["mitglied_seit"][:4])
    years[y] = years.get(y, 0) + 1
jahre, total = [], 0
for y in range(min(years), max(years) + 1) if years else []:
    total += years.get(y, 0)
    jahre.append((str(y), [years.get(y, 0), total]))
check("members over time", table_of("mitglieder-jahre") == jahre, (table_of("mitglieder-jahre"), jahre))
by_land = [(l, [n]) for l in LAENDER if (n := sum(1 for k in mitglieder if k.get("bundesland") == l))]
check("members by Bundesland", table_of("mitglieder-laender") == by_land, (table_of("mitglieder-laender"), by_land))
by_art = [(a, [n]) for a in ARTEN if (n := sum(1 for k in mitglieder if k.get("art") == a))]
check("members by Art", table_of("mitglieder-art") == by_art, (table_of("mitglieder-art"), by_art))
bounds = [(0, "unter 5.000"), (5000, "5.000 bis unter 20.000"), (20000, "20.000 bis unter 100.000"), (100000, "100.000 und mehr")]
sizes = [0] * 5
for k in mitglieder:
    e = k.get("einwohner", "").replace("_", "")
    sizes[max(i for i, (b, _) in enumerate(bounds) if int(e) >= b) if e.isdigit() else 4] += 1
by_size = [(label, [sizes[i]]) for i, (_, label) in enumerate(bounds)] + ([("ohne Angabe", [sizes[4]])] if sizes[4] else [])
check("members by size class of Einwohner", table_of("mitglieder-groesse") == by_size, (table_of("mitglieder-groesse"), by_size))

felder, feld_namen = [], {}
slug = None
for line in (content / "handlungsfelder.yaml").read_text(encoding="utf-8").split("\n"):
    if m := re.match(r"^- slug:\s*(\S+)", line):
        slug = m.group(1)
        felder.append(slug)
    elif (m := re.match(r"^\s+name:\s*(.+)$", line)) and slug:
        feld_namen[slug] = m.group(1).strip().strip('"')
status = {}
for k in kommunen.values():
    for p in k["projekte"]:
        s = status.setdefault(p.get("handlungsfeld"), [0, 0, 0])
        s[["geplant", "laufend", "umgesetzt"].index(p.get("status"))] += 1
by_feld = [(feld_namen[f], status[f]) for f in felder if f in status]
check("projects by Handlungsfeld and status", table_of("projekte-felder") == by_feld, (table_of("projekte-felder"), by_feld))

runden = {}
for f in sorted((content / "kaffeerunden").glob("*.md")):
    fm, _ = front_matter(f)
    if fm.get("entwurf") == "true":
        continue
    r = runden.setdefault(int(fm["datum"][:4]), [0, 0])
    r[0] += 1
    r[1] += int(fm.get("teilnehmende", "0") or 0)
by_year = [(str(y), runden[y]) for y in sorted(runden)]
check("Kaffeerunden and participants per year", table_of("kaffeerunden") == by_year, (table_of("kaffeerunden"), by_year))

print("map-check: %d passed, %d failed" % (results.count(True), results.count(False)))
sys.exit(0 if all(results) else 1)
