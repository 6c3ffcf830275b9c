"""Part 2: thousands of odd requests over the wire, through nginx over TLS: the demo's public
URLs and odd paths, random query parameters (those the views read, tracking tags, random
names, with news/tests/test_fuzz.py's garbage values), random values in the headers a view or
middleware reads (languages, conditional requests, ranges, cookies, forwarding, Host within
ALLOWED_HOSTS and beyond, Origin), and methods from GET to made-up ones. Hypothesis generates
them (seeded: `--seed` repeats a run); threads with a kept-alive connection each send them.
Target: no 5xx, and an answer to every request.
"""

import datetime
import email.utils
import http.client
import re
import ssl
import string
import threading
import time
from collections import Counter
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from audit.report import Part, table
from audit.site import ADDRESS, ALLOWED_HOSTS

THREADS = 4
SHOWN = 5  # failing requests printed

# query parameters the views read, tracking tags a shared link carries, and any other name
PARAMETERS = ("page", "q", "tag", "column", "utm_source", "utm_medium", "utm_campaign", "fbclid")
ODD_PATHS = (
    "/",
    "//",
    "/%",
    "/%00/",
    "/%ff/",
    "/%c0%ae%c0%ae/",
    "/en/../admin/",
    "/en/news/%2e%2e/%2e%2e/etc/passwd",
    "/static/../manage.py",
    "/static/css/site.css",
    "/static/nonexistent.js",
    "/media/../manage.py",
    "/media/original_images/none.png",
    "/en/news/0000/",
    "/en/news/2023/13/",
    "/en/news/9999/12/",
    "/en/news/column/%E4%BA%8C/",
    "/zh-hans/xinwen/tag/%F0%9F%98%80/",
    "/en/views/1/",
    "/en/views/999999999999999999999/",
    "/en;a=b/",
    "/en/search/",
    "/zh-hans/search/",
    "/admin/",
    "/admin/login/",
    "/admin/images/",
    "/admin/pages/1/edit/",
    "/django-admin/",
    "/.env",
    "/.git/config",
    "/wp-login.php",
    "/" + "a" * 2000,
    "/en/news/" + "x/" * 200,
)


def header_text(max_size=120):
    """Any printable text, sent as its UTF-8 bytes."""
    characters = st.characters(exclude_categories=["Cs", "Cc"], max_codepoint=0x2FFFF)
    return st.text(characters, max_size=max_size).map(lambda text: text.encode().decode("latin-1"))


def either(*examples, text=None):
    """One of `examples`, or any text (`text`: other values)."""
    return st.one_of(st.sampled_from(examples), header_text() if text is None else text)


def http_dates():
    moments = st.datetimes(timezones=st.just(datetime.UTC))
    return moments.map(lambda moment: email.utils.format_datetime(moment, usegmt=True))


def odd_requests(pages, https_port):
    """Hypothesis's strategy for (method, target, headers, body)."""
    from news import languages
    from news.tests.utils import query_values  # needs Django set up (audit.site does)

    segment = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30)
    step = st.one_of(
        segment.map(lambda text: quote(text, safe="")),
        st.sampled_from(["..", ".", "", "%2e%2e", "%00", "%ff", "%", "news", *languages.CODES]),
    )
    path = st.one_of(
        st.sampled_from(pages),
        st.tuples(st.sampled_from(pages), step).map(lambda parts: f"{parts[0]}{parts[1]}/"),
        st.sampled_from(ODD_PATHS),
        st.lists(step, max_size=6).map(lambda steps: "/" + "/".join(steps)),
    )
    names = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=20))
    query = st.one_of(
        st.lists(st.tuples(names, query_values), max_size=4).map(urlencode),
        st.sampled_from(["%", "%zz", "q=%E4", "&&&", "=", "page=1&page=2", "q=" + "a" * 5000]),
    )
    target = st.tuples(path, query).map(lambda parts: "?".join(filter(None, parts)))
    # mostly what browsers and crawlers send; None: a made-up method
    methods = ["GET"] * 24 + ["HEAD"] * 4 + ["POST"] * 4 + ["OPTIONS", "TRACE", "PUT", "DELETE"]
    methods += ["PATCH", "PROPFIND", "CONNECT", "get", None, None]
    made_up = st.text(string.ascii_letters + "-_!", min_size=1, max_size=10)
    method = st.sampled_from(methods).flatmap(lambda name: st.just(name) if name else made_up)
    hosts = (*ALLOWED_HOSTS, f"{ADDRESS}:{https_port}", "NEWS.EXAMPLE.EDU.CN", "localhost:1")
    ip = st.ip_addresses().map(str)
    headers = st.fixed_dictionaries(
        {},
        optional={
            "Host": st.sampled_from([*hosts] * 6 + ["evil.example", "", "a b", "[::1]"]),
            "Accept-Language": either(
                "zh-CN,zh;q=0.9,en;q=0.8", "en-US,en;q=0.5", "zh-Hans", "zh-TW", "fr", "*", "",
                "en;q=abc", "zh-hans-CN-x-private", ";q=1", "a" * 300,
            ),
            "Accept": either(
                "text/html", "application/json", "application/rss+xml", "*/*;q=0",
                "image/avif,image/webp", "text/html;level=1;q=2",
            ),
            "If-None-Match": either('"abc"', "*", 'W/"1"', '""', '"' + "x" * 100 + '"'),
            "If-Modified-Since": either(
                "yesterday", "Sat, 01 Jan 0001 00:00:00 GMT", "Mon, 31 Dec 9999 23:59:59 GMT",
                "0", "-1", text=st.one_of(http_dates(), header_text()),
            ),
            "Range": either(
                "bytes=0-10", "bytes=-1", "bytes=10-0", "bytes=0-", "bytes=0-0,2-3,5-",
                "bytes=" + ",".join(["0-1"] * 200), "chars=0-1", "bytes=99999999999999999999-",
            ),
            "Cookie": either(
                "sessionid=nonsense", "csrftoken=x", "django_language=fr", "sessionid=", "=;;=",
                "django_language=zh-hans", "a=" + "b" * 4000,
                text=st.lists(st.tuples(st.text(string.ascii_letters, max_size=12), header_text(40)))
                .map(lambda pairs: "; ".join(f"{name}={value}" for name, value in pairs)),
            ),
            "X-Forwarded-For": st.one_of(
                ip,
                st.lists(ip, min_size=2, max_size=5).map(", ".join),
                either("unknown", "", "1.2.3.4, evil", "999.999.1.1", "::ffff:1.2.3.4"),
            ),
            "Origin": either(
                f"https://{ALLOWED_HOSTS[-1]}", "null", "https://evil.example",
                f"https://{ADDRESS}:{https_port}",
            ),
            "User-Agent": either("Mozilla/5.0", "MicroMessenger/8.0", "curl/8.0", ""),
            "Referer": either("https://evil.example/", f"https://{ALLOWED_HOSTS[-1]}/en/"),
        },
    )  # fmt: skip
    body = st.one_of(
        st.none(),
        st.tuples(
            either(
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json", "text/plain",
            ),
            st.binary(max_size=2048),
        ),
    )  # fmt: skip
    return st.tuples(method, target, headers, body)


