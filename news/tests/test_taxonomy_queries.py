import datetime

from django.test import TestCase
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.factories import ArticlePageFactory
from news.models import RelatedArticle
from news.tests.utils import build_site, make_column, queries_of, tag, url_in


class TaxonomyQueryCountTests(TestCase):
    """Column, tag and archive listings and the article page (with previous / next and
    related articles) cost the same number of queries with 5 or 50 articles."""

    def count_queries(self, url):
        response, count = queries_of(self.client, url)
        self.assertEqual(response.status_code, 200, url)
        return count

    def add_article(self):
        self.added += 1
        article = ArticlePageFactory(
            parent=self.index,
            # All in January 2023, whatever the factory's date sequence has reached.
            news_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=self.added % 28),
            column=self.column,
            lead_image=self.image,
            lead_image_alt_en="A photo",
        )
        return tag(article, "robotics", "students")

    def test_query_counts_are_the_same_for_5_and_50_articles(self):
        self.added = 0
        self.image = Image.objects.create(title="lead", file=get_test_image_file())
        self.home, self.index, _ = build_site()
        self.column = make_column("Research", "科研进展", "research", "keyan")
        first = self.add_article()
        second = self.add_article()
        RelatedArticle.objects.create(page=first, article=second, sort_order=0)
        middle = self.add_article()  # has a previous and a next article
        urls = [
            "/en/news/column/research/",
            "/zh-hans/xinwen/column/keyan/",
            "/en/news/tag/robotics/",
            "/en/news/2023/",
            "/en/news/2023/01/",
            "/zh-hans/xinwen/2023/01/",
            url_in(first),
            url_in(middle, "zh-hans"),
        ]
        counts = {}
        for total in (5, 50):
            while self.index.get_children().count() < total:
                self.add_article()
            counts[total] = {url: self.count_queries(url) for url in urls}
        self.assertEqual(counts[5], counts[50])
        # Listings 13-14; the article 16 (its column, its tags, one privacy check for
        # its neighbours, previous + next in one query, the editor's picks, related).
        self.assertLessEqual(max(counts[50].values()), 16, counts[50])
