"""Keeping the memory up to date (receivers connected in desk/apps.py)."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from . import record


def published(sender, instance, **kwargs):
    record.record(instance)


def unpublished(sender, instance, **kwargs):
    record.forget(instance)


def restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # The restriction's page may be gone (deleted with it): nothing left to record then.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        record.record_with_descendants(page)


def build_if_empty(sender, **kwargs):
    """post_migrate: fill an empty memory from the live pages (a new install, or a site that
    had pages before the memory existed)."""
    if sender.name == "desk" and record.memory_needs_building():
        record.build()


def connect():
    page_published.connect(published, dispatch_uid="desk_memory_published")
    page_unpublished.connect(unpublished, dispatch_uid="desk_memory_unpublished")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"desk_memory_restriction_{signal is post_save}",
        )
    post_migrate.connect(build_if_empty, dispatch_uid="desk_memory_build")
