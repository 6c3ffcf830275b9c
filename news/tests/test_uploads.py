"""Image uploads through the admin's real views: bad files get a form error, never a 500.

Each bad file goes through the three upload views (the image add form, the multiple uploader
and the image chooser's upload tab in the page editor), in English and in Chinese.
"""

import functools
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from news.factories import ArticlePageFactory
from news.models import ArticlePage
from news.tests.utils import article_form, build_site


def jpeg_bytes(width=400, height=300):
    picture = PILImage.effect_noise((width, height), 64).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@functools.cache
def blank_png_bytes(width, height):
    """A one-bit, all-black PNG: 14000 × 10000 compresses to a few hundred KB."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@functools.cache
def animated_gif_bytes(frames, size=(1000, 1000)):
    """`frames` frames of `size`, each a different colour (identical ones would be merged)."""
    pictures = [PILImage.new("P", size, index) for index in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], optimize=False)
    return buffer.getvalue()


def png_bytes(width=400, height=300):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


UNREADABLE = ("could not be read as an image", "无法读取为图片")
TOO_MANY_PIXELS = (
    "This image is too large (10000 × 6000 pixels)",
    "图片过大（10000 × 6000 像素）",
)
TOO_MANY_FRAMES = (
    "This animation is too large (60 frames of 1000 × 1000 pixels)",
    "动画过大（60 帧",
)
FAR_TOO_MANY_PIXELS = ("This image is far too large", "图片远远超出")
NOT_SUPPORTED = ("Not a supported image format", "不支持的图片格式")
TOO_BIG = ("This file is too big", "文件过大")

# name: (file name, content maker, the message a user sees in English and in Chinese)
BAD_UPLOADS = {
    "truncated_jpeg": ("photo.jpg", lambda: jpeg_bytes()[:400], UNREADABLE),
    "jpeg_cut_halfway": ("photo.jpg", lambda: jpeg_bytes()[: len(jpeg_bytes()) // 2], UNREADABLE),
    "text_renamed_png": (
        "notes.png",
        lambda: b"Meeting notes: bring the projector.\n" * 20,
        UNREADABLE,
    ),
    "gif_header_then_script": (
        "animation.gif",
        lambda: b"GIF89a<script>alert(document.cookie)</script>",
        UNREADABLE,
    ),
    "svg": (
        "logo.svg",
        lambda: (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script><rect width='10' height='10'/></svg>"
        ),
        NOT_SUPPORTED,
    ),
    "png_of_60_megapixels": (
        "panorama.png",
        lambda: blank_png_bytes(10000, 6000),
        TOO_MANY_PIXELS,
    ),
    "png_of_140_megapixels": (
        "panorama.png",
        lambda: blank_png_bytes(14000, 10000),
        FAR_TOO_MANY_PIXELS,
    ),
    "gif_of_60_megapixel_frames": (
        "animation.gif",
        lambda: animated_gif_bytes(60),
        TOO_MANY_FRAMES,
    ),
    "png_of_210_megapixels": (
        "panorama.png",
        lambda: blank_png_bytes(14000, 15000),
        FAR_TOO_MANY_PIXELS,
    ),
    "eleven_megabytes": ("big.jpg", lambda: jpeg_bytes() + b"\0" * (11 * 1024 * 1024), TOO_BIG),
}
VIEWS = ["add", "multiple", "chooser"]
LANGUAGES = {"en": 0, "zh-hans": 1}


@pytest.fixture
def editor(db, client):
    user = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")
    client.force_login(user)
    return user


def speak(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def upload(client, view, name, content):
    """POST the file as the admin's own form does; returns the text shown to the editor."""
    upload_file = SimpleUploadedFile(name, content)
    collection = Collection.get_first_root_node().pk
    if view == "add":
        data = {"title": name, "file": upload_file, "collection": collection}
        response = client.post(reverse("wagtailimages:add"), data)
        return response, response.content.decode()
    if view == "multiple":
        response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload_file})
        answer = json.loads(response.content) if response.status_code == 200 else {}
        return response, answer.get("error_message", "") if not answer.get("success") else ""
    data = {
        "image-chooser-upload-title": name,
        "image-chooser-upload-file": upload_file,
        "image-chooser-upload-collection": collection,
    }
    response = client.post(reverse("wagtailimages_chooser:create"), data)
    answer = json.loads(response.content) if response.status_code == 200 else {}
    return response, answer.get("htmlFragment", "") if answer.get("step") != "chosen" else ""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("bad", BAD_UPLOADS)
