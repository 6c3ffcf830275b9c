"""What a write invalidates: only the writes of models visitors see (`watch`), only their
tags, after the transaction commits, in the store and in every shared cache (Varnish).

A watched model says which tags a write of an instance touches (`tags_written(instance)`,
for pages `cache_tags_written()`: itself, the lists it is in, the stories beside it) and
whether the write removes something from view (`removes(old, new)`: unpublished, deleted,
moved, hidden in a language). Removals are hard: their entries are deleted. Other writes are
soft: a page entry is set aside and served for a few seconds while one request renders the
new one (store.GRACE), and Varnish soft-purges (grace). Writes of any other model (sign-in
bookkeeping, sessions, revisions and drafts, workflow states, logs, view counts, the search
index, form submissions) touch nothing.

When the store cannot take an invalidation, it is logged, retried every second by a thread
of the writing process, and `pending()` says so (the readiness check); until it is taken, the
writing process's requests render without the store (`deliver_pending`, fragments.begin)."""

import logging
import threading
import time
import urllib.request

from django.conf import settings
from django.db import transaction

from .. import metrics
from . import local, store

logger = logging.getLogger(__name__)

# Saved by Wagtail's save_revision() on the page itself: a draft, not what visitors see.
BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at"}
)

# {model: (tags_written(instance), removes(old, new) or None, tags_was(old) or None)}
_watched = {}
_resolved = {}


def watch(model, tags_written, removes=None, tags_was=None):
    """Writes of `model` (and its subclasses) invalidate `tags_written(instance)`: hard when
    deleted or when `removes(old, new)` says the write takes something out of view. With
    `tags_was`, the instance as it was is read before the save, and `tags_was(old)` (what
    showed it before: its lists) is invalidated too."""
    _watched[model] = (tags_written, removes, tags_was)
    _resolved.clear()


def _rules(model):
    if model not in _resolved:
        _resolved[model] = next(
            (_watched[base] for base in model.__mro__ if base in _watched), None
        )
    return _resolved[model]


def _add(tags, hard, whole=False):
    """Invalidate `tags` when the transaction commits (at once outside one); inside one, in
    the store now as well: what this transaction's own process renders before committing (a
    test, the admin's next view) must not be an older copy."""
    tags = set(tags)
    if not (tags or whole):
        return
    local.drop(None if whole else tags)
    if transaction.get_connection().in_atomic_block:
        try:
            if whole:
                store.get().everything()
            else:
                store.get().invalidate(sorted(tags), soft=not hard)
        except store.Unavailable:
            pass  # after the commit, with retries
    soft = set() if hard else tags
    transaction.on_commit(lambda: send(soft, tags if hard else set(), whole))


def everything():
    """Every kept page and fragment may have changed (a restore, a bulk import, a page moved,
    a site or a view restriction changed): all removed when the transaction commits."""
    _add((), hard=True, whole=True)


