"""The request's cache state (news/cache/fragments.py: the store's clock, read once); and the
request's Site (with its root page, where routing starts) and SiteSettings, which Wagtail
would look up with three queries on every page view. They change only through writes, so they
are kept as fragments (tagged with what they read) and every request gets its own copy."""

from django.http.request import split_domain_port
from wagtail.models import Site

from .cache import fragments
from .cache.pages import OPERATIONS
from .models import SiteSettings


class RememberedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(OPERATIONS):  # /healthz answers without the database
            return self.get_response(request)
        reset = fragments.serving(request)
        try:
            self.remember_site(request)
            return self.get_response(request)
        finally:
            fragments.done(reset)

    def remember_site(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()

        def find_site():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 - kept with it: routing starts there
            return site

        site = fragments.config(request, ("site", hostname, port), find_site, copy=True)
        if site is not None:
            request._wagtail_site = site  # what Site.find_for_request reads
            site_settings = fragments.config(
                request, ("site-settings", site.pk), lambda: SiteSettings.for_site(site), copy=True
            )
            site_settings._request = request
            setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
