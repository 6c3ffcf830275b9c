# Varnish in front of bitnews's app servers (docs/deployment.md). Tested by
# tests_integration/test_varnish.py against Debian's varnish 7.1.
vcl 4.1;

# The app servers; the test writes its own ports here.
backend app {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may PURGE one address or BAN everything: the app servers (they BAN on every publish,
# news/generation.py), and nobody else.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # A new content generation: every kept page may have changed. A lurker-friendly ban
        # (it reads only obj.*) that matches every object.
        ban("obj.status != 0");
        return (synth(200, "Banned"));
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

sub vcl_backend_response {
    # Only what the app marks public is kept, for as long as its s-maxage says (Varnish's
    # default), and served stale while revalidating (stale-while-revalidate).
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
