"""Images in the admin: the upload form's checks.

**Uploads**: every bad file becomes a form error, never a server error.

Wagtail's `WagtailImageField` opens uploads lazily with Willow, so a file whose header fools
the format sniffer (a JPEG cut short, `GIF89a` followed by text) raises Pillow's `OSError` or
`UnidentifiedImageError` from inside form validation: a 500; and it decodes the whole image
before checking its pixel count, so a small file claiming a huge size costs a worker hundreds
of megabytes first. `CheckedImageField` reads the size (and frames) from the header before
Willow sees the file, turns any failure to read the file into a form error, and decodes the
whole image once (within the pixel limit) so a file that is only damaged further in is refused
too, instead of failing later when a rendition is made. `NewsImageForm` is Wagtail's image form with that field; it is wired in by
`WAGTAILIMAGES_IMAGE_FORM_BASE`, so the add, edit, multiple-upload and chooser-upload views
all use it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing unreadable and oversized images with a clear message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = _(
            "This file could not be read as an image: it is damaged, incomplete or not an "
            "image at all. Export it again as JPEG, PNG, GIF or WebP and upload the new file."
        )

    def check_image_pixel_size(self, f):
        """Checked from the file's header before Willow opens it (`check_header`)."""

    def check_header(self, data):
        """Refuse an image whose header claims more pixels (all frames counted) than the
        limit, before anything decodes it: Willow (Wagtail's image field) decodes the whole
        image to learn its size, and a 0.7 MB PNG can claim 13000 × 13000 pixels. Pillow
        reads only the header here; past twice the limit it refuses even that
        (`PIL.Image.MAX_IMAGE_PIXELS`, set by `limit_pillow`)."""
        if self.max_image_pixels is None or data is None or not hasattr(data, "seek"):
            return
        data.seek(0)
        try:
            picture = PILImage.open(data)
        except PILImage.DecompressionBombError:
            raise
        except Exception:  # noqa: BLE001 - not for Pillow: Wagtail's own checks say what it is
            data.seek(0)
            return
        try:
            with picture:
                width, height = picture.size
                frames = 1
                if width * height <= self.max_image_pixels:  # counting frames reads them all
                    frames = getattr(picture, "n_frames", 1)
        finally:
            data.seek(0)
        if width * height * frames > self.max_image_pixels:
            size = f"{width} × {height}"
            if frames == 1:
                message = self.too_many_pixels_message(size)
            else:
                message = _(
                    "This animation is too large (%(frames)s frames of %(size)s pixels). The "
                    "limit is %(limit)s megapixels for all its frames together: use fewer or "
                    "smaller frames and upload it again."
                ) % {"frames": frames, "size": size, "limit": self.max_image_pixels // 1_000_000}
            raise ValidationError(message, code="file_too_many_pixels")

    def too_many_pixels_message(self, size=None):
        limit = {"limit": self.max_image_pixels // 1_000_000}
        if size is None:  # Pillow refused to open it: far past the limit, size unknown
            return (
                _(
                    "This image is far too large. The limit is %(limit)s megapixels: resize it "
                    "(2560 pixels wide is plenty for the site) and upload it again."
                )
                % limit
            )
        return _(
            "This image is too large (%(size)s pixels). The limit is %(limit)s megapixels: "
            "resize it (2560 pixels wide is plenty for the site) and upload it again."
        ) % {"size": size, **limit}

    def to_python(self, data):
        try:
            self.check_header(data)
            f = super().to_python(data)
            if f is not None:
                self.check_image_decodes(f)
        except ValidationError:
            raise
        except PILImage.DecompressionBombError as error:  # far past any limit: not measured
            raise ValidationError(
                self.too_many_pixels_message(), code="file_too_many_pixels"
            ) from error
        # Pillow raises OSError, SyntaxError, ValueError, struct.error… for bad files
        except Exception as error:  # noqa: BLE001
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        return f

    def check_image_decodes(self, f):
        """Decode every pixel once; the pixel limit was checked before, from the header."""
        f.seek(0)
        with PILImage.open(f) as picture:
            if picture.format == "JPEG":
                picture.draft("RGB", (1, 1))  # decode at 1/8 scale: the whole stream, less memory
            picture.load()
        f.seek(0)


def limit_pillow():
    """Pillow refuses (at open, from the header) images past twice Wagtail's upload limit and
    warns between once and twice: everywhere in the process, renditions included."""
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if limit:
        PILImage.MAX_IMAGE_PIXELS = limit


class NewsImageForm(BaseImageForm):
    """Wagtail's image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`) with `CheckedImageField`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            wagtails = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=wagtails.label, required=wagtails.required, widget=wagtails.widget
            )
