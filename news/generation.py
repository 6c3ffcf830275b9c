"""The content generation: a token that changes whenever something a visitor can see may change.

Fragment caches put it in their keys (`key`), so a publish makes every cached fragment
unreachable at once; the old ones expire by themselves. The rule is complete by construction
rather than by a list of pages to purge: every save or delete of any model bumps it, except
the writes that never reach a public page (UNSEEN: renditions made while viewing, revisions
and drafts, logs, sessions, view counts, the search index) and a page save that only does
Wagtail's revision bookkeeping. Bulk writes send no signals: what makes them
(demo/archive.py) calls `bump()` itself. What changes with time alone (a Focus end date
passing) must be part of a fragment's own key.

The token lives in the default cache: Redis in production, so every app server sees a bump
at once (bitnews/settings/production.py requires REDIS_URL); each process's memory under
`make run`, which is one process. It is bumped at once and again when the transaction
commits, so nothing rendered from the data before the commit outlives it.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

KEY = "news:generation"

# Saved by Wagtail's save_revision() on the page itself: a draft, not what visitors see.
BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at"}
)

UNSEEN = frozenset(
    {
        "admin.logentry",
        "sessions.session",
        "stats.pageviewcount",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.modellogentry",
        "wagtailcore.pagelogentry",
        "wagtailcore.pagesubscription",
        "wagtailcore.revision",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.uploadedfile",
        "wagtailimages.rendition",
        "wagtailsearch.indexentry",
        "wagtailsearch.sqliteftsindexentry",
        "news.articletranslationstate",
    }
)


def current(request=None):
    """The token, read once per request when `request` is given."""
    token = getattr(request, "_news_generation", None)
    if token is None:
        token = cache.get(KEY)
        if token is None:
            cache.add(KEY, uuid.uuid4().hex, None)
            token = cache.get(KEY)
        if request is not None:
            request._news_generation = token
    return token


def bump():
    cache.set(KEY, uuid.uuid4().hex, None)


def key(request, *parts):
    """A cache key for a fragment of this generation: `parts` say which fragment."""
    return ":".join(["news", current(request), *map(str, parts)])


def changed(sender, update_fields=None, raw=False, **kwargs):
    """Receiver of post_save, post_delete, m2m_changed and post_page_move (news/apps.py)."""
    if raw or sender._meta.label_lower in UNSEEN:
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING:
        return
    bump()
    transaction.on_commit(bump)
