"""The body StreamField shared by every page: rich text (with links to pages and uploaded
documents), captioned images, galleries, videos (uploaded, or on Bilibili / Tencent Video),
tables and quotes. Each language has its own body,
so captions and credits are written in each."""

from pathlib import PurePosixPath
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from . import videos
from .pictures import RECORD

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


class PicturedImageChooserBlock(ImageChooserBlock):
    """Wagtail's image chooser, whose images come with their pictures' record (news/pictures/):
    the images of a stream are fetched together by Wagtail (one query per kind of block), then
    their records in one more. (Wagtail's `bulk_to_python` fetches with `in_bulk` on the
    model's manager, where no `select_related` can be added.)"""

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        prefetch_related_objects([image for image in images if image is not None], RECORD)
        return images

    def deconstruct(self):
        # the same block to migrations: the records change nothing stored
        return ("wagtail.images.blocks.ImageChooserBlock", *super().deconstruct()[1:])


class CaptionedImageBlock(blocks.StructBlock):
    """A photo inside the article body, with its own alt text and caption."""

    image = PicturedImageChooserBlock(label=_("Image"))
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


# What a video file starts with: MP4's "ftyp" box (after its 4-byte size), WebM's EBML header.
VIDEO_SIGNATURES = {
    ".mp4": (4, b"ftyp", "video/mp4"),
    ".webm": (0, b"\x1a\x45\xdf\xa3", "video/webm"),
}


def head_of(document, size=16):
    with document.open_file() as file:
        return file.read(size)


def video_problem(document):
    """Why `document` cannot be the video block's file, or None."""
    suffix = PurePosixPath(document.file.name).suffix.lower()
    if suffix not in VIDEO_SIGNATURES:
        return _("Choose an MP4 or WebM video.")
    offset, signature, _type = VIDEO_SIGNATURES[suffix]
    if head_of(document)[offset : offset + len(signature)] != signature:
        return _("This file is not a video, whatever its name says.")
    if document.get_file_size() and document.get_file_size() > settings.VIDEO_MAX_MB * 1024 * 1024:
        return _("This video is larger than %(limit)d MB: shorten or compress it.") % {
            "limit": settings.VIDEO_MAX_MB
        }
    return None


def captions_problem(document):
    if PurePosixPath(document.file.name).suffix.lower() != ".vtt":
        return _("Captions must be a WebVTT file (.vtt).")
    if not head_of(document, 9).removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        return _("This file is not WebVTT: it must start with WEBVTT.")
    return None


class VideoValue(blocks.StructValue):
    def mime_type(self):
        suffix = PurePosixPath(self["video"].file.name).suffix.lower()
        return VIDEO_SIGNATURES.get(suffix, (0, b"", "video/mp4"))[2]

    def frame(self):
        """(width, height) of the video's picture, read from its file's header, or None."""
        try:
            with self["video"].open_file() as file:
                return videos.frame_size(file)
        except OSError:  # the file is missing
            return None


class VideoBlock(blocks.StructBlock):
    """A video uploaded to the site (a document: MP4 or WebM), served from our own address,
    with a poster and optional WebVTT captions; it loads only when played."""

    # Required in drafts too (Wagtail's drafts, autosave included, skip required fields): a
    # draft never keeps a video block without its file, which could not be previewed.
    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file."), required_on_save=True
    )
    title = blocks.CharBlock(
        label=_("Title"), max_length=255, help_text=_("What the video shows, in a few words.")
    )
    poster = PicturedImageChooserBlock(label=_("Poster image"), required=False)
    captions = DocumentChooserBlock(
        label=_("Captions"),
        required=False,
        help_text=_("A WebVTT file (.vtt) of subtitles in this page's language."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("video") and (problem := video_problem(value["video"])):
            errors["video"] = ValidationError(problem)
        if value.get("captions") and (problem := captions_problem(value["captions"])):
            errors["captions"] = ValidationError(problem)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _("An uploaded video with a poster and captions")
        value_class = VideoValue


BILIBILI_HOSTS = ("www.bilibili.com", "bilibili.com", "m.bilibili.com")


def remote_player(url):
    """(service name, player address) of a Bilibili or Tencent Video page, or None."""
    parts = urlsplit(url)
    host, path = parts.netloc.lower(), PurePosixPath(parts.path)
    bvid = path.name
    if (
        host in BILIBILI_HOSTS
        and path.parent.name == "video"
        and bvid.startswith("BV")
        and bvid[2:].isalnum()
    ):
        return "Bilibili", f"https://player.bilibili.com/player.html?bvid={bvid}&autoplay=1"
    if host == "v.qq.com" and path.suffix == ".html":
        vid = parse_qs(parts.query).get("vid", [path.stem])[0]
        if vid.isalnum():
            player = f"https://v.qq.com/txp/iframe/player.html?vid={vid}&autoplay=true"
            return _("Tencent Video"), player
    return None


class RemoteVideoValue(blocks.StructValue):
    def service(self):
        return remote_player(self["url"])[0]

    def player(self):
        return remote_player(self["url"])[1]


class RemoteVideoBlock(blocks.StructBlock):
    """A Bilibili or Tencent Video video: a poster that links to it, and a button that loads
    the player here only when the visitor presses it (nothing is requested from the service
    before; without JavaScript, the link)."""

    url = blocks.URLBlock(
        label=_("Address"),
        help_text=_("A Bilibili (bilibili.com/video/BV…) or Tencent Video (v.qq.com/x/…) page."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    poster = PicturedImageChooserBlock(label=_("Poster image"))

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and remote_player(value["url"]) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Give the address of a Bilibili or Tencent Video video page.")
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        template = "blocks/remote_video.html"
        label = _("Bilibili or Tencent video")
        description = _("A video on Bilibili or Tencent Video, loaded only when played")
        value_class = RemoteVideoValue


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
    video = VideoBlock()
    remote_video = RemoteVideoBlock()
    table = AccessibleTableBlock(
        table_options={"startRows": 3, "startCols": 3, "renderer": "text", "autoColumnSize": False}
    )
    quote = QuoteBlock()
