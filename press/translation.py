"""The media contacts' per-language fields (wagtail-modeltranslation): `name_en`,
`name_zh_hans`…; a contact is listed on both press pages, so both languages are required."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from news import languages

from .models import MediaContact


@register(MediaContact)
class MediaContactTR(TranslationOptions):
    fields = ("name", "role")
    required_languages = dict.fromkeys(languages.CODES, ("name", "role"))
