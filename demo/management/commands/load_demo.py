"""`manage.py load_demo`: the demo site, creating only what is missing.

Safe to run on every `make run`: pages, images, settings and the admin account
that already exist are left exactly as they are (an editor's changes survive). The pictures
are photographs (demo/photos.py); the pages of the old demo ("Sample: ..." titles, drawn
pictures) that nobody has edited are replaced (demo/old_demo.py).
"""

import datetime
import secrets
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from demo import extras, old_demo, photos
from demo.content import (
    ABOUT_PAGE,
    ACCESSIBILITY_PAGE,
    CONTACT_PAGE,
    CORRECTIONS_POLICY_PAGE,
    DEMO_COLUMNS,
    DEMO_TAGS,
    EVENTS_INDEX,
    HOME_PAGE,
    NEWS_INDEX,
    PHOTOS,
    RICH_STORY,
    RICH_STORY_GALLERY,
    RICH_STORY_TABLE,
    SAMPLE_ARTICLES,
    SAMPLE_EVENTS,
    SEED_ARTICLE,
    SITE_SETTINGS,
)
from demo.report import summary
from news import languages
from news.models import (
    ArticleCorrection,
    ArticlePage,
    ArticleTag,
    Column,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    SiteSettings,
    StandardPage,
)
from news.newsroom.roles import attach_review_workflow
from news.pictures import tasks as picture_tasks

# The demo data's keys end in each language's field suffix: title_en, title_zh_hans.
LANGUAGES = tuple(language.field_suffix for language in languages.LANGUAGES)
ADMIN_USERNAME = "admin"
PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-admin-password"


def per_language(data, field):
    """{"title_en": ..., "title_zh_hans": ...} from the demo data's keys."""
    return {f"{field}_{code}": data.get(f"{field}_{code}", "") for code in LANGUAGES}


def paragraphs(texts):
    return [("paragraph", RichText(format_html("<p>{}</p>", text))) for text in texts]


