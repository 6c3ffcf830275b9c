"""Editor panels: both languages of a field side by side, and panels only some roles see.

`BilingualRowPanel([FieldPanel("summary")])` is expanded by wagtail-modeltranslation (it is
listed in `WAGTAILMODELTRANSLATION_CUSTOM_COMPOSED_PANELS`) into one row holding
`summary_en` and `summary_zh_hans`, English first. `static/css/editor.css` puts the two in
columns when the row is at least 48rem wide and stacks them below that.

This module must not import the page models: wagtail-modeltranslation imports it while
patching them.
"""

from wagtail.admin.panels import InlinePanel, MultiFieldPanel


class BilingualRowPanel(MultiFieldPanel):
    """The language versions of one translated field, next to each other on wide editors."""

    def __init__(self, children=(), *args, **kwargs):
        kwargs.setdefault("classname", "bilingual-row")
        super().__init__(children, *args, **kwargs)

    class BoundPanel(MultiFieldPanel.BoundPanel):
        template_name = "news/admin/bilingual_row_panel.html"


class PermissionedInlinePanel(InlinePanel):
    """An InlinePanel shown, and saved, only for users with `permission`.

    Wagtail's `FieldPanel(permission=…)` leaves the field out of the form for other users;
    this does the same for the inline formset (the form class drops it, see
    `news.forms.ArticlePageForm`), so a POST of the formset by such a user changes nothing.
    """

    def __init__(self, relation_name, *args, permission=None, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.permission = permission

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["permission"] = self.permission
        return kwargs

    def get_form_options(self):
        options = super().get_form_options()
        if self.permission:
            options["formset_permissions"] = {self.relation_name: self.permission}
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            relation_name = kwargs["panel"].relation_name
            self.formset_missing = form is not None and relation_name not in form.formsets
            if self.formset_missing:
                kwargs["form"] = None  # InlinePanel's BoundPanel then builds no children
            super().__init__(**kwargs)

        def is_shown(self):
            return not self.formset_missing and super().is_shown()
