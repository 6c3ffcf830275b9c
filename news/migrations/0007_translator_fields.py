"""The `change_article_settings` permission: an article's date, flags, column, tags, images,
related picks, menu flag and schedule. Editors and Moderators get it; Translators do not, so
their article form holds only the text fields (news/models/article.py)."""

from django.db import migrations

CODENAME = "change_article_settings"
NAME = "Can change an article's date, flags, column, tags, images and schedule"
GROUPS = ("Editors", "Moderators")


def settings_permission(apps):
    """The Permission row, created if post_migrate has not run yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="news", model="articlepage")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    return perm


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    perm = settings_permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(perm)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="news", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_language_visibility"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="articlepage",
            options={
                "permissions": [
                    (
                        "set_language_visibility",
                        "Can choose which languages an article is public in",
                    ),
                    (CODENAME, NAME),
                ],
                "verbose_name": "article",
                "verbose_name_plural": "articles",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
