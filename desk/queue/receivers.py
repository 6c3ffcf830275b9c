"""Following news's translation status: the work left is recounted, a claim released once
its language is up to date (connected in desk/apps.py)."""

from news.models.translation_state import Status

from ..models import TranslationClaim
from .words import recount


def recount_recorded(sender, page, states, **kwargs):
    """news.newsroom.translation_status.recorded: `states` were just recorded from `page`."""
    for state in states.values():
        recount(page, state)
        if state.status == Status.CURRENT:
            TranslationClaim.objects.filter(page_id=page.pk, language=state.language).delete()
