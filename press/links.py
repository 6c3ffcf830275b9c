"""Embargoed preview links: made with a random token of which only the SHA-256 is kept, found
again by it, revoked.

The token is `secrets.token_urlsafe(32)` (256 random bits): shown to the moderator once, in
the page that confirms the link was made, and never again (the database holds its digest, so
a copy of the database opens no preview). A token of another shape is refused before any
query; an unknown, revoked or expired one finds nothing, as does a link whose page is no
longer a press release: the view answers all of them with the same 404.
"""

import re
import secrets

from django.utils import timezone

from .models import PreviewLink, PreviewOpening, token_digest

TOKEN_BYTES = 32
# what token_urlsafe(32) gives: 43 characters of the URL-safe base64 alphabet
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def make(page, name, expires_at, user):
    """(the new link, its token) for the release `page`, named for a journalist or outlet."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link = PreviewLink.objects.create(
        page=page,
        name=name,
        expires_at=expires_at,
        created_by=user,
        token_hash=token_digest(token),
    )
    return link, token


def find(token):
    """The usable link with this token (its page loaded, as its specific type), or None."""
    if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
        return None
    link = (
        PreviewLink.objects.usable()
        .filter(token_hash=token_digest(token), page__press_release=True)
        .select_related("page")
        .first()
    )
    return link


def opened(link, language):
    """Note that `link` was opened just now, in `language` (no address, no browser kept)."""
    PreviewOpening.objects.create(link=link, language=language)


def revoke(link):
    """End `link` at once (its next request is a 404); a link revoked stays listed."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
