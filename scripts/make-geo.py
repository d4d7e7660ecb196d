#!/usr/bin/env python3
"""Turns the BKG's VG5000 Kreise (GeoJSON, WGS84) into the shapes sitegen carries.

    python3 scripts/make-geo.py [../shared/data/geo/vg5000-2021-kreise.geojson]

writes Sources/SiteKit/Map/KreisShapes+Data.swift: every Kreis projected
(Lambert conformal conic with the standard parallels of Germany, the
projection of the BKG's own overview maps), simplified and rounded to whole
map units, as SVG path data. Standard library only: run once when the
boundaries change, and commit the result.

Shared borders are simplified once: the rings are cut into arcs at every
point where three or more borders meet (or a border leaves the coast), each
arc is simplified on its own, and both Kreise on either side use that same
arc, so neighbours still meet without gaps or overlaps.

Lines of the output (continued on lines that start with a space, so no line
is longer than the code layout allows):
    P <lat1> <lat2> <lat0> <lon0> <scale> <x0> <y0> <width> <height>
    K <ars> <bez>|<name>|<path>        one per Kreis
    L <ars2> <path>                    the outline of a Land
    B <path>                           the borders between Länder and of Germany
A path is SVG path data: `M x y` then relative `l` steps, `z` closing each ring.
"""

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared/data/geo/vg5000-2021-kreise.geojson"
TARGET = ROOT / "Sources/SiteKit/Map/KreisShapes+Data.swift"

# Lambert conformal conic as the BKG uses it for Germany (EPSG:5243, on a sphere here).
LAT1, LAT2, LAT0, LON0 = 48.666667, 53.666667, 51.0, 10.5
R = 6371.0  # km
UNIT = 0.5  # km per map unit
TOLERANCE = 1.5  # km: Douglas-Peucker distance for the arcs
FINE = 100  # fine grid for matching shared points: 1/FINE km
MARGIN = 4  # map units around the country
MIN_ISLAND = 12.0  # km²: smaller islands are left out (the largest part of a Kreis never)
LINE = 132


def lcc(lon, lat):
    f1, f2, f0 = (math.radians(v) for v in (LAT1, LAT2, LAT0))
    n = math.log(math.cos(f1) / math.cos(f2)) / math.log(math.tan(math.pi / 4 + f2 / 2) / math.tan(math.pi / 4 + f1 / 2))
    F = math.cos(f1) * math.tan(math.pi / 4 + f1 / 2) ** n / n
    rho = R * F / math.tan(math.pi / 4 + math.radians(lat) / 2) ** n
    rho0 = R * F / math.tan(math.pi / 4 + f0 / 2) ** n
    t = n * math.radians(lon - LON0)
    return rho * math.sin(t), rho0 - rho * math.cos(t)


def fine(lon, lat):
    x, y = lcc(lon, lat)
    # North up: SVG's y grows downwards.
    return (round(x * FINE), round(-y * FINE))


def ring_area(ring):
    a = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        a += x1 * y2 - x2 * y1
    return abs(a) / 2


