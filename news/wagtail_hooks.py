"""Admin additions: the "Columns and tags" menu; the translation status dashboard, review
action and home panel; the editor's side-by-side CSS and "copy English body to Chinese"; the
newsroom's rule that only those who may create pages delete or move them, and only those who
may delete images delete them; the second review's limit on publishing (news/roles.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.images.models import AbstractImage
from wagtail.images.views import images as images_views
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import body_copy, translation_admin
from .roles import may_delete_images, may_publish_directly, may_remove_or_move
from .taxonomy import ArticleTag, Column
from .translation_status import REVIEW_ACTION, language_name


class ColumnViewSet(SnippetViewSet):
    model = Column
    icon = "folder-open-inverse"
    list_display = ["name_en", "name_zh_hans", "slug_en", "slug_zh_hans"]
    search_fields = ["name_en", "name_zh_hans"]
    search_backend_name = None  # a handful of rows: search them in the database


class ArticleTagViewSet(SnippetViewSet):
    model = ArticleTag
    icon = "tag"
    list_display = ["name", "chinese_name", "slug"]
    search_fields = ["name", "chinese_name"]
    search_backend_name = None


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ColumnViewSet, ArticleTagViewSet)
    menu_label = _("Columns and tags")
    menu_icon = "folder-open-inverse"
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


# Translation status (news/translation_status.py, news/translation_admin.py).


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [
        path(
            "translation-status/",
            translation_admin.dashboard,
            name="news_translation_status",
        ),
        path(
            "translation-status/review/<int:page_id>/<str:language>/",
            translation_admin.review,
            name="news_translation_review",
        ),
    ]


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("news_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=250,
    )


@hooks.register("construct_homepage_panels")
def translation_status_panel(request, panels):
    panels.append(translation_admin.TranslationStatusPanel())


@hooks.register("register_log_actions")
def translation_log_actions(actions):
    @actions.register_action(REVIEW_ACTION)
    class TranslationReviewed(LogFormatter):
        label = _("Review translation")

        def format_message(self, log_entry):
            code = log_entry.data.get("language", "")
            try:
                name = language_name(code)
            except KeyError:
                name = code
            return _("Marked the %(language)s translation reviewed") % {"language": name}


@hooks.register("before_delete_page")
def refuse_delete_without_add_permission(request, page):
    if not may_remove_or_move(request.user, page):
        raise PermissionDenied


@hooks.register("before_move_page")
def refuse_move_without_add_permission(request, page, destination):
    if not may_remove_or_move(request.user, page):
        raise PermissionDenied


@hooks.register("before_bulk_action")
def refuse_bulk_actions_the_newsroom_forbids(request, action_type, objects, view):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type in ("delete", "move") and not all(
        may_remove_or_move(request.user, page) for page in pages
    ):
        raise PermissionDenied
    if action_type == "publish" and not all(
        may_publish_directly(request.user, page) for page in pages
    ):
        raise PermissionDenied
    images = [obj for obj in objects if isinstance(obj, AbstractImage)]
    if action_type == "delete" and images and not may_delete_images(request.user):
        raise PermissionDenied


# The second review stage (news/roles.py): with it on, only chief editors publish directly.


@hooks.register("construct_page_action_menu")
def hide_publish_under_second_review(menu_items, request, context):
    page = context.get("page") if context.get("view") != "create" else context["parent_page"]
    if page is not None and not may_publish_directly(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def save_instead_of_publishing(request, page):
    """A publish request from someone who may not publish directly (a form opened before the
    second review was switched on) is saved as a draft, with a message: no edit is lost."""
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and not may_publish_directly(request.user, page)
    ):
        request.POST = request.POST.copy()
        del request.POST["action-publish"]
        messages.warning(
            request,
            _(
                "Saved as a draft, not published: this site asks for a second review. "
                "Submit the article so that a chief editor approves it."
            ),
        )


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    save_instead_of_publishing(request, page)


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    save_instead_of_publishing(request, parent_page)


class ImageDeleteView(images_views.DeleteView):
    """Wagtail's image delete view, refused to users without the delete_image permission
    (Wagtail lets "change" delete too, and translators need "change" for alt text)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_delete_images(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


@hooks.register("register_admin_urls", order=-1)  # before wagtail.images' own URL
def image_delete_url():
    return [
        path(
            "images/<int:image_id>/delete/",
            ImageDeleteView.as_view(),
            name="news_image_delete",
        )
    ]


# The editor: both languages side by side (news/panels.py), "copy English body to Chinese"
# (news/body_copy.py).


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/editor.css"))


@hooks.register("register_page_action_menu_item")
def copy_english_body_menu_item():
    return body_copy.CopyEnglishBodyMenuItem()


hooks.register("after_edit_page", body_copy.after_edit)


@hooks.register("register_admin_urls")
def copy_english_body_url():
    return [
        path(
            "articles/<int:page_id>/copy-english-body/",
            body_copy.confirm,
            name="news_copy_english_body",
        )
    ]


@hooks.register("register_log_actions")
def copy_english_body_log_action(actions):
    actions.register_action(
        body_copy.ACTION,
        _("Copy English body to Chinese"),
        _("Copied the English body into the Chinese body"),
    )
