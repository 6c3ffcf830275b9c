"""The site every part of the audit runs against, as deployed: the demo content in a database of
its own (`bitnews_audit`, on the PostgreSQL server DATABASE_URL names), Redis database 4, two
gunicorn servers with the production settings behind nginx with deploy/nginx/bitnews.conf, over
TLS with a certificate from a certificate authority made for the run. Everything is made in a
temporary folder and undone at the end (the database dropped, Redis's database emptied)."""

import contextlib
import dataclasses
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from bench.build import postgres_admin
from bench.environment import run
from tests_integration.cluster import Node, nginx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "bitnews_audit"
# Its own Redis database (the tests use 0, 2, 3, 5 and 7), emptied before and after.
REDIS_URL = "redis://127.0.0.1:6379/4"
ADDRESS = "127.0.0.1"  # what the scanner and the clients connect to (the certificate names it)
PUBLIC_HOST = "news.example.edu.cn"
ALLOWED_HOSTS = (ADDRESS, "localhost", PUBLIC_HOST)
EDITOR = "audit-editor"  # an Editors member (news/newsroom/roles.py): images, drafts


def log(message):
    print(f"[audit] {message}", file=sys.stderr, flush=True)


def database_server():
    """psycopg2.connect's arguments for the server DATABASE_URL names (by default the machine's
    own, as in CI): its host, port and user, the maintenance database."""
    url = urllib.parse.urlsplit(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    )
    return {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or 5432,
        "user": url.username or "postgres",
        "password": url.password,
        "dbname": "postgres",
    }


def database_url(server, name=DATABASE):
    password = f":{urllib.parse.quote(server['password'])}" if server.get("password") else ""
    return f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"


def environment(work, url, **extra):
    """The production settings' environment (.ci/run's), for the audit's database and Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bitnews.settings.production",
        "SECRET_KEY": f"audit-{secrets.token_hex(16)}",
        "ALLOWED_HOSTS": ",".join(ALLOWED_HOSTS),
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "WAGTAILADMIN_BASE_URL": f"https://{PUBLIC_HOST}",
        "EMAIL_HOST": "smtp.example.edu.cn",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def certificates(work):
    """A certificate authority made for this run, and a server certificate it signed for
    ADDRESS (an IP subjectAltName: the scanner verifies it without any name lookup) and the
    site's names: (authority, certificate, key) paths."""
    ca, ca_key = work / "ca.pem", work / "ca.key"
    cert, key, request = work / "cert.pem", work / "key.pem", work / "cert.csr"
    extensions = work / "cert.ext"
    names = ",".join([f"IP:{ADDRESS}", *(f"DNS:{name}" for name in ALLOWED_HOSTS[1:])])
    extensions.write_text(
        f"subjectAltName={names}\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
    )
    new_key = ["openssl", "req", "-newkey", "rsa:2048", "-nodes"]
    for command in (
        [*new_key, "-x509", "-days", "2", "-subj", "/CN=bitnews audit CA", "-keyout", ca_key]
        + ["-out", ca, "-addext", "basicConstraints=critical,CA:TRUE"]
        + ["-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        [*new_key, "-subj", f"/CN={ADDRESS}", "-keyout", key, "-out", request],
        ["openssl", "x509", "-req", "-in", request, "-CA", ca, "-CAkey", ca_key]
        + ["-CAcreateserial", "-days", "2", "-out", cert, "-extfile", extensions],
    ):
        subprocess.run(command, check=True, capture_output=True)
    return ca, cert, key


@dataclasses.dataclass
class Site:
    work: Path
    server: dict  # psycopg2.connect's arguments for the database's server
    env: dict  # the production settings' environment
    https: int  # nginx's ports
    http: int
    ca: Path  # the run's certificate authority, and the certificate it signed for the site
    cert: Path
    key: Path
    pages: dict  # {name: path} of every public page type, and the admin's sign-in
    editor: tuple  # (user name, password)
    drafts: list  # [(article pk, its edit form)]: what the restart's writers save
    index: int  # News&Events' pk
    log: object  # the app servers' log file

    def node(self, env=None, workers=2):
        """Another app server (gunicorn, production settings) on a free port."""
        return Node(env or self.env, self.log, workers=workers)


def prepare_django(env):
    """Django in this process too, on the audit's database: to read the demo content and to
    make the editor (`python -m audit` is its own process: nothing else runs here)."""
    os.environ.update(env)
    import django

    django.setup()


def public_pages():
    """{name: path} of each public page type in the demo content, and the admin's sign-in."""
    from django.utils import translation

    from news import languages
    from news.models import ArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.live().order_by("pk").first()
    article = ArticlePage.objects.live()
    for language in languages.translations():  # a story translated into every language
        article = article.exclude(**{language.field("title"): ""})
    article = (
        article.filter(column__isnull=False, tags__isnull=False)
        .order_by("-news_date", "pk")
        .first()
    )
    pages = {}
    for language in languages.LANGUAGES:
        short = language.code.split("-")[0]  # the report's names: home-en, home-zh
        pages[f"home-{short}"] = f"/{language.code}/"
        with translation.override(language.code):
            pages[f"news-{short}"] = index.url
            pages[f"article-{short}"] = article.url
    with translation.override(languages.DEFAULT.code):
        news, route = index.url, index.reverse_subpage
        year = f"{article.news_date:%Y}"
        pages.update(
            {
                "focus": news + route("focus"),
                "column": news + route("column", kwargs={"slug": article.column.slug}),
                "tag": news + route("tag", kwargs={"slug": article.tags.first().slug}),
                "year": news + route("archive_year", kwargs={"year": year}),
                "search": "/en/search/?q=cooperation",
                "feed-rss": news + route("feed", kwargs={"kind": "rss"}),
                "feed-atom": news + route("feed", kwargs={"kind": "atom"}),
            }
        )
    pages.update({"sitemap": "/sitemap.xml", "robots": "/robots.txt", "admin": "/admin/login/"})
    return pages, index.pk


def make_editor():
    """An Editors member (may upload images and save drafts; no two-step sign-in asked of
    editors): (user name, password)."""
    from news.newsroom.roles import EDITORS
    from news.tests.utils import member

    user = member(EDITORS, EDITOR)
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.save()
    return EDITOR, password


def drafts(count):
    """[(pk, edit form)] of `count` live articles: what an editor's "Save draft" sends."""
    from news.models import ArticlePage
    from news.tests.utils import edit_form

    articles = ArticlePage.objects.live().order_by("pk")[:count]
    return [(article.pk, edit_form(article)) for article in articles]


@contextlib.contextmanager
def deployed(work, env, log, cert, key):
    """Two app servers (gunicorn, `env`) behind nginx with deploy/nginx/bitnews.conf and the
    certificate `cert`: yields nginx's ports, {"https": …, "http": …}."""
    behind_nginx = {**env, "TRUSTED_PROXIES": "127.0.0.1"}  # nginx appends the visitor's address
    with contextlib.ExitStack() as stack:
        nodes = []
        for _ in range(2):
            nodes.append(Node(behind_nginx, log))
            stack.callback(nodes[-1].stop)
        yield stack.enter_context(nginx(work, [node.port for node in nodes], cert, key))


@contextlib.contextmanager
def worker(env, log_file):
    """The background worker, as deploy/systemd/bitnews-worker.service runs it (its heartbeat
    is what /readyz reads)."""
    command = [PYTHON, "manage.py", "worker", "--backend", "background", "--no-reload"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log_file, stderr=log_file)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=120)


