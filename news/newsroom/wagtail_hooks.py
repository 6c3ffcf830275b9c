"""The newsroom's admin hooks; each names the module that holds its logic."""

from django.templatetags.static import static
from django.urls import path, re_path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from news import languages

from . import body_copy, changes_requested, lockouts, roles, translation_views, two_factor
from .taxonomy_admin import TaxonomyViewSetGroup
from .translation_status import REVIEW_ACTION
from .wechat import views as wechat

register_snippet(TaxonomyViewSetGroup)


@hooks.register("register_admin_urls")
def newsroom_urls():
    return [
        path("translation-status/", translation_views.dashboard, name="news_translation_status"),
        path("lockouts/", lockouts.lockouts, name="news_lockouts"),
        path("two-factor/", two_factor.overview, name="news_two_factor"),
        path("two-factor/verify/", two_factor.verify, name="news_two_factor_verify"),
        path("two-factor/setup/", two_factor.setup, name="news_two_factor_setup"),
        path(
            "two-factor/recovery-codes/",
            two_factor.recovery_codes,
            name="news_two_factor_recovery_codes",
        ),
        path("two-factor/turn-off/", two_factor.turn_off, name="news_two_factor_off"),
        path("two-factor/reset/<int:user_id>/", two_factor.reset, name="news_two_factor_reset"),
        path(
            "translation-status/review/<int:page_id>/<str:language>/",
            translation_views.review,
            name="news_translation_review",
        ),
        path(
            "translation-status/changes/<int:page_id>/<str:language>/",
            translation_views.changes,
            name="news_translation_changes",
        ),
        path(
            "articles/<int:page_id>/copy-english-body/",
            body_copy.confirm,
            name="news_copy_english_body",
        ),
        path("wechat-copy/<int:page_id>/", wechat.wechat_copy, name=wechat.URL_NAME),
    ]


@hooks.register("register_admin_urls", order=-1)  # before wagtail-modeltranslation's own
def checked_stream_copy_url():
    return [
        re_path(
            r"^pages/(?P<page_id>\d+)/edit/copy_translation_content/$",
            body_copy.checked_stream_copy,
            name="news_copy_stream_field",
        )
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return lockouts.may_lift(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"),
        reverse("news_lockouts"),
        name="lockouts",
        icon_name="lock",
        order=900,
    )


# Two-step verification (two_factor.py): the account's own page, and a reset for user managers.


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("news_two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("A code from your phone after your password; recovery codes."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if two_factor.may_reset(request_user) and user != request_user:
        yield Button(
            _("Reset two-step verification"),
            reverse("news_two_factor_reset", args=[user.pk]),
            priority=90,
        )


@hooks.register("filter_form_submissions_for_user")
def contact_messages(user, form_pages):
    return roles.contact_messages_for(user, form_pages)


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    url = reverse("news_translation_status")
    return MenuItem(
        _("Translation status"), url, name="translation-status", icon_name="globe", order=250
    )


@hooks.register("construct_homepage_panels")
def translation_status_panel(request, panels):
    panels.append(translation_views.TranslationStatusPanel())


# The dashboard's counts ("27 Pages created in bitnews"): Wagtail's Chinese catalogue lacks
# their strings, so they are shown from our templates, whose strings our catalogue translates.
SUMMARY_TEMPLATES = {
    "wagtailadmin/home/site_summary_pages.html": "newsroom/site_summary_pages.html",
    "wagtailimages/homepage/site_summary_images.html": "newsroom/site_summary_images.html",
    "wagtaildocs/homepage/site_summary_documents.html": "newsroom/site_summary_documents.html",
}


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's own
def summary_in_both_languages(request, items):
    for item in items:
        item.template_name = SUMMARY_TEMPLATES.get(item.template_name, item.template_name)


class TranslationReviewed(LogFormatter):
    label = _("Review translation")

    def format_message(self, log_entry):
        code = log_entry.data.get("language", "")
        name = languages.get(code).name if code in languages.CODES else code
        return _("Marked the %(language)s translation reviewed") % {"language": name}


@hooks.register("register_log_actions")
def newsroom_log_actions(actions):
    actions.register_action(REVIEW_ACTION)(TranslationReviewed)
    actions.register_action(
        body_copy.ACTION,
        _("Copy English body to Chinese"),
        _("Copied the English body into the Chinese body"),
    )


# Under a second review only chief editors publish directly: the rule is `roles.may_publish_directly`,
# which the newsroom adds to the page permission tester (apps.py), so Wagtail hides the publish
# button and refuses bulk and API publishing itself. A form opened before the switch that asks
# to publish is saved as a draft, with a message (these two hooks).


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    roles.save_instead_of_publishing(request, page)


@hooks.register("before_edit_page")
def show_changes_requested(request, page):
    changes_requested.show(request, page)


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    roles.save_instead_of_publishing(request, parent_page)


# The editor: both languages side by side (news/panels.py, static/css/editor.css) and
# "copy English body to Chinese" (body_copy.py).


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor.css"))


@hooks.register("register_page_action_menu_item")
def copy_english_body_menu_item():
    return body_copy.CopyEnglishBodyMenuItem()


hooks.register("after_edit_page", body_copy.after_edit)

# "Copy for WeChat" (wechat/): an article as HTML for the WeChat official account editor.
hooks.register("register_page_header_buttons", wechat.header_button)


@hooks.register("before_serve_page")
def second_step_before_restricted_page(page, request, serve_args, serve_kwargs):
    return two_factor.guard_restricted(request, page.get_view_restrictions())


@hooks.register("before_serve_document")
def second_step_before_restricted_document(document, request):
    return two_factor.guard_restricted(request, document.collection.get_view_restrictions())
