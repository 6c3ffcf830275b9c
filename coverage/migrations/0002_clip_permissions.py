"""The clips' permissions ("In the media", coverage/admin.py): Editors, Moderators and chief
editors add, change and delete them. Translators have none: the clips are not translated (each
is in its own language) and recording press coverage is the newsroom's work."""

from django.db import migrations

from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS

MANAGE = [
    "add_coverageclip",
    "change_coverageclip",
    "delete_coverageclip",
    "view_coverageclip",
]
GRANTS = {EDITORS: MANAGE, MODERATORS: MANAGE, CHIEF_EDITORS: MANAGE}


def permissions(apps, codenames):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="coverage", model="coverageclip"
    )
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} coverage clip"},
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
        ("coverage", "0001_initial"),
        ("news", "0025_translation_source_revisions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
