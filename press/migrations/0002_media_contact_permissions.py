"""Who manages the media contacts (Settings › Media contacts, press/wagtail_hooks.py): chief
editors and moderators, the press office's people, add, change and delete them. Preview links
need no model permission: who may publish a release manages its links."""

from django.db import migrations

from news.newsroom.roles import CHIEF_EDITORS, MODERATORS

MANAGE = ["add_mediacontact", "change_mediacontact", "delete_mediacontact", "view_mediacontact"]
GRANTS = {CHIEF_EDITORS: MANAGE, MODERATORS: MANAGE}


def permissions(apps, codenames):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="press", model="mediacontact")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} media contact"},
        )[0]
        for codename in codenames
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_initial"),
        ("news", "0024_bilingual_role_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
