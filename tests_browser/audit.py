"""`make html-check` and `make lighthouse`: the Nu HTML Checker and Lighthouse on every page.

Serves the demo site (tests_browser/server.py), then
- html: feeds each page's HTML to the Nu HTML Checker (its URL mode refuses 127.0.0.1) and fails
  on any error;
- lighthouse: prints performance, accessibility, best practices and SEO per page and language, and
  fails when accessibility, best practices or SEO is below 100. Performance is printed, not gated:
  it depends on how busy the machine is.
The 404 pages are checked as HTML but not by Lighthouse, which marks any 404 down for SEO.
Search results are `noindex` on purpose: their SEO score is printed, and every SEO audit but
"is-crawlable" must still pass.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from tests_browser.pages import ALL
from tests_browser.server import CHROMIUM, CHROMIUM_ARGS, ROOT, demo_server

TOOLS = ROOT / ".tools" / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / ".bin" / "lighthouse"
GATED = ("accessibility", "best-practices", "seo")
NOINDEX = ("search",)  # pages kept out of search engines on purpose


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - our own server
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 pages
        return error.read()


def check_html(site, folder):
    files = []
    for name, path in ALL:
        file = folder / f"{name}.html"
        file.write_bytes(fetch(site.url + path))
        files.append(file)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    failures = 0
    for file in files:
        errors = [
            m for m in messages if m.get("url", "").endswith(file.name) and m["type"] == "error"
        ]
        warnings = [
            m for m in messages if m.get("url", "").endswith(file.name) and m["type"] != "error"
        ]
        print(f"Nu  {file.stem:<20} {len(errors)} errors, {len(warnings)} warnings")
        for message in errors:
            print(f"      line {message.get('lastLine')}: {message['message']}")
        failures += len(errors)
    return failures == 0


def run_lighthouse(url, report, attempts=5):
    """One Lighthouse run; tried again when Chrome's trace fails (NO_NAVSTART on a busy machine)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--quiet",
    ]
    for attempt in range(1, attempts + 1):
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if done.returncode == 0:
            return
        print(f"      Lighthouse failed on {url} (attempt {attempt} of {attempts})")
    raise RuntimeError(f"Lighthouse could not audit {url}")


def lighthouse(site, folder):
    ok = True
    for _, path in ALL:
        fetch(site.url + path)  # image renditions are made on first view; don't time that
    print(f"\n{'page':<20} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5}")
    for name, path in ALL:
        if name.startswith("404"):
            continue
        report = folder / f"{name}.json"
        run_lighthouse(site.url + path, report)
        data = json.loads(report.read_text())
        scores = {key: round(value["score"] * 100) for key, value in data["categories"].items()}
        print(
            f"{name:<20} {scores['performance']:>5} {scores['accessibility']:>5}"
            f" {scores['best-practices']:>5} {scores['seo']:>5}"
        )
        for category in GATED:
            failed = [
                data["audits"][ref["id"]]
                for ref in data["categories"][category]["auditRefs"]
                if ref.get("weight")
                and data["audits"][ref["id"]].get("score") is not None
                and data["audits"][ref["id"]]["score"] < 1
            ]
            if category == "seo" and name.startswith(NOINDEX):
                failed = [audit for audit in failed if audit["id"] != "is-crawlable"]
            for audit in failed:
                print(f"      {category}: {audit['id']} — {audit['title']}")
            ok = ok and not failed
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checks", nargs="+", choices=["html", "lighthouse"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, demo_server() as site:
        folder = Path(tmp)
        results = []
        if "html" in args.checks:
            results.append(check_html(site, folder))
        if "lighthouse" in args.checks:
            results.append(lighthouse(site, folder))
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
