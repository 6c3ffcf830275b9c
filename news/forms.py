"""The article edit form: inline formsets some roles may not change are left out for them."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """Drops the formsets named in `formset_permissions` (set by
    `news.panels.PermissionedInlinePanel`) for users without that permission, as Wagtail's
    `field_permissions` drops fields: the panel is not shown and a POST of it is ignored."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        for name, permission in getattr(self.Meta, "formset_permissions", {}).items():
            if name in self.formsets and not for_user.has_perm(permission):
                del self.formsets[name]
