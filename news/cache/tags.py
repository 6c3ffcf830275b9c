"""What a response or fragment shows, recorded while it is made.

`collecting()` opens a record (the page cache opens one per response, each fragment its own
inside it; what a fragment records is recorded by the one around it too, and a fragment
served from the cache records the tags it was kept with). Two kinds of reads record tags:

- every instance of a model that visitors see (`shown(model, tag)`), loaded from the database
  while a record is open (Django's post_init: no template or view lists them);
- every list: a queryset of such a model records its model's list tag when it is run
  (`ListedQuerySet`), or the narrower tags the listing named with `listed_as(...)`.
"""

import contextvars
from contextlib import contextmanager

from django.db.models import QuerySet

_open = contextvars.ContextVar("news_cache_tags", default=None)


@contextmanager
def collecting():
    """Record the tags read inside; the set is yielded, and added to the record around it."""
    outer = _open.get()
    mine = set()
    token = _open.set(mine)
    try:
        yield mine
    finally:
        _open.reset(token)
        if outer is not None:
            outer |= mine


def record(*tags):
    """Note that what is being made shows `tags` (nothing when no record is open)."""
    tags_read = _open.get()
    if tags_read is not None:
        tags_read.update(tags)


# {model class: function(instance) -> its tags}, from `shown`; a class not registered itself
# uses its nearest registered base (found once).
_tag_of = {}
_resolved = {}


def shown(model, tag_of):
    """Register `model` as one visitors see: each instance loaded while a record is open
    records `tag_of(instance)` (a tuple of tags)."""
    _tag_of[model] = tag_of
    _resolved.clear()


def _tags_function(model):
    if model not in _resolved:
        _resolved[model] = next((_tag_of[base] for base in model.__mro__ if base in _tag_of), None)
    return _resolved[model]


def loaded(sender, instance, **kwargs):
    """Receiver of post_init (news/cache/apps wiring in news/apps.py)."""
    tags_read = _open.get()
    if tags_read is None:
        return
    tag_of = _tags_function(sender)
    if tag_of is not None and instance.pk is not None:
        tags_read.update(tag_of(instance))


def instance_tags(instance):
    """The tags a write of `instance` invalidates when its model was registered with `shown`."""
    if not hasattr(instance, "_meta"):
        return ()  # None, or not a model instance
    tag_of = _tags_function(type(instance))
    return () if tag_of is None or instance.pk is None else tag_of(instance)


def record_shown(*instances):
    """Record that what is being made shows `instances`, loaded before it began (a page's
    fragment, given the page), with the related objects loaded along with each (its lead
    image, its column: select_related)."""
    if _open.get() is None:
        return
    for instance in instances:
        if instance is None:
            continue
        record(*instance_tags(instance))
        state = getattr(instance, "_state", None)
        for related in getattr(state, "fields_cache", {}).values():
            record(*instance_tags(related))


class ListedMixin:
    """For a QuerySet class: running it (rows, count, exists, aggregate) records the list
    tags it was marked with (`listed_as`), or its model's `cache_list_tags` when unmarked."""

    _listed_as = None

    def listed_as(self, *tags):
        """This list is one of `tags` (its narrower names: a column, Focus); with no tags, a
        list whose changes the writes find themselves (an article's newer and older story)."""
        clone = self._chain()
        clone._listed_as = tags
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._listed_as = self._listed_as
        return clone

    def _record(self):
        if _open.get() is not None and not self._by_key():
            tags = self._listed_as
            record(*(self.model.cache_list_tags if tags is None else tags))

    def _by_key(self):
        """Whether this asks for rows by their keys (`pk=`, `pk__in=[...]`, as Wagtail's
        `.specific()` does): not a list, and its rows record themselves."""
        children = self.query.where.children
        if len(children) != 1 or getattr(children[0], "lookup_name", None) not in ("exact", "in"):
            return False
        lookup = children[0]
        target = getattr(lookup.lhs, "target", None)
        return bool(getattr(target, "primary_key", False)) and isinstance(
            lookup.rhs, (int, list, tuple, set, frozenset)
        )

    def _fetch_all(self):
        if self._result_cache is None:
            self._record()
        super()._fetch_all()

    def count(self):
        if self._result_cache is None:
            self._record()
        return super().count()

    def exists(self):
        if self._result_cache is None:
            self._record()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._record()
        return super().aggregate(*args, **kwargs)

    def iterator(self, *args, **kwargs):
        self._record()
        return super().iterator(*args, **kwargs)


class ListedQuerySet(ListedMixin, QuerySet):
    """A plain model's QuerySet that records its lists."""
