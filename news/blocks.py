"""The body StreamField shared by every page: rich text, captioned images, quotes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Headings stop at h2 because the page title is the h1.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "hr"]


class CaptionedImageBlock(blocks.StructBlock):
    """A photo inside the article body, with its own alt text and caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=255,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        label = _("Captioned image")
        description = _("A photo with alt text and an optional caption")


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
    quote = QuoteBlock()
