"""Who is asking: the visitor's network address, as our own proxies saw it (leaf).

Behind nginx (and Varnish), every request comes from 127.0.0.1; each proxy of ours appends the
address it was connected from to `X-Forwarded-For`. With `PROXY_COUNT` proxies in front
(settings, from the environment: 1 behind nginx, 2 behind nginx and Varnish), the visitor is
the entry the outermost one added, counted from the end: entries before it were written by
the client and prove nothing. Without proxies, `REMOTE_ADDR`.
"""

from django.conf import settings


def client_ip(request):
    count = getattr(settings, "PROXY_COUNT", 0)
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")
