"""Newsroom roles (Editors, Moderators, Translators) and the "Newsroom review" workflow.

Page permissions are granted on Wagtail's root page (depth 1), which every database has from
Wagtail's own migrations, so they cover whatever tree is built later (HomePage, News&Events and
its articles) without a second migration. Image permissions are granted on the root collection.
Wagtail's own migrations already create "Editors" and "Moderators" groups with their defaults:
this migration replaces those defaults with exactly the newsroom's permissions.

The workflow is attached to News&Events when that page exists; on a fresh database it does not
yet, and `load_demo` (or `news.roles.attach_review_workflow`) attaches it later.
"""

from django.db import migrations

WORKFLOW = "Newsroom review"
TASK = "Moderator approval"

# group: (page permissions on the root page, image permissions on the root collection,
#         document permissions on the root collection, model permissions)
ROLES = {
    "Editors": (
        ["add_page", "change_page"],
        ["add_image", "change_image", "choose_image"],
        ["add_document", "change_document", "choose_document"],
        [],
    ),
    "Moderators": (
        ["change_page", "publish_page", "lock_page", "unlock_page"],
        ["add_image", "change_image", "choose_image", "delete_image"],
        ["add_document", "change_document", "choose_document", "delete_document"],
        [
            ("news", "column", ["add", "change", "delete"]),
            ("news", "articletag", ["add", "change", "delete"]),
        ],
    ),
    "Translators": (
        ["change_page"],
        ["change_image", "choose_image"],
        [],
        [],
    ),
}


def permission(apps, app_label, model, codename):
    """The Permission row, created if post_migrate has not run yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"},
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")

    groups = {}
    for name, (page_perms, image_perms, document_perms, model_perms) in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set(
            [access_admin]
            + [
                permission(apps, app_label, model, f"{action}_{model}")
                for app_label, model, actions in model_perms
                for action in actions
            ]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in page_perms:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for model, codenames in (("image", image_perms), ("document", document_perms)):
            app_label = "wagtailimages" if model == "image" else "wagtaildocs"
            for codename in codenames:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )

    create_workflow(apps, groups["Moderators"])


def create_workflow(apps, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in NewsIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Group.objects.filter(name="Translators").delete()
    Workflow.objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_translation_status"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
