"""Who has claimed which language of which page: one claim each, shown to everyone."""

from ..models import TranslationClaim


def holder(page_id, language):
    """The claim on `language` of a page, or None."""
    return (
        TranslationClaim.objects.select_related("user")
        .filter(page_id=page_id, language=language)
        .first()
    )


def claims_of(page_ids):
    """{(page id, language): claim} for these pages; one query."""
    rows = TranslationClaim.objects.select_related("user").filter(page_id__in=page_ids)
    return {(claim.page_id, claim.language): claim for claim in rows}


def may_release(user, claim, page):
    """Its translator, or someone who may publish the page (the desk's chief), releases it."""
    return claim.user_id == user.pk or page.permissions_for_user(user).can_publish()