@contextlib.contextmanager
def running():
    """The site, built and served: a Site; everything stopped and removed afterwards."""
    server = database_server()
    work = Path(tempfile.mkdtemp(prefix="bitnews-audit-"))
    import redis

    cache = redis.Redis.from_url(REDIS_URL)
    try:
        with contextlib.ExitStack() as stack:
            cache.flushdb()
            log(f"database {DATABASE} on {server['host']}:{server['port']}")
            postgres_admin(
                f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)',
                f'CREATE DATABASE "{DATABASE}"',
                server=server,
            )
            stack.callback(
                postgres_admin, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', server=server
            )
            env = environment(work, database_url(server))
            manage = [PYTHON, "manage.py"]
            log("migrate, load_demo, collectstatic")
            run([*manage, "migrate", "--noinput"], env)
            # load_demo is the demo app's, which only the development settings install
            demo = {**env, "DJANGO_SETTINGS_MODULE": "bitnews.settings.dev"}
            run([*manage, "load_demo", "--password-file", str(work / "admin-password")], demo)
            run([*manage, "collectstatic", "--noinput", "-v0"], env)
            prepare_django(env)
            from django.db import connections

            stack.callback(connections.close_all)
            pages, index = public_pages()
            editor = make_editor()
            log("certificates, two app servers, nginx, the background worker")
            ca, cert, key = certificates(work)
            app_log = stack.enter_context((work / "app.log").open("w"))
            stack.enter_context(worker(env, app_log))
            ports = stack.enter_context(deployed(work, env, app_log, cert, key))
            yield Site(
                work=work,
                server=server,
                env=env,
                https=ports["https"],
                http=ports["http"],
                ca=ca,
                cert=cert,
                key=key,
                pages=pages,
                editor=editor,
                drafts=drafts(2),
                index=index,
                log=app_log,
            )
    finally:
        cache.flushdb()
        shutil.rmtree(work, ignore_errors=True)
