"""Admin menus: columns and tags, under one "Columns and tags" menu item; the newsroom's
rule that only those who may create pages delete or move them (news/roles.py)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.images.models import AbstractImage
from wagtail.images.views import images as images_views
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .roles import may_delete_images, may_remove_or_move
from .taxonomy import ArticleTag, Column


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


@hooks.register("before_delete_page")
def refuse_delete_without_add_permission(request, page):
    if not may_remove_or_move(request.user, page):
        raise PermissionDenied


@hooks.register("before_move_page")
def refuse_move_without_add_permission(request, page, destination):
    if not may_remove_or_move(request.user, page):
        raise PermissionDenied


@hooks.register("before_bulk_action")
def refuse_bulk_delete_or_move_without_permission(request, action_type, objects, view):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type in ("delete", "move") and not all(
        may_remove_or_move(request.user, page) for page in pages
    ):
        raise PermissionDenied
    images = [obj for obj in objects if isinstance(obj, AbstractImage)]
    if action_type == "delete" and images and not may_delete_images(request.user):
        raise PermissionDenied


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
