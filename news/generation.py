"""The content generation: a token that changes whenever something a visitor can see may change.

Fragment caches put it in their keys (`key`), so a publish makes every cached fragment
unreachable at once; the old ones expire by themselves. The rule is complete by construction
rather than by a list of pages to purge: every save or delete of a model visitors see (a page
type, or SEEN: images, documents, columns, tags, settings, sites, redirects, restrictions)
bumps it, except a page save that only does Wagtail's revision bookkeeping; no other write
(sign-in bookkeeping, sessions, revisions, logs, view counts, the search index) does. Bulk writes send no signals: what makes them
(demo/archive.py) calls `bump()` itself. What changes with time alone (a Focus end date
passing) must be part of a fragment's own key.

The token lives in the default cache: Redis in production, so every app server sees a bump
at once (bitnews/settings/production.py requires REDIS_URL); each process's memory under
`make run`, which is one process. It is bumped at once and again when the transaction
commits, so nothing rendered from the data before the commit outlives it. A process started
with settings no other had bumps it too (`started`), and the keys also hold a digest of the code
(`code_digest`), so fragments from other templates are never served.
"""

import contextvars
import functools
import hashlib
import logging
import os
import pickle
import re
import threading
import time
import urllib.request
import uuid
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

KEY = "news:generation"

logger = logging.getLogger(__name__)

# Saved by Wagtail's save_revision() on the page itself: a draft, not what visitors see.
BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at"}
)

# What a visitor can see: only writes of these (and of every page type) start a generation.
# Everything else (sign-in bookkeeping: django-axes' attempts and logs, last_login, two-step
# devices; sessions, users, revisions and drafts, workflow states, logs, view counts, form
# submissions, the search index, renditions made while viewing) never does, so no visitor,
# signed in or not, can empty the cache by failing to sign in (issue 23).
SEEN = frozenset(
    {
        "news.archivemonth",
        "news.articlepagetag",
        "news.articletag",
        "news.column",
        "news.contactformfield",
        "news.homefocusstory",
        "news.relatedarticle",
        "news.sitesettings",
        "taggit.tag",
        "wagtailcore.collectionviewrestriction",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.site",
        "wagtaildocs.document",
        "wagtailimages.image",
        "wagtailredirects.redirect",
    }
)


def seen(model):
    """Whether visitors see what `model` holds: a page type, or a model of SEEN."""
    return issubclass(model, Page) or model._meta.label_lower in SEEN


# The token of the request being served (news/middleware.py), for code without the request.
_request_token = contextvars.ContextVar("news_generation", default=None)


def current(request=None):
    """The token, read once per request (the request's, or the one being served)."""
    token = getattr(request, "_news_generation", None) or _request_token.get()
    if token is None:
        token = cache.get(KEY)
        if token is None:
            cache.add(KEY, uuid.uuid4().hex, None)
            token = cache.get(KEY)  # None while the cache is unreachable
            if token is None:
                _warn_unreachable()
        if request is not None:
            request._news_generation = token
    return token


WARN_EVERY = (
    60  # seconds: one warning a minute per process while the cache is down, not one a request
)
_warned_at = None


def _warn_unreachable():
    global _warned_at  # noqa: PLW0603 - this process's last warning
    moment = time.monotonic()
    if _warned_at is None or moment - _warned_at >= WARN_EVERY:
        _warned_at = moment
        logger.warning("The cache does not answer: pages are rendered without it.")


def serving(request):
    """Read the token for `request` and make it the one of the code it runs; returns what
    `done` needs."""
    return _request_token.set(current(request))


def done(reset):
    _request_token.reset(reset)


def bump():
    cache.set(KEY, uuid.uuid4().hex, None)
    ban_shared_caches()


SETTINGS_KEY = "news:settings"
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")  # in the repr of a function or object: per process


