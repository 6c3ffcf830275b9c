"""Boxes as a visitor sees them, measured in Chromium: cards and the body's rich blocks.

Each case is made with the factories in a database of its own (pytest-django's `live_server`,
a Django server in this process; uploads under the test MEDIA_ROOT), not the shared demo: the
demo has no story without a picture, and what it holds may change.
"""

import os

import pytest

from news.models import ArticlePage
from news.tests.utils import build_site, new_image

# Playwright's sync API keeps an event loop in this thread, which makes Django refuse the
# ORM here; the test's own writes, made before each page is loaded, run alone.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
def visitor(browser):
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
