"""What a phone loads for the example site's page with a photo: Bendorf's
profile in a fresh Chromium emulating a screen 375 CSS pixels wide (device
pixel ratio 1, no cache), counted from the browser's own resource timing: the document and
every resource it fetched, by the bytes that came over the wire
(`transferSize`, which includes the headers; `encodedBodySize` where that is
larger). Used by browser-test.py."""

import re
import shutil
import tempfile
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.by import By

# The budget for a page with images at this width.
LIMIT = 300_000
WIDTH = 375


def run(options_for, service, base, check):
    profile = tempfile.mkdtemp(prefix="sitegen-weight-")
    opts = options_for(profile, "--window-size=800,900")
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(30)
    try:
        # A window is at least 500 px wide: the phone's screen is emulated.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": WIDTH, "height": 812, "deviceScaleFactor": 1, "mobile": True})
        driver.get(base + "kommunen/bendorf/")
        inner = driver.execute_script("return window.innerWidth")
        entries = driver.execute_script("""
            const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
            return all.map(e => [e.name, e.transferSize, e.encodedBodySize]);""")
        loaded = [(name, max(transfer or 0, encoded or 0)) for name, transfer, encoded in entries]
        total = sum(size for _, size in loaded)
        detail = ", ".join("%s %d" % (name.rsplit("/", 1)[-1] or name, size) for name, size in loaded)
        check("Bendorf's profile at %d px loads %d bytes (limit %d)" % (inner, total, LIMIT),
              inner == WIDTH and 0 < total < LIMIT and len(loaded) >= 2, detail)
        photo = driver.find_element(By.CSS_SELECTOR, "figure.bild picture img")
        current = driver.execute_script("return arguments[0].currentSrc", photo)
        webps = [name for name, _ in loaded if name.endswith(".webp")]
        # (naturalWidth would say 375: a srcset picture's density is scaled to its slot.)
        check("the photo is the 480 px WebP, and no wider file is loaded",
              current.endswith("-480.webp") and webps == [current]
              and not any(name.endswith((".jpg", ".png")) for name, _ in loaded),
              "%s; loaded: %s" % (current, detail))
        # The original is offered, not loaded: a link with its format and size.
        link = driver.find_element(By.CSS_SELECTOR, "p.bild-download a")
        href = link.get_attribute("href")
        with urllib.request.urlopen(href) as answer:
            original = answer.read()
        shown = re.fullmatch(r"Originalbild herunterladen \(JPEG, (\d+) KB\)", link.text)
        check("the original is offered below the photo with its size, and not loaded with the page",
              shown is not None and abs(int(shown.group(1)) - len(original) / 1000) <= 0.5 and original[:2] == b"\xff\xd8"
              and link.get_attribute("download") == "bendorf-rathausplatz.jpg" and all(name != href for name, _ in loaded),
              "%s -> %s (%d bytes)" % (link.text, href, len(original)))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
