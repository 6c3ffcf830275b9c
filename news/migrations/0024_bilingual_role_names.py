"""The newsroom's groups, workflows and tasks named in both languages ("Editors / 编辑"), so that
the admin reads in either: their names are stored rows, shown by Wagtail as they are (the
"Submit to ..." button, the status side panel, the dashboard, e-mails, Settings).

Wagtail's own default workflow and task ("Moderators approval", which covers the pages outside
the newsroom's sections) are named in both languages too. A row renamed by an administrator
since is left alone. The names the code looks for are in news/newsroom/roles.py.
"""

from django.db import migrations

GROUPS = {
    "Editors": "Editors / 编辑",
    "Moderators": "Moderators / 审核员",
    "Translators": "Translators / 译者",
    "Chief editors": "Chief editors / 总编辑",
}
WORKFLOWS = {
    "Newsroom review": "Newsroom review / 编辑部审核",
    "Newsroom review, two stages": "Newsroom review, two stages / 编辑部两级审核",
    "Moderators approval": "Moderators approval / 审核员批准",
}
TASKS = {
    "Moderator approval": "Moderator approval / 审核员审批",
    "Chief editor approval": "Chief editor approval / 总编辑审批",
    "Moderators approval": "Moderators approval / 审核员批准",
}


def rename(apps, names):
    for model, table in (("auth", "Group"), ("wagtailcore", "Workflow"), ("wagtailcore", "Task")):
        rows = apps.get_model(model, table).objects
        for old, new in names[table].items():
            if not rows.filter(name=new).exists():
                rows.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, {"Group": GROUPS, "Workflow": WORKFLOWS, "Task": TASKS})


def backwards(apps, schema_editor):
    rename(
        apps,
        {
            table: {new: old for old, new in names.items()}
            for table, names in (("Group", GROUPS), ("Workflow", WORKFLOWS), ("Task", TASKS))
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0023_video_file_required_in_drafts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