def generate(pages, https_port, count, run_seed):
    """`count` requests, as Hypothesis draws them (no shrinking: every request is sent)."""
    drawn = []

    @seed(run_seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(odd_requests(pages, https_port))
    def draw(request):
        drawn.append(request)

    draw()
    return drawn


class Sender:
    """One thread's kept-alive HTTPS connection to nginx."""

    def __init__(self, port, context):
        self.port, self.context, self.conn = port, context, None

    def send(self, method, target, headers, body):
        """The status, or None when no answer came (after one retry on a new connection)."""
        content = None
        if body is not None:
            headers = {**headers, "Content-Type": body[0]}
            content = body[1]
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPSConnection(
                    ADDRESS, self.port, timeout=60, context=self.context
                )
            try:
                self.conn.request(method, target, body=content, headers=headers)
                response = self.conn.getresponse()
                response.read()
                if response.will_close:
                    self.close()
                return response.status
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == 2:
                    return None
        return None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def send_all(site, batch):
    """[(request, status)] in the order sent, over THREADS connections."""
    context = ssl.create_default_context(cafile=str(site.ca))
    results = [None] * len(batch)

    def work(offset):
        sender = Sender(site.https, context)
        for index in range(offset, len(batch), THREADS):
            results[index] = (batch[index], sender.send(*batch[index]))
        sender.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def describe(request):
    method, target, headers, body = request
    shown = "; ".join(f"{name}: {value[:60]!r}" for name, value in headers.items())
    sent = f" body {len(body[1])} bytes ({body[0][:40]})" if body else ""
    return f"{method} {target[:150]} [{shown}]{sent}"


def errors_logged(site, offset):
    """{exception line: how many} the app servers logged from `offset` of their log on."""
    site.log.flush()
    with (site.work / "app.log").open(errors="replace") as log:
        log.seek(offset)
        text = log.read()
    return Counter(re.findall(r"^(\w+(?:Error|Exception)\b.*)$", text, re.MULTILINE))


def run(site, count, run_seed):
    pages = list(site.pages.values())
    site.log.flush()
    offset = (site.work / "app.log").stat().st_size
    started = time.monotonic()
    batch = generate(pages, site.https, count, run_seed)
    generated = time.monotonic()
    results = send_all(site, batch)
    sent = time.monotonic()
    classes = Counter(
        "no answer" if status is None else f"{status // 100}xx" for _r, status in results
    )
    statuses = Counter(status for _request, status in results if status is not None)
    failing = [(request, status) for request, status in results if status is None or status >= 500]
    columns = ["2xx", "3xx", "4xx", "5xx", "no answer"]
    columns += sorted(set(classes) - set(columns))  # 1xx, or a status past 599
    seconds = sent - generated
    lines = table(
        ["requests", *columns, "seconds", "req/s"],
        [
            [
                len(results),
                *(classes[c] for c in columns),
                f"{seconds:.0f}",
                f"{len(results) / seconds:.0f}",
            ]
        ],
    )
    lines.append("statuses: " + ", ".join(f"{s} × {n}" for s, n in sorted(statuses.items())))
    lines.append(
        f"(Hypothesis seed {run_seed}: `python -m audit --seed {run_seed}` draws the same "
        f"requests; drawn in {generated - started:.0f} s)"
    )
    lines.extend(
        f"  {status or 'no answer'}: {describe(request)}" for request, status in failing[:SHOWN]
    )
    errors = errors_logged(site, offset)
    if errors:
        lines.append("The app servers' log, exceptions:")
        lines.extend(f"  {n} × {line[:150]}" for line, n in errors.most_common(SHOWN))
    misses = []
    if len(results) < count:
        misses.append(f"fuzz: {len(results)} requests drawn, {count} asked for")
    if failing:
        misses.append(f"fuzz: {len(failing)} requests answered 5xx or not at all")
    return Part(f"Fuzz: {count} requests through nginx (target: no 5xx)", lines, misses)
