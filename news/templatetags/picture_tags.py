"""`{% responsive_picture %}`: Wagtail's `{% picture %}` without repeated widths.

Wagtail never enlarges an image, so asking a 640-pixel upload for `width-{480,800,1200}`
gives three renditions of which two are 640 wide, and the `srcset` then names 640w twice,
which HTML forbids (and the browser gets the same file listed twice). This tag takes the same
arguments as `{% picture %}` and keeps one rendition per format and width.
"""

from django import template
from django.template.base import Token
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as image_tag

from news.cache import fragments

register = template.Library()


def distinct_widths(renditions):
    """The renditions of `{spec: rendition}` minus those repeating a format and width."""
    seen = set()
    kept = {}
    for spec, rendition in renditions.items():
        key = (rendition.file.name.rsplit(".", 1)[-1], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


class ResponsivePictureNode(PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}

        def build():
            renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
            return Picture(renditions, attrs).__html__()

        return fragments.content_fragment(
            context.get("request"), picture_inputs(image, self, attrs), build
        )


def picture_inputs(image, node, attrs):
    """All a picture's HTML is made from: the image's file (its name and hash: a replaced
    file is another), size and focal point (the crops), the renditions asked for and the
    attributes. The same inputs make the same HTML, whatever was published since."""
    return (
        "picture",
        image.pk,
        image.file.name,
        image.file_hash,
        image.width,
        image.height,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        tuple(node.filter_specs),
        tuple(sorted((key, str(value)) for key, value in attrs.items())),
    )


@register.tag
def responsive_picture(parser, token):
    """Parsed exactly as Wagtail parses `{% picture %}`, then rendered without repeats."""
    _name, rest = token.contents.split(None, 1)
    as_picture = Token(token.token_type, f"picture {rest}", token.position, token.lineno)
    node = image_tag(parser, as_picture)
    node.__class__ = ResponsivePictureNode
    return node
