"""The site's own pages (About, Accessibility statement…), the menus editors control with
"Show in menus", and the contact form (stored, e-mailed, spam refused); both languages."""

import csv
import io

from django.core import mail
from django.core.cache import cache
from django.test import Client, RequestFactory, TestCase, override_settings
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase

from news.cache import pages
from news.factories import (
    ArticlePageFactory,
    ContactPageFactory,
    StandardPageFactory,
    contact_fields,
)
from news.models import (
    ArticlePage,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    SiteSettings,
    StandardPage,
)
from news.models.site_pages import HONEYPOT
from news.newsroom.roles import (
    EDITORS,
    MODERATORS,
    REVIEW_WORKFLOW,
    TRANSLATORS,
    TWO_STAGE_WORKFLOW,
)
from news.tests.utils import build_site, member, queries_of, read_sitemaps

ABOUT = {"en": "/en/about/", "zh-hans": "/zh-hans/guanyu/"}
CONTACT = {"en": "/en/contact/", "zh-hans": "/zh-hans/lianxi/"}


def nav(response):
    """The main navigation's HTML."""
    html = response.content.decode()
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer"') :]


class SitePageTreeTests(WagtailPageTestCase):
    def test_a_standard_page_goes_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(ContactPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, ContactPage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, StandardPage, ContactPage})


def has_show_in_menus(model):
    return "show_in_menus" in model.get_edit_handler().get_form_options()["fields"]


class ShowInMenusBoxTests(TestCase):
    def test_the_box_is_offered_where_it_puts_a_page_in_the_menus(self):
        for model in (StandardPage, ContactPage, NewsIndexPage, EventIndexPage):
            self.assertTrue(has_show_in_menus(model), model)

    def test_the_box_is_hidden_where_it_would_do_nothing(self):
        for model in (HomePage, ArticlePage, EventPage):
            self.assertFalse(has_show_in_menus(model), model)


def about_pages(home):
    """About under Home, and the accessibility statement under About."""
    about = StandardPageFactory(
        parent=home,
        title_en="About",
        title_zh_hans="关于我们",
        slug_en="about",
        slug_zh_hans="guanyu",
    )
    accessibility = StandardPageFactory(
        parent=about,
        title_en="Accessibility statement",
        title_zh_hans="无障碍声明",
        slug_en="accessibility",
        slug_zh_hans="wuzhangai",
    )
    return about, accessibility


class StandardPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.about, cls.accessibility = about_pages(cls.home)

    def test_the_page_shows_its_text_in_each_language(self):
        english = self.client.get(ABOUT["en"])
        self.assertContains(english, '<h1 class="page-title">About</h1>', html=True)
        self.assertContains(english, "founded in 1940")
        chinese = self.client.get(ABOUT["zh-hans"])
        self.assertContains(chinese, '<h1 class="page-title">关于我们</h1>', html=True)
        self.assertContains(chinese, "学校创建于1940年")

    def test_the_page_links_its_other_language_and_its_canonical_address(self):
        response = self.client.get(ABOUT["en"])
        self.assertContains(response, 'hreflang="zh-hans" href="http://testserver/zh-hans/guanyu/"')
        self.assertContains(response, '<link rel="canonical" href="http://testserver/en/about/">')

    def test_a_page_below_another_has_breadcrumbs_through_it(self):
        response = self.client.get("/zh-hans/guanyu/wuzhangai/")
        self.assertContains(response, "无障碍声明")
        crumbs = response.content.decode().split('class="breadcrumbs"')[1].split("</nav>")[0]
        self.assertIn("/zh-hans/guanyu/", crumbs)

    def test_the_page_is_kept_by_the_page_cache(self):
        self.client.get(ABOUT["en"])
        self.assertIsNotNone(pages.look_up(RequestFactory().get(ABOUT["en"]))[1])


class MenuTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.about, cls.accessibility = about_pages(cls.home)

    def test_a_page_shown_in_menus_is_in_the_navigation_in_both_languages(self):
        self.assertIn('href="/en/about/"', nav(self.client.get("/en/")))
        self.assertIn(">About<", nav(self.client.get("/en/")))
        chinese = nav(self.client.get("/zh-hans/"))
        self.assertIn('href="/zh-hans/guanyu/"', chinese)
        self.assertIn(">关于我们<", chinese)

    def test_news_and_focus_stay_in_the_navigation(self):
        menu = nav(self.client.get("/en/"))
        self.assertIn('href="/en/news/"', menu)
        self.assertIn('href="/en/news/focus/"', menu)

    def test_the_current_page_is_marked_in_the_navigation(self):
        self.assertIn('href="/en/about/" aria-current="page"', nav(self.client.get(ABOUT["en"])))

    def test_a_page_below_a_menu_page_is_a_footer_link_in_both_languages(self):
        self.assertIn('href="/en/about/accessibility/"', footer(self.client.get("/en/")))
        chinese = footer(self.client.get("/zh-hans/xinwen/"))
        self.assertIn('href="/zh-hans/guanyu/wuzhangai/">无障碍声明<', chinese)

    def test_a_page_added_to_the_menus_shows_at_once(self):
        self.client.get("/en/")  # menus kept
        StandardPageFactory(
            parent=self.home, title_en="Privacy", title_zh_hans="隐私", slug_en="privacy"
        )
        self.assertIn(">Privacy<", nav(self.client.get("/en/")))
        self.assertIn(">隐私<", nav(self.client.get("/zh-hans/")))

    def test_a_page_not_shown_in_menus_is_not_there(self):
        StandardPageFactory(parent=self.home, title_en="Hidden", show_in_menus=False)
        self.assertNotIn("Hidden", nav(self.client.get("/en/")))

    def test_an_unpublished_page_leaves_the_menus_and_breaks_nothing(self):
        self.client.get("/en/")
        self.accessibility.unpublish()
        self.about.unpublish()
        response = self.client.get("/en/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("/en/about/", response.content.decode())

    def test_a_deleted_page_leaves_the_menus_and_breaks_nothing(self):
        self.client.get("/zh-hans/")
        self.accessibility.delete()
        response = self.client.get("/zh-hans/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("wuzhangai", response.content.decode())
        self.assertIn("/zh-hans/guanyu/", nav(response))

    def test_an_article_is_never_a_menu_entry(self):
        ArticlePageFactory(parent=self.index, title_en="Menu story", show_in_menus=True)
        self.assertNotIn("Menu story", footer(self.client.get("/en/")))

    def test_a_warm_page_asks_nothing_for_its_menus(self):
        _response, count = queries_of(self.client, ABOUT["en"])
        self.assertEqual(count, 0)


@override_settings(CONTACT_FORM_RATE=5)
class ContactFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.contact = ContactPageFactory(parent=cls.home)
        contact_fields(cls.contact)

    def setUp(self):
        cache.clear()

    def message(self, **extra):
        return {"your_name": "Li Wei", "your_e_mail": "li@example.com", "message": "Hello"} | extra

    def test_the_form_shows_its_labels_in_each_language(self):
        english = self.client.get(CONTACT["en"])
        self.assertContains(english, "Your e-mail")
        self.assertContains(english, 'name="csrfmiddlewaretoken"')
        chinese = self.client.get(CONTACT["zh-hans"])
        self.assertContains(chinese, "您的电子邮件")
        self.assertContains(chinese, "给新闻中心写信")

    def test_the_form_page_is_never_kept_by_a_cache(self):
        response = self.client.get(CONTACT["en"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])
        self.client.get(CONTACT["en"])  # a visitor who has the CSRF cookie already
        self.assertIsNone(pages.look_up(RequestFactory().get(CONTACT["en"]))[1])

    def test_a_message_is_stored_and_e_mailed_to_the_office(self):
        response = self.client.post(CONTACT["zh-hans"], self.message())
        self.assertContains(response, "谢谢，我们会尽快回复。")
        submission = FormSubmission.objects.get(page=self.contact)
        self.assertEqual(submission.get_data()["message"], "Hello")
        self.assertNotIn(HONEYPOT, submission.get_data())
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["office@example.edu"])
        self.assertIn("Hello", mail.outbox[0].body)
        self.assertNotIn(HONEYPOT, mail.outbox[0].body)

    def test_a_filled_honeypot_is_refused_and_nothing_is_stored_or_sent(self):
        response = self.client.post(CONTACT["en"], self.message(**{HONEYPOT: "http://spam"}))
        self.assertContains(response, "stops spam robots", status_code=400)
        chinese = self.client.post(CONTACT["zh-hans"], self.message(**{HONEYPOT: "x"}))
        self.assertEqual(chinese.status_code, 400)
        self.assertContains(chinese, "垃圾信息机器人", status_code=400)
        self.assertFalse(FormSubmission.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_the_sixth_post_in_a_minute_from_one_address_is_refused(self):
        for _n in range(5):
            self.assertEqual(self.client.post(CONTACT["en"], self.message()).status_code, 200)
        response = self.client.post(CONTACT["zh-hans"], self.message())
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "请等一分钟后再试", status_code=429)
        self.assertEqual(FormSubmission.objects.count(), 5)
        self.assertEqual(len(mail.outbox), 5)

    def test_another_address_may_still_post(self):
        for _n in range(6):
            self.client.post(CONTACT["en"], self.message())
        other = self.client.post(CONTACT["en"], self.message(), REMOTE_ADDR="10.0.0.9")
        self.assertEqual(other.status_code, 200)

    def test_an_invalid_message_shows_the_form_again_with_its_errors(self):
        response = self.client.post(CONTACT["en"], self.message(your_e_mail="not an address"))
        self.assertEqual(response.status_code, 200)  # as Wagtail's form pages answer
        self.assertContains(response, "contact-form__error")
        self.assertFalse(FormSubmission.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_message_over_the_limit_is_refused_with_the_forms_own_error(self):
        long = "字" * 10_001
        response = self.client.post(CONTACT["zh-hans"], self.message(message=long))
        self.assertContains(response, "contact-form__error")
        self.assertContains(response, "10000")  # Django's own message, in Chinese
        self.assertContains(response, "确保该变量包含不超过")
        self.assertContains(response, 'maxlength="10000"')
        self.assertFalse(FormSubmission.objects.exists())
        self.assertEqual(mail.outbox, [])
        at_limit = self.client.post(CONTACT["en"], self.message(message="x" * 10_000))
        self.assertNotContains(at_limit, "contact-form__error")
        self.assertEqual(FormSubmission.objects.count(), 1)

    def test_a_line_break_in_a_one_line_field_is_refused_in_the_visitors_language(self):
        forged = "Li Wei\r\nBcc: everyone@example.com"
        english = self.client.post(CONTACT["en"], self.message(your_name=forged))
        self.assertContains(english, "Write this on one line.")
        chinese = self.client.post(CONTACT["zh-hans"], self.message(your_name="李\n伟"))
        self.assertContains(chinese, "请写在一行内。")
        self.assertFalse(FormSubmission.objects.exists())
        self.assertEqual(mail.outbox, [])
        multi_line = self.client.post(CONTACT["en"], self.message(message="Hello\r\nagain"))
        self.assertNotContains(multi_line, "contact-form__error")
        self.assertEqual(len(mail.outbox), 1)

    def test_another_page_still_refuses_a_post(self):
        self.assertEqual(self.client.post("/en/news/").status_code, 405)
        refused = self.client.put(CONTACT["en"])
        self.assertEqual(refused.status_code, 405)
        self.assertEqual(refused["Allow"], "GET, HEAD, OPTIONS, POST")
        self.assertEqual(self.client.options(CONTACT["en"])["Allow"], "GET, HEAD, OPTIONS, POST")

    def test_the_form_needs_its_csrf_token(self):
        strict = Client(enforce_csrf_checks=True)
        self.assertEqual(strict.post(CONTACT["en"], self.message()).status_code, 403)
        self.assertFalse(FormSubmission.objects.exists())


class SitePageRoleTests(TestCase):
    """Editors, moderators and translators have the same rights on site pages as on articles."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.about = StandardPageFactory(parent=cls.home, slug_en="about", slug_zh_hans="guanyu")
        cls.editor = member(EDITORS)
        cls.moderator = member(MODERATORS)
        cls.translator = member(TRANSLATORS)

    def rights(self, user, page):
        tester = page.permissions_for_user(user)
        return tester.can_add_subpage(), tester.can_edit(), tester.can_publish()

    def test_an_editor_adds_and_edits_site_pages_but_does_not_publish(self):
        self.assertEqual(self.rights(self.editor, self.about), (True, True, False))
        self.assertTrue(self.home.permissions_for_user(self.editor).can_add_subpage())

    def test_a_moderator_publishes_site_pages_but_does_not_add_them(self):
        self.assertEqual(self.rights(self.moderator, self.about), (False, True, True))

    def test_a_translator_edits_a_site_page_only(self):
        self.assertEqual(self.rights(self.translator, self.about), (False, True, False))
        self.assertFalse(self.about.permissions_for_user(self.translator).can_delete())

    def test_an_editor_opens_the_new_page_form_under_home(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/add/news/standardpage/{self.home.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "intro_zh_hans")


class ContactMessagesAdminTests(TestCase):
    """Messages sent through the contact form, read under Forms in the admin."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.contact = ContactPageFactory(parent=cls.home)
        contact_fields(cls.contact)
        FormSubmission.objects.create(page=cls.contact, form_data={"message": "Bonjour"})
        cls.editor = member(EDITORS)
        cls.translator = member(TRANSLATORS)

    def submissions(self, user):
        self.client.force_login(user)
        return self.client.get(f"/admin/forms/submissions/{self.contact.pk}/")

    def test_an_editor_reads_the_messages(self):
        self.assertContains(self.submissions(self.editor), "Bonjour")

    def test_a_translator_cannot_redirect_the_messages(self):
        self.client.force_login(self.translator)
        form = self.client.get(f"/admin/pages/{self.contact.pk}/edit/").content.decode()
        self.assertNotIn('name="to_address"', form)
        self.assertNotIn('name="from_address"', form)
        self.client.force_login(self.editor)
        form = self.client.get(f"/admin/pages/{self.contact.pk}/edit/").content.decode()
        self.assertIn('name="to_address"', form)

    def test_an_exported_message_is_text_in_a_spreadsheet_never_a_formula(self):
        FormSubmission.objects.create(
            page=self.contact,
            form_data={
                "message": '=HYPERLINK("http://evil.example/","Click")',
                "your_name": "-1+2",
            },
        )
        self.client.force_login(self.editor)
        response = self.client.get(
            f"/admin/forms/submissions/{self.contact.pk}/", {"export": "csv"}
        )
        self.assertEqual(response.status_code, 200)
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        cells = [cell for row in rows for cell in row]
        self.assertIn('\'=HYPERLINK("http://evil.example/","Click")', cells)
        self.assertIn("'-1+2", cells)
        self.assertIn("Bonjour", cells)  # other text as it was
        self.assertFalse(any(cell.startswith(("=", "+", "-", "@")) for cell in cells))

    def test_a_translator_does_not_read_the_messages(self):
        self.assertNotEqual(self.submissions(self.translator).status_code, 200)
        self.client.force_login(self.translator)
        self.assertContains(self.client.get("/admin/forms/"), "There are no results.")


class SitePagesInTheSitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        StandardPageFactory(parent=cls.home, slug_en="about", slug_zh_hans="guanyu")
        ContactPageFactory(parent=cls.home)

    def test_the_sitemap_lists_site_pages_in_both_languages(self):
        urls = read_sitemaps(self.client)
        for path in (*ABOUT.values(), *CONTACT.values()):
            self.assertIn(f"http://testserver{path}", urls)


class SitePageReviewTests(TestCase):
    """Site pages go through the newsroom's review workflow, as articles do."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()

    def test_a_site_page_under_home_and_the_pages_below_it_are_reviewed(self):
        about = StandardPageFactory(parent=self.home)
        below = StandardPageFactory(parent=about)
        contact = ContactPageFactory(parent=self.home)
        for page in (about, below, contact):
            self.assertEqual(page.get_workflow().name, REVIEW_WORKFLOW, page)

    def test_the_second_review_setting_reaches_site_pages(self):
        about = StandardPageFactory(parent=self.home)
        settings = SiteSettings.objects.get()
        settings.second_review = True
        settings.save()
        about = StandardPage.objects.get(pk=about.pk)
        self.assertEqual(about.get_workflow().name, TWO_STAGE_WORKFLOW)


class ContactPageEditorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _articles = build_site()
        cls.contact = ContactPageFactory(parent=cls.home)
        contact_fields(cls.contact)
        cls.editor = member(EDITORS)

    def test_the_editor_gives_each_field_a_label_in_both_languages(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{self.contact.pk}/edit/")
        self.assertContains(response, "form_fields-0-label_en")
        self.assertContains(response, "form_fields-0-label_zh_hans")
        self.assertContains(response, "您的姓名")

    def test_the_preview_shows_the_form_in_chinese(self):
        page = ContactPage.objects.get(pk=self.contact.pk)
        request = RequestFactory().get("/")
        request.user = self.editor
        response = page.make_preview_request(request, "zh-hans")
        self.assertContains(response, "您的电子邮件")
        self.assertContains(response, "给新闻中心写信")
