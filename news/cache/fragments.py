"""Fragments: the parts every rendering is made of (cards, headers, a listing's rows, the
request's Site), kept under a name with the tags they were made from (tags.py), so a write
removes exactly the fragments that showed what it changed (invalidation.py).

Each request reads the store's clock once (`begin`: with the page cache's lookup, or at the
start of the request's middleware): a fragment is kept only if none of its tags was
invalidated after that clock, and this process's copies (local.py) are brought up to date.
When the store is not usable (Redis down, hanging, refusing writes, or its clock lost, or this
process has invalidations it refused) the request renders everything and keeps nothing: never
a copy that a failed invalidation could have left behind."""

import contextvars
import functools
import hashlib
import os
import pickle
import re
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import invalidation, local, store, tags

FRAGMENT_TTL = 60 * 60 * 24

_fragments = local.register(local.Copies(2000))


class State:
    """A request's view of the store: the clock it started at, or None when the store is not
    usable for it; `keeps`: whether fragments are read and kept (FRAGMENTS=off: not, while this
    process's configuration copies, `config`, still are)."""

    def __init__(self, clock, keeps=True):
        self.clock = clock
        self.keeps = keeps


_state = contextvars.ContextVar("news_cache_state", default=None)


def begin(pages=()):
    """Read the clock (and the page entries `pages`, for the page cache) in one round trip;
    bring this process's copies up to date. Returns (State, store.Begin or None)."""
    the_store = store.get()
    if not invalidation.deliver_pending():
        # this process wrote what the store has not been told: what it kept may be older
        store.warn("has not taken this process's invalidations", "retried every second")
        local.sync(None, None)
        return State(None), None
    try:
        began = the_store.begin(pages)
    except store.Unavailable as error:
        store.warn("is not answering", error)
        local.sync(None, None)
        return State(None), None
    if not began.writable:
        store.warn("refuses writes (nothing is served from it)", "the write probe was refused")
        local.sync(None, None)
        return State(None), began
    local.sync(began.clock, the_store.changed_since)
    # FRAGMENTS=off: the bench's "from nothing", no fragment read or kept
    return State(began.clock, keeps=settings.FRAGMENTS), began


def serving(request, state=None):
    """Make `state` (or a new one) the request's and the code's it runs; what `done` needs."""
    if state is None:
        state = getattr(request, "_news_cache", None) or begin()[0]
    if request is not None:
        request._news_cache = state
    return _state.set(state)


def done(reset):
    _state.reset(reset)


def state(request=None):
    found = getattr(request, "_news_cache", None) or _state.get()
    if found is None:  # outside a request: a command, a test calling a view's helper
        found = begin()[0]
    return found


def current(request=None):
    """The clock the request started at, or None when no fragment may be kept or read."""
    found = state(request)
    return found.clock if found.keeps else None


_ADDRESS = re.compile(r" at 0x[0-9a-f]+")  # in the repr of a function or object: per process