def test_bad_upload_is_refused_with_a_clear_message_and_nothing_saved(
    client, editor, bad, view, language
):
    speak(editor, language)
    name, content, messages = BAD_UPLOADS[bad]
    response, shown = upload(client, view, name, content())
    assert response.status_code == 200
    assert messages[LANGUAGES[language]] in shown
    assert not Image.objects.exists()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_valid_upload_is_saved(client, editor, view, kind):
    content = jpeg_bytes() if kind == "jpeg" else png_bytes()
    response, shown = upload(client, view, f"campus.{kind}", content)
    assert response.status_code in (200, 302)
    assert shown == ""
    image = Image.objects.get()
    assert (image.width, image.height) == (400, 300)


@pytest.mark.parametrize("kind", ["jpeg", "png"])
@pytest.mark.parametrize("prefix", ["/en/", "/zh-hans/"])
def test_uploaded_image_renders_on_an_article(client, editor, kind, prefix):
    content = jpeg_bytes() if kind == "jpeg" else png_bytes()
    upload(client, "add", f"campus.{kind}", content)
    _, index, _ = build_site()
    article = ArticlePageFactory(
        parent=index,
        lead_image=Image.objects.get(),
        lead_image_alt_en="The main gate",
        lead_image_alt_zh_hans="校门",
    )
    client.logout()
    language = prefix.strip("/")
    with translation.override(language):
        url = article.url
    html = client.get(url).content.decode()
    alt = "The main gate" if language == "en" else "校门"
    figure = html.split('<figure class="article__figure">')[1].split("</figure>")[0]
    assert f'alt="{alt}"' in figure
    rendition = figure.split('src="')[1].split('"')[0]
    assert rendition.startswith("/media/images/campus")
    served = client.get(rendition)
    assert served.status_code == 200
    assert PILImage.open(io.BytesIO(b"".join(served.streaming_content))).width > 0


def test_body_image_without_alt_text_is_refused(client, editor):
    _, index, _ = build_site()
    image = Image.objects.create(title="gate", file=SimpleUploadedFile("gate.png", png_bytes()))
    body = streamfield([("image", {"image": image.pk, "alt_text": "", "caption": ""})])
    response = client.post(
        f"/admin/pages/add/news/articlepage/{index.pk}/", article_form(image, body_en=body)
    )
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug_en="new-lab-opens").exists()
    assert "This field is required" in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_replacing_an_image_with_a_truncated_jpeg_keeps_the_old_file(client, editor, language):
    speak(editor, language)
    image = Image.objects.create(title="gate", file=SimpleUploadedFile("gate.png", png_bytes()))
    name, content, messages = BAD_UPLOADS["truncated_jpeg"]
    data = {
        "title": "gate",
        "file": SimpleUploadedFile(name, content()),
        "collection": image.collection_id,
    }
    response = client.post(reverse("wagtailimages:edit", args=[image.pk]), data)
    assert response.status_code == 200
    assert messages[LANGUAGES[language]] in response.content.decode()
    image.refresh_from_db()
    assert image.file.name.endswith(".png")


@pytest.mark.parametrize("bad", ["truncated_jpeg", "jpeg_cut_halfway", "gif_header_then_script"])
def test_bad_upload_spooled_to_disk_is_refused_too(client, editor, settings, bad):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # as for any upload over 2.5 MB in production
    name, content, messages = BAD_UPLOADS[bad]
    response, shown = upload(client, "add", name, content())
    assert response.status_code == 200
    assert messages[0] in shown
    assert not Image.objects.exists()


def test_valid_upload_spooled_to_disk_is_saved(client, editor, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    response, shown = upload(client, "add", "campus.jpg", jpeg_bytes())
    assert response.status_code == 302
    assert Image.objects.get().width == 400
