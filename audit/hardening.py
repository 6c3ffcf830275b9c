"""Part 5 of the audit: the second hardening round (issue 25) as an attacker and an operator
see it from outside, through nginx unless said:

- health: /healthz 200; /readyz 200 with every check "ok" (the database, Redis, the worker's
  heartbeat); /metrics refused through nginx, read from the app server's own machine with its
  request counts, and how long one scrape takes (target: under 5 ms, median of 20);
- the contact form: a 20,000-character message and a name with a line break are refused with
  the form's error, nothing stored;
- a spreadsheet export: a message that starts with `=` comes out of the form submissions' CSV
  as text (`'=`), read by an Editors member;
- password reset: requests from one address beyond PASSWORD_RESET_PER_CLIENT in a minute
  answer 429;
- X-Forwarded-For: an app server whose TRUSTED_PROXIES does not include this machine, asked
  directly with a different made-up X-Forwarded-For on each of five wrong passwords, still
  pauses the user name (the address is the connection's);
- sign-in: 25 user names × 4 wrong passwords from one address pause the address (429 after
  SIGN_IN_ADDRESS_LIMIT), then the pauses are lifted (this part runs last: the address is the
  audit's own).
"""

import csv
import io
import statistics
import time

from audit.report import Part, table
from tests_integration.cluster import Browser, log_in

READINESS = ("database", "cache", "worker")
SCRAPE_MS = 5.0
SCRAPES = 20


def browser(site):
    return Browser(site.https, tls=True)


def health(site, rows, misses):
    visitor = browser(site)
    status, _headers, body = visitor.get("/healthz")
    rows.append(("/healthz", status, body.strip()))
    if status != 200:
        misses.append(f"/healthz answered {status}")
    ready = "not asked"
    for _attempt in range(30):  # the worker's first heartbeat comes as it starts
        status, _headers, body = visitor.get("/readyz")
        ready = body
        if status == 200:
            break
        time.sleep(1)
    rows.append(("/readyz", status, ready.strip()[:90]))
    if status != 200 or any(f'"{check}": "ok"' not in ready for check in READINESS):
        misses.append(f"/readyz answered {status}: {ready.strip()[:200]}")
    status, _headers, _body = visitor.get("/metrics")
    rows.append(("/metrics through nginx", status, "refused" if status == 403 else "READ"))
    if status != 403:
        misses.append(f"/metrics through nginx answered {status}, not 403")
    node = site.node(workers=1)
    try:
        direct = Browser(node.port)
        took = []
        for _scrape in range(SCRAPES):
            started = time.perf_counter()
            status, _headers, body = direct.get("/metrics")
            took.append((time.perf_counter() - started) * 1000)
        median = statistics.median(took)
        counted = "bitnews_requests_total" in body and "bitnews_tasks" in body
        rows.append(("/metrics on the app server", status, f"median {median:.1f} ms a scrape"))
        if status != 200 or not counted:
            misses.append(f"/metrics on the app server answered {status} without the counts")
        if median >= SCRAPE_MS:
            misses.append(f"a scrape of /metrics took {median:.1f} ms (target < {SCRAPE_MS})")
    finally:
        node.stop()


def contact_form(site, rows, misses):
    from wagtail.contrib.forms.models import FormSubmission

    stored = FormSubmission.objects.count()
    visitor = browser(site)
    message = {"your_name": "Audit", "your_e_mail": "audit@example.com"}
    long = visitor.post_form("/en/contact/", {**message, "message": "x" * 20_000})
    forged = visitor.post_form(
        "/en/contact/", {**message, "your_name": "Audit\r\nBcc: all@example.com", "message": "Hi"}
    )
    for name, (status, _headers, body) in (
        ("20,000 characters", long),
        ("CR LF in a name", forged),
    ):
        refused = "contact-form__error" in body
        rows.append((f"contact form, {name}", status, "refused" if refused else "ACCEPTED"))
        if not refused:
            misses.append(f"the contact form took a message with {name}")
    if FormSubmission.objects.count() != stored:
        misses.append("a refused contact message was stored")


def spreadsheet(site, rows, misses):
    from news.models import ContactPage

    visitor = browser(site)
    formula = '=HYPERLINK("http://evil.example/","Click")'
    message = {"your_name": "Audit", "your_e_mail": "audit@example.com", "message": formula}
    visitor.post_form("/en/contact/", message)
    editor = browser(site)
    log_in(editor, *site.editor)
    page = ContactPage.objects.live().first()
    status, _headers, body = editor.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    safe = f"'{formula}" in cells and formula not in cells
    rows.append(("form submissions as CSV", status, "text" if safe else "A FORMULA"))
    if status != 200 or not safe:
        misses.append(f"the CSV export (status {status}) wrote a formula as a formula")


def password_reset(site, rows, misses):
    visitor = browser(site)
    answers = [
        visitor.post_form("/admin/password_reset/", {"email": f"nobody{n}@example.com"})[0]
        for n in range(8)
    ]
    rows.append(("8 password resets from one address", answers[-1], " ".join(map(str, answers))))
    if answers[-1] != 429:
        misses.append(f"password reset requests from one address were not limited: {answers}")


def sign_in_as(client, username, password, forwarded_for):
    """One sign-in POST that says it comes from `forwarded_for`; its status."""
    _status, _headers, page = client.get("/admin/login/", **{"X-Forwarded-For": forwarded_for})
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    fields = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    headers = {"X-Forwarded-For": forwarded_for}
    return client.request("POST", "/admin/login/", body=fields, headers=headers)[0]


def forwarded_for(site, rows, misses):
    node = site.node({**site.env, "TRUSTED_PROXIES": "10.255.255.1"}, workers=1)
    try:
        direct = Browser(node.port)
        answers = [sign_in_as(direct, "audit-spoof", f"wrong{n}", f"10.9.9.{n}") for n in range(6)]
    finally:
        node.stop()
    paused = answers[-1] == 429
    rows.append(
        ("6 sign-ins, a made-up X-Forwarded-For each", answers[-1], " ".join(map(str, answers)))
    )
    if not paused:
        misses.append(f"a client picked its address with X-Forwarded-For: {answers}")


def sign_in(site, rows, misses):
    from axes.models import AccessAttempt

    visitor = browser(site)
    answers = []
    for n in range(25):
        for _try in range(4):
            answers.append(
                visitor.post_form(
                    "/admin/login/", {"username": f"audit-guess{n}", "password": "wrong"}
                )[0]
            )
            visitor.cookies.clear()
    paused = answers.count(429)
    rows.append(("25 names × 4 wrong passwords", answers[-1], f"{paused} of 100 answered 429"))
    if answers[-1] != 429:
        misses.append("100 wrong passwords over 25 names from one address paused nothing")
    AccessAttempt.objects.all().delete()  # lifted, as a moderator would


def run(site):
    rows, misses = [], []
    for check in (health, contact_form, spreadsheet, password_reset, forwarded_for, sign_in):
        check(site, rows, misses)
    lines = table(("check", "status", "what it answered"), rows, numbers=False)
    return Part("second hardening round, from outside", lines, misses)