def saving(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: read what the instance was, for the writes that need it."""
    rules = _rules(sender)
    if raw or rules is None or not rules[2] or instance.pk is None:
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    old = type(instance)._base_manager.filter(pk=instance.pk).first()
    if old is not None:
        instance._cache_was = (old, set(rules[2](old)))


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    rules = _rules(sender)
    if raw or rules is None:
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    tags_written, removes, _tags_was = rules
    tags = set(tags_written(instance))
    hard = False
    was = instance.__dict__.pop("_cache_was", None)
    if was is not None:
        old, old_tags = was
        tags |= old_tags
        hard = removes is not None and removes(old, instance)
    _add(tags, hard)


def deleted(sender, instance, **kwargs):
    rules = _rules(sender)
    if rules is not None:
        _add(rules[0](instance), hard=True)


def m2m(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        rules = _rules(type(instance))
        if rules is not None:
            _add(rules[0](instance), hard=action != "post_add")


def send(soft, hard, whole=False):
    """Invalidate in the store, then purge the shared caches. A store that refuses is
    retried in the background (the shared caches are told anyway)."""
    local.drop(None if whole else soft | hard)
    metrics.INVALIDATIONS.labels("everything" if whole else "tags").inc()
    try:
        if whole:
            store.get().everything()
        else:
            if hard:
                store.get().invalidate(sorted(hard), soft=False)
            if soft:
                store.get().invalidate(sorted(soft), soft=True)
    except store.Unavailable as error:
        logger.error("The cache did not take an invalidation (retried every second): %s", error)
        metrics.INVALIDATIONS.labels("retried").inc()
        _retry(soft, hard, whole)
    purge_shared_caches(soft, hard, whole)


_failed_lock = threading.Lock()
_failed = {"soft": set(), "hard": set(), "everything": False}
_retrying = None
RETRY_EVERY = 1.0


def pending():
    """Whether this process has invalidations the store has not taken yet."""
    with _failed_lock:
        return bool(_failed["soft"] or _failed["hard"] or _failed["everything"])


def _retry(soft, hard, whole):
    global _retrying  # noqa: PLW0603 - this process's retrying thread
    with _failed_lock:
        _failed["soft"] |= soft
        _failed["hard"] |= hard
        _failed["everything"] |= whole
        if _retrying is None or not _retrying.is_alive():
            _retrying = threading.Thread(target=_retry_loop, name="cache-retry", daemon=True)
            _retrying.start()


def deliver_pending():
    """Give the store the invalidations it refused this process, now: whether none is left.
    A request of this process uses the store only then (fragments.begin): once Redis takes
    writes again, what it kept from before this process's refused writes must not be served
    in the second before the retry."""
    with _failed_lock:
        soft, hard, whole = set(_failed["soft"]), set(_failed["hard"]), _failed["everything"]
    if not (soft or hard or whole):
        return True
    try:
        if whole:
            store.get().everything()
        if hard:
            store.get().invalidate(sorted(hard), soft=False)
        if soft - hard:
            store.get().invalidate(sorted(soft - hard), soft=True)
    except store.Unavailable:
        return False
    with _failed_lock:
        _failed["soft"] -= soft
        _failed["hard"] -= hard
        _failed["everything"] = _failed["everything"] and not whole
    logger.warning("The cache took the invalidations it had refused.")
    return not pending()


def _retry_loop():
    global _retrying  # noqa: PLW0603
    while True:
        time.sleep(RETRY_EVERY)
        deliver_pending()
        with _failed_lock:  # decided under the lock that _retry takes to start a thread
            if not (_failed["soft"] or _failed["hard"] or _failed["everything"]):
                _retrying = None
                return


SHARED_CACHE_TIMEOUT = 0.5  # seconds: a Varnish that does not answer must not hold a publish
HEADER_LIMIT = 4000  # characters of tags per purge request


def purge_shared_caches(soft, hard, whole=False):
    """Each shared cache (settings.SHARED_CACHES: Varnish's purge listener) purges the
    objects tagged with what changed (deploy/varnish/bitnews.vcl, xkey): hard for removals,
    soft otherwise; everything is a BAN. One that does not answer is logged; its pages
    expire by their s-maxage."""
    requests = []
    if whole:
        requests.append(("BAN", {}))
    else:
        for mode, tags in (("hard", sorted(hard)), ("soft", sorted(soft - hard))):
            for chunk in _chunks(tags):
                requests.append(("PURGE", {"xkey-purge": chunk, "xkey-mode": mode}))
    for url in settings.SHARED_CACHES:
        for method, headers in requests:
            request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
            try:
                with urllib.request.urlopen(request, timeout=SHARED_CACHE_TIMEOUT):  # noqa: S310
                    pass
            except OSError as error:
                logger.warning("The shared cache at %s did not take the %s: %s", url, method, error)


def _chunks(tags):
    chunk = []
    size = 0
    for tag in tags:
        if chunk and size + len(tag) + 1 > HEADER_LIMIT:
            yield " ".join(chunk)
            chunk, size = [], 0
        chunk.append(tag)
        size += len(tag) + 1
    if chunk:
        yield " ".join(chunk)
