"""The site search in the browser, for browser-test.py: queries typed into
the search page of the example site and their top results, the header's
search box, the filters on a generated site (ROOT/gross/, when it is
there), and the page with JavaScript off.
"""
import json
import os
import shutil
import tempfile
import urllib.parse

import selenium_axe_python
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

# Query → the start of the first result's title, on the example site.
EXAMPLE_QUERIES = [
    ("Smart Parking", "Stadt Bendorf"),
    ("Kassenanordnungen", "Landkreis Mayen-Koblenz"),
    ("Digitalisierungskonzept", "Hennef legt sein erstes Digitalisierungskonzept vor"),
    ("Kaffeerunde Nachhaltigkeit", "Digitale Kaffeerunde im Januar 2021"),
    ("Süderbrarup", "Amt Süderbrarup"),
    ("Suederbrarup", "Amt Süderbrarup"),
    ("faser", "Stadt Bendorf"),
    ("Bendorff", "Stadt Bendorf"),
    ("Hennf", "Stadt Hennef"),
    ("Foerderung", None),
    ("Strasse", None),
]


def wait_ready(driver):
    """Until the script has answered the query in the page's address."""
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.documentElement.dataset.suche === 'bereit'"))


def results(driver):
    """Title and link of each result shown, once the status says how many there are."""
    WebDriverWait(driver, 15).until(
        lambda d: "Treffer" in d.find_element(By.ID, "_suche-status").text)
    return [(a.text, a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, "#_suche-treffer h2 a")]


def type_query(driver, text):
    box = driver.find_element(By.ID, "_suche-q")
    box.clear()
    driver.execute_script("document.getElementById('_suche-status').textContent = ''")
    box.send_keys(text)
    return results(driver)


def run(driver, base, root, check):
    driver.get(base + "suche/")
    wait_ready(driver)
    check("search page hides the no-script lists when the script runs",
          not driver.find_element(By.ID, "_suche-ohne-js").is_displayed())
    check("result count is announced", driver.find_element(By.ID, "_suche-status").get_attribute("aria-live") == "polite")
    for query, expected in EXAMPLE_QUERIES:
        found = type_query(driver, query)
        if expected is None:
            check("search %r finds something" % query, len(found) > 0, "no results")
        else:
            check("search %r → %s first" % (query, expected), bool(found) and found[0][0].startswith(expected),
                  str([t for t, _ in found[:3]]))
    # Umlaut spellings: the same results either way.
    first = type_query(driver, "Förderung")
    second = type_query(driver, "Foerderung")
    check("Förderung and Foerderung find the same", first == second and len(first) > 0, "%s vs %s" % (first[:2], second[:2]))
    # The query is in the address: the results are a link.
    type_query(driver, "Glasfaser")
    url = driver.current_url
    check("query is in the address", urllib.parse.parse_qs(urllib.parse.urlparse(url).query).get("q") == ["Glasfaser"], url)
    driver.get(base)
    driver.get(url)
    wait_ready(driver)
    check("a shared result link shows the results", results(driver)[:1] and "Bendorf" in results(driver)[0][0], url)
    # The found words are marked in the result's title and text.
    type_query(driver, "Rheinufer Bendorf")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#_suche-treffer mark")]
    check("found words are highlighted", "Rheinufer" in marks and "Bendorf" in marks, str(marks[:5]))
    # Keyboard: from the box, Tab reaches the button and then the filters; Enter in the box searches.
    box = driver.find_element(By.ID, "_suche-q")
    box.clear()
    box.send_keys("Hennef", Keys.ENTER)
    found = results(driver)
    check("Enter in the search box searches", found and "Hennef" in found[0][0], str(found[:2]))
    box.send_keys(Keys.TAB)
    check("Tab leads from the box to its button", driver.switch_to.active_element.text == "Suchen")
    driver.switch_to.active_element.send_keys(Keys.TAB)
    check("and on to the filters", driver.switch_to.active_element.get_attribute("id") == "_suche-art")
    # Filters on the example site: a Kommune filter leaves the news item out.
    driver.execute_script("document.getElementById('_suche-status').textContent = ''")
    Select(driver.find_element(By.ID, "_suche-art")).select_by_value("meldung")
    found = results(driver)
    check("filter by kind", found and all("/meldungen/" in href for _, href in found), str(found[:3]))
    check("filter is in the address", "art=meldung" in driver.current_url, driver.current_url)
    axe_on_results(driver, base, check)
    # The header's box, from a page deep in the site, leads to the search page with the results.
    driver.get(base + "kommunen/bendorf/")
    header = driver.find_element(By.ID, "_kopf-suche")
    header.send_keys("Kassenanordnungen", Keys.ENTER)
    wait_ready(driver)
    found = results(driver)
    check("header search box → search page with results",
          driver.current_url.startswith(base + "suche/") and found and found[0][0].startswith("Landkreis Mayen-Koblenz"),
          "%s %s" % (driver.current_url, found[:1]))
    # A result is a working relative link below the sub-path.
    driver.find_element(By.CSS_SELECTOR, "#_suche-treffer h2 a").click()
    check("a result opens its page", driver.current_url == base + "kommunen/mayen-koblenz/", driver.current_url)

    gross = os.path.join(root, "gross")
    if os.path.isdir(gross):
        filters_on_large_site(driver, base.replace("/netzwerk/", "/gross/"), gross, check)


