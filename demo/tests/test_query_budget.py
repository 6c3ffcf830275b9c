"""Issue 24: every public page rendered from nothing (an empty Redis, a new content
generation: no page, no fragment, nothing a publish changes kept; what every page reads and
only its own writes change, the Site, its settings, the menus, kept by the process:
news/tests/utils.py `queries_from_nothing`) makes at most 8 queries, with 10 articles and with
1,000 (the rest built in bulk by demo/archive.py, as `make bench` builds its archive). Its CPU
and SQL time are `make bench`'s to say (the "from nothing" columns, bench/nothing.py).

Each page is asked for once when the site is built (its pictures' renditions made: rows a site
has, not work of each request from nothing)."""

from django.core.management import call_command
from django.db.models import Q
from django.test import Client, TestCase
from django.utils import timezone, translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from demo.archive import ArchiveBuilder
from news.factories import ArticlePageFactory, EventIndexPageFactory, EventPageFactory
from news.models import ArticlePage, ArticleTag, EventIndexPage, EventPage, NewsIndexPage
from news.tests.utils import build_site, make_column, queries_from_nothing, tag

BUDGET = 8  # queries a page may make from nothing (issue 24)
TAGS = (
    ("robotics", "机器人"),
    ("students", "学生"),
    ("library", "图书馆"),
    ("alumni", "校友"),
)


def small_site(articles=10):
    """Home › News&Events with `articles` stories (every fourth in Focus, every other one in
    the column "International", two of every three with a lead image, each with two of four
    tags) and Events with one event to come and one past: what every page type shows."""
    _home, index, _made = build_site()
    images = [
        Image.objects.create(title=f"Photo {n}", file=get_test_image_file(f"photo-{n}.png"))
        for n in range(3)
    ]
    column = make_column("International", "国际交流", "international", "guoji")
    for name, chinese_name in TAGS:
        ArticleTag.objects.create(name=name, chinese_name=chinese_name)
    for n in range(articles):
        image = images[n % 3] if n % 3 else None
        article = ArticlePageFactory(
            parent=index,
            focus=n % 4 == 0,
            column=column if n % 2 == 0 else None,
            lead_image=image,
            lead_image_alt_en="A photo" if image else "",
        )
        tag(article, TAGS[n % 4][0], TAGS[(n + 1) % 4][0])
    events = EventIndexPageFactory(parent=index)
    EventPageFactory(parent=events, days=5)
    EventPageFactory(parent=events, days=-10)
    call_command("prepare_pictures", verbosity=0)  # what the worker does after the uploads


def page_addresses():
    """{page type: address} of every public page type, chosen in the site built."""
    index = NewsIndexPage.objects.get()
    stories = ArticlePage.objects.live().filter(~Q(pk__in=EventPage.objects.values("pk")))
    count = stories.count()
    middle = stories.order_by("-news_date", "-pk")[count // 2]
    tag_slug = middle.tags.order_by("name").first().slug
    event = EventPage.objects.live().filter(ends_at__gt=timezone.now()).first()
    addresses = {}
    with translation.override("zh-hans"):
        addresses["article-zh"] = middle.get_url()
    with translation.override("en"):
        news = index.get_url()
        addresses.update(
            {
                "home": "/en/",
                "news": news,
                # the middle page of the listing; with 10 articles there is one page, and
                # ?page=2 answers with it (the last), as a bad page number does
                "news-deep": f"{news}?page={max(2, count // 10 // 2)}",
                "focus": f"{news}focus/",
                "column": f"{news}column/international/",
                "tag": f"{news}tag/{tag_slug}/",
                "month": f"{news}{middle.news_date:%Y/%m}/",
                "article-en": middle.get_url(),
                "event": event.get_url(),
                "events": EventIndexPage.objects.get().get_url(),
                "search-en": "/en/search/?q=article",
                "search-zh": "/zh-hans/search/?q=%E6%96%87%E7%AB%A0",  # 文章
                "feed": f"{news}feed/rss/",
                "sitemap": "/sitemap.xml",
                "sitemap-articles": "/sitemap-articles-en.xml",
                "api-list": "/api/v2/articles/?lang=zh-hans&limit=20",
                "api-article": f"/api/v2/articles/{middle.pk}/",
            }
        )
    return addresses


class PagesFromNothing:
    """One test per page type; the subclasses build the site (`articles` stories)."""

    articles = None

    @classmethod
    def build(cls):
        raise NotImplementedError

    @classmethod
    def setUpTestData(cls):
        cls.build()
        cls.addresses = page_addresses()
        client = Client()
        for address in cls.addresses.values():
            client.get(address)  # renditions made, as on a site that served the page before

    def assert_within_budget(self, name):
        url = self.addresses[name]
        response, queries = queries_from_nothing(self.client, url)
        self.assertEqual(response.status_code, 200, f"{name} ({url})")
        listed = "\n".join(
            f"{number:>3}. {query['sql'][:400]}" for number, query in enumerate(queries, 1)
        )
        self.assertLessEqual(
            len(queries),
            BUDGET,
            f"{name} ({url}) made {len(queries)} queries from nothing with {self.articles} "
            f"articles (at most {BUDGET}):\n{listed}",
        )

    def test_home(self):
        self.assert_within_budget("home")

    def test_news(self):
        self.assert_within_budget("news")

    def test_news_deep_page(self):
        self.assert_within_budget("news-deep")

    def test_focus(self):
        self.assert_within_budget("focus")

    def test_column(self):
        self.assert_within_budget("column")

    def test_tag(self):
        self.assert_within_budget("tag")

    def test_month(self):
        self.assert_within_budget("month")

    def test_article_in_english(self):
        self.assert_within_budget("article-en")

    def test_article_in_chinese(self):
        self.assert_within_budget("article-zh")

    def test_event(self):
        self.assert_within_budget("event")

    def test_events_list(self):
        self.assert_within_budget("events")

    def test_search_in_english(self):
        self.assert_within_budget("search-en")

    def test_search_in_chinese(self):
        self.assert_within_budget("search-zh")

    def test_feed(self):
        self.assert_within_budget("feed")

    def test_sitemap_index(self):
        self.assert_within_budget("sitemap")

    def test_sitemap_page(self):
        self.assert_within_budget("sitemap-articles")

    def test_api_list(self):
        self.assert_within_budget("api-list")

    def test_api_detail(self):
        self.assert_within_budget("api-article")


class TenArticlesFromNothingTests(PagesFromNothing, TestCase):
    articles = 10

    @classmethod
    def build(cls):
        small_site(cls.articles)


class ThousandArticlesFromNothingTests(PagesFromNothing, TestCase):
    articles = 1000

    @classmethod
    def build(cls):
        small_site(10)
        # the archive goes back from the oldest story: the site's own stay the newest
        ArchiveBuilder().build(cls.articles - 10)
