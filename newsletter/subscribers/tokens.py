"""The confirmation link's token: the address, the language and the columns chosen at sign-up,
signed with the site's SECRET_KEY (django.core.signing, salted for this use alone) and dated:
valid for VALID_FOR. A forged, altered or expired token reads as None."""

import datetime

from django.core import signing

from news import languages

SALT = "newsletter.subscribers.confirmation"
VALID_FOR = datetime.timedelta(days=7)


def make(email, language, column_ids):
    choice = {"email": email, "language": language, "columns": sorted(column_ids)}
    return signing.TimestampSigner(salt=SALT).sign_object(choice)


def read(token):
    """{"email", "language", "columns"} from a valid token, else None."""
    try:
        choice = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=VALID_FOR)
    except (signing.BadSignature, ValueError):  # forged, altered, expired, malformed
        return None
    if not isinstance(choice, dict) or not isinstance(choice.get("email"), str):
        return None
    if choice.get("language") not in languages.CODES:
        return None
    columns = choice.get("columns")
    if not isinstance(columns, list) or not all(isinstance(pk, int) for pk in columns):
        return None
    return choice
