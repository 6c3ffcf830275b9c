"""Translators choose images but no longer edit them.

The alt text and caption the site shows are the article's own per-language fields
(`lead_image_alt_*`, `lead_image_caption_*`, the body's image blocks), which translators edit in
the page editor. Editing an image in the library also replaces its file, at once and on every
live page that shows it, with no review: that is for editors and moderators.
(Deleting images and documents: news/newsroom/media_permissions.py.)
"""

from django.db import migrations


def translators_choose_only(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name="Translators",
        permission__content_type__app_label="wagtailimages",
        permission__codename__in=["add_image", "change_image", "delete_image"],
    ).delete()


def translators_edit_images(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.filter(name="Translators").first()
    change = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename="change_image"
    ).first()
    if group and change:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=Collection.objects.get(depth=1), permission=change
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0013_translation_state_since")]

    operations = [migrations.RunPython(translators_choose_only, translators_edit_images)]
