"""Newsroom roles and the review workflow (created by migration 0004_newsroom_roles).

- Editors: create and edit pages, submit them to "Newsroom review"; images and documents.
- Moderators: edit, publish, unpublish, schedule, lock; approve or reject in the workflow;
  columns and tags.
- Translators: edit existing pages and images (alt text, caption); nothing else.

Wagtail lets anyone with "change" delete or move a page that is not live. The newsroom's
rule is stricter: only someone who may create pages may remove or move them, so the hooks in
`wagtail_hooks.py` refuse both to users without the "add" page permission (superusers
excepted).
"""

from wagtail.models import GroupCollectionPermission, Workflow, WorkflowPage

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
REVIEW_WORKFLOW = "Newsroom review"


def may_remove_or_move(user, page):
    """False for users who cannot create pages under `page`'s tree (translators, moderators)."""
    if user.is_superuser:
        return True
    return "add" in page.permissions_for_user(user).permissions


def may_delete_images(user):
    """Only groups given delete_image (Moderators) delete images: Wagtail's own policy lets
    anyone who may change an image delete it, which would include translators."""
    if user.is_superuser:
        return True
    return GroupCollectionPermission.objects.filter(
        group__user=user, permission__codename="delete_image"
    ).exists()


def attach_review_workflow(index):
    """Put News&Events (and every article below it) under "Newsroom review", if it exists and
    the page has no workflow of its own yet. Returns True when it attached the workflow."""
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is None or WorkflowPage.objects.filter(page=index).exists():
        return False
    WorkflowPage.objects.create(page=index, workflow=workflow)
    return True
