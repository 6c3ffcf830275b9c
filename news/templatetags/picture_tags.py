"""Pictures by the name of their set (news/pictures/sets.py), written from the image's record.

`{% responsive_picture image "card" sizes="..." alt="" loading="lazy" %}` writes what Wagtail's
`{% picture image format-{avif,webp,jpeg} fill-{480x270,960x540}-c100 sizes=... %}` writes for
the set's specs, each width once per format (Wagtail never enlarges an image: a 640-pixel upload
asked for `width-{480,800,1200}` has two 640-wide renditions, and a `srcset` naming 640w twice
is invalid HTML). `{% named_image image "video-poster" as poster %}` and
`{% named_image image "remote-video-poster" loading="lazy" alt="" %}` are Wagtail's `{% image %}`
for a set of one rendition. Attributes are given as to Wagtail's tags.
"""

from django import template

from news import pictures

register = template.Library()


def fitting_sets(multiple):
    """The sets a tag writes: pictures, or sets of one rendition."""
    return {
        name: kind
        for name, kind in pictures.SETS.items()
        if (kind.picture if multiple else not kind.picture and len(kind.specs) == 1)
    }


def parse(parser, token, multiple):
    """(image, set name, {attribute: filter expression}, variable name or None)."""
    tag_name, *bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "'\"" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            f'{{% {tag_name} image "set name" [attribute=value ...] %}}: a quoted set name'
        )
    image, name, *rest = bits
    name = name[1:-1]
    if name not in fitting_sets(multiple):
        fitting = list(fitting_sets(multiple))
        raise template.TemplateSyntaxError(
            f"{tag_name}: no picture set {name!r} for this tag (news/pictures/sets.py: {fitting})"
        )
    variable = None
    if not multiple and len(rest) == 2 and rest[0] == "as":
        variable = rest[1]
        rest = []
    attrs = {}
    for bit in rest:
        key, equals, value = bit.partition("=")
        if not equals:
            raise template.TemplateSyntaxError(f"{tag_name}: {bit!r} is not attribute=value")
        attrs[key] = parser.compile_filter(value)
    return parser.compile_filter(image), name, attrs, variable


class PictureNode(template.Node):
    def __init__(self, image, name, attrs, variable=None):
        self.image = image
        self.name = name
        self.attrs = attrs
        self.variable = variable

    def resolve(self, context):
        try:
            image = self.image.resolve(context)
        except template.VariableDoesNotExist:
            image = None
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return image, attrs


class ResponsivePictureNode(PictureNode):
    def render(self, context):
        image, attrs = self.resolve(context)
        if not image:
            return ""
        return pictures.picture(context.get("request"), image, self.name, attrs)


class NamedImageNode(PictureNode):
    def render(self, context):
        image, attrs = self.resolve(context)
        rendition = pictures.rendition(image, self.name) if image else None
        if self.variable:
            context[self.variable] = rendition
            return ""
        return rendition.img_tag(attrs) if rendition else ""


@register.tag
def responsive_picture(parser, token):
    """`{% responsive_picture image "set" attr=value ... %}`: a `<picture>` of a named set."""
    return ResponsivePictureNode(*parse(parser, token, multiple=True))


@register.tag
def named_image(parser, token):
    """`{% named_image image "set" attr=value ... %}` or `... as variable`: the `<img>` (or the
    rendition) of a named set of one rendition."""
    return NamedImageNode(*parse(parser, token, multiple=False))
