"""Boxes as a visitor sees them, measured in Chromium: cards and the body's rich blocks.

Each case is made with the factories in a database of its own (pytest-django's `live_server`,
a Django server in this process; uploads under the test MEDIA_ROOT), not the shared demo: the
demo has no story without a picture, and what it holds may change.
"""

import base64

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from news.factories import ContactPageFactory
from news.models import ArticlePage
from news.tests.utils import build_site, new_image

BOXES = """selector => [...document.querySelectorAll(selector)].map(card => {
  const box = element => {
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height};
  };
  return {
    title: card.querySelector(".card__title").textContent.trim(),
    card: box(card), image: box(card.querySelector(".card__image")),
    img: box(card.querySelector(".card__image img")), text: box(card.querySelector(".card__text")),
  };
})"""


@pytest.fixture
def visitor(browser, migrated_state):
    """A visitor on a laptop (1280 px wide); `visitor(width)` for another width."""
    contexts = []

    def open_page(width=1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def with_picture(story):
    story.lead_image = new_image(640, 360, title=f"lead {story.pk}")
    story.lead_image_alt_en = story.lead_image_alt_zh_hans = "A photo"
    story.save_revision().publish()


def cards(page, url, selector=".card"):
    page.goto(url)
    return {card["title"]: card for card in page.evaluate(BOXES, selector)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Wagtail's root page kept
@pytest.mark.parametrize("width", [1280, 700])
def test_a_listed_story_without_a_picture_spans_its_card(live_server, visitor, width):
    _home, index, (pictured, plain) = build_site(articles=2)
    with_picture(pictured)
    listed = cards(visitor(width), live_server.url + "/en/news/")

    without, beside = listed[plain.title], listed[pictured.title]
    assert without["image"] is None
    # the text takes the card's width (its borders aside), as the story with a picture's card does
    assert without["text"]["width"] == pytest.approx(without["card"]["width"] - 2, abs=1)
    assert without["card"]["width"] == pytest.approx(beside["card"]["width"], abs=1)
    assert beside["text"]["width"] < beside["card"]["width"] - 100  # the picture beside it


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Wagtail's root page kept
def test_the_first_focus_cards_picture_fills_the_height_its_text_leaves(live_server, visitor):
    _home, index, stories = build_site(articles=3, focus_every=1)
    for story in stories:
        with_picture(story)
    newest = ArticlePage.objects.live().order_by("-news_date").first()
    shown = cards(visitor(), live_server.url + "/en/", ".grid--focus .card")

    featured = shown[newest.title]
    assert featured["card"]["width"] > 1.5 * min(c["card"]["width"] for c in shown.values())
    # picture on top, text below it, nothing left empty under the text
    assert featured["image"]["top"] == pytest.approx(featured["card"]["top"] + 1, abs=1)
    assert featured["text"]["top"] == pytest.approx(featured["image"]["bottom"], abs=1)
    assert featured["text"]["bottom"] == pytest.approx(featured["card"]["bottom"] - 1, abs=1)
    assert featured["img"]["height"] == pytest.approx(featured["image"]["height"], abs=1)
    assert featured["image"]["height"] >= featured["card"]["width"] * 10 / 16 - 1  # never less


# A real video, recorded by Chromium (MediaRecorder) from a canvas: `width` × `height`, in MP4.
RECORD = """async ([width, height]) => {
  const canvas = Object.assign(document.createElement("canvas"), {width, height});
  document.body.append(canvas);
  const paint = canvas.getContext("2d");
  const recorder = new MediaRecorder(canvas.captureStream(10), {mimeType: "video/mp4;codecs=avc1"});
  const chunks = [];
  recorder.ondataavailable = event => chunks.push(event.data);
  recorder.start();
  for (const hue of [0, 90, 180, 270]) {
    paint.fillStyle = `hsl(${hue} 80% 50%)`;
    paint.fillRect(0, 0, width, height);
    await new Promise(done => setTimeout(done, 100));
  }
  recorder.stop();
  await new Promise(done => { recorder.onstop = done; });
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  return btoa(Array.from(bytes, byte => String.fromCharCode(byte)).join(""));
}"""

BLOCKS = """() => {
  const box = element => {
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height};
  };
  const gallery = document.querySelector(".gallery");
  return {
    text: box(document.querySelector(".article__body > p")),
    gallery: box(gallery),
    title: box(gallery.querySelector(".gallery__title")),
    photos: [...gallery.querySelectorAll(".gallery__photo img")].map(box),
    video: box(document.querySelector(".body-video video")),
  };
}"""

LOOKS = [
    "background-color",
    "color",
    "border-radius",
    "font-weight",
    "font-size",
    "padding-left",
    "border-top-width",
    "height",
]


def looks_of(page, selector):
    return page.evaluate(
        "([selector, names]) => { const style = getComputedStyle(document.querySelector(selector));"
        " return Object.fromEntries(names.map(name => [name, style.getPropertyValue(name)])); }",
        [selector, LOOKS],
    )


@pytest.fixture
def rich_story(live_server, visitor):
    """A story with a paragraph, a titled gallery of three photos (captions of unequal length),
    a Bilibili video and an uploaded video 48 × 64 (upright) with a 16:9 poster; and the
    contact page, whose "Send" is one of the site's buttons."""
    page = visitor()
    tall = base64.b64decode(page.evaluate(RECORD, [48, 64]))  # on about:blank: no request
    home, index, (story,) = build_site(articles=1)
    ContactPageFactory(parent=home)
    photos = [new_image(640, 480, title=f"photo {n}", hue=n) for n in range(3)]
    captions = ["Short.", "A caption long enough to take two or three lines under its photo.", ""]
    story.body_en = [
        ("paragraph", "<p>" + "The library opens longer during the exam season. " * 8 + "</p>"),
        (
            "gallery",
            {
                "title": "Exam season at the library",
                "photos": [
                    {"image": photo, "alt_text": "Students reading", "caption": caption}
                    for photo, caption in zip(photos, captions, strict=True)
                ],
            },
        ),
        (
            "remote_video",
            {
                "url": "https://www.bilibili.com/video/BV1xx411c7mD",
                "title": "The campus",
                "poster": new_image(960, 540, title="campus"),
            },
        ),
        (
            "video",
            {
                "video": Document.objects.create(
                    title="lab", file=ContentFile(tall, name="lab.mp4")
                ),
                "title": "The lab",
                "poster": new_image(1280, 720, title="poster"),
            },
        ),
    ]
    story.save_revision().publish()
    return page, live_server.url + story.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_gallerys_photos_align_in_the_text_column_under_its_title(rich_story):
    page, url = rich_story
    page.goto(url)
    found = page.evaluate(BLOCKS)

    text, gallery, title, photos = found["text"], found["gallery"], found["title"], found["photos"]
    assert gallery["left"] == pytest.approx(text["left"], abs=1)
    assert gallery["right"] == pytest.approx(text["right"], abs=1)
    for photo in photos:
        assert text["left"] - 1 <= photo["left"] and photo["right"] <= text["right"] + 1
    first_row = [photo for photo in photos if photo["top"] < photos[0]["bottom"]]
    assert len(first_row) == 2  # two photos side by side in the column at 1280 px
    assert {round(photo["top"]) for photo in first_row} == {round(photos[0]["top"])}
    assert {round(photo["bottom"]) for photo in first_row} == {round(photos[0]["bottom"])}
    assert gallery["top"] <= title["top"] and title["bottom"] <= photos[0]["top"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_play_here_looks_like_the_sites_other_buttons(rich_story, live_server):
    page, url = rich_story
    page.goto(live_server.url + "/en/contact/")
    send = looks_of(page, ".contact-form button")
    page.goto(url)
    assert page.get_by_role("button", name="Play here (loads the Bilibili player)").is_visible()
    assert looks_of(page, ".remote-video__play") == send


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_uploaded_videos_box_has_the_videos_shape_not_its_posters(rich_story):
    page, url = rich_story
    page.goto(url)
    box = page.evaluate(BLOCKS)["video"]
    assert box["width"] / box["height"] == pytest.approx(48 / 64, abs=0.01)  # poster: 16:9

    shape = page.evaluate(
        """() => new Promise(done => {
          const video = document.querySelector(".body-video video");
          video.addEventListener("loadedmetadata", () => done([video.videoWidth, video.videoHeight]));
          video.preload = "metadata";
          video.load();
        })"""
    )
    assert shape == [48, 64]  # what the browser finds in the file once it loads it
    after = page.evaluate(BLOCKS)["video"]
    assert (after["width"], after["height"]) == pytest.approx((box["width"], box["height"]), abs=1)
