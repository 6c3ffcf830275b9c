"""Per-language visibility of articles (`public_en`, `public_zh_hans`) and the permission to
change it, granted to the Moderators group (made by 0004_newsroom_roles)."""

from django.db import migrations, models

CODENAME = "set_language_visibility"
NAME = "Can choose which languages an article is public in"


def visibility_permission(apps):
    """The Permission row, created if post_migrate has not run yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="news", model="articlepage")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    return perm


def grant_to_moderators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(visibility_permission(apps))


def revoke_from_moderators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.remove(visibility_permission(apps))


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0005_focus_control'),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='articlepage',
            options={'permissions': [('set_language_visibility', 'Can choose which languages an article is public in')], 'verbose_name': 'article', 'verbose_name_plural': 'articles'},
        ),
        migrations.AddField(
            model_name='articlepage',
            name='public_en',
            field=models.BooleanField(default=True, help_text='Untick to leave the story out of the English site: its English address then shows the Chinese version.', verbose_name='public in English'),
        ),
        migrations.AddField(
            model_name='articlepage',
            name='public_zh_hans',
            field=models.BooleanField(default=True, help_text='Untick to leave the story out of the Chinese site: its Chinese address then shows the English version.', verbose_name='public in Chinese'),
        ),
        migrations.RunPython(grant_to_moderators, revoke_from_moderators),
    ]
