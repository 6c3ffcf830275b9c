"""Helpers of the press room's tests (the one helpers module of press/tests/)."""

import datetime

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text, streamfield

from news.factories import ArticlePageFactory
from news.tests.utils import body_with_images, edit_form, new_image

from ..models import MediaContact

EMBARGOED_EN = "Embargoed breakthrough in battery chemistry"
EMBARGOED_ZH = "禁发的电池化学突破"
EMBARGOED_BODY_EN = "The secret paragraph of the release."
EMBARGOED_BODY_ZH = "新闻稿的保密段落。"


def admin_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def release(index, **fields):
    """A live press release under `index`."""
    return ArticlePageFactory(parent=index, press_release=True, **fields)


def schedule_through_admin(client, page, go_live_at, **overrides):
    """A moderator (`client`, signed in) publishes `page` as a press release going live at
    `go_live_at`, with the secret title and body, through the edit view."""
    data = {
        "title_en": EMBARGOED_EN,
        "title_zh_hans": EMBARGOED_ZH,
        "press_release": "on",
        "press_licence_en": "Free for editorial use with credit",
        "press_licence_zh_hans": "注明出处即可用于新闻报道",
        "go_live_at": admin_time(go_live_at),
        "action-publish": "action-publish",
        **overrides,
    }
    for field, text in (("body_en", EMBARGOED_BODY_EN), ("body_zh_hans", EMBARGOED_BODY_ZH)):
        data.setdefault(field, streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]))
    form = edit_form(page, **data)
    response = client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, f"the edit view answered {response.status_code}"
    return response


def time_passes(hours):
    """What the clock moving `hours` forward looks like to `publish_scheduled`: every scheduled
    time moved back as much, then the command run (as cron runs it every minute)."""
    past = datetime.timedelta(hours=hours)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at -= past
        if revision.content.get("go_live_at"):
            moment = datetime.datetime.fromisoformat(revision.content["go_live_at"])
            revision.content["go_live_at"] = (moment - past).isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)


def release_with_photos(index, **fields):
    """A live release whose lead image and body (a captioned image, a two-photo gallery) carry
    credits in both languages."""
    lead, photo, first, second = (
        new_image(title=title, hue=n)
        for n, title in enumerate(("Lead photo", "Lab bench", "Gallery one", "Gallery two"))
    )
    body = body_with_images(photo, first, second)
    body[1]["value"]["credit"] = "Li Wei"
    for n, gallery_photo in enumerate(body[2]["value"]["photos"]):
        gallery_photo["credit"] = f"Gallery photographer {n}"
    body_zh = [
        {**block, "value": dict(block["value"])} if block["type"] != "paragraph" else block
        for block in body
    ]
    body_zh[1]["value"]["credit"] = "李伟"
    page = release(
        index,
        lead_image=lead,
        lead_image_alt_en="The lead photo",
        lead_image_credit_en="Wang Fang",
        lead_image_credit_zh_hans="王芳",
        body_en=body,
        body_zh_hans=body_zh,
        press_licence_en="Free for editorial use with credit",
        press_licence_zh_hans="注明出处即可用于新闻报道",
        **fields,
    )
    return page, (lead, photo, first, second)


def contact(**fields):
    values = {
        "name_en": "Zhang Min",
        "name_zh_hans": "张敏",
        "role_en": "Press officer",
        "role_zh_hans": "新闻发言人",
        "phone": "+86 10 6891 0000",
        "email": "press@example.edu.cn",
        **fields,
    }
    return MediaContact.objects.create(**values)
