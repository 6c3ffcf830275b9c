"""Who may delete images and documents: a permission of its own, in Wagtail's permission policy.

Wagtail's images and documents ask one permission policy object each (collections and group
permissions, `CollectionOwnershipPermissionPolicy`) before every action: the listing, the
add, edit (which also replaces the file), delete, multiple-upload edit and delete, bulk actions
and choosers. That policy treats "delete" as "change": whoever may edit an image may delete it,
through any of those doors. The newsroom lets editors and chief editors edit images (to set a
focal point or replace a bad crop) but only moderators remove them, since removing an image
takes it off every live article that shows it.

`DeleteNeedsItsOwnPermission` is Wagtail's policy with one difference: "delete" is granted by
the delete permission on the collection (the `delete_image` / `delete_document` group
collection permission), and by nothing else, not even owning the file. `install()` (called by
the newsroom's AppConfig) makes Wagtail's own policy objects behave so, in place: Wagtail's
views, forms, choosers and bulk actions hold references to those objects, so every door
checks the same rule; and it adds "Delete" to the group editor's image and document
permission panels, so that an administrator grants it where Wagtail grants the others.

Translators hold only `choose_image` (news migration 0014): the alt text and caption the site
shows are the article's own per-language fields, which they edit in the page editor.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.collections import collection_member_permission_formset_factory
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

DELETE = "delete"


def split(actions):
    """(whether "delete" is asked, the other actions)."""
    return DELETE in actions, [action for action in actions if action != DELETE]


def either(users, others):
    """Users in either queryset (one may be distinct, the other not: no `|`)."""
    return get_user_model().objects.filter(
        Q(pk__in=users.values("pk")) | Q(pk__in=others.values("pk"))
    )


class DeleteNeedsItsOwnPermission(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection and ownership rules, with "delete" a permission of its own."""

    def user_has_permission(self, user, action):
        if action == DELETE:
            return self._check_perm(user, [DELETE])
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        deletes, others = split(actions)
        users = super().users_with_any_permission(others)  # superusers only, if no others
        if deletes:
            users = either(users, self._users_with_perm([DELETE]))
        return users

    def user_has_any_permission_for_instance(self, user, actions, instance):
        deletes, others = split(actions)
        if deletes and self._check_perm(user, [DELETE], collection=instance.collection):
            return True
        return bool(others) and super().user_has_any_permission_for_instance(user, others, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        deletes, others = split(actions)
        instances = super().instances_user_has_any_permission_for(user, others)
        if not deletes or (user.is_active and user.is_superuser) or not user.is_authenticated:
            return instances
        deletable = self.model._default_manager.filter(
            collection__in=self._collections_with_perm(user, [DELETE])
        )
        return instances | deletable

    def users_with_any_permission_for_instance(self, actions, instance):
        deletes, others = split(actions)
        users = super().users_with_any_permission_for_instance(others, instance)
        if deletes:
            deleters = self._users_with_perm([DELETE], collection=instance.collection)
            users = either(users, deleters)
        return users

    def collections_user_has_any_permission_for(self, user, actions):
        deletes, others = split(actions)
        collections = super().collections_user_has_any_permission_for(user, others)
        if not deletes or (user.is_active and user.is_superuser) or not user.is_authenticated:
            return collections
        return collections | self._collections_with_perm(user, [DELETE])


def permission_panel(model, add, change, choose, delete, template):
    codename = model._meta.model_name
    return collection_member_permission_formset_factory(
        model,
        [
            (f"add_{codename}", _("Add"), add),
            (f"change_{codename}", _("Edit"), change),
            (f"delete_{codename}", _("Delete"), delete),
            (f"choose_{codename}", _("Choose"), choose),
        ],
        template,
    )


def install():
    """Make Wagtail's image and document policies (and group permission panels) the newsroom's."""
    from wagtail.documents import permissions as document_permissions
    from wagtail.documents import wagtail_hooks as document_hooks
    from wagtail.documents.models import Document
    from wagtail.images import permissions as image_permissions
    from wagtail.images import wagtail_hooks as image_hooks
    from wagtail.images.models import Image

    for policy in (image_permissions.permission_policy, document_permissions.permission_policy):
        if type(policy) is CollectionOwnershipPermissionPolicy:
            policy.__class__ = DeleteNeedsItsOwnPermission
        elif not isinstance(policy, DeleteNeedsItsOwnPermission):  # a project replaced it
            raise TypeError(f"Unexpected permission policy {policy!r}: see {__name__}")

    # Wagtail's hooks return these module attributes when the group editor is built.
    image_hooks.GroupImagePermissionFormSet = permission_panel(
        Image,
        add=_("Add/edit images you own"),
        change=_("Edit any image"),
        choose=_("Select images in choosers"),
        delete=_("Delete any image (it leaves every page that shows it)"),
        template="wagtailimages/permissions/includes/image_permissions_formset.html",
    )
    document_hooks.GroupDocumentPermissionFormSet = permission_panel(
        Document,
        add=_("Add/edit documents you own"),
        change=_("Edit any document"),
        choose=_("Select documents in choosers"),
        delete=_("Delete any document (its links stop working)"),
        template="wagtaildocs/permissions/includes/document_permissions_formset.html",
    )
