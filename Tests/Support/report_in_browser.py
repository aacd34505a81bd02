"""Opens a Lockstep HTML report in headless Chromium (Selenium and chromedriver) and prints, as
JSON, what a reader's browser sees: the section headings, the heat-map cells, the requests the
page made, the console errors, whether any script ran, and, printed to PDF on A4, the page count
and any table wider than the page. Saves a screenshot beside the report.

usage: report_in_browser.py REPORT.html SCREENSHOT.png PDF_OUT.pdf
"""
import base64
import json
import os
import shutil
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--window-size=1280,2000", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if binary:
        options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


FACTS = """
const cells = table => [...table.querySelectorAll('tbody tr')].filter(r => !r.classList.contains('group')).map(r =>
  [r.querySelector('th').textContent, ...[...r.querySelectorAll('td')].map(td => td.className + ':' + td.textContent)]);
return {
  title: document.title,
  h1: document.querySelector('h1').textContent,
  h2: [...document.querySelectorAll('main > section > h2')].map(h => h.textContent),
  sectionIds: [...document.querySelectorAll('main > section')].map(s => s.id),
  keyPoints: [...document.querySelectorAll('ol.key-points li')].map(li => li.textContent),
  actions: [...document.querySelectorAll('article.action h3')].map(h => h.textContent),
  heatMaps: [...document.querySelectorAll('table.heat')].map(t => ({
    columns: [...t.querySelectorAll('thead th')].slice(1).map(th => th.textContent), rows: cells(t)})),
  scripts: document.querySelectorAll('script').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  injected: document.querySelectorAll('img, iframe, object, embed, form, input, a[href^="javascript"]').length,
  ran: window.__lockstepInjected === true,
  text: document.body.innerText,
};
"""

WIDTHS = """
return [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .map(t => (t.closest('section') || {}).id + ': ' + Math.round(t.getBoundingClientRect().right));
"""


def main():
    report, screenshot, pdf_out = sys.argv[1:4]
    url = "file://" + os.path.abspath(report)
    driver = browser()
    try:
        driver.get(url)
        facts = driver.execute_script(FACTS)
        alert = None
        try:
            alert = driver.switch_to.alert.text
        except Exception:
            pass
        facts["alert"] = alert
        driver.save_screenshot(screenshot)
        # Every request the page made: only the page itself may be loaded.
        requests = []
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                requested = message["params"]["request"]["url"]
                if requested != url:
                    requests.append(requested)
        facts["requests"] = requests
        facts["consoleErrors"] = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        # Print mode on A4: the page count, and no table wider than the printable width.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        # A4 less 12 mm margins each side, at 96 px per inch.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": round((210 - 24) / 25.4 * 96), "height": 1000, "deviceScaleFactor": 1, "mobile": False})
        facts["clippedInPrint"] = driver.execute_script(WIDTHS)
        printed = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})
        data = base64.b64decode(printed["data"])
        with open(pdf_out, "wb") as out:
            out.write(data)
        facts["pdfPages"] = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    finally:
        driver.quit()
    json.dump(facts, sys.stdout)


if __name__ == "__main__":
    main()
