"""The sign-up form: an address (validation.py), a language (the page's by default), the
columns (none ticked: every column) and the honeypot (news/spam.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from news import languages, spam
from news.models import Column

from . import validation


class SignupForm(forms.Form):
    email = forms.CharField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=(),
        widget=forms.RadioSelect,
    )
    columns = forms.ModelMultipleChoiceField(
        label=_("Columns"),
        queryset=Column.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to receive the stories of every column."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[spam.HONEYPOT] = spam.honeypot_field()
        self.fields["language"].choices = [
            (language.code, language.self_name) for language in languages.LANGUAGES
        ]
        self.fields["language"].initial = languages.active().code
        self.fields["columns"].queryset = Column.objects.order_by(languages.active().field("name"))

    def clean_email(self):
        return validation.accepted(self.cleaned_data["email"])
