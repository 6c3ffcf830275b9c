"""Videos in a story: an uploaded MP4/WebM (from our own address, with poster and WebVTT
captions) and a Bilibili or Tencent Video video (a poster linking to it; the player framed
only when asked for). Files that are not what they claim, or too large, are form errors."""

import io
import re
import struct
from pathlib import Path

from django.core.files.base import ContentFile
from django.test import SimpleTestCase, TestCase, override_settings
from hypothesis import given
from hypothesis import strategies as st
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import streamfield

from news.blocks import RemoteVideoBlock, VideoBlock, remote_player
from news.models import ArticlePage
from news.newsroom.roles import MODERATORS
from news.tests.utils import build_site, edit_form, member, stream_in_editor
from news.videos import frame_size

MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
# Real videos, recorded by Chromium's MediaRecorder from a canvas (H.264 in MP4, VP8 in WebM).
VIDEOS = Path(__file__).parent / "videos"
UPRIGHT_MP4 = (VIDEOS / "upright-48x64.mp4").read_bytes()
WIDE_WEBM = (VIDEOS / "wide-64x36.webm").read_bytes()
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\n实验室开放日\n".encode()


def document(name, content):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


class VideoBlockTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (article,) = build_site(articles=1)
        cls.poster = Image.objects.create(title="poster", file=get_test_image_file())
        cls.video = document("lab.mp4", MP4)
        cls.captions = document("lab.vtt", VTT)
        article = ArticlePage.objects.get(pk=article.pk)
        article.body_zh_hans = [
            (
                "video",
                {
                    "video": cls.video,
                    "title": "实验室开放日",
                    "poster": cls.poster,
                    "captions": cls.captions,
                },
            ),
            (
                "remote_video",
                {
                    "url": "https://www.bilibili.com/video/BV1xx411c7mD",
                    "title": "校园风光",
                    "poster": cls.poster,
                },
            ),
        ]
        article.save_revision().publish()
        cls.article = article

    def chinese(self):
        return self.client.get(f"/zh-hans/xinwen/{self.article.slug_zh_hans}/")

    def test_an_uploaded_video_plays_from_our_address_with_poster_and_captions(self):
        html = self.chinese().content.decode()
        self.assertIn(f'<source src="{self.video.url}" type="video/mp4">', html)
        self.assertIn(f'src="{self.captions.url}" srclang="zh-hans"', html)
        self.assertIn('preload="none" poster="/media/images/', html)

    def test_a_bilibili_video_is_a_poster_link_until_the_visitor_asks_for_the_player(self):
        response = self.chinese()
        html = response.content.decode()
        self.assertIn('href="https://www.bilibili.com/video/BV1xx411c7mD"', html)
        self.assertIn(
            'data-player="https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&amp;autoplay=1"',
            html,
        )
        self.assertNotIn("<iframe", html)
        policy = response["Content-Security-Policy"]
        self.assertIn("frame-src https://player.bilibili.com https://v.qq.com", policy)
        self.assertIn("media-src 'self'", policy)

    def test_only_bilibili_and_tencent_video_pages_are_taken(self):
        self.assertEqual(
            remote_player("https://v.qq.com/x/cover/abc/u0035abcdef.html")[1],
            "https://v.qq.com/txp/iframe/player.html?vid=u0035abcdef&autoplay=true",
        )
        for url in (
            "https://www.youtube.com/watch?v=x",
            "https://www.bilibili.com/video/../../x",
            "javascript:alert(1)",
            "https://evil.example/video/BV1xx411c7mD",
        ):
            with self.assertRaises(StructBlockValidationError, msg=url):
                RemoteVideoBlock().clean({"url": url, "title": "t", "poster": self.poster})

    def test_a_file_that_is_not_a_video_or_captions_is_a_form_error(self):
        block = VideoBlock()
        cases = [
            ({"video": document("notes.pdf", b"%PDF-1.4")}, "video"),
            ({"video": document("fake.mp4", b"<html>not a video</html>" * 4)}, "video"),
            (
                {
                    "video": self.video,
                    "captions": document("subs.vtt", b"1\n00:00:00,000 --> 00:00:02,000\n"),
                },
                "captions",
            ),
            ({"video": self.video, "captions": document("subs.txt", b"WEBVTT\n")}, "captions"),
        ]
        for fields, field in cases:
            with (
                self.subTest(field=field, fields=str(fields)),
                self.assertRaises(StructBlockValidationError) as refused,
            ):
                block.clean({"title": "t", "poster": None, "captions": None, **fields})
            self.assertIn(field, refused.exception.block_errors)
        block.clean(
            {
                "title": "t",
                "poster": None,
                "captions": self.captions,
                "video": document("a.webm", WEBM),
            }
        )

    @override_settings(VIDEO_MAX_MB=0)
    def test_a_video_over_the_size_limit_is_refused(self):
        with self.assertRaises(StructBlockValidationError) as refused:
            VideoBlock().clean(
                {"video": self.video, "title": "t", "poster": None, "captions": None}
            )
        self.assertIn("larger than 0 MB", str(refused.exception.block_errors["video"]))


