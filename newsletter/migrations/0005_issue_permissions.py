"""Who composes and who sends the newsletter's issues: Editors add and change issues (drafts,
test mails) but do not publish, which sends; Moderators and chief editors also publish, lock,
unlock and delete. Translators: none."""

from django.db import migrations

from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS

COMPOSE = ["add_newsletterissue", "change_newsletterissue", "view_newsletterissue"]
SEND = [
    *COMPOSE,
    "delete_newsletterissue",
    "publish_newsletterissue",
    "lock_newsletterissue",
    "unlock_newsletterissue",
]
GRANTS = {CHIEF_EDITORS: SEND, MODERATORS: SEND, EDITORS: COMPOSE}


def permissions(apps, codenames):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="newsletter", model="newsletterissue"
    )
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} newsletter issue"},
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
        ("newsletter", "0004_issues"),
        ("news", "0024_bilingual_role_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
