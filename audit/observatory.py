"""Part 1: MDN's HTTP Observatory on every public page type and the admin's sign-in, through
nginx over TLS, as a visitor's browser meets them. Target: A+ and a score of at least 120 on
each page.

The scanner is npm's @mdn/mdn-http-observatory (installed by `make audit` into .tools, scripts
off: it would download the HSTS preload list; an empty one stands in), run by
audit/observatory.mjs for each path on the site's ports. Node trusts the run's certificate
authority (NODE_EXTRA_CA_CERTS): a certificate that does not verify fails the HSTS and
redirection tests."""

import json
import os
import ssl
import subprocess
from pathlib import Path

from audit.report import Part, table
from audit.site import ADDRESS, ROOT
from tests_integration.cluster import Browser

PACKAGE = ROOT / ".tools" / "observatory" / "node_modules" / "@mdn" / "mdn-http-observatory"
SCRIPT = Path(__file__).with_name("observatory.mjs")
GRADE, SCORE = "A+", 120


def warm(site):
    """Each page asked for once: the scanner gives up after 9 s, and a page's first view makes
    its images' renditions (AVIF is slow)."""
    context = ssl.create_default_context(cafile=str(site.ca))
    browser = Browser(site.https, tls=True, host=ADDRESS, context=context, timeout=300)
    for path in site.pages.values():
        browser.get(path)


def scan(site):
    """The scanner's result for each page: {name: {"grade", "score", "tests", …}}."""
    names = {path: name for name, path in site.pages.items()}
    command = ["node", str(SCRIPT), str(PACKAGE), ADDRESS, str(site.http), str(site.https)]
    done = subprocess.run(
        [*command, *site.pages.values()],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(site.ca)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode:
        raise SystemExit(f"the Observatory failed:\n{done.stderr[-3000:]}")
    results = (json.loads(line) for line in done.stdout.splitlines() if line.startswith("{"))
    return {names[result["path"]]: result for result in results}


def points(result):
    """The tests that moved the score from 100, "name +5 (result)", best first."""
    tests = sorted(result["tests"].items(), key=lambda item: -item[1]["scoreModifier"])
    return [
        f"{name} {test['scoreModifier']:+d} ({test['result']})"
        for name, test in tests
        if test["scoreModifier"]
    ]


def run(site):
    warm(site)
    results = scan(site)
    rows, misses, breakdowns = [], [], {}
    for name, path in site.pages.items():
        result = results.get(name, {"error": "not scanned"})
        if "error" in result:
            rows.append([name, path, "-", "-", "", result["error"]])
            misses.append(f"Observatory {name}: {result['error']}")
            continue
        failed = [test for test, outcome in result["tests"].items() if not outcome["pass"]]
        rows.append(
            [name, path, result["grade"], result["score"], result["status"], ", ".join(failed)]
        )
        breakdowns.setdefault(tuple(points(result)), []).append(name)
        if result["grade"] != GRADE or result["score"] < SCORE:
            misses.append(
                f"Observatory {name}: {result['grade']} {result['score']} "
                f"(target {GRADE}, {SCORE}); failed: {', '.join(failed) or 'none'}"
            )
    lines = table(["page", "path", "grade", "score", "HTTP", "tests failed"], rows)
    lines.append("Where the scores come from (100, then each test's modifier):")
    for tests, names in breakdowns.items():
        lines.append(f"  {', '.join(names)}:")
        lines.extend(f"    {test}" for test in tests or ["no modifier"])
    return Part(f"MDN HTTP Observatory (target {GRADE}, score >= {SCORE})", lines, misses)