def _canonical(value):
    """`value` as text that is the same in every process: collections sorted (some settings
    are tuples made from sets, whose order changes with each process's string hashing; an
    order that matters comes from the code, which `code_digest` covers), no addresses."""
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{k!r}:{_canonical(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ",".join(sorted(map(_canonical, value))) + "]"
    return _ADDRESS.sub("", repr(value))


@functools.cache
def settings_digest():
    """A digest of the settings (secrets and passwords left out): the same in every process
    started with the same configuration. Made once (tests' override_settings make it again)."""
    digest = hashlib.sha256()
    for name in sorted(dir(settings)):
        if name.isupper() and "SECRET" not in name and "PASSWORD" not in name:
            digest.update(f"{name}={_canonical(getattr(settings, name))}\n".encode())
    return digest.hexdigest()[:16]


def started():
    """Once per serving process (news/middleware.py): a process with settings the shared cache
    has not seen (a restart after changing them) starts a new generation; one that replaces a
    worker with the same settings (gunicorn's --max-requests, a second app server) does not,
    so the pages and fragments kept stay."""
    digest = settings_digest()
    if cache.get(SETTINGS_KEY) != digest:
        cache.set(SETTINGS_KEY, digest, None)
        bump()


SHARED_CACHE_TIMEOUT = 0.5  # seconds: a Varnish that does not answer must not hold a publish


def ban_shared_caches():
    """Tell each shared cache (settings.SHARED_CACHES: Varnish) that every page it keeps may
    have changed: the generation rule, applied in front of the app (deploy/varnish/bitnews.vcl
    answers a BAN by banning everything). One that does not answer is logged; the pages it
    keeps expire by their s-maxage."""
    for url in settings.SHARED_CACHES:
        request = urllib.request.Request(url, method="BAN")  # noqa: S310 - the operator's URL
        try:
            with urllib.request.urlopen(request, timeout=SHARED_CACHE_TIMEOUT):  # noqa: S310
                pass
        except OSError as error:
            logger.warning("The shared cache at %s did not take the BAN: %s", url, error)


# The code that renders a fragment is part of its key too: during a rolling deploy, servers
# with the old templates and the new never share one, and after it none from the old is left.
SOURCES = ("bitnews", "news", "search", "stats", "demo", "templates", "locale", "static")


@functools.cache
def code_digest():
    """BUILD_ID from the environment (a deploy's commit), or a digest of the source files."""
    if os.environ.get("BUILD_ID"):
        return os.environ["BUILD_ID"]
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def key(request, *parts):
    """A cache key for a fragment of this generation: `parts` say which fragment. With a
    request, its host too: absolute URLs in a fragment are the host's it was made for."""
    if request is None:
        host = "-"
    else:
        host = getattr(request, "_news_host", None)
        if host is None:
            host = request._news_host = request.get_host()  # validated once, not per fragment
    return ":".join(["news", code_digest(), str(current(request)), host, *map(str, parts)])


# A fragment's key holds its generation, so what is stored under it never changes: each
# process keeps the last ones it fetched or made in memory, in front of the shared cache (a Redis round
# trip and unpickling per fragment cost more than the fragment's own rendering saved).
LOCAL_SIZE = 2000
FRAGMENT_TTL = 60 * 60 * 24
_local = OrderedDict()
_local_lock = threading.Lock()


def _remember(values):
    with _local_lock:
        for name, value in values.items():
            _local[name] = value
            _local.move_to_end(name)
        while len(_local) > LOCAL_SIZE:
            _local.popitem(last=False)


def get_many(keys):
    """{key: value} of the fragments found, in this process's memory or the shared cache."""
    with _local_lock:
        found = {name: _local[name] for name in keys if name in _local}
    missing = [name for name in keys if name not in found]
    if missing:
        fetched = cache.get_many(missing)
        _remember(fetched)
        found.update(fetched)
    return found


def set_many(values, timeout=FRAGMENT_TTL):
    cache.set_many(values, timeout)
    _remember(values)


def fragment(request, parts, build, timeout=FRAGMENT_TTL, keep_none=True):
    """The fragment `parts` of this generation, `build()` when no process has made it yet.
    A preview (unsaved content) is always built and never kept. With `keep_none=False`, a
    None built is not kept (what an address that finds nothing built: those are endless)."""
    if getattr(request, "is_preview", False) or current(request) is None:
        return build()  # a preview, or no shared cache to say what is current
    name = key(request, *parts)
    found = get_many([name])
    if name in found:
        return found[name]
    value = build()
    if value is not None or keep_none:
        set_many({name: value}, timeout)
    return value


def content_fragment(request, inputs, build, timeout=FRAGMENT_TTL):
    """A fragment that is a function of `inputs` alone (every value its HTML is made from,
    as text), so it outlives publishes: kept under a digest of them, the code and the
    settings, not under the generation. Only for what reads nothing but its inputs."""
    if getattr(request, "is_preview", False):
        return build()
    digest = hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    name = f"news:{code_digest()}:{settings_digest()}:content:{digest}"
    found = get_many([name])
    if name in found:
        return found[name]
    value = build()
    set_many({name: value}, timeout)
    return value


def fragment_copy(request, parts, build, timeout=FRAGMENT_TTL, keep_none=True):
    """`fragment`, for objects a request may change (model instances it serves): each call
    gets its own copy. The fragment is kept pickled, and unpickling it is several times
    cheaper than `copy.deepcopy` of the object."""
    if getattr(request, "is_preview", False) or current(request) is None:
        return build()

    def pickled():
        value = build()
        return None if value is None and not keep_none else pickle.dumps(value)

    found = fragment(request, parts, pickled, timeout, keep_none)
    return None if found is None else pickle.loads(found)  # noqa: S301 - pickled by us or peers


def fragment_until(request, parts, build, keep=fragment):
    """A fragment that also changes at a moment no write marks (a Focus end date passing):
    `build()` returns (value, until), `until` being that moment or None. From `until` on, the
    fragment is built again (under a key naming that moment). `keep` is `fragment` or
    `fragment_copy`."""
    while True:
        value, until = keep(request, parts, build)
        if until is None or timezone.now() < until:
            return value
        parts = (*parts, until.isoformat())


# Settings that change no fragment: switching the page cache (news/pagecache.py) on or off.
RENDER_NEUTRAL_SETTINGS = frozenset({"PAGE_CACHE"})


def settings_changed(setting=None, **kwargs):
    """Receiver of setting_changed (tests' override_settings). A server's settings change only
    with a restart, and a process started with new settings starts a new generation
    (`started`)."""
    settings_digest.cache_clear()
    if setting not in RENDER_NEUTRAL_SETTINGS:
        bump()


def changed(sender, update_fields=None, raw=False, **kwargs):
    """Receiver of post_save, post_delete, m2m_changed and post_page_move (news/apps.py)."""
    if raw:
        return
    model = type(kwargs["instance"]) if "instance" in kwargs else sender
    if not (seen(model) or seen(sender)):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    bump()
    transaction.on_commit(bump)
