""" "Copy for WeChat" as an editor uses it: the button on the article's edit page opens the
copy, one click puts it on the clipboard as HTML, which is read back from Chromium's clipboard.

On pytest-django's `live_server` with an article made by the factories (a database of its
own), the editor signing in on the admin's login form.
"""

import pytest
from lxml import html as lxml_html

from news.factories import ArticlePageFactory
from news.newsroom.roles import EDITORS
from news.tests.utils import build_site, member, new_image

LOADED = """img => img.complete ? img.naturalWidth > 0 : new Promise(done => {
  img.onload = () => done(img.naturalWidth > 0);
  img.onerror = () => done(false);
})"""
READ_HTML = """async () => {
  const items = await navigator.clipboard.read();
  const item = items.find(each => each.types.includes("text/html"));
  return item ? await (await item.getType("text/html")).text() : null;
}"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Wagtail's root page kept
def test_an_editor_copies_the_chinese_article_for_wechat(live_server, browser, migrated_state):
    _home, index, _ = build_site()
    photo = new_image(640, 360, title="lab")
    article = ArticlePageFactory(
        parent=index,
        title_en="New lab opens",
        title_zh_hans="新实验室启用",
        lead_image=photo,
        lead_image_alt_en="The new lab",
        translator_zh_hans="王芳",
    )
    member(EDITORS)  # "editors", password "pw"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    errors = []  # the console's: a CSP violation, a script error
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    try:
        page.goto(live_server.url + "/admin/login/")
        page.get_by_label("Username").fill("editors")
        page.get_by_label("Password").fill("pw")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(live_server.url + "/admin/")

        page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
        page.get_by_role("navigation", name="Actions", exact=True).get_by_role("button").click()
        page.get_by_role("link", name="Copy for WeChat").click()
        page.get_by_role("link", name="中文").click()
        page.wait_for_url(f"**/admin/wechat-copy/{article.pk}/?lang=zh-hans")

        shown = page.frame_locator("#wechat-copy-preview")
        assert shown.locator("h1").inner_text() == "新实验室启用"
        # the preview's image comes from the admin's own origin, which its CSP allows
        assert shown.locator("img").evaluate(LOADED)
        page.get_by_role("button", name="Copy for WeChat").click()
        page.get_by_role("status").filter(has_text="Copied").wait_for()

        copied = page.evaluate(READ_HTML)
        pasted = lxml_html.fragment_fromstring(copied, create_parent="div")
        assert pasted.find(".//h1").text_content() == "新实验室启用"
        assert "王芳" in pasted.text_content()
        (image,) = pasted.iter("img")
        assert image.get("src").startswith(live_server.url + "/media/images/")
        assert "max-width:100%" in image.get("style").replace(" ", "")
        last_link = list(pasted.iter("a"))[-1]
        assert last_link.get("href") == f"{live_server.url}/zh-hans/xinwen/{article.slug_zh_hans}/"
        assert not pasted.xpath("//script | //style | //link | //*[@class]")
        assert errors == []
    finally:
        context.close()
