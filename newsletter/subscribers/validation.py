"""Which addresses the sign-up takes: what Django's EmailValidator accepts, on a domain with a
dot (not `localhost`, not an address literal such as `[192.0.2.1]`) that is not a disposable
mail service (`disposable_domains.txt`, and its subdomains). The domain is stored lower case
(the local part as typed: only the receiving server may read it; the database keeps one row
per address in any case, models/subscribers.py).

An address may begin with a character a spreadsheet reads as a formula
(`=1+1@example.org` is a valid address): the admin's exports write such cells as text
(news/newsroom/exports.py)."""

import functools
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

DISPOSABLE_LIST = Path(__file__).with_name("disposable_domains.txt")

INVALID = _(
    "This is not an e-mail address we can send to. Check it for typing mistakes: "
    "it looks like name@example.com."
)
DISPOSABLE = _(
    "Addresses of disposable mail services are not accepted: "
    "please use an address you will keep reading."
)


@functools.cache
def disposable_domains():
    lines = DISPOSABLE_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def is_disposable(domain):
    """Whether `domain` (lower case) is a listed disposable service or a subdomain of one."""
    parts = domain.rstrip(".").split(".")
    listed = disposable_domains()
    return any(".".join(parts[start:]) in listed for start in range(len(parts) - 1))


def normalised(address):
    """`address` without surrounding spaces, its domain lower case."""
    local, _at, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def accepted(address):
    """The address as stored, or ValidationError with a message for the visitor."""
    address = normalised(address)
    try:
        EmailValidator(message=INVALID, code="invalid")(address)
    except ValidationError:
        raise ValidationError(INVALID, code="invalid") from None
    domain = address.rpartition("@")[2]
    if "." not in domain.strip(".") or domain.startswith("["):
        raise ValidationError(INVALID, code="no_dot")
    if is_disposable(domain):
        raise ValidationError(DISPOSABLE, code="disposable")
    return address
