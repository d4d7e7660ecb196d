#!/usr/bin/env python3
"""Bytes a browser fetches for search queries, measured in headless Chromium.

    search-bytes.py SITE_DIR [QUERY ...]

Serves SITE_DIR (a built site), opens `suche/?q=QUERY` for each query in a
fresh page (the script's cache empty) and sums the sizes of the index
files it loaded (`suche/*.json` and the script, uncompressed): all of them ("query"), and
those needed before the first result shows ("first": everything but the
document shards of the other results). Without queries, a set that covers
stems, compound parts, prefixes, names and a typo of a name.
Prints one line per query and the largest of each last.
"""
import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

args = sys.argv[1:]
site = os.path.abspath(args[0])
queries = args[1:]
if not queries:
    first = json.load(open(os.path.join(site, "suche", "d", "0.json")))[0][1].split()[-1]
    queries = ["Glasfaser", "faser", "park", "digital", "Digitalisierungsbeauftragte", "Kaffeerunde Nachhaltigkeit",
               "Förderungen", "Strasse", first, first + first[-1], "Bürgerbeteiligung Haushalt"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/" % server.server_address[1]
profile = tempfile.mkdtemp(prefix="sitegen-search-bytes-")
opts = webdriver.ChromeOptions()
opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--user-data-dir=" + profile,
          "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
    opts.add_argument(a)
driver = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
worst_first = worst_all = 0
try:
    for query in queries:
        driver.get(base + "suche/?q=" + query)
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.documentElement.dataset.suche === 'bereit'"))
        count = driver.find_element(By.ID, "_suche-status").text
        loaded = driver.execute_script(
            "return performance.getEntriesByType('resource').filter(e => /\\/suche\\/.*\\.json$|\\/assets\\/suche\\.js$/.test(e.name))"
            ".map(e => [e.name, e.decodedBodySize])")
        top = driver.find_elements(By.CSS_SELECTOR, "#_suche-treffer h2 a")
        top_url = top[0].get_attribute("href").replace(base, "") if top else None
        # The document shard of the first result: the one that lists its URL.
        first_doc = None
        for name, _ in loaded:
            if "/suche/d/" in name and top_url:
                path = os.path.join(site, name.replace(base, ""))
                if any(doc[2] == top_url for doc in json.load(open(path))):
                    first_doc = name
        total = sum(size for _, size in loaded)
        first = sum(size for name, size in loaded if "/suche/d/" not in name or name == first_doc)
        worst_first, worst_all = max(worst_first, first), max(worst_all, total)
        print("%-32s first %7.1f KB  query %7.1f KB  %2d files  %s" % (query, first / 1024, total / 1024, len(loaded), count))
finally:
    driver.quit()
    server.shutdown()
    shutil.rmtree(profile, ignore_errors=True)
print("largest: first result %.1f KB, query %.1f KB" % (worst_first / 1024, worst_all / 1024))
