"""A small page tree shared by the test cases, built with the factories."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from news.factories import ArticlePageFactory, HomePageFactory, NewsIndexPageFactory
from news.models import SiteSettings
from news.roles import attach_review_workflow


def build_site(articles=0, focus_every=0):
    """Home › News&Events › `articles` articles; every `focus_every`-th one is Focus."""
    root = Page.get_first_root_node()
    root.get_children().delete()  # Wagtail's "Welcome" page (and its Site)
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "test"},
    )
    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "site_name_en": "BIT News",
            "site_name_zh_hans": "北理工新闻",
            "map_latitude": "39.965200",
            "map_longitude": "116.322600",
        },
    )
    index = NewsIndexPageFactory(parent=home)
    attach_review_workflow(index)  # as load_demo does: articles go through "Newsroom review"
    made = [
        ArticlePageFactory(parent=index, focus=bool(focus_every) and n % focus_every == 0)
        for n in range(articles)
    ]
    return home, index, made


def queries_of(client, url):
    """(response, number of queries) of a second GET of `url`; the first warms the caches
    (site root paths, image renditions), so the count is what every later visitor costs."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)
