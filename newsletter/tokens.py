"""The token in a subscriber's unsubscribe address: their id, signed (`django.core.signing`,
its own salt, no expiry: a link in a mail of last year still works). A forged or altered
token reads as None. (leaf)"""

from django.core import signing

SALT = "newsletter.unsubscribe"


def unsubscribe_token(subscriber_id):
    return signing.dumps(subscriber_id, salt=SALT)


def subscriber_of(token):
    """The subscriber id `token` names, or None when it was not signed here."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
