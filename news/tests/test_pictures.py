"""Pictures are made by the worker, never in a visitor's request (news/pictures/): a new image's
first view costs what an old one's costs; without the worker, pages still show every picture
(made in the request, with a warning, and the worker asked); a task fails alone."""

import datetime
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import TestCase, TransactionTestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.images.models import Image, Rendition

from news.factories import ArticlePageFactory
from news.models import ArticlePage, PreparedImage
from news.pictures import SETS, WITH_PICTURES, tasks
from news.tests.utils import (
    body_with_images,
    build_site,
    new_image,
    rendition_queries,
    run_worker,
)

TASK = "news.pictures.tasks.prepare_pictures"
IMMEDIATE = {
    name: {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    for name in ("default", "background")
}


def tasks_for(image):
    """The picture tasks the database backend holds for `image`, oldest first."""
    return [
        result
        for result in DBTaskResult.objects.filter(task_path=TASK).order_by("enqueued_at")
        if result.args_kwargs["args"][0] == image.pk
    ]


def srcsets(html):
    return re.findall(r'srcset="([^"]+)"', html)


def first_view(client, url):
    """(response, queries) of `url` seen first: nothing kept in the cache."""
    cache.clear()
    with override_settings(PAGE_CACHE=False), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, queries


def article_with_new_images(index, **fields):
    """A published article whose lead image, body image and gallery are new images."""
    lead, photo, *gallery = (new_image(title=f"new-{n}", hue=n) for n in range(4))
    article = ArticlePageFactory(
        parent=index,
        lead_image=lead,
        lead_image_alt_en="A lab",
        body_en=body_with_images(photo, *gallery),
        **fields,
    )
    article.save_revision().publish()
    return article, [lead, photo, *gallery]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
class WorkerTests(TransactionTestCase):
    """The database backend and its worker command, as in production: each write commits and
    enqueues for real."""

    serialized_rollback = True

    def setUp(self):
        self.home, self.index, _ = build_site()

    def test_a_new_articles_first_view_makes_no_rendition_once_the_worker_ran(self):
        article, images = article_with_new_images(self.index)
        self.assertTrue(all(tasks_for(image) for image in images))  # publish and uploads asked
        run_worker()
        for image in images:
            self.assertEqual({r.status for r in tasks_for(image)}, {"SUCCESSFUL"})
            self.assertTrue(PreparedImage.objects.filter(image=image).exists())
        made = Rendition.objects.count()
        for url in (article.url, "/en/news/", "/zh-hans/xinwen/"):
            response, queries = first_view(self.client, url)
            self.assertEqual(response.status_code, 200)
            self.assertTrue(srcsets(response.text))
            self.assertEqual(rendition_queries(queries), [], url)
        self.assertEqual(Rendition.objects.count(), made)

    def test_a_listing_of_ten_new_pictures_costs_what_one_of_old_pictures_costs(self):
        day = datetime.date(2024, 1, 1)
        old_images = [new_image(title=f"old-{n}", hue=n) for n in range(10)]
        for n, image in enumerate(old_images):
            ArticlePageFactory(
                parent=self.index,
                lead_image=image,
                lead_image_alt_en="A photo",
                news_date=day + datetime.timedelta(days=n),
            ).save_revision().publish()
        run_worker()  # long ago
        self.client.get("/en/news/")  # a process that served a page before (content types)
        _response, old_queries = first_view(self.client, "/en/news/")
        made = Rendition.objects.count()

        new_images = [new_image(title=f"new-{n}", hue=n + 50) for n in range(10)]
        for n, image in enumerate(new_images):
            ArticlePageFactory(
                parent=self.index,
                lead_image=image,
                lead_image_alt_en="A photo",
                news_date=day + datetime.timedelta(days=30 + n),
            ).save_revision().publish()
        run_worker()
        self.assertEqual(Rendition.objects.count() - made, 10 * renditions_per_image(new_images))
        made = Rendition.objects.count()
        response, new_queries = first_view(self.client, "/en/news/")

        shown = set(re.findall(r"/media/images/(new|old)-", response.text))
        self.assertEqual(shown, {"new"})  # the ten new stories are the ones listed
        self.assertEqual(len(new_queries), len(old_queries))
        self.assertEqual(rendition_queries(new_queries), [])
        self.assertEqual(Rendition.objects.count(), made)

    def test_a_failing_task_fails_alone_retried_a_bounded_number_of_times(self):
        gone = new_image(title="gone")
        damaged = new_image(title="damaged")
        good = new_image(title="good")
        DBTaskResult.objects.all().delete()  # their uploads' tasks: enqueued again below
        gone_id = gone.pk
        gone.delete()
        with damaged.file.open("wb") as handle:  # broken on disk after its upload
            handle.write(b"GIF89a not a picture")

        tasks.prepare_pictures.enqueue(gone_id)
        tasks.prepare_pictures.enqueue(damaged.pk)
        tasks.prepare_pictures.enqueue(good.pk)  # behind both in the queue
        with (
            mock.patch.object(tasks, "RETRY_DELAY", datetime.timedelta(0)),
            self.assertLogs("news.pictures", logging.WARNING) as logged,
        ):
            run_worker()

        gone_tasks = DBTaskResult.objects.filter(task_path=TASK, args_kwargs__args__0=gone_id)
        self.assertEqual([t.status for t in gone_tasks], ["FAILED"])  # not retried
        damaged_tasks = tasks_for(damaged)
        self.assertEqual([t.status for t in damaged_tasks], ["FAILED"] * tasks.MAX_ATTEMPTS)
        self.assertEqual(
            [t.args_kwargs["args"] for t in damaged_tasks],
            [[damaged.pk], *[[damaged.pk, n] for n in range(2, tasks.MAX_ATTEMPTS + 1)]],
        )
        self.assertEqual([t.status for t in tasks_for(good)], ["SUCCESSFUL"])
        self.assertTrue(PreparedImage.objects.filter(image=good).exists())
        self.assertFalse(PreparedImage.objects.filter(image=damaged).exists())
        text = "\n".join(logged.output)
        self.assertIn(f"image {gone_id}: no pictures made, the image was deleted", text)
        self.assertIn(f"image {damaged.pk}: making its pictures failed (attempt 1 of 3)", text)
        self.assertIn(f"image {damaged.pk}: making its pictures failed 3 times, given up", text)


def renditions_per_image(images):
    """How many renditions the worker makes for each of `images` (all the same size)."""
    counts = {Rendition.objects.filter(image=image).count() for image in images}
    assert len(counts) == 1, counts
    return counts.pop()


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a worker in another process needs a database it can see (SQLite's is in memory)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
class WorkerProcessTests(TransactionTestCase):
    serialized_rollback = True

    def test_the_worker_command_in_its_own_process_makes_an_uploads_record(self):
        image = new_image(title="uploaded")
        self.assertEqual([t.status for t in tasks_for(image)], ["READY"])
        database = connection.settings_dict
        url = (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )
        done = subprocess.run(
            [
                sys.executable,
                str(Path(settings.BASE_DIR) / "manage.py"),
                "db_worker",
                "--backend",
                "background",
                "--batch",
                "--no-reload",
                "--no-startup-delay",
            ],
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "bitnews.settings.test",
                "DATABASE_URL": url,
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            },
            capture_output=True,
            text=True,
            timeout=300,
        )
        self.assertEqual(done.returncode, 0, done.stderr[-3000:])
        self.assertEqual([t.status for t in tasks_for(image)], ["SUCCESSFUL"])
        record = PreparedImage.objects.get(image=image)
        self.assertEqual(set(record.pictures["sets"]), set(SETS))


class FallbackTests(TestCase):
    """No worker has run: pages make their pictures themselves, as before, and say so."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()
        cls.article, cls.images = article_with_new_images(cls.index)

    def test_without_the_worker_the_article_still_shows_its_pictures_and_logs_it(self):
        with (
            self.captureOnCommitCallbacks(execute=True),
            self.assertLogs("news.pictures", logging.WARNING) as logged,
        ):
            response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text.count("<picture>"), 4)  # lead, body image, gallery's two
        text = "\n".join(logged.output)
        for image in self.images:
            self.assertIn(f"rendition made in a visitor's request: image {image.pk}", text)
            self.assertTrue(any(t.status == "READY" for t in tasks_for(image)))

    def test_without_the_worker_the_listing_still_shows_the_card(self):
        with self.assertLogs("news.pictures", logging.WARNING):
            response = self.client.get("/en/news/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/media/images/new-0", response.text)


class RecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = build_site()

    def render(self, source, image):
        template = Template("{% load picture_tags wagtailimages_tags %}" + source)
        return template.render(Context({"image": image}))

    def test_a_picture_from_the_record_is_what_wagtails_picture_tag_writes(self):
        image = new_image(1000, 600, title="wide")
        tasks.prepare_now([image.pk])
        image = Image.objects.select_related("prepared").get(pk=image.pk)
        attrs = 'sizes="(min-width: 64rem) 20rem, 100vw" alt="" loading="lazy"'
        cache.clear()  # Wagtail's renditions cache too: nothing but the record to read
        with CaptureQueriesContext(connection) as queries:
            ours = self.render(f'{{% responsive_picture image "card" {attrs} %}}', image)
            poster = self.render(
                '{% named_image image "remote-video-poster" loading="lazy" alt="" %}', image
            )
        self.assertEqual(len(queries), 0)  # the record came with the image
        wagtails = self.render(f"{{% picture image {SETS['card'].declared} {attrs} %}}", image)
        self.assertEqual(ours, wagtails)
        self.assertEqual(len(srcsets(ours)), 3)
        self.assertEqual(
            poster, self.render('{% image image fill-960x540-c100 loading="lazy" alt="" %}', image)
        )

    def test_a_small_pictures_record_names_each_width_once(self):
        image = new_image(640, 360, title="small")
        tasks.prepare_now([image.pk])
        image = Image.objects.select_related("prepared").get(pk=image.pk)
        html = self.render('{% responsive_picture image "column" sizes="42rem" alt="" %}', image)
        for srcset in srcsets(html):
            self.assertEqual(re.findall(r" (\d+)w", srcset), ["480", "640"])

    def test_a_picture_smaller_than_its_sets_widths_has_no_sizes_without_widths(self):
        # one rendition per format: a srcset of one address, where HTML forbids `sizes`
        image = new_image(400, 300, title="smaller than a card")
        tasks.prepare_now([image.pk])
        image = Image.objects.select_related("prepared").get(pk=image.pk)
        for prepared in (True, False):
            with self.subTest(from_the_record=prepared):
                if not prepared:
                    PreparedImage.objects.filter(image=image).delete()
                    image = Image.objects.get(pk=image.pk)
                    cache.clear()
                html = self.render(
                    '{% responsive_picture image "card" sizes="20rem" alt="" %}', image
                )
                self.assertTrue(srcsets(html))
                self.assertNotIn("sizes=", html)

    @override_settings(TASKS=IMMEDIATE)
    def test_a_new_focal_point_makes_a_new_record_and_new_crops(self):
        with self.captureOnCommitCallbacks(execute=True):
            image = new_image(400, 200, title="halves")
        before = PreparedImage.objects.get(image=image)
        article = ArticlePageFactory(
            parent=self.index, lead_image=image, lead_image_alt_en="Halves"
        )
        card_before = srcsets(self.client.get("/en/news/").text)

        image.focal_point_x, image.focal_point_y = 350, 100
        image.focal_point_width = image.focal_point_height = 40
        with self.captureOnCommitCallbacks(execute=True):
            image.save()
        after = PreparedImage.objects.get(image=image)
        self.assertNotEqual(after.inputs, before.inputs)
        self.assertEqual(after.inputs["focal_point"], [350, 100, 40, 40])
        self.assertNotEqual(
            after.pictures["renditions"]["format-avif|fill-480x270-c100"]["url"],
            before.pictures["renditions"]["format-avif|fill-480x270-c100"]["url"],
        )
        card_after = srcsets(self.client.get("/en/news/").text)
        self.assertTrue(set(card_after).isdisjoint(card_before))
        self.assertIn(article.title, self.client.get("/en/news/").text)

    def test_an_upload_asks_the_worker_and_a_title_edit_does_not(self):
        with self.captureOnCommitCallbacks(execute=True):
            image = new_image(title="titled")
        self.assertEqual([t.status for t in tasks_for(image)], ["READY"])
        tasks.prepare_now([image.pk])
        image.title = "retitled"
        with self.captureOnCommitCallbacks(execute=True):
            image.save()
        self.assertEqual(len(tasks_for(image)), 1)

    def test_a_publish_asks_for_the_pictures_of_its_images_only_when_they_need_it(self):
        with self.captureOnCommitCallbacks(execute=True):
            article, images = article_with_new_images(self.index)
        for image in images:
            self.assertEqual(len(tasks_for(image)), 2)  # its upload, the publish
        tasks.prepare_now([image.pk for image in images])
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=article.pk).save_revision().publish()
        for image in images:
            self.assertEqual(len(tasks_for(image)), 2)

    def test_a_record_written_renews_the_pages_that_showed_its_image_without_it(self):
        article, images = article_with_new_images(self.index)
        with self.assertLogs("news.pictures", logging.WARNING):
            self.client.get(article.url)  # made in the request, and kept
        with CaptureQueriesContext(connection) as queries:
            self.client.get(article.url)
        self.assertEqual(len(queries), 0)  # the kept page
        tasks.prepare_now([image.pk for image in images])
        with (
            self.assertNoLogs("news.pictures", logging.WARNING),
            CaptureQueriesContext(connection) as queries,
        ):
            response = self.client.get(article.url)
        self.assertGreater(len(queries), 0)  # made again, from the records
        self.assertEqual(rendition_queries(queries), [])
        self.assertEqual(response.text.count("<picture>"), 4)

    def test_a_record_goes_with_the_renditions_it_names(self):
        image = new_image(title="purged")
        tasks.prepare_now([image.pk])
        image.renditions.all().delete()  # Wagtail's purge command does this
        self.assertFalse(PreparedImage.objects.filter(image=image).exists())

    def test_cards_load_the_record_with_the_image(self):
        image = new_image(title="carded")
        tasks.prepare_now([image.pk])
        ArticlePageFactory(parent=self.index, lead_image=image, lead_image_alt_en="A photo")
        article = ArticlePage.objects.select_related(WITH_PICTURES).get(lead_image=image)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(article.lead_image.prepared.image_id, image.pk)
        self.assertEqual(len(queries), 0)
