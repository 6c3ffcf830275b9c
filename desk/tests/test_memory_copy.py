""" "Copy English body to Chinese" fills in the paragraphs the memory has translated before."""

import re

from wagtail.test.utils.form_data import rich_text, streamfield

from desk.tests.utils import published_article
from news.tests.utils import RoleTestCase, edit_form

EN = "The university opened a new laboratory for space research on Monday."
ZH = "学校周一启用了一间新的航天研究实验室。"
NEW = "Its first experiment starts next week."
COPY = {"action-copy-english-body": "copy"}


def chinese_body(article):
    draft = article.get_latest_revision_as_object()
    return [re.sub(r' data-block-key="[^"]*"', "", b.value.source) for b in draft.body_zh_hans]


class CopyFromMemoryTests(RoleTestCase):
    def setUp(self):
        published_article(
            self.index, [EN, "The president gave a speech."], [ZH, "校长发表了讲话。"]
        )
        self.login(self.translator)

    def copy(self, *blocks):
        body = streamfield([("paragraph", rich_text(html)) for html in blocks])
        form = edit_form(self.live, body_en=body, body_zh_hans=streamfield([]), **COPY)
        self.client.post(f"/admin/pages/{self.live.pk}/edit/", form)
        return chinese_body(self.refresh(self.live))

    def test_a_paragraph_translated_in_another_article_is_copied_in_chinese(self):
        copied = self.copy(f"<p>{EN}</p>", f"<p>{NEW}</p>")
        self.assertEqual(copied, [f"<p>{ZH}</p>", f"<p>{NEW}</p>"])

    def test_a_block_of_known_paragraphs_becomes_their_translations(self):
        copied = self.copy(f"<p>{EN}</p><p>The president gave a speech.</p>")
        self.assertEqual(copied, [f"<p>{ZH}</p><p>校长发表了讲话。</p>"])

    def test_a_block_with_an_unknown_paragraph_stays_english(self):
        copied = self.copy(f"<p>{EN}</p><p>{NEW}</p>", f"<h2>{EN}</h2>")
        self.assertEqual(copied, [f"<p>{EN}</p><p>{NEW}</p>", f"<h2>{EN}</h2>"])
