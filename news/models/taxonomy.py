"""How articles are filed: columns, tags and the editor's related-article picks.

- `Column`: a translated snippet (Campus, Research, International, Reading BIT…). An
  article has at most one; each column has a listing at `<news>/column/<slug>/` with a
  slug per language. Focus is not a column: it stays a flag on the article.
- `ArticleTag`: keywords shared by both languages (one slug, one URL), with an optional
  Chinese name that the Chinese site shows instead of the keyword.
- `RelatedArticle`: the articles an editor picks by hand, in the editor's order.

"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .. import languages
from ..cache.tags import ListedQuerySet


class Column(models.Model):
    """A section of News&Events (e.g. Research) that editors file articles under.

    Name and slug are required in both languages (translation.py): a column is part of
    the site's navigation, so it never shows English on the Chinese site.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=True,
        help_text=_("The last part of the column's address, e.g. research or keyan."),
    )
    description = models.TextField(
        pgettext_lazy("column", "description"),
        blank=True,
        help_text=_("Optional. Shown under the title of the column's listing."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    cache_list_tags = ("list:columns",)  # news/cache/tags.py
    objects = ListedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    def __str__(self):
        return self.name


class ArticleTag(TagBase):
    """A keyword editors type in an article's tag field; one listing per tag.

    `name` is the keyword as typed (normally English) and is what the tag field matches
    on; `chinese_name` is what the Chinese site shows, when someone has filled it in.
    """

    chinese_name = models.CharField(
        _("Chinese name"),
        max_length=100,
        blank=True,
        help_text=_("Shown on the Chinese site instead of the keyword. Optional."),
    )

    free_tagging = True  # editors may create new tags from the article form

    panels = [FieldPanel("name"), FieldPanel("chinese_name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    @property
    def display_name(self):
        """The tag's name in the active language: the keyword until it has a Chinese name."""
        if self.chinese_name and translation.get_language() != languages.DEFAULT.code:
            return self.chinese_name
        return self.name

    @property
    def display_lang(self):
        """For `lang=`: "en" when the Chinese site shows an English keyword, else ""."""
        in_chinese = translation.get_language() != languages.DEFAULT.code
        if in_chinese and not self.chinese_name and self.name.isascii():
            return languages.DEFAULT.code
        return ""


class ArticlePageTag(ItemBase):
    """Links an article to one of its tags (taggit's through model)."""

    tag = models.ForeignKey(ArticleTag, on_delete=models.CASCADE, related_name="tagged_items")
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")
        ]


class RelatedArticle(Orderable):
    """An article the editor picked to show under another one, in the editor's order."""

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
