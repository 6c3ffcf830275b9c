"""Who may read the subscribers (Newsletter › Subscribers, newsletter/subscribers/admin.py):
moderators and chief editors list, export, edit and delete them; editors and translators do not
see the list at all (visitors' e-mail addresses). Nobody is given "add": an address typed in
by hand was not confirmed by its owner (superusers may add one, which waits for a
confirmation and is sent nothing)."""

from django.db import migrations

from news.newsroom.roles import CHIEF_EDITORS, MODERATORS

CODENAMES = ["change_subscriber", "delete_subscriber", "view_subscriber"]
GROUPS = [CHIEF_EDITORS, MODERATORS]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model="subscriber")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} subscriber"},
        )[0]
        for codename in CODENAMES
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_subscriber_email_any_case"),
        ("news", "0024_bilingual_role_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