def _canonical(value):
    """`value` as text that is the same in every process: collections sorted, no addresses."""
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{k!r}:{_canonical(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ",".join(sorted(map(_canonical, value))) + "]"
    return _ADDRESS.sub("", repr(value))


# Settings that change no fragment: the page cache and fragments on or off.
RENDER_NEUTRAL_SETTINGS = frozenset({"PAGE_CACHE", "FRAGMENTS"})


@functools.cache
def settings_digest():
    """A digest of the settings (secrets and passwords left out): part of every name, so a
    process started with other settings never shares an entry with one of the old."""
    digest = hashlib.sha256()
    for name in sorted(dir(settings)):
        if (
            name.isupper()
            and "SECRET" not in name
            and "PASSWORD" not in name
            and name not in RENDER_NEUTRAL_SETTINGS
        ):
            digest.update(f"{name}={_canonical(getattr(settings, name))}\n".encode())
    return digest.hexdigest()[:12]


def settings_changed(**kwargs):
    """Receiver of setting_changed (tests' override_settings)."""
    settings_digest.cache_clear()
    if kwargs.get("setting") == "CACHES":
        store.reset()


# The code that renders a fragment is part of its name too: during a rolling deploy, servers
# with the old templates and the new never share one.
SOURCES = ("bitnews", "news", "search", "stats", "demo", "api", "templates", "locale", "static")


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
    """A fragment's name: `parts` say which; with a request, its host too (absolute URLs in
    a fragment are the host's it was made for)."""
    if request is None:
        host = "-"
    else:
        host = getattr(request, "_news_host", None)
        if host is None:
            host = request._news_host = request.get_host()  # validated once, not per fragment
    return ":".join(["news", code_digest(), settings_digest(), host, *map(str, parts)])


def get_many(names, request=None):
    """{name: value} of the fragments found (this process's copies first, then the store);
    the tags of each found are recorded."""
    clock = current(request)
    if clock is None:
        return {}
    found = {}
    for name in names:
        copy = local.look(_fragments, name)
        if copy is not None:
            found[name] = copy
    missing = [name for name in names if name not in found]
    if missing:
        try:
            fetched = store.get().get_many(missing)
        except store.Unavailable as error:
            store.warn("is not answering", error)
            fetched = {}
        for name, (value, tags_read) in fetched.items():
            local.remember(_fragments, clock, name, value, tags_read)
        found.update(fetched)
    for _value, tags_read in found.values():
        tags.record(*tags_read)
    return {name: value for name, (value, _tags) in found.items()}


def keep(name, value, tags_read, request=None, timeout=FRAGMENT_TTL):
    """Keep a fragment made from `tags_read`, unless one of them was invalidated since the
    request started (then the next request makes it again)."""
    clock = current(request)
    if clock is None:
        return
    try:
        kept = store.get().put(name, value, tags_read, timeout, clock)
    except store.Unavailable as error:
        store.warn("did not keep a fragment", error)
        return
    if kept:
        local.remember(_fragments, clock, name, value, tuple(tags_read))


def preview(request):
    return getattr(request, "is_preview", False)


def fragment(request, parts, build, timeout=FRAGMENT_TTL, keep_none=True, shows=()):
    """The fragment `parts`, `build()` when no process has it. A preview (unsaved content) is
    always built and never kept. With `keep_none=False`, a None built is not kept (what an
    address that finds nothing built: those are endless). `shows`: instances loaded before it
    that it shows (the page whose part it is), recorded with it (tags.record_shown)."""
    if preview(request) or current(request) is None:
        return build()
    name = key(request, *parts)
    found = get_many([name], request)
    if name in found:
        return found[name]
    with tags.collecting() as tags_read:
        tags.record_shown(*shows)
        value = build()
    if value is not None or keep_none:
        keep(name, value, tags_read, request, timeout)
    return value


def content_fragment(request, inputs, build, timeout=FRAGMENT_TTL):
    """A fragment that is a function of `inputs` alone (every value its HTML is made from,
    as text): kept under a digest of them, the code and the settings, with no tags (the same
    inputs make the same HTML; a replaced image file is other inputs)."""
    if preview(request) or current(request) is None:
        return build()
    digest = hashlib.sha256(repr(inputs).encode()).hexdigest()[:32]
    name = f"news:{code_digest()}:{settings_digest()}:content:{digest}"
    found = get_many([name], request)
    if name in found:
        return found[name]
    value = build()
    keep(name, value, (), request, timeout)
    return value


def fragment_copy(request, parts, build, timeout=FRAGMENT_TTL, keep_none=True, shows=()):
    """`fragment`, for objects a request may change (model instances it serves): each call
    gets its own copy (unpickling is several times cheaper than `copy.deepcopy`)."""
    if preview(request) or current(request) is None:
        return build()

    def pickled():
        value = build()
        return None if value is None and not keep_none else pickle.dumps(value)

    found = fragment(request, parts, pickled, timeout, keep_none, shows)
    return None if found is None else pickle.loads(found)  # noqa: S301 - pickled by us or peers


_config = local.register(local.Copies(500))


def config(request, parts, build, copy=False, keep_none=True):
    """What every page reads and only its own writes change (the request's Site and its
    settings, the menus, the sections, the view restrictions): `build()` once per process,
    kept in this process only (never in the store: a round trip would cost more than the
    build's queries saved), with the tags it read, until a write of one of them. Each call
    gets its own copy with `copy` (model instances a request may change); with
    `keep_none=False` a None is not kept (an address that finds nothing). When the store is
    not usable no process can hear of writes: built each time."""
    clock = state(request).clock
    if preview(request) or clock is None:
        return build()
    name = ":".join([settings_digest(), *map(str, parts)])  # tests override settings
    found = local.look(_config, name)
    if found is None:
        with tags.collecting() as tags_read:
            value = build()
        if value is None and not keep_none:
            return None
        value = pickle.dumps(value) if copy else value
        local.remember(_config, clock, name, value, tuple(tags_read))
    else:
        value, tags_read = found
        tags.record(*tags_read)
    return pickle.loads(value) if copy else value  # noqa: S301 - pickled by this process


# What a story's publish changes among the tags of configuration copies: the lists of stories
# (the archive's and the columns' counts, the next Focus end or event change) and a story's
# links (news/models/article.py `cache_tags_written`).
CONTENT_TAGS = ("list:articles", "list:events", "links:")


def forget_content():
    """After emptying the store (Django's cache): this process as it is once every story has
    changed, for the bench and the tests of a page rendered from nothing (bench/nothing.py,
    news/tests/utils.py). Its copies of pages and fragments are dropped, and of its
    configuration copies those made from what a publish changes (CONTENT_TAGS); the others
    (the Site, its settings, menus, sections, prepared queries) stay, valid at the store's new
    clock."""
    began = store.get().begin()
    with local.lock:
        local.clock = began.clock
        for copies in local.registered():
            if copies is not _config:
                copies.drop(None)
        made_from = {tag for _value, tags in _config.entries.values() for tag in tags}
        _config.drop({tag for tag in made_from if tag.startswith(CONTENT_TAGS)})


def config_until(request, parts, build):
    """`config` for what also changes at a moment no write marks: `build()` returns (value,
    until); from `until` on it is built again."""

    def keep(request, parts, build, shows=()):
        return config(request, parts, build)

    return fragment_until(request, parts, build, keep=keep)


def fragment_until(request, parts, build, keep=fragment, shows=()):
    """A fragment that also changes at a moment no write marks (a Focus end date passing):
    `build()` returns (value, until). From `until` on, it is built again (under a name
    naming that moment). `keep` is `fragment` or `fragment_copy`."""
    while True:
        value, until = keep(request, parts, build, shows=shows)
        if until is None or timezone.now() < until:
            return value
        parts = (*parts, until.isoformat())
