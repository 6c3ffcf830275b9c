"""What the demo adds beside its pages: the corrections policy named in the site settings, and
the content of the apps beside news while they are installed ("In the media"'s clips, the press
room's media contacts), each created once. Those apps' models are looked up by name: apps
beside each other never import one another."""

from django.apps import apps

from demo.content import CORRECTIONS_POLICY_PAGE, COVERAGE_CLIPS, MEDIA_CONTACTS
from news.models import SiteSettings


def name_corrections_policy(policy, created):
    """The site settings name the corrections policy (linked from the corrections page) when
    the page was created by this run; an editor's later choice is kept."""
    settings = SiteSettings.objects.filter(site__is_default_site=True).first()
    created_now = CORRECTIONS_POLICY_PAGE["title_en"] in created
    if created_now and settings is not None and settings.corrections_policy is None:
        settings.corrections_policy = policy
        settings.save()  # (a save: the pages showing the settings are made again)


def load_clips(created):
    """ "In the media"'s clips, each added when missing (by its link)."""
    if not apps.is_installed("coverage"):
        return
    clips = apps.get_model("coverage", "CoverageClip").objects
    for data in COVERAGE_CLIPS:
        if not clips.filter(url=data["url"]).exists():
            clips.create(**data)
            created.append("coverage clip")


def load_media_contacts(created):
    """The press page's media contacts, each added when missing (by its English name)."""
    if not apps.is_installed("press"):
        return
    contacts = apps.get_model("press", "MediaContact").objects
    for data in MEDIA_CONTACTS:
        if not contacts.filter(name_en=data["name_en"]).exists():
            contacts.create(**data)
            created.append("media contact")
