"""What the old demo left in a database, replaced where nobody has edited it.

The demo before issue 26 titled every story and event "Sample: ..." ("示例：..."), gave every
story a picture drawn with its file name and "Photo not available" or "Sample image" written
on it ("1.png", "sample-3.png", "gallery-2.png"), and ended its About page with a line saying
it was sample content. A database loaded then still shows all that, and `load_demo` would only
add the new stories beside it. So `load_demo` first removes each such story or event that only
commands have ever saved (no revision by a person, no draft waiting): it is then made again as
the demo is now, the seed article at its own address, the others at their new ones (the old
addresses answer 404). An untouched About page loses its sample line (the footer says now
that the site is a demo, demo/wagtail_hooks.py). Last, the drawn pictures that
nothing uses any more are deleted. Whatever an editor has touched stays exactly as it is.
"""

from django.db.models import Q
from wagtail.images.models import Image
from wagtail.models import ReferenceIndex

from news import languages
from news.models import ArticlePage, StandardPage

TITLE_MARK = "Sample: "
DRAWN_PICTURES = (
    "1.png",
    *(f"sample-{number}.png" for number in range(1, 15)),
    *(f"gallery-{number}.png" for number in range(1, 4)),
)
ABOUT_SLUG = "about"
ABOUT_LINES = ("This is sample content for the demo site.", "本文为演示网站的示例内容。")


def untouched(page):
    """Only ever saved by commands: no revision by a person, no draft waiting."""
    return not page.has_unpublished_changes and not page.revisions.exclude(user=None).exists()


def retire():
    """Removes the old demo's untouched stories and events (events are ArticlePages too) and
    its drawn pictures nothing uses; takes the sample line out of an untouched About page.
    Returns how many pages it removed or changed."""
    drawn = Image.objects.filter(title__in=DRAWN_PICTURES)
    old = ArticlePage.objects.filter(Q(title_en__startswith=TITLE_MARK) | Q(lead_image__in=drawn))
    replaced = 0
    for page in old.specific():
        if untouched(page):
            page.delete()
            replaced += 1
    about = StandardPage.objects.filter(slug_en=ABOUT_SLUG).first()
    if about and ABOUT_LINES[0] in str(about.body_en) and untouched(about):
        for language in languages.LANGUAGES:
            field = language.field("body")
            kept = [
                (block.block_type, block.value)
                for block in getattr(about, field)
                if not any(line in str(block.value) for line in ABOUT_LINES)
            ]
            setattr(about, field, kept)
        about.save_revision().publish()
        replaced += 1
    for picture in drawn:
        if not ReferenceIndex.get_references_to(picture).exists():
            picture.delete()
    return replaced