class VideoInTheEditorTests(TestCase):
    """What the admin's edit view keeps of a video block: Wagtail saves drafts (autosave, "Save
    draft") without their required fields, but a video block is never kept without its file."""

    TITLE = "Open day on the new campus"

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (cls.article,) = build_site(articles=1)
        cls.moderator = member(MODERATORS)
        cls.captions = document("subs.vtt", VTT)
        cls.url = f"/admin/pages/{cls.article.pk}/edit/"

    def setUp(self):
        self.client.force_login(self.moderator)

    def post(self, video, **fields):
        body = streamfield(
            [("video", {"video": video, "title": self.TITLE, "poster": "", "captions": ""})]
        )
        return self.client.post(self.url, edit_form(self.article, body_en=body, **fields))

    def autosave(self, video):
        """The form as the editor's autosave sends it while they work (a draft, as JSON)."""
        body = streamfield(
            [("video", {"video": video, "title": self.TITLE, "poster": "", "captions": ""})]
        )
        form = edit_form(self.article, body_en=body)
        return self.client.post(self.url, form, HTTP_ACCEPT="application/json")

    def test_a_failed_publish_of_a_video_leaves_no_draft_of_it_behind(self):
        revisions = self.article.revisions.count()
        # The editor adds a video block and names it; the autosave sends it, still without a file.
        self.assertFalse(self.autosave(video="").json()["success"])
        # Then they choose the captions file as the video and publish.
        response = self.post(self.captions.pk, **{"action-publish": "action-publish"})
        self.assertContains(response, "The page could not be saved due to validation errors.")
        _blocks, errors = stream_in_editor(response, "body_en")
        self.assertEqual(
            errors["blockErrors"]["0"]["blockErrors"]["video"]["messages"],
            ["Choose an MP4 or WebM video."],
        )
        self.assertEqual(self.article.revisions.count(), revisions)
        reopened, _errors = stream_in_editor(self.client.get(self.url), "body_en")
        self.assertEqual([block["type"] for block in reopened], ["paragraph"])
        self.assertNotIn(self.TITLE, str(reopened))

    def test_save_draft_of_a_video_block_without_its_file_is_refused_on_the_block(self):
        revisions = self.article.revisions.count()
        response = self.post("")  # "Save draft"
        self.assertContains(response, "The page could not be saved due to validation errors.")
        _blocks, errors = stream_in_editor(response, "body_en")
        self.assertEqual(
            errors["blockErrors"]["0"]["blockErrors"]["video"]["messages"],
            ["This field is required."],
        )
        self.assertEqual(self.article.revisions.count(), revisions)

    def test_an_article_whose_video_file_was_deleted_is_still_shown(self):
        video = document("gone.mp4", MP4)
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.body_en = [
            ("video", {"video": video, "title": self.TITLE, "poster": None, "captions": None})
        ]
        article.save_revision().publish()
        video.delete()  # Wagtail deletes a document in use after a warning
        response = self.client.get(f"/en/news/{article.slug_en}/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<video")


def turned_a_quarter(mp4):
    """`mp4` as a phone stores an upright video: its track header's matrix a quarter turn."""
    at = mp4.index(b"tkhd") + 4 + 4 + 32 + 16  # version 1: times and ids, layer, volume
    matrix = struct.pack(">9i", 0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30)
    return mp4[:at] + matrix + mp4[at + 36 :]


class VideoShapeTests(SimpleTestCase):
    """The size of a video's picture, from its file's header (news/videos.py)."""

    def test_the_size_of_an_mp4_and_a_webm_picture(self):
        self.assertEqual(frame_size(io.BytesIO(UPRIGHT_MP4)), (48, 64))
        self.assertEqual(frame_size(io.BytesIO(WIDE_WEBM)), (64, 36))

    def test_a_turned_mp4_is_shown_turned(self):
        self.assertEqual(frame_size(io.BytesIO(turned_a_quarter(UPRIGHT_MP4))), (64, 48))

    def test_a_file_whose_header_says_nothing_has_no_size(self):
        for content in (MP4, WEBM, b"", b"%PDF-1.4", UPRIGHT_MP4[:200], WIDE_WEBM[:100]):
            with self.subTest(content=content[:12]):
                self.assertIsNone(frame_size(io.BytesIO(content)))

    @given(
        video=st.sampled_from([UPRIGHT_MP4, WIDE_WEBM]),
        cut=st.integers(min_value=0, max_value=1400),
        at=st.integers(min_value=0, max_value=1400),
        byte=st.integers(min_value=0, max_value=255),
    )
    def test_a_damaged_video_gives_a_size_or_none_never_an_error(self, video, cut, at, byte):
        damaged = bytearray(video[:cut] if cut < len(video) else video)
        if at < len(damaged):
            damaged[at] = byte
        size = frame_size(io.BytesIO(bytes(damaged)))
        self.assertTrue(size is None or (size[0] > 0 and size[1] > 0), size)


class VideoBoxTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, (article,) = build_site(articles=1)
        poster = Image.objects.create(title="poster", file=get_test_image_file())  # 640 × 480
        article = ArticlePage.objects.get(pk=article.pk)
        article.body_en = [
            ("video", {"video": document(name, content), "title": name, "poster": poster})
            for name, content in (("upright.mp4", UPRIGHT_MP4), ("unreadable.mp4", MP4))
        ]
        article.save_revision().publish()
        cls.article = article

    def test_the_player_has_the_videos_shape_and_the_poster_only_when_the_file_says_nothing(self):
        html = self.client.get(f"/en/news/{self.article.slug_en}/").content.decode()
        players = re.findall(r"<video [^>]*>", html)
        self.assertEqual(len(players), 2)
        self.assertIn(' width="48" height="64" data-video-frame ', players[0])
        self.assertIn(' width="640" height="480" ', players[1])
        self.assertNotIn("data-video-frame", players[1])
        self.assertEqual(html.count('src="/static/js/video.js"'), 1)  # sets the shape
