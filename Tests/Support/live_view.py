"""Drives a Lockstep session that serves its live view, the way a consultant's room sees it.

usage:
  live_view.py browser LOCKSTEP WORKBOOK SCREENSHOT   -- one Chromium page: command-to-repaint latency,
                                                          flashed cells, focus, requests, console
  live_view.py load LOCKSTEP WORKBOOK CLIENTS EDITS    -- many event-stream clients, some stalled or
                                                          gone, while the session makes EDITS edits

Each prints one JSON object of what it measured. The session is the real binary, reading its
commands from a pipe, as a batch session does.
"""
import hashlib
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

MAP = "activity map security-pack --stage new-business/negotiation"
UNMAP = "activity unmap security-pack --stage new-business/negotiation"


class Session:
    """The lockstep shell on a pipe; `serve --port 0` started and its address read back."""

    def __init__(self, lockstep, workbook):
        environment = dict(os.environ, SOURCE_DATE_EPOCH="1780272000")
        self.process = subprocess.Popen([lockstep, workbook], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, bufsize=1, env=environment)
        self.send("serve --port 0")
        line = self.process.stdout.readline()
        found = re.search(r"at (http://\S+)", line)
        if not found:
            raise SystemExit("no address in: " + line + self.process.stderr.read())
        self.url = found.group(1)
        self.outputs = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.process.stdout:
            self.outputs.append((time.time(), line))

    def send(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def quit(self):
        self.send("quit --discard")
        self.process.stdin.close()
        return self.process.wait(timeout=60)


def browser_run(lockstep, workbook, screenshot):
    from report_in_browser import browser

    session = Session(lockstep, workbook)
    driver = browser()
    facts = {}
    try:
        driver.get(session.url)
        wait(lambda: driver.execute_script("return Number(document.body.dataset.version || 0)") > 0, "the first event")
        # The IT security lead's cell at Negotiation, in the buying-role heat-map.
        cell_script = """
          const table = document.querySelector('table.heat');
          const column = [...table.querySelectorAll('thead th')].findIndex(th => th.textContent === 'IT security lead');
          const row = [...table.querySelectorAll('tbody tr')].find(tr => tr.querySelector('th').textContent === 'Negotiation');
          const cell = row.children[column];
          return [cell.textContent, cell.className];
        """
        latencies = []
        for round_number in range(10):
            expected = "1" if round_number % 2 == 0 else "0"
            driver.execute_script("""
              window.__seen = null;
              const expected = arguments[0], script = arguments[1];
              const read = new Function(script);
              new MutationObserver((changes, observer) => {
                if (read()[0] === expected) { window.__seen = Date.now(); observer.disconnect(); }
              }).observe(document.getElementById('report'), { childList: true, subtree: true, characterData: true });
            """, expected, cell_script)
            sent = time.time() * 1000
            session.send(MAP if expected == "1" else UNMAP)
            seen = wait(lambda: driver.execute_script("return window.__seen"), "the repaint", timeout=5)
            latencies.append(seen - sent)
            if round_number == 0:
                facts["flashed"] = "changed" in driver.execute_script(cell_script)[1]
        facts["latenciesMs"] = latencies
        facts["medianMs"] = statistics.median(latencies)
        session.send("focus negotiation")
        wait(lambda: driver.execute_script("return document.querySelectorAll('.focused').length") > 0, "the focus")
        facts["focused"] = driver.execute_script("return [...document.querySelectorAll('.focused')].map(e => e.textContent.trim())")
        session.send("focus MK002")
        wait(lambda: driver.execute_script("return [...document.querySelectorAll('.focused')].some(e => e.tagName === 'H3')"), "the focus on a finding")
        facts["focusedFinding"] = driver.execute_script("return [...document.querySelectorAll('.focused')].map(e => e.textContent.trim())")
        driver.save_screenshot(screenshot)
        requests = []
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                requests.append(urllib.parse.urlsplit(message["params"]["request"]["url"]).path)
        facts["requests"] = sorted(set(requests))
        origin = urllib.parse.urlsplit(session.url)
        facts["foreignRequests"] = [entry for entry in requests if entry not in ("/", "/live.js", "/events")]
        facts["consoleErrors"] = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        facts["host"] = origin.hostname
    finally:
        driver.quit()
        facts["exit"] = session.quit()
    json.dump(facts, sys.stdout)


def wait(condition, what, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.005)
    raise SystemExit("timed out waiting for " + what)


class Client(threading.Thread):
    """One event-stream reader; `stall` connects and never reads, `leave_after` hangs up early."""

    def __init__(self, url, stall=False, leave_after=None):
        super().__init__(daemon=True)
        self.url, self.stall, self.leave_after = urllib.parse.urlsplit(url), stall, leave_after
        self.version, self.digest, self.events, self.error = 0, None, 0, None

    def run(self):
        try:
            connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=120)
            connection.request("GET", "/events" + ("?" + self.url.query if self.url.query else ""))
            response = connection.getresponse()
            if self.stall:
                time.sleep(300)
                return
            data = ""
            while True:
                line = response.fp.readline().decode()
                if not line:
                    return
                if line.startswith("data: "):
                    data = line[6:]
                elif line == "\n" and data:
                    page = json.loads(data)
                    self.version, self.events = page["version"], self.events + 1
                    self.digest = hashlib.sha256(page["main"].encode()).hexdigest()
                    data = ""
                    if self.leave_after and self.events >= self.leave_after:
                        connection.sock.close()
                        return
        except Exception as error:  # reported, not raised: the test asserts on it
            self.error = repr(error)


def load_run(lockstep, workbook, clients, edits):
    session = Session(lockstep, workbook)
    readers = [Client(session.url) for _ in range(clients)]
    stalled = [Client(session.url, stall=True) for _ in range(3)]
    leaving = [Client(session.url, leave_after=3) for _ in range(5)]
    for client in readers + stalled + leaving:
        client.start()
    wait(lambda: all(client.version > 0 for client in readers), "every client's first event", timeout=30)
    started = time.time()
    for number in range(edits):
        session.send(MAP if number % 2 == 0 else UNMAP)
    # The edits report on standard error; a listing after them marks on standard output that all ran.
    session.send("list needs")
    wait(lambda: any("data-residency" in line for _, line in session.outputs), "the session's answers", timeout=120)
    edits_seconds = time.time() - started
    final = Client(session.url)
    final.leave_after = 1
    final.start()
    final.join(30)
    wait(lambda: all(client.version == final.version for client in readers), "every client at the last version", timeout=60)
    facts = {
        "finalVersion": final.version,
        "versions": sorted({client.version for client in readers}),
        "digests": len({client.digest for client in readers} | {final.digest}),
        "errors": [client.error for client in readers if client.error],
        "editsSeconds": edits_seconds,
        "exit": session.quit(),
    }
    json.dump(facts, sys.stdout)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "browser":
        browser_run(*sys.argv[2:5])
    else:
        load_run(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
