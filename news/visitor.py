"""Who is asking: the visitor's network address, as our own proxies saw it (leaf).

Behind nginx (and Varnish), requests reach gunicorn from our proxies' addresses, and each proxy
of ours appends the address it was connected from to `X-Forwarded-For`. That header is believed
only as far as our proxies wrote it: `TRUSTED_PROXIES` (settings, from the environment) lists
their addresses or networks. Starting from the address the connection came from, while that
address is one of our proxies, the visitor is the entry it appended (the last one left): entries
before the nearest proxy that is not ours were written by the client and prove nothing. A client
that reaches gunicorn directly, from an address that is not a trusted proxy, is that address,
whatever header it sends. Without `TRUSTED_PROXIES`, the connection's address.

It names the visitor for the sign-in lockout (AXES_CLIENT_IP_CALLABLE), the password-reset and
contact-form limits and the view counter.
"""

import functools
import ipaddress

from django.conf import settings


@functools.lru_cache(maxsize=8)
def networks(entries):
    """The networks of `entries` (addresses or CIDR networks, settings checked them)."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def parsed(address):
    try:
        return ipaddress.ip_address(address.strip())
    except (ValueError, AttributeError):
        return None


def within(address, entries):
    """Whether `address` (parsed, or None) is in one of the networks `entries` names."""
    return address is not None and any(address in network for network in networks(tuple(entries)))


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR")
    proxies = getattr(settings, "TRUSTED_PROXIES", ())
    address = parsed(remote)
    if not within(address, proxies):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while within(address, proxies) and hops:
        hop = parsed(hops.pop())
        if hop is None:  # not an address: our proxy did not write it; the proxy is the client
            break
        address = hop
    return str(address)