class Command(BaseCommand):
    help = "Load the demo site: pages, articles, settings, admin. Creates only what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            type=Path,
            default=PASSWORD_FILE,
            help="Where the demo admin's generated password is kept (git-ignored).",
        )
        parser.add_argument(
            "--enqueue-pictures",
            action="store_true",
            help="Leave the images' renditions to the worker (manage.py db_worker --backend "
            "background) instead of making them now (about 4 s an image).",
        )

    def handle(self, *args, **options):
        created = []
        try:
            self.load(created)
        except photos.PhotosMissing as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Demo content: {summary(created)}")
        if apps.is_installed("desk"):  # the translators' desk: its glossary's starter set
            call_command("load_glossary", stdout=self.stdout)
        if not options["enqueue_pictures"]:
            self.pictures()
        self.admin_account(options["password_file"])

    def load(self, created):
        with transaction.atomic():
            home = self.home_page(created)
            index = self.news_index(home, created)
            # the old demo's "Sample:" pages, where untouched: removed, made again below
            created.extend(["replaced"] * old_demo.retire())
            if attach_review_workflow(index):
                created.append("review workflow")
            self.site_settings(created)
            columns = self.columns(created)
            tags = self.tags(created)
            # Columns created now and articles that already exist: a database loaded
            # before columns existed. File those articles, unless an editor has.
            filing = {"columns": columns, "tags": tags, "file_existing": "column" in created}
            for data in [SEED_ARTICLE, *SAMPLE_ARTICLES]:
                self.article(index, data, created, **filing)
            events = self.events_index(index, created)
            for data in SAMPLE_EVENTS:
                self.event(events, data, created)
            about = self.site_page(home, ABOUT_PAGE, created)
            self.site_page(about, ACCESSIBILITY_PAGE, created)
            policy = self.site_page(about, CORRECTIONS_POLICY_PAGE, created)
            extras.name_corrections_policy(policy, created)
            self.contact_page(home, CONTACT_PAGE, created)
            extras.load_clips(created)  # "In the media", while installed
            extras.load_media_contacts(created)  # the press room, while installed

    def pictures(self):
        """Every image's pictures made now (news/pictures/), so that no page of the demo makes
        one in a visitor's request (nor in a browser test or a bench): the worker would make
        them too, later (each upload and publish asked for them). Nothing to do on later runs."""
        needed = picture_tasks.needing_records()
        if not needed:
            return

        def progress(done, total, seconds):
            sys.stderr.write(f"\rPictures: {done}/{total} images, {seconds:.0f} s")
            sys.stderr.flush()

        counts = picture_tasks.prepare_now(needed, progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(f"Pictures: made for {counts['prepared']} images")
        if counts["failed"]:
            self.stderr.write(f"{counts['failed']} images failed (the log says why)")

    def home_page(self, created):
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a "Welcome to Wagtail" page as the site root.
        for page in root.get_children().exact_type(Page):
            if not page.get_children().exists():
                page.delete()
        home = HomePage(
            title=HOME_PAGE["title_en"],
            slug=HOME_PAGE["slug_en"],
            **per_language(HOME_PAGE, "title"),
            **per_language(HOME_PAGE, "slug"),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "bitnews", home
        site.save()
        created.append("home page")
        return home

    def news_index(self, home, created):
        return self.section(NewsIndexPage, home, NEWS_INDEX, "News&Events", created)

    def events_index(self, index, created):
        return self.section(EventIndexPage, index, EVENTS_INDEX, "Events", created, "intro")

    def section(self, model, parent, data, name, created, *texts):
        """The one `model` section under `parent`, created once and shown in menus."""
        section = model.objects.child_of(parent).first()
        if section:
            return section
        fields = {}
        for field in ("title", "slug", *texts):
            fields.update(per_language(data, field))
        section = model(title=data["title_en"], slug=data["slug_en"], show_in_menus=True, **fields)
        parent.add_child(instance=section)
        section.save_revision().publish()
        created.append(name)
        return section

    def site_page(self, parent, data, created):
        """A StandardPage shown in menus, created once (found by its English slug)."""
        page = StandardPage.objects.filter(slug_en=data["slug_en"]).first()
        if page:
            return page
        page = StandardPage(
            title=data["title_en"],
            slug=data["slug_en"],
            show_in_menus=True,
            **per_language(data, "title"),
            **per_language(data, "slug"),
            **per_language(data, "intro"),
            **{f"body_{code}": paragraphs(data[f"body_{code}"]) for code in LANGUAGES},
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        created.append(data["title_en"])
        return page

    def contact_page(self, parent, data, created):
        """The contact form (name, e-mail, message), created once."""
        if ContactPage.objects.filter(slug_en=data["slug_en"]).exists():
            return
        page = ContactPage(
            title=data["title_en"],
            slug=data["slug_en"],
            show_in_menus=True,
            to_address=data["to_address"],
            subject=data["subject"],
            **per_language(data, "title"),
            **per_language(data, "slug"),
            **per_language(data, "intro"),
            **per_language(data, "thank_you_text"),
        )
        for number, (english, chinese, kind) in enumerate(data["fields"]):
            page.form_fields.add(
                page.form_fields.model(
                    sort_order=number,
                    label=english,
                    label_en=english,
                    label_zh_hans=chinese,
                    field_type=kind,
                    required=True,
                )
            )
        parent.add_child(instance=page)
        page.save_revision().publish()
        created.append("Contact")

    def event(self, events, data, created):
        """A sample event `days` from today (negative: past), created once."""
        if EventPage.objects.filter(slug_en=data["slug_en"]).exists():
            return
        day = timezone.localdate() + datetime.timedelta(days=data["days"])
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(data["hour"])))
        fields = {f"body_{code}": paragraphs(data[f"body_{code}"]) for code in LANGUAGES}
        for name in ("title", "slug", "summary", "venue", "speakers", "organiser"):
            fields.update(per_language(data, name))
        event = EventPage(
            title=data["title_en"],
            slug=data["slug_en"],
            start=start,
            end=start + datetime.timedelta(hours=data["hours"]) if data["hours"] else None,
            all_day=data["all_day"],
            registration_url=data["registration_url"],
            online_url=data["online_url"],
            **fields,
        )
        events.add_child(instance=event)
        event.save_revision().publish()
        created.append("event")

    def site_settings(self, created):
        site = Site.objects.get(is_default_site=True)
        if SiteSettings.objects.filter(site=site).exists():
            return
        SiteSettings.objects.create(
            site=site, site_name=SITE_SETTINGS["site_name_en"], **SITE_SETTINGS
        )
        created.append("site settings")

    def columns(self, created):
        """{English slug: Column} for the demo columns, creating the missing ones."""
        columns = {}
        for data in DEMO_COLUMNS:
            column = Column.objects.filter(slug_en=data["slug_en"]).first()
            if column is None:
                column = Column.objects.create(name=data["name_en"], slug=data["slug_en"], **data)
                created.append("column")
            columns[data["slug_en"]] = column
        return columns

    def tags(self, created):
        """{keyword: ArticleTag} for the demo tags, creating the missing ones."""
        tags = {}
        for keyword, chinese_name in DEMO_TAGS.items():
            tag = ArticleTag.objects.filter(name=keyword).first()
            if tag is None:
                tag = ArticleTag.objects.create(name=keyword, chinese_name=chinese_name)
                created.append("tag")
            tags[keyword] = tag
        return tags

    def file(self, article, data, columns, tags):
        article.column = columns[data["column"]]
        article.tags.set([tags[keyword] for keyword in data["tags"]])

    def article(self, index, data, created, columns, tags, file_existing):
        existing = ArticlePage.objects.filter(slug_en=data["slug_en"]).first()
        if existing:
            untouched = existing.column_id is None and not existing.tags.exists()
            if file_existing and untouched and not existing.has_unpublished_changes:
                self.file(existing, data, columns, tags)
                existing.save_revision().publish()
                created.append("filed")
            return
        photo = data["photo"]
        fields = {}
        for code in LANGUAGES:
            # the photo's credit in each language the story is written in
            credit = PHOTOS[photo][f"credit_{code}"] if photo and data[f"title_{code}"] else ""
            fields[f"lead_image_alt_{code}"] = data.get(f"image_alt_{code}", "")
            fields[f"lead_image_caption_{code}"] = data.get(f"image_caption_{code}", "")
            fields[f"lead_image_credit_{code}"] = credit
            fields[f"body_{code}"] = paragraphs(data[f"body_{code}"])
        for name in ("title", "slug", "summary", "writer", "photographer", "editor", "source"):
            fields.update(per_language(data, name))
        fields.update(per_language(data, "press_licence"))
        if data["slug_en"] == RICH_STORY:
            self.add_gallery_and_table(fields)
        article = ArticlePage(
            title=data["title_en"],
            slug=data["slug_en"],
            news_date=data["date"],
            focus=data["focus"],
            focus_pinned=data.get("focus_pinned", False),
            press_release=data.get("press_release", False),
            lead_image=self.photo(photo) if photo else None,
            **fields,
        )
        self.file(article, data, columns, tags)
        for note in data.get("corrections", ()):
            article.corrections.add(ArticleCorrection(**note))
        index.add_child(instance=article)
        article.save_revision().publish()
        created.append("article")

    def add_gallery_and_table(self, fields):
        """A gallery and a table at the end of each language's body (the demo's rich story)."""
        shown = RICH_STORY_GALLERY["photos"]
        images = [self.photo(photo["photo"]) for photo in shown]
        for code in LANGUAGES:
            gallery = {
                "title": RICH_STORY_GALLERY[f"title_{code}"],
                "photos": [
                    {
                        "image": image,
                        "alt_text": photo[f"alt_{code}"],
                        "caption": photo[f"caption_{code}"],
                        "credit": PHOTOS[photo["photo"]][f"credit_{code}"],
                    }
                    for image, photo in zip(images, shown, strict=True)
                ],
            }
            table = {
                "data": RICH_STORY_TABLE[f"rows_{code}"],
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": RICH_STORY_TABLE[f"caption_{code}"],
            }
            fields[f"body_{code}"] = [
                *fields[f"body_{code}"],
                ("gallery", gallery),
                ("table", table),
            ]

    def photo(self, key):
        """The demo photo `key` (PHOTOS) in the image library, added once (found by its title)."""
        data = PHOTOS[key]
        existing = Image.objects.filter(title=data["title"]).first()
        if existing:
            return existing
        image = Image(title=data["title"], file=ImageFile(photos.jpeg(data), name=f"{key}.jpg"))
        image.save()
        return image

    def admin_account(self, password_file):
        user_model = get_user_model()
        if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
            password = secrets.token_urlsafe(12)
            user_model.objects.create_superuser(ADMIN_USERNAME, "", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        if password_file.exists():
            login = f"{ADMIN_USERNAME} / {password_file.read_text().strip()}"
        else:
            login = f"{ADMIN_USERNAME} (reset its password: manage.py changepassword admin)"
        self.stdout.write(f"Admin login: {login}")
