"""The glossary's permissions (Settings › Glossary, desk/glossary/admin.py): chief editors and
moderators add, change and delete terms; editors and translators see them."""

from django.db import migrations

from news.newsroom.roles import CHIEF_EDITORS, EDITORS, MODERATORS, TRANSLATORS

MANAGE = ["add_glossaryterm", "change_glossaryterm", "delete_glossaryterm", "view_glossaryterm"]
VIEW = ["view_glossaryterm"]
GRANTS = {CHIEF_EDITORS: MANAGE, MODERATORS: MANAGE, EDITORS: VIEW, TRANSLATORS: VIEW}


def permissions(apps, codenames):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="desk", model="glossaryterm")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} glossary term"},
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
        ("desk", "0002_memory_trigram_index"),
        ("news", "0024_bilingual_role_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