def dedupe(ring):
    out = []
    for p in ring:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def douglas_peucker(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dx * (ay - py) - dy * (ax - px)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, index = d, i
        if index >= 0 and best > tol:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    kreise = []  # (ars, bez, name, polygons: [[ring, ...], ...])
    for f in sorted(features, key=lambda f: f["properties"]["ARS"]):
        p = f["properties"]
        geometry = f["geometry"]
        polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        polygons = []
        for poly in polys:
            rings = [dedupe([fine(lon, lat) for lon, lat in ring]) for ring in poly]
            rings = [r for r in rings if len(r) >= 3]
            if rings:
                polygons.append(rings)
        # The largest part first: it is never left out.
        polygons.sort(key=lambda rings: -ring_area(rings[0]))
        kreise.append((p["ARS"], p["BEZ"], p["GEN"], polygons))

    # Junctions: points with more than two distinct neighbours along all rings.
    neighbours = {}
    for _, _, _, polygons in kreise:
        for rings in polygons:
            for ring in rings:
                n = len(ring)
                for i, p in enumerate(ring):
                    s = neighbours.setdefault(p, set())
                    s.add(ring[i - 1])
                    s.add(ring[(i + 1) % n])
    junction = {p for p, s in neighbours.items() if len(s) > 2}

    arcs = {}  # canonical arc -> simplified arc
    owners = {}  # canonical arc -> set of Kreise using it

    def canonical(arc):
        rev = arc[::-1]
        return (tuple(arc), False) if tuple(arc) <= tuple(rev) else (tuple(rev), True)

    def split(ring):
        """The ring as arcs from junction to junction (a ring without one starts at its smallest point)."""
        starts = [i for i, p in enumerate(ring) if p in junction]
        if not starts:
            m = ring.index(min(ring))
            starts = [m]
        pieces = []
        for k, s in enumerate(starts):
            e = starts[(k + 1) % len(starts)]
            if e > s:
                piece = ring[s : e + 1]
            else:
                piece = ring[s:] + ring[: e + 1]
            pieces.append(piece)
        return pieces

    split_rings = []
    for ars, bez, name, polygons in kreise:
        out = []
        for rings in polygons:
            out.append([split(ring) for ring in rings])
            for ring in out[-1]:
                for piece in ring:
                    key, _ = canonical(piece)
                    owners.setdefault(key, set()).add(ars)
        split_rings.append(out)

    tol = TOLERANCE * FINE
    grid = UNIT * FINE
    for key in owners:
        pts = list(key)
        if pts[0] == pts[-1]:
            # A closed arc: simplified as two halves, so it keeps an area.
            far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
            simple = douglas_peucker(pts[: far + 1], tol)[:-1] + douglas_peucker(pts[far:], tol)
        else:
            simple = douglas_peucker(pts, tol)
        arcs[key] = [(round(x / grid), round(y / grid)) for x, y in simple]

    def rebuild(ring_pieces):
        pts = []
        for piece in ring_pieces:
            key, reversed_ = canonical(piece)
            a = arcs[key]
            a = a[::-1] if reversed_ else a
            # Each arc ends where the next begins.
            pts.extend(a[:-1])
        return dedupe(pts)

    minx = miny = 10**9
    maxx = maxy = -(10**9)
    shapes = []
    for (ars, bez, name, _), polygons in zip(kreise, split_rings):
        rings_out = []
        for index, rings in enumerate(polygons):
            outer = rebuild(rings[0])
            unshared = all(len(owners[canonical(p)[0]]) == 1 for p in rings[0])
            if len(outer) < 3 or (index > 0 and unshared and ring_area(outer) * UNIT * UNIT < MIN_ISLAND):
                continue
            rings_out.append(outer)
            for hole in rings[1:]:
                h = rebuild(hole)
                if len(h) >= 3:
                    rings_out.append(h)
        for ring in rings_out:
            for x, y in ring:
                minx, miny, maxx, maxy = min(minx, x), min(miny, y), max(maxx, x), max(maxy, y)
        shapes.append((ars, bez, name, rings_out))

    dx, dy = MARGIN - minx, MARGIN - miny
    width, height = maxx - minx + 2 * MARGIN, maxy - miny + 2 * MARGIN

    def path(rings, closed=True):
        out = []
        for ring in rings:
            (x0, y0), steps = ring[0], []
            for (ax, ay), (bx, by) in zip(ring, ring[1:]):
                steps.append(f"{bx - ax}" + (f"{by - ay}" if by - ay < 0 else f" {by - ay}"))
            out.append(f"M{x0 + dx} {y0 + dy}" + ("l" + " ".join(steps) if steps else "") + ("z" if closed else ""))
        # "l3 -2" is written "l3-2": a minus sign needs no space before it.
        return "".join(out).replace(" -", "-")

    # Land borders: the arcs whose two sides lie in different Länder, or on one side outside Germany.
    land_arcs = {}
    borders = []
    for key, ars_set in sorted(owners.items()):
        laender = {a[:2] for a in ars_set}
        a = arcs[key]
        if len(a) < 2:
            continue
        if len(ars_set) == 1 or len(laender) > 1:
            line = [(x, y) for x, y in a]
            borders.append(line)
            for land in laender:
                land_arcs.setdefault(land, []).append(line)

    lines = [f"P {LAT1} {LAT2} {LAT0} {LON0} {UNIT} {dx} {dy} {width} {height}"]
    for ars, bez, name, rings in shapes:
        lines.append(f"K {ars} {bez}|{name}|{path(rings)}")
    for land in sorted(land_arcs):
        lines.append(f"L {land} {path(land_arcs[land], closed=False)}")
    lines.append(f"B {path(borders, closed=False)}")

    wrapped = []
    for line in lines:
        while len(line) > LINE:
            # Cut at a space or before a sign or command, never inside a number.
            cut = LINE
            while line[cut] not in " -Mlz":
                cut -= 1
            wrapped.append(line[:cut])
            line = " " + line[cut:]
        wrapped.append(line)

    swift = (
        "// Generated by scripts/make-geo.py from the BKG's VG5000 (Stand 2021-01-01,\n"
        "// dl-de/by-2-0, © GeoBasis-DE / BKG 2021, Daten verändert). Do not edit.\n\n"
        "extension KreisShapes {\n"
        "    /// The projected, simplified Kreise; read by `KreisShapes.parse`.\n"
        '    static let data = #"""\n' + "\n".join(" " * 8 + l for l in wrapped) + '\n        """#\n}\n'
    )
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(swift, encoding="utf-8")
    kreis_bytes = sum(len(path(r)) for *_, r in shapes)
    print(f"{len(shapes)} Kreise, map {width}×{height} units of {UNIT} km; Kreis paths {kreis_bytes} bytes, "
          f"borders {len(lines[-1])} bytes; {TARGET.relative_to(ROOT)} {len(swift)} bytes")


if __name__ == "__main__":
    main()