AXE_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
  .then(function (r) { done(r.violations.map(function (v) { return v.id + ": " + v.nodes.map(function (n) { return n.target.join(" "); }).join(", "); })); })
  .catch(function (e) { done(["axe failed: " + e]); });
"""


def axe_on_results(driver, base, check):
    """axe-core (as site-audit runs it) on the search page with results and a filter shown."""
    # The axe-core that browser.sh installs beside Selenium (the one site-audit uses).
    found = os.environ.get("SITE_AUDIT_AXE_JS") or os.path.join(
        os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")
    driver.get(base + "suche/?q=Digitalisierung&art=kommune")
    wait_ready(driver)
    shown = results(driver)
    driver.execute_script(open(found, encoding="utf-8").read())
    driver.set_script_timeout(60)
    violations = driver.execute_async_script(AXE_RUN)
    check("axe: no violations on the search page with %d results shown" % len(shown), shown and not violations, str(violations))


def filters_on_large_site(driver, site, folder, check):
    """One query per filter on a generated site: every result shown belongs to the filter."""
    index = os.path.join(folder, "suche")
    manifest = json.load(open(os.path.join(index, "index.json")))
    numbers = {}
    for shard in range(0, manifest["documents"], manifest["perShard"]):
        for i, doc in enumerate(json.load(open(os.path.join(index, "d", "%d.json" % (shard // manifest["perShard"]))))):
            numbers[site + doc[2]] = shard + i
    kind = next(k for k in manifest["kinds"] if k[0] == "Kaffeerunde")
    land = manifest["laender"][0]
    feld = manifest["felder"][0][0]
    members, doc = set(), 0
    for delta in json.load(open(os.path.join(index, "f", feld + ".json"))):
        doc += delta
        members.add(doc)
    cases = [
        ("art", "kaffeerunde", lambda n: kind[1] <= n < kind[2]),
        ("land", land[1], lambda n: land[2] <= n < land[3]),
        ("feld", feld, lambda n: n in members),
    ]
    for name, value, holds in cases:
        driver.get(site + "suche/?q=digital&" + name + "=" + value)
        wait_ready(driver)
        found = results(driver)
        status = driver.find_element(By.ID, "_suche-status").text
        check("1k site: 'digital' with %s=%s (%s)" % (name, value, status),
              len(found) > 0 and all(holds(numbers.get(href, -1)) for _, href in found), str(found[:3]))


def run_without_script(like, service, base, check):
    """The search page with JavaScript off: it says so and links to the lists.
    `like`: the options of the first browser, whose profile folder is not shared."""
    profile = tempfile.mkdtemp(prefix="sitegen-browser-nojs-")
    options = webdriver.ChromeOptions()
    options.binary_location = like.binary_location
    for a in like.arguments:
        options.add_argument("--user-data-dir=" + profile if a.startswith("--user-data-dir=") else a)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.get(base + "suche/?q=Bendorf")
        section = driver.find_element(By.ID, "_suche-ohne-js")
        check("no script: the page says the search needs JavaScript",
              section.is_displayed() and "JavaScript" in section.text)
        links = {a.text: a.get_attribute("href") for a in section.find_elements(By.TAG_NAME, "a")}
        check("no script: A–Z list linked", links.get("Mitglieder von A bis Z") == base + "mitglieder/", str(links)[:200])
        check("no script: Länder linked", links.get("Rheinland-Pfalz") == base + "laender/rheinland-pfalz/", str(links)[:200])
        check("no script: Handlungsfelder linked", links.get("Alle Handlungsfelder") == base + "handlungsfelder/"
              and links.get("Mobilität") == base + "handlungsfelder/mobilitaet/", str(links)[:200])
        section.find_element(By.LINK_TEXT, "Rheinland-Pfalz").click()
        check("no script: a fallback link works", driver.find_element(By.TAG_NAME, "h1").text == "Rheinland-Pfalz")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
