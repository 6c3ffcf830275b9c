"""The optional second review stage: a "Chief editors" group, the "Newsroom review, two stages"
workflow (the moderators' task, then the chief editors'), and the site setting that chooses it.

Nothing changes for a site until its settings switch the second review on (news/roles.py).
"""

from django.db import migrations, models

WORKFLOW = "Newsroom review"
TWO_STAGE_WORKFLOW = "Newsroom review, two stages"
CHIEF_EDITORS = "Chief editors"
MODERATOR_TASK = "Moderator approval"
CHIEF_EDITOR_TASK = "Chief editor approval"

# Like Moderators: chief editors review, publish, unpublish and schedule, change an article's
# settings and public languages; they do not create pages.
PAGE_PERMISSIONS = ["change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["change_image", "choose_image"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.split('_', 1)[0]} {model}"},
    )
    return perm


def approval_task(apps, name, group):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.set([group])
    return task


def create_second_review(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    chief_editors, _ = Group.objects.get_or_create(name=CHIEF_EDITORS)
    chief_editors.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin"),
        # As Moderators: an article's settings (0007) and its public languages (0006).
        permission(apps, "news", "articlepage", "change_article_settings"),
        permission(apps, "news", "articlepage", "set_language_visibility"),
    )
    root_page = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=chief_editors,
            page=root_page,
            permission=permission(apps, "wagtailcore", "page", codename),
        )
    root_collection = Collection.objects.get(depth=1)
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=chief_editors,
            collection=root_collection,
            permission=permission(apps, "wagtailimages", "image", codename),
        )

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    workflow, created = Workflow.objects.get_or_create(
        name=TWO_STAGE_WORKFLOW, defaults={"active": True}
    )
    if created:
        stages = [
            approval_task(apps, MODERATOR_TASK, moderators),
            approval_task(apps, CHIEF_EDITOR_TASK, chief_editors),
        ]
        for order, task in enumerate(stages):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)


def remove_second_review(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    one_stage = Workflow.objects.filter(name=WORKFLOW).first()
    two_stages = Workflow.objects.filter(name=TWO_STAGE_WORKFLOW).first()
    if two_stages is not None:
        if one_stage is not None:
            WorkflowPage.objects.filter(workflow=two_stages).update(workflow=one_stage)
        else:
            WorkflowPage.objects.filter(workflow=two_stages).delete()
        two_stages.delete()
    Task.objects.filter(name=CHIEF_EDITOR_TASK).delete()
    Group.objects.filter(name=CHIEF_EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0007_translator_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="sitesettings",
            name="second_review",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Articles need a chief editor's approval after the moderator's before they "
                    "are published. Moderators then no longer publish directly."
                ),
                verbose_name="second review",
            ),
        ),
        migrations.RunPython(create_second_review, remove_second_review),
    ]
