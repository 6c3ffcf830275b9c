"""Newsroom roles and the review workflow (created by migration 0004_newsroom_roles).

- Editors: create and edit pages, submit them to "Newsroom review"; images and documents.
- Moderators: edit, publish, unpublish, schedule, lock; approve or reject in the workflow;
  columns and tags.
- Translators: edit existing pages and images (alt text, caption); nothing else.
- Chief editors: the second review stage (migration 0008_second_review), switched on per site
  by Settings › Site settings › "second review": News&Events then goes under "Newsroom review,
  two stages" (moderator, then chief editor), and only chief editors publish directly.

Wagtail lets anyone with "change" delete or move a page that is not live. The newsroom's
rule is stricter: only someone who may create pages may remove or move them
(`news.models.base.NewsroomPermissionTester`, which every page type answers with).
"""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Workflow, WorkflowPage
from wagtail.permission_policies.pages import PagePermissionPolicy

from news.models import ContactPage, HomePage, NewsIndexPage, SiteSettings, StandardPage

# The groups', workflows' and tasks' names as stored: in both languages, English first, as the
# admin shows them in either (migration 0024_bilingual_role_names). Settings › Groups and
# Workflows may rename them: the code finds them by these names.
EDITORS = "Editors / 编辑"
MODERATORS = "Moderators / 审核员"
TRANSLATORS = "Translators / 译者"
CHIEF_EDITORS = "Chief editors / 总编辑"
REVIEW_WORKFLOW = "Newsroom review / 编辑部审核"
TWO_STAGE_WORKFLOW = "Newsroom review, two stages / 编辑部两级审核"
NEWSROOM_WORKFLOWS = (REVIEW_WORKFLOW, TWO_STAGE_WORKFLOW)
MODERATOR_TASK = "Moderator approval / 审核员审批"
CHIEF_EDITOR_TASK = "Chief editor approval / 总编辑审批"


def review_workflow(second_review):
    """The newsroom's one- or two-stage workflow, or None if an administrator removed it."""
    name = TWO_STAGE_WORKFLOW if second_review else REVIEW_WORKFLOW
    return Workflow.objects.filter(name=name, active=True).first()


def second_review_on(page):
    """Whether the site `page` belongs to asks for a second review (its site settings)."""
    site = page.get_site()
    # Not SiteSettings.for_site(), which would create empty settings as a side effect.
    return bool(site and SiteSettings.objects.filter(site=site, second_review=True).exists())


def attach_review_workflow(index):
    """Put News&Events (and every article below it) under the newsroom's review workflow (two
    stages if the site's settings ask for a second review), if the page has no workflow of its
    own yet. Returns True when it attached one."""
    if WorkflowPage.objects.filter(page=index).exists():
        return False
    workflow = review_workflow(second_review_on(index))
    if workflow is None:
        return False
    WorkflowPage.objects.create(page=index, workflow=workflow)
    return True


def reviewed_site_pages(root):
    """The site's own pages directly under its home page (`root`): each is a section of its
    own under the review workflow, with the pages below it."""
    return Page.objects.child_of(root).type(StandardPage, ContactPage)


def review_new_site_page(sender, instance, created=False, raw=False, **kwargs):
    """post_save of StandardPage and ContactPage: one created directly under the home page
    goes under the review workflow, as News&Events does (one below it inherits it)."""
    if created and not raw and instance.depth > 2:
        parent = instance.get_parent()
        if parent is not None and parent.specific_class is HomePage:
            attach_review_workflow(instance)


def apply_review_setting(site_settings):
    """Move the site's News&Events pages (and its own pages under Home) to the workflow its "second review" setting asks for.

    Only pages under one of the newsroom's two workflows (or none) are switched: a workflow an
    administrator set up by hand is theirs. Articles already in review finish the workflow
    they started in (Wagtail keeps it on their workflow state).
    """
    workflow = review_workflow(site_settings.second_review)
    if workflow is None:
        return
    root = site_settings.site.root_page
    sections = [*NewsIndexPage.objects.descendant_of(root, inclusive=True)]
    for index in [*sections, *reviewed_site_pages(root)]:
        current = WorkflowPage.objects.filter(page=index).select_related("workflow").first()
        if current is None or current.workflow.name in NEWSROOM_WORKFLOWS:
            WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})


def may_publish_directly(user, page):
    """With a second review, publishing without the workflow is for chief editors only.

    Without it, whoever has Wagtail's publish permission publishes (Moderators). `page` is
    the page being edited, or the parent of the one being created.
    """
    if user.is_superuser or not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return True
    workflow = page.get_workflow()
    if workflow is None or workflow.name != TWO_STAGE_WORKFLOW:
        return True
    return user.groups.filter(name=CHIEF_EDITORS).exists()


def save_instead_of_publishing(request, page):
    """A publish request from someone who may not publish directly (a form opened before the
    second review was switched on) is saved as a draft, with a message: no edit is lost."""
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and not may_publish_directly(request.user, page)
    ):
        request.POST = request.POST.copy()
        del request.POST["action-publish"]
        messages.warning(
            request,
            _(
                "Saved as a draft, not published: this site asks for a second review. "
                "Submit the article so that a chief editor approves it."
            ),
        )


def contact_messages_for(user, form_pages):
    """The form pages whose messages `user` reads under Forms: those where they may also add
    or publish pages (Editors, Moderators, chief editors). Translators, whose one right is
    "change", translate the contact page but do not read what visitors wrote (names, e-mail
    addresses)."""
    if user.is_superuser:
        return form_pages
    allowed = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "publish"])
    return form_pages.filter(pk__in=allowed.values("pk"))
