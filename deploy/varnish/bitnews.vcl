# Varnish in front of bitnews's app servers (docs/deployment.md). Tested by
# tests_integration/test_varnish.py and test_varnish_tags.py against Debian's varnish 7.1 and
# varnish-modules (xkey), started as deploy/systemd/varnish.service.d/bitnews.conf starts it:
# two listeners, "http" for visitors (through nginx) and "purge" for the app servers.
vcl 4.1;

import xkey;

# The app servers; the test writes its own ports here.
backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge or ban, on the purge listener: the app servers, and nobody else.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # The purge listener answers purges and bans and nothing else. Visitors cannot reach it
    # (nginx proxies to the http listener only), so a visitor's address is never what is
    # checked: behind nginx on the same host, every visitor is 127.0.0.1.
    if (local.socket == "purge") {
        call purge_or_ban;
    }
    if (req.method == "PURGE" || req.method == "BAN") {
        return (synth(405, "Not allowed"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, documents, the view beacon, and "/" (it redirects by the visitor's language
    # cookie and Accept-Language) are never kept.
    if (req.url ~ "^/(admin|documents)/" || req.url ~ "^/[^/]+/views/" || req.url == "/") {
        return (pass);
    }
    # The JSON API (/api/) reads no cookie and shows only public content, the same to
    # everyone, signed in or not: one shared copy, kept like a page.
    if (req.url ~ "^/api/") {
        unset req.http.Cookie;
        return (hash);
    }
    # Someone logged in (or who entered a private page's password): their own pages.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Public pages read no cookie: without them, every visitor shares one copy.
    unset req.http.Cookie;
    return (hash);
}

# From an app server: `PURGE /` with `xkey-purge: <tags>` and `xkey-mode: soft` or `hard`
# ends every object whose xkey header named one of the tags; the reason says how many
# ("Purged 3"). `BAN /`: everything may have changed (a restore, a bulk import).
sub purge_or_ban {
    if (!client.ip ~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (req.method == "BAN") {
        # Lurker-friendly (it reads only obj.*), and it matches every object.
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "PURGE") {
        return (synth(405, "PURGE or BAN only"));
    }
    if (!req.http.xkey-purge) {
        return (synth(400, "No xkey-purge header"));
    }
    # Soft: the objects expire now but stay in grace (see vcl_backend_response), so the next
    # visitor gets the old copy at once while Varnish fetches the new one. Hard: removed, never
    # served again (what was unpublished or made private).
    if (req.http.xkey-mode == "soft") {
        return (synth(200, "Purged " + xkey.softpurge(req.http.xkey-purge)));
    }
    if (req.http.xkey-mode == "hard") {
        return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
    }
    return (synth(400, "xkey-mode must be soft or hard"));
}

sub vcl_backend_response {
    # Only what the app marks public is kept: the app sends `public, max-age=0, s-maxage=N`,
    # so browsers revalidate and Varnish keeps it N seconds less its Age header (Varnish's
    # default), until a purge names one of its tags.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # An hour of grace, whatever the response says (a stale-while-revalidate would otherwise
    # set it): a soft purge makes an object expire now and keeps its grace, counted from the
    # purge, so for an hour the next visitor gets the old copy at once while Varnish fetches
    # the new one in the background. A page nobody asks for within the hour is fetched while
    # its visitor waits, as a miss is. The same holds when an object's s-maxage runs out.
    # What must never be served again is purged hard, which leaves no grace.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    # xkey indexed the object by its xkey header when it was stored, and reads it from there:
    # the header is kept with the object and removed only here, from what the visitor gets.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
