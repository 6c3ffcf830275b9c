"""The public pages every browser check visits, in both languages."""

from demo.content import (
    ABOUT_PAGE,
    ACCESSIBILITY_PAGE,
    CONTACT_PAGE,
    RICH_STORY,
    SAMPLE_ARTICLES,
    SAMPLE_EVENTS,
    SEED_ARTICLE,
)

UNTRANSLATED = next(a for a in SAMPLE_ARTICLES if not a["title_zh_hans"])
EVENT = next(e for e in SAMPLE_EVENTS if e["days"] > 0 and e["speakers_en"])

PAGES = {
    "home": ("/en/", "/zh-hans/"),
    "news": ("/en/news/", "/zh-hans/xinwen/"),
    "news-page-2": ("/en/news/?page=2", "/zh-hans/xinwen/?page=2"),
    "focus": ("/en/news/focus/", "/zh-hans/xinwen/focus/"),
    "article": (
        f"/en/news/{SEED_ARTICLE['slug_en']}/",
        f"/zh-hans/xinwen/{SEED_ARTICLE['slug_zh_hans']}/",
    ),
    "gallery-and-table": (
        f"/en/news/{RICH_STORY}/",
        "/zh-hans/xinwen/"
        + next(a for a in SAMPLE_ARTICLES if a["slug_en"] == RICH_STORY)["slug_zh_hans"]
        + "/",
    ),
    "untranslated": (
        f"/en/news/{UNTRANSLATED['slug_en']}/",
        f"/zh-hans/xinwen/{UNTRANSLATED['slug_en']}/",
    ),
    "search": ("/en/search/?q=cooperation", "/zh-hans/search/?q=%E5%90%88%E4%BD%9C"),
    "search-empty": ("/en/search/?q=zzzz", "/zh-hans/search/?q=zzzz"),
    "columns": ("/en/news/column/", "/zh-hans/xinwen/column/"),
    "column": ("/en/news/column/international/", "/zh-hans/xinwen/column/guoji/"),
    "subscribe": ("/en/news/subscribe/", "/zh-hans/xinwen/subscribe/"),
    "archive": ("/en/news/2023/04/", "/zh-hans/xinwen/2023/04/"),
    "events": ("/en/news/events/", "/zh-hans/xinwen/huodong/"),
    "past-events": ("/en/news/events/past/", "/zh-hans/xinwen/huodong/past/"),
    "event": (
        f"/en/news/events/{EVENT['slug_en']}/",
        f"/zh-hans/xinwen/huodong/{EVENT['slug_zh_hans']}/",
    ),
    "about": (f"/en/{ABOUT_PAGE['slug_en']}/", f"/zh-hans/{ABOUT_PAGE['slug_zh_hans']}/"),
    "accessibility": (
        f"/en/{ABOUT_PAGE['slug_en']}/{ACCESSIBILITY_PAGE['slug_en']}/",
        f"/zh-hans/{ABOUT_PAGE['slug_zh_hans']}/{ACCESSIBILITY_PAGE['slug_zh_hans']}/",
    ),
    "contact": (f"/en/{CONTACT_PAGE['slug_en']}/", f"/zh-hans/{CONTACT_PAGE['slug_zh_hans']}/"),
    "corrections": ("/en/news/corrections/", "/zh-hans/xinwen/corrections/"),
    "newsletter": ("/en/newsletter/", "/zh-hans/newsletter/"),
    "newsletter-issues": ("/en/newsletter/issues/", "/zh-hans/newsletter/issues/"),
    "press": ("/en/press/", "/zh-hans/press/"),
    "in-the-media": ("/en/in-the-media/", "/zh-hans/in-the-media/"),
    "404": ("/en/no-such-page/", "/zh-hans/no-such-page/"),
}

# (name, path) for every page in both languages, for pytest.mark.parametrize
ALL = [
    (f"{name}-{language}", path)
    for name, paths in PAGES.items()
    for language, path in zip(("en", "zh"), paths, strict=True)
]
