"""Images in the admin: the upload form's checks, and who may delete.

**Uploads**: every bad file becomes a form error, never a server error.

Wagtail's `WagtailImageField` opens uploads lazily with Willow, so a file whose header fools
the format sniffer (a JPEG cut short, `GIF89a` followed by text) raises Pillow's `OSError` or
`UnidentifiedImageError` from inside form validation: a 500. `CheckedImageField` turns any
failure to read the file into a form error, and decodes the whole image once (within the pixel
limit) so a file that is only damaged further in is refused too, instead of failing later when
a rendition is made. `NewsImageForm` is Wagtail's image form with that field; it is wired in by
`WAGTAILIMAGES_IMAGE_FORM_BASE`, so the add, edit, multiple-upload and chooser-upload views
all use it.

**Deleting**: Wagtail lets anyone who may change an image delete it; `ImageDeleteView` asks
for the delete permission (news/newsroom/roles.py), since translators change images (alt text).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.views import images as images_views

from .roles import may_delete_images


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing unreadable and oversized images with a clear message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = _(
            "This file could not be read as an image: it is damaged, incomplete or not an "
            "image at all. Export it again as JPEG, PNG, GIF or WebP and upload the new file."
        )

    def check_image_pixel_size(self, f):
        if self.max_image_pixels is None:
            return
        width, height = f.image.get_size()
        frames = f.image.get_frame_count()
        if width * height * frames > self.max_image_pixels:
            message = self.too_many_pixels_message(f"{width} × {height}")
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


class NewsImageForm(BaseImageForm):
    """Wagtail's image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`) with `CheckedImageField`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            wagtails = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=wagtails.label, required=wagtails.required, widget=wagtails.widget
            )


class ImageDeleteView(images_views.DeleteView):
    """Wagtail's image delete view, refused to users without the delete_image permission
    (Wagtail lets "change" delete too, and translators need "change" for alt text)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_delete_images(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
