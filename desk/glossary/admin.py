"""Settings › Glossary: the approved term pairs, listed with both languages' forms, searched,
added and edited by chief editors and moderators (Wagtail's model permissions, given by
migration 0003_glossary_permissions; editors and translators only see the list)."""

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from news import languages

from ..models import GlossaryTerm


class GlossaryTermForm(WagtailAdminModelForm):
    """The term in each language, with clear messages: the default language's form always,
    the other's unless the term is not translated, and no term twice (case-insensitive)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in languages.LANGUAGES:
            name = language.field("term")
            if name in self.fields:
                self.fields[name].required = False  # checked in clean(), with its own message

    def clean(self):
        cleaned = super().clean()
        do_not_translate = cleaned.get("do_not_translate")
        for language in languages.LANGUAGES:
            name = language.field("term")
            if name not in self.fields:
                continue
            value = (cleaned.get(name) or "").strip()
            cleaned[name] = value
            if not value:
                if language == languages.DEFAULT:
                    self.add_error(
                        name, _("Give the term in %(language)s.") % {"language": language.name}
                    )
                elif not do_not_translate:
                    self.add_error(
                        name,
                        _(
                            "Give the approved %(language)s form, or tick “do not translate” "
                            "if the term is written the same in every language."
                        )
                        % {"language": language.name},
                    )
                continue
            taken = GlossaryTerm.objects.filter(**{f"{name}__iexact": value})
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    name,
                    _("“%(term)s” is already in the glossary (%(language)s).")
                    % {"term": value, "language": language.name},
                )
        return cleaned


def _per_language(field):
    return [
        FieldPanel(
            language.field(field),
            heading=format_lazy(
                "{} ({})", GlossaryTerm._meta.get_field(field).verbose_name, language.name
            ),
        )
        for language in languages.LANGUAGES
    ]


class GlossaryViewSet(ModelViewSet):
    model = GlossaryTerm
    name = "desk_glossary"
    url_prefix = "glossary"
    icon = "openquote"
    menu_label = gettext_lazy("Glossary")
    menu_order = 850
    add_to_settings_menu = True
    copy_view_enabled = False  # a copy would be refused as a duplicate
    list_display = [
        *(language.field("term") for language in languages.LANGUAGES),
        "do_not_translate",
        "note",
    ]
    list_filter = ["do_not_translate"]
    search_fields = [
        *(language.field("term") for language in languages.LANGUAGES),
        "note",
    ]
    search_backend_name = None  # hundreds of rows at most: searched in the database
    ordering = [languages.DEFAULT.field("term")]
    edit_handler = ObjectList(
        [
            *_per_language("term"),
            FieldPanel("do_not_translate"),
            FieldPanel("note"),
            *_per_language("forbidden"),
        ],
        base_form_class=GlossaryTermForm,
    )
