"""What a write costs the cache (issue 23), measured on the servers `make bench` started
(bench/measure.py runs this with their addresses and the production settings):

1. **Failed sign-ins**: a mix of pages under wrk, alone and then with five wrong passwords a
   second sent to /admin/login/ in the background (a real form post with its CSRF token; the
   answers are counted, and django-axes' attempts in the database). Throughput with the attack
   against without it.
2. **A publish during a warm run**: a sample of addresses from the sitemaps (what crawlers
   read: every story in both languages, the sections), each read twice (kept), then a new story
   published while wrk reads the mix. Then each sampled address once more: a hit is an answer
   from the page cache (it carries `Age`). And the pages that show the new story: do they show it
   at the next request?
3. **A flood of junk query strings**: 10,000 requests for an article and the home page, each
   with parameters of its own (`?q=`, `?p=`, `?page=`, unknown names): how many entries Redis
   gained.
4. **Varnish with soft purge**: readers of a story and of home through Varnish (threads, one
   request at a time each) while the story is edited and published: the slowest request against
   a hit's time.
"""

import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import django

SAMPLE = 1000
SEED = 23
ATTACK_PER_SECOND = 5
HTTPS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}  # as a visitor behind nginx


def get(url, headers=None):
    """(status, headers, body) of a GET."""
    request = urllib.request.Request(url, headers={**HTTPS, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk_mix(base, paths, seconds):
    """req/s of wrk reading `paths` in turn (a Lua script), two threads, 16 connections."""
    script = (
        "paths = {"
        + ",".join(json.dumps(path) for path in paths)
        + "}\n"
        + (
            "counter = 0\n"
            "request = function()\n"
            "  counter = counter + 1\n"
            '  return wrk.format("GET", paths[(counter % #paths) + 1], '
            '{["X-Forwarded-Proto"] = "https", ["Host"] = "127.0.0.1"})\n'
            "end\n"
        )
    )
    path = Path(__file__).resolve().parent.parent / ".bench" / "mix.lua"
    path.write_text(script)
    output = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", str(path), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


class Attacker(threading.Thread):
    """Wrong passwords for the demo admin, ATTACK_PER_SECOND a second, until stopped."""

    def __init__(self, base):
        super().__init__(daemon=True)
        self.base = base
        self.stopping = threading.Event()
        self.answers = {}

    def attempt(self):
        status, headers, body = get(self.base + "/admin/login/")
        cookie = SimpleCookie(headers.get("Set-Cookie", ""))
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        data = urllib.parse.urlencode(
            {"username": "admin", "password": "wrong", "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            self.base + "/admin/login/",
            data=data,
            headers={
                **HTTPS,
                "Origin": "https://127.0.0.1",
                "Referer": "https://127.0.0.1/admin/login/",
                "Cookie": f"csrftoken={cookie['csrftoken'].value}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        self.answers[status] = self.answers.get(status, 0) + 1

    def run(self):
        while not self.stopping.is_set():
            started = time.monotonic()
            self.attempt()
            self.stopping.wait(max(0, 1 / ATTACK_PER_SECOND - (time.monotonic() - started)))


def attack(base, mix, seconds):
    from axes.models import AccessAttempt
    from django.db.models import Sum

    def failures():
        return AccessAttempt.objects.aggregate(total=Sum("failures_since_start"))["total"] or 0

    quiet = wrk_mix(base, mix, seconds)
    attempts = failures()
    attacker = Attacker(base)
    attacker.start()
    attacked = wrk_mix(base, mix, seconds)
    attacker.stopping.set()
    attacker.join()
    return {
        "quiet_rps": quiet["rps"],
        "attacked_rps": attacked["rps"],
        "ratio": attacked["rps"] / quiet["rps"],
        "sign_in_answers": attacker.answers,
        "axes_attempts_written": failures() - attempts,
    }


def sitemap_paths(base):
    """Every address of the sitemaps, as paths."""
    _status, _headers, index = get(base + "/sitemap.xml")
    paths = []
    for sitemap in re.findall(rb"<loc>([^<]+)</loc>", index):
        _status, _headers, body = get(base + re.sub(r"^https?://[^/]+", "", sitemap.decode()))
        paths += [
            re.sub(r"^https?://[^/]+", "", loc.decode())
            for loc in re.findall(rb"<loc>([^<]+)</loc>", body)
        ]
    return sorted(set(paths))


def titled(title, language):
    """The bench story's title in `language`: its own in each translation."""
    from news import languages

    return title if language == languages.DEFAULT else f"{title} ({language.self_name})"


def new_story(index, title):
    """A story published now, as an editor publishes one (a copy of the newest one's text)."""
    from news import languages
    from news.models import ArticlePage

    model = ArticlePage.objects.live().order_by("-news_date", "-pk").first()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    fields = {}
    for language in languages.LANGUAGES:
        fields[language.field("title")] = titled(title, language)
        fields[language.field("slug")] = (
            slug if language == languages.DEFAULT else f"{slug}-{language.code}"
        )
        for name in ("summary", "body"):
            fields[language.field(name)] = getattr(model, language.field(name))
    story = ArticlePage(
        title=title,
        slug=slug,
        column=model.column,
        news_date=model.news_date,
        live=False,
        **fields,
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return ArticlePage.objects.get(pk=story.pk)


def publish_during_warm_run(base, mix):
    from django.utils import translation

    from news import languages
    from news.models import NewsIndexPage

    paths = sitemap_paths(base)
    sample = random.Random(SEED).sample(paths, min(SAMPLE, len(paths)))  # noqa: S311 - a sample
    for path in sample:
        get(base + path)
        get(base + path)
    kept = [path for path in sample if "Age" in get(base + path)[1]]
    reader = threading.Thread(target=wrk_mix, args=(base, mix, 4), daemon=True)
    reader.start()
    time.sleep(1)
    title = f"Bench story {int(time.time())}"
    started = time.monotonic()
    story = new_story(NewsIndexPage.objects.get(), title)
    publish_ms = 1000 * (time.monotonic() - started)
    reader.join()
    still = [path for path in kept if "Age" in get(base + path)[1]]
    shows = {}
    shown = {}  # path: the title it must show
    with translation.override(languages.DEFAULT.code):
        index = NewsIndexPage.objects.get()
        english = [
            f"/{languages.DEFAULT.code}/",
            index.get_url(),
            index.get_url() + "feed/rss/",
            story.get_url(),
        ]
        if story.column:
            english.append(
                index.get_url() + index.reverse_subpage("column", args=[story.column.slug])
            )
        shown.update(dict.fromkeys(english, title))
    for language in languages.translations():
        with translation.override(language.code):
            own = [f"/{language.code}/", story.get_url()]
        shown.update(dict.fromkeys(own, titled(title, language)))
    for path, wanted in shown.items():
        shows[path] = wanted.encode() in get(base + path)[2]
    return {
        "sampled": len(sample),
        "sitemap_addresses": len(paths),
        "kept_before": len(kept),
        "still_hits": len(still),
        "hit_ratio": len(still) / len(kept) if kept else None,
        "publish_ms": publish_ms,
        "show_it_next_request": shows,
        "refreshed": sorted(set(kept) - set(still))[:40],
    }


def entries_kept():
    from news.cache import store

    return sum(1 for _key in store.get().client.scan_iter(match=f"{store.PREFIX}:e:*", count=1000))


def junk_flood(base, paths, requests=10_000):
    """Entries Redis gained from `requests` addresses with junk query strings."""
    for path in paths:
        get(base + path)
    before = entries_kept()
    started = time.monotonic()
    statuses = {}
    for number in range(requests):
        junk = urllib.parse.urlencode(
            {"q": f"junk {number}", "p": number, "page": number, f"x{number}": number}
        )
        status, _headers, _body = get(f"{base}{paths[number % len(paths)]}?{junk}")
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "requests": requests,
        "seconds": time.monotonic() - started,
        "answers": statuses,
        "entries_added": entries_kept() - before,
    }


def latency(url, seconds, connections=4):
    """wrk's latency figures (ms) for `url`: a subprocess, so the publish in this process does
    not slow the clock that measures it."""
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
        + ["-H", "X-Forwarded-Proto: https", "-H", "Host: 127.0.0.1", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = re.search(r"Latency\s+([\d.]+\w+)\s+([\d.]+\w+)\s+([\d.]+\w+)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": duration_ms(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),
        "p99_ms": duration_ms(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),
        "max_ms": duration_ms(figures.group(3)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def through_varnish(varnish):
    """The slowest request through Varnish for a story while it is edited and published
    (soft purge: the old copy from grace while Varnish fetches the new one), against the same
    measure of hits alone."""
    from concurrent.futures import ThreadPoolExecutor

    from news import languages
    from news.models import ArticlePage

    story = ArticlePage.objects.live().order_by("-news_date", "-pk").first()
    url = varnish + story.url
    for _ in range(3):
        get(url)
    hits = latency(url, 3)
    with ThreadPoolExecutor(1) as pool:
        during = pool.submit(latency, url, 4)
        time.sleep(1)
        title_field = languages.DEFAULT.field("title")
        setattr(story, title_field, getattr(story, title_field) + " (corrected)")
        story.save_revision().publish()
        during = during.result()
    time.sleep(0.5)  # Varnish's background fetch
    return {
        "hits": hits,
        "during_publish": during,
        "corrected_shown_after": b"(corrected)" in get(url)[2],
    }


def main(mix_file, cached_url, varnish_url, seconds):
    django.setup()
    mix = list(json.loads(Path(mix_file).read_text()).values())
    results = {
        "attack": attack(cached_url, mix, seconds),
        "publish": publish_during_warm_run(cached_url, mix),
    }
    from news.models import ArticlePage

    story = ArticlePage.objects.live().order_by("news_date", "pk").first()
    results["junk"] = junk_flood(cached_url, [story.url, "/en/"])
    if varnish_url != "-":
        results["varnish"] = through_varnish(varnish_url)
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
