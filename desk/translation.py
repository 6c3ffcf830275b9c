"""The glossary's per-language fields (wagtail-modeltranslation): `term_en`, `term_zh_hans`…"""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import GlossaryTerm


@register(GlossaryTerm)
class GlossaryTermTR(TranslationOptions):
    fields = ("term", "forbidden")
