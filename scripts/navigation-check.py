#!/usr/bin/env python3
"""navigation-check OUT_DIR [--max-clicks 3] [--max-kb 300]

Walks a built site's links from index.html as a reader clicking would and
checks that every profile (kommunen/<slug>/index.html) is reachable within
--max-clicks link steps, and that no HTML page is larger than --max-kb KB.
Prints one summary line; exit status 1 when a check fails.
"""
import argparse
import os
import posixpath
import re
import sys
from collections import deque
from urllib.parse import unquote, urlsplit

HREF = re.compile(rb'<a\s[^>]*?href="([^"]*)"')


def links(root, page):
    with open(os.path.join(root, page), "rb") as f:
        html = f.read()
    base = posixpath.dirname(page)
    for raw in HREF.findall(html):
        url = urlsplit(raw.decode("utf-8", "replace"))
        if url.scheme or url.netloc or url.path.startswith("/") or not url.path:
            continue
        target = posixpath.normpath(posixpath.join(base, unquote(url.path)))
        if target == ".":
            target = ""
        if url.path.endswith("/") or target == "":
            target = posixpath.join(target, "index.html")
        yield target


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--max-clicks", type=int, default=3)
    ap.add_argument("--max-kb", type=int, default=300)
    args = ap.parse_args()
    root = args.out
    pages, too_big = set(), []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(folder, name), root)
                pages.add(path)
                size = os.path.getsize(os.path.join(root, path))
                if size > args.max_kb * 1000:
                    too_big.append((size, path))
    depth = {"index.html": 0}
    queue = deque(["index.html"])
    while queue:
        page = queue.popleft()
        for target in links(root, page):
            if target in pages and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    profiles = [p for p in pages if re.fullmatch(r"kommunen/[^/]+/index\.html", p)]
    far = sorted(p for p in profiles if depth.get(p, 99) > args.max_clicks)
    deepest = max((depth.get(p, 99) for p in profiles), default=0)
    largest = max(((os.path.getsize(os.path.join(root, p)), p) for p in pages), default=(0, "-"))
    for p in far[:10]:
        print("navigation-check: %s is %s clicks from the home page" % (p, depth.get(p, "no number of")))
    for size, p in sorted(too_big, reverse=True)[:10]:
        print("navigation-check: %s has %d KB of HTML" % (p, size // 1000))
    print("navigation-check: %d profiles, all within %d clicks: %s (deepest %d); largest page %s %d KB: %s"
          % (len(profiles), args.max_clicks, "yes" if not far else "NO, %d not" % len(far), deepest,
             largest[1], largest[0] // 1000, "ok" if not too_big else "TOO LARGE"))
    sys.exit(1 if far or too_big else 0)


if __name__ == "__main__":
    main()
