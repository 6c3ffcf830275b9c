"""The body StreamField shared by every page: rich text (with links to pages and uploaded
documents), captioned images, galleries, tables and quotes. Each language has its own body,
so captions and credits are written in each."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

# Headings stop at h2 because the page title is the h1.
RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "hr",
]


class CaptionedImageBlock(blocks.StructBlock):
    """A photo inside the article body, with its own alt text and caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)
    credit = blocks.CharBlock(
        label=_("Photo credit"),
        max_length=255,
        required=False,
        help_text=_("Who took the photo (or holds its rights), shown under it."),
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        label = _("Captioned image")
        description = _("A photo with alt text and an optional caption")


class GalleryImageBlock(CaptionedImageBlock):
    """One photo of a gallery."""

    class Meta:
        icon = "image"
        label = _("Photo")


class GalleryBlock(blocks.StructBlock):
    """Several photos shown together, each with its caption and credit; all of them are on the
    page (no script needed to see one), in a grid that wraps on a phone."""

    title = blocks.CharBlock(label=_("Title"), max_length=255, required=False)
    photos = blocks.ListBlock(GalleryImageBlock(), min_num=2, label=_("Photos"))

    class Meta:
        icon = "image"
        template = "blocks/gallery.html"
        label = _("Gallery")
        description = _("Several photos, each with alt text, caption and credit")


class AccessibleTableBlock(TableBlock):
    """A table typed in the editor, with a caption and a header row and/or column, shown as
    a table with `<caption>` and `<th scope>` (blocks/table.html)."""

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = _("Table")
        description = _("Rows and columns with a header row and a caption")


class QuoteBlock(blocks.StructBlock):
    """A pulled quote with an optional attribution."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=255, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A quotation set apart from the text")
        preview_value = {
            "quote": "Education is the foundation of a nation.",
            "attribution": "",
        }


class BodyBlock(blocks.StreamBlock):
    """Body of every article: paragraphs, captioned images and quotes."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        description=_("Paragraphs, sub-headings, lists and links"),
        preview_value="<p>The meeting was held in Conference Room 233 of Building 2.</p>",
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    table = AccessibleTableBlock(
        table_options={"startRows": 3, "startCols": 3, "renderer": "text", "autoColumnSize": False}
    )
    quote = QuoteBlock()
