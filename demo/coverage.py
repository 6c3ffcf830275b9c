""" "In the media"'s demo clips (coverage/, while installed): created once each, found by their
link. The model is looked up by name: apps beside each other never import one another."""

from django.apps import apps

from demo.content import COVERAGE_CLIPS


def load_clips(created):
    if not apps.is_installed("coverage"):
        return
    clip_model = apps.get_model("coverage", "CoverageClip")
    for data in COVERAGE_CLIPS:
        if not clip_model.objects.filter(url=data["url"]).exists():
            clip_model.objects.create(**data)
            created.append("coverage clip")
