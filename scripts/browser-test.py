#!/usr/bin/env python3
"""Clicks through a built example site in headless Chromium as a reader would.

    browser-test.py ROOT PORT   (the site is in ROOT/netzwerk/, served at http://127.0.0.1:PORT/netzwerk/)

Prints one line per check and "browser: N passed, N failed" last; exit 1 on a failure.
"""
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import page_weight
import search_checks

ROOT = sys.argv[1]
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else ": " + detail))


class Host(http.server.SimpleHTTPRequestHandler):
    """A static host: files as they are, 404.html for anything missing."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        with open(os.path.join(ROOT, "netzwerk", "404.html"), "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), functools.partial(Host, directory=ROOT))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/netzwerk/" % server.server_address[1]

def options_for(profile, *extra):
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
              "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1") + (extra or ("--window-size=1280,1024",)):
        opts.add_argument(a)
    return opts


profile = tempfile.mkdtemp(prefix="sitegen-browser-")
opts = options_for(profile)
driver = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
driver.set_page_load_timeout(30)
try:
    # Home → Rheinland-Pfalz → Landkreis Mayen-Koblenz → Bendorf, by link text.
    driver.get(base)
    for text in ("Rheinland-Pfalz", "Landkreis Mayen-Koblenz", "Bendorf"):
        driver.find_element(By.CSS_SELECTOR, "main").find_element(By.LINK_TEXT, text).click()
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    check("home → Rheinland-Pfalz → Landkreis Mayen-Koblenz → Bendorf", h1 == "Bendorf" and driver.current_url == base + "kommunen/bendorf/",
          "%s at %s" % (h1, driver.current_url))
    crumbs = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav.breadcrumbs a")]
    check("breadcrumbs lead back up", crumbs == ["Start", "Kommunen", "Rheinland-Pfalz", "Landkreis Mayen-Koblenz", "Bendorf"], str(crumbs))
    driver.find_element(By.CSS_SELECTOR, "nav.breadcrumbs").find_element(By.LINK_TEXT, "Rheinland-Pfalz").click()
    check("a breadcrumb opens the Land", driver.find_element(By.TAG_NAME, "h1").text == "Rheinland-Pfalz", driver.current_url)

    # A missing page deep below the site: its skip link leads to the 404 page's own content, not to the home page.
    missing = base + "kommunen/gibt-es-nicht/auch-nicht/"
    driver.get(missing)
    check("missing page shows the 404 page", "Diese Seite gibt es nicht" in driver.find_element(By.TAG_NAME, "h1").text)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    check("first tab stop is the skip link", skip.get_attribute("class") == "skip-link", skip.get_attribute("outerHTML")[:80])
    skip.send_keys(Keys.ENTER)
    target = driver.execute_script("var t = document.querySelector(':target'); return t ? t.id : null")
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    check("skip link on the 404 page lands on its main content",
          target == "_inhalt" and "Diese Seite gibt es nicht" in h1 and driver.current_url == base + "404.html#_inhalt",
          "%s, :target #%s, h1 %s" % (driver.current_url, target, h1))
    styled = driver.execute_script("return document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0")
    check("404 page below the site is styled", bool(styled))
    driver.get(missing)
    driver.find_element(By.CSS_SELECTOR, "main").find_element(By.LINK_TEXT, "Kommunen").click()
    check("404 page links work from any depth", driver.current_url == base + "kommunen/", driver.current_url)

    # The map: Mayen-Koblenz shaded as the Kreis with the two members, the
    # Kommunen as points told apart by shape, the Kreis a link by click and by keyboard.
    driver.get(base)
    myk = driver.find_element(By.CSS_SELECTOR, 'svg.karte a[aria-label^="Landkreis Mayen-Koblenz"]')
    fill = driver.execute_script("return getComputedStyle(arguments[0].querySelector('path')).fill", myk)
    check("map shades Mayen-Koblenz as the Kreis with 2 members",
          myk.get_attribute("class") == "m2" and myk.get_attribute("aria-label").endswith(": 2 Mitglieder") and "karte-m2" in fill,
          "%s %s %s" % (myk.get_attribute("class"), myk.get_attribute("aria-label"), fill))
    shaded = driver.find_elements(By.CSS_SELECTOR, "svg.karte g.kreise a[class]")
    check("no other Kreis is shaded", len(shaded) == 1, str(len(shaded)))
    shapes = {}
    for slug in ("bendorf", "weissenthurm", "eltville", "hennef", "suederbrarup"):
        marks = driver.find_elements(By.CSS_SELECTOR, 'svg.karte g.orte a[href="kommunen/%s/"] > *' % slug)
        shapes[slug] = marks[0].tag_name if marks else None
    check("members are circles, profiled non-members squares",
          shapes == {"bendorf": "circle", "weissenthurm": "circle", "eltville": "rect", "hennef": "rect", "suederbrarup": "rect"}, str(shapes))
    visible = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.width > 2 && r.height > 2",
        driver.find_element(By.CSS_SELECTOR, 'svg.karte g.orte a[href="kommunen/suederbrarup/"] > *'))
    check("Süderbrarup (no AGS) is drawn by its koordinaten", bool(visible))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", myk)
    # A click on the middle of the Kreis's shape, where no point lies.
    path = myk.find_element(By.TAG_NAME, "path")
    driver.execute_script("""
        const p = arguments[0], b = p.getBBox(), svg = p.ownerSVGElement, m = p.getScreenCTM();
        let pt = svg.createSVGPoint();
        for (const [fx, fy] of [[0.5, 0.5], [0.4, 0.6], [0.3, 0.5], [0.5, 0.7], [0.6, 0.4]]) {
          pt.x = b.x + b.width * fx; pt.y = b.y + b.height * fy;
          const s = pt.matrixTransform(m);
          const hit = document.elementFromPoint(s.x, s.y);
          if (hit === p) { window.__klick = [s.x, s.y]; break; }
        }""", path)
    spot = driver.execute_script("return window.__klick || null")
    if spot:
        # A real pointer click there: offsets count from the centre of the element's box.
        box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]", path)
        ActionChains(driver).move_to_element_with_offset(path, int(spot[0] - box[0]), int(spot[1] - box[1])).click().perform()
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    check("clicking Mayen-Koblenz on the map opens its profile", driver.current_url == base + "kommunen/mayen-koblenz/" and "Mayen-Koblenz" in h1,
          "%s %s %s" % (spot, driver.current_url, h1))
    driver.get(base)
    body = driver.find_element(By.TAG_NAME, "body")
    reached, focused_style = False, ""
    for _ in range(600):
        body = driver.switch_to.active_element
        body.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if (active.get_attribute("aria-label") or "").startswith("Landkreis Mayen-Koblenz"):
            reached = True
            focused_style = driver.execute_script("return getComputedStyle(arguments[0].querySelector('path')).strokeWidth", active)
            active.send_keys(Keys.ENTER)
            break
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    check("Mayen-Koblenz on the map is reached by Tab, shows its focus, and Enter opens its profile",
          reached and focused_style == "4px" and driver.current_url == base + "kommunen/mayen-koblenz/",
          "%s %s %s" % (reached, focused_style, driver.current_url))
    driver.get(base + "statistik/")
    charts = driver.find_elements(By.CSS_SELECTOR, "section.diagramm-block svg.diagramm")
    tables = driver.find_elements(By.CSS_SELECTOR, "section.diagramm-block table")
    check("the figures page has its charts, each with its table", len(charts) == 6 and len(tables) == 6, "%d %d" % (len(charts), len(tables)))
    search_checks.run(driver, base, ROOT, check)
finally:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)

# The page with a photo as a phone loads it, in a browser of its own (no cache).
page_weight.run(options_for, Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), base, check)

# The search page once more, with JavaScript off.
search_checks.run_without_script(opts, Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), base, check)
server.shutdown()

failed = results.count(False)
print("browser: %d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
