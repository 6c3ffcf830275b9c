"""The cache: what a response shows, what a write invalidates, how a purge reaches Varnish.

The rule: **reads record tags, writes invalidate tags.** While a page (or a fragment, feed,
sitemap page, API answer, search) is made, every instance of a model visitors see that it
loads records its tag (`page:42`, `image:7`, `column:3`: a post_init receiver, tags.py), and
every list it runs records its list's tag (`list:articles`, `list:events`, `list:columns`:
the model's queryset, tags.py `ListedMixin`); a fragment served from the cache records the tags
it was kept with. A write of a watched model (pages, images and their pictures' records,
documents, columns, tags, site settings, sites, menus' pages, redirects) invalidates the tags
it touches, as the model says (`cache_tags_written()`: a story invalidates itself, the lists,
and the stories beside it whose newer/older or related links it changes), after the
transaction commits: hard (deleted) for a removal, soft (served a few seconds while one request
renders it anew) for an edit. No other write touches the cache.

Modules, bottom up: tags.py (recording), store.py (Redis or local memory: entries, tag sets,
the clock and its log), breaker.py (Redis hanging: stop asking), local.py (each process's
copies), fragments.py (the fragments API), control.py (Cache-Control, `public`), pages.py
(the page cache, also in front of Django), invalidation.py (writes → store and Varnish).
This package imports no model, view or template: the page models register (news/apps.py).
"""
