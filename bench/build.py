"""The database measured: built fresh (PostgreSQL `bitnews_bench`, or SQLite in .bench/) with
the demo and N articles in all, the static files collected; the pages measured, chosen in it."""

import json
import shutil
import subprocess
import time

from bench.environment import PG_DATABASE, PYTHON, ROOT, WORK, environment, log, run

PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
DEMO_ARTICLES = 15  # what load_demo makes


def fresh_database(db):
    if db == "sqlite":
        (WORK / "bench.sqlite3").unlink(missing_ok=True)
        return
    postgres_admin(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"', f'CREATE DATABASE "{PG_DATABASE}"')


def postgres_admin(*statements, server=PG_ADMIN):
    """Run `statements` one by one, outside any transaction (CREATE and DROP DATABASE), on
    the PostgreSQL server `server` (psycopg2.connect's arguments) names."""
    import psycopg2

    conn = psycopg2.connect(**server)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        conn.close()


def build(db, articles):
    """A fresh database with the demo and `articles` articles in all; the static files."""
    fresh_database(db)
    shutil.rmtree(WORK / "media", ignore_errors=True)
    dev = environment(db, "bitnews.settings.dev")
    manage = [PYTHON, "manage.py"]
    started = time.monotonic()
    log("migrate")
    run([*manage, "migrate", "--noinput"], dev)
    log("load_demo")
    run([*manage, "load_demo", "--password-file", str(WORK / "admin-password")], dev)
    extra = max(articles - DEMO_ARTICLES, 0)
    log(f"make_archive {extra}")
    subprocess.run([*manage, "make_archive", str(extra)], env=dev, cwd=ROOT, check=True)
    production = environment(db, "bitnews.settings.production")
    run([*manage, "collectstatic", "--noinput", "--clear", "-v0"], production)
    log(f"built in {time.monotonic() - started:.0f} s")


def pages(db):
    """{name: URL} of the pages measured, chosen in the database just built."""
    script = """
import json, django
django.setup()
from django.utils import translation
from django.utils import timezone
from news import languages
from news.models import ArticlePage, ArticleTag, EventIndexPage, EventPage, NewsIndexPage
english = languages.DEFAULT.code
chinese = next(language for language in languages.LANGUAGES if language.segmented).code
index = NewsIndexPage.objects.get()
count = ArticlePage.objects.live().count()
translated = ArticlePage.objects.live()
for language in languages.translations():
    translated = translated.exclude(**{language.field("title"): ""})
translated = translated.order_by("-news_date", "-pk")
middle = translated[translated.count() // 2]
deep = max(1, min(500, (count + 9) // 10 // 2))
month = middle.news_date
# the middle story's first tag: make_archive files every story under two of the demo's tags,
# so at 100,000 articles a tag lists thousands (a deep listing, like News&Events)
tag = middle.tags.order_by("name").first() or ArticleTag.objects.order_by("name").first()
events = EventPage.objects.live().order_by("start", "pk")
event = events.filter(ends_at__gt=timezone.now()).first() or events.last()
urls = {}
for language in languages.LANGUAGES:
    with translation.override(language.code):
        urls["article-" + language.code.split("-")[0]] = middle.get_url()
with translation.override(english):
    news = index.get_url()
    urls.update({
        "home": f"/{english}/",
        "news": news,
        "news-deep": f"{news}?page={deep}",
        "focus": news + "focus/",
        "column": news + "column/international/",
        "tag": news + index.reverse_subpage("tag", args=[tag.slug]),
        "month": f"{news}{month:%Y/%m}/",
        "event": event.get_url(),
        "events": EventIndexPage.objects.get().get_url(),
        "search-en": f"/{english}/search/?q=international+cooperation",
        "feed": news + "feed/rss/",
    })
urls["search-zh"] = f"/{chinese}/search/?q=%E5%9B%BD%E9%99%85%E5%90%88%E4%BD%9C"
urls["api-list"] = f"/api/v2/articles/?lang={chinese}&limit=20"
urls["api-article"] = f"/api/v2/articles/{middle.pk}/"
urls["sitemap"] = "/sitemap.xml"
urls["sitemap-articles"] = f"/sitemap-articles-{english}.xml"
print(json.dumps(dict(sorted(urls.items(), key=lambda item: list(ORDER).index(item[0])))))
""".replace("ORDER", repr(ORDER))
    return json.loads(run([PYTHON, "-c", script], environment(db, "bitnews.settings.production")))


ORDER = (
    "home",
    "news",
    "news-deep",
    "focus",
    "column",
    "tag",
    "month",
    "article-en",
    "article-zh",
    "event",
    "events",
    "search-en",
    "search-zh",
    "feed",
    "api-list",
    "api-article",
    "sitemap",
    "sitemap-articles",
)
