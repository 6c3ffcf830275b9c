"""What every page type and listing shares: article order, Focus, translation fallbacks,
per-language visibility, and what a page type says about itself."""

from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, PagePermissionTester, PageViewRestriction

from .. import languages
from ..cache import control, fragments
from ..pictures import WITH_PICTURES

# The routes of News&Events (NewsIndexPage) that other page types and modules name, below the
# section's own address: the Focus listing, the columns index, the feeds page and the
# corrections page. An article's slug may not be one of them (ArticlePage.clean): the route
# would hide the article.
FOCUS_ROUTE = "focus/"
COLUMNS_ROUTE = "column/"
SUBSCRIBE_ROUTE = "subscribe/"
CORRECTIONS_ROUTE = "corrections/"
SECTION_ROUTES = (FOCUS_ROUTE, COLUMNS_ROUTE, SUBSCRIBE_ROUTE, CORRECTIONS_ROUTE)

# Newest first; "page_ptr" (the article's own key column, equal to its page id) so that the
# ordering is the index `article_listing_order` of news_articlepage.
ARTICLE_ORDER = ("-news_date", "-page_ptr")
# Focus listings, feeds and the home page: stories pinned to the top first, then newest first.
FOCUS_ORDER = ("-focus_pinned", *ARTICLE_ORDER)


def in_focus_q(now=None):
    """The condition "currently in Focus": the Focus box is ticked and its end date, if any,
    has not passed. An expired story leaves Focus without a re-publish and stays an
    ordinary article everywhere else."""
    now = now or timezone.now()
    return Q(focus=True) & (Q(focus_until__isnull=True) | Q(focus_until__gt=now))


# {language code: the ArticlePage flag saying whether that language's version is public}.
VISIBILITY_FIELDS = {language.code: language.field("public") for language in languages.LANGUAGES}
VISIBILITY_PERMISSION = "news.set_language_visibility"


def _visibility_flag(language):
    other = languages.other(language.code)
    return models.BooleanField(
        format_lazy(_("public in {language}"), language=language.adjective),
        default=True,
        help_text=format_lazy(
            _(
                "Untick to leave the story out of the {language} site: its {language} address "
                "then shows the {other} version."
            ),
            language=language.adjective,
            other=other.adjective,
        ),
    )


# An abstract model with one flag per language: whether visitors of that language see the
# page's own version. Not translated fields: every language has its own flag.
LanguageVisibility = type(
    "LanguageVisibility",
    (models.Model,),
    {
        "__module__": __name__,
        "__doc__": "Whether each language's version of the page is public.",
        "Meta": type("Meta", (), {"abstract": True}),
        **{
            field: _visibility_flag(languages.get(code))
            for code, field in VISIBILITY_FIELDS.items()
        },
    },
)


def public_in(language):
    """Articles whose version in `language` is public (the one definition every listing,
    feed, search, sitemap and article extra uses)."""
    return Q(**{VISIBILITY_FIELDS[language]: True})


def view_restrictions():
    """[(page path, restriction)] of every view restriction, and whether any page is an alias
    (whose restrictions are its source's): a small table, read once until a write of what it shows."""

    def read():
        restrictions = PageViewRestriction.objects.select_related("page")
        paths = [(restriction.page.path, restriction) for restriction in restrictions]
        return paths, Page.objects.filter(alias_of__isnull=False).exists()

    return fragments.config(None, ("view-restrictions",), read)


def public_q():
    """Pages outside every restricted section: Wagtail's `.public()` without its query."""
    restricted = Q()
    for path, _restriction in view_restrictions()[0]:
        restricted |= Q(path__startswith=path)
    return ~restricted if restricted else Q()


def page_tags_written(page):
    """A page's own tag and its parent's (any Wagtail page, ours or not)."""
    tags = [f"page:{page.pk}"]
    if page.depth and page.depth > 1:
        parent = Page.objects.filter(path=page.path[: -page.steplen]).values_list("pk", flat=True)
        tags += [f"page:{pk}" for pk in parent[:1]]
    return tags


REMOVING_FIELDS = (
    *(language.field("url_path") for language in languages.LANGUAGES),
    *VISIBILITY_FIELDS.values(),
)


def page_removed(old, new):
    """Whether `new` shows less than `old` did: no longer live, at another address, or no
    longer public in a language."""
    if not old.live:
        return False
    if not new.live:
        return True
    return any(getattr(old, field, None) != getattr(new, field, None) for field in REMOVING_FIELDS)


def listed_articles(queryset):
    """Articles as every listing shows them: live, public, public in the active language,
    newest first, the lead image loaded with its pictures' record (news/pictures/)."""
    return (
        queryset.live()
        .filter(public_q(), public_in(language()))
        .select_related(WITH_PICTURES)
        .order_by(*ARTICLE_ORDER)
    )


def _in_every_language(*names):
    return tuple(language.field(name) for name in names for language in languages.LANGUAGES)


# What an article card shows (includes/article_card.html, the search results, the links under a
# story): its address, title, summary, date, Focus, lead image; nothing else of the page table's
# eighty columns.
CARD_FIELDS = (
    "path",
    "depth",
    "content_type",
    "live",
    "news_date",
    "focus",
    "focus_until",
    "lead_image",
    *_in_every_language("title", "url_path", "summary", "public"),
)


def card_rows(queryset):
    """`queryset` (a listing's articles) loading only what a card shows (CARD_FIELDS), with
    its lead image and its pictures' record: one narrow query for a listing's cards."""
    return queryset.select_related(WITH_PICTURES).only(*CARD_FIELDS)


def focus_articles(queryset, now=None):
    """`queryset` (usually `listed_articles(...)`) narrowed to the stories in Focus at `now`
    (by default, now), in Focus order."""
    return queryset.filter(in_focus_q(now)).order_by(*FOCUS_ORDER)


def language():
    """The active language, or the default one outside a request."""
    return languages.active().code


class TranslatedPageMixin:
    """What every page type of the site shares: it says what kind of page it is, tells
    templates which translated fields show another language's text, and lets the admin
    preview a page in either language.

    Two causes of other-language text: a field not translated yet (modeltranslation shows
    the English text), or a version that is not public in the active language
    (`show_version`: the page shows its public version instead, at the hidden language's
    address).

    Who may do what to it: `NewsroomPermissionTester`.
    """

    def permissions_for_user(self, user):
        return NewsroomPermissionTester(user, self)

    translated_display_fields = ("title",)

    def get_view_restrictions(self):
        """Wagtail's, from `view_restrictions()`: no query for a page that none applies to
        (Wagtail's asks two on every view). With aliases in the tree, Wagtail's own."""
        restrictions, any_alias = view_restrictions()
        if any_alias:
            return super().get_view_restrictions()
        applying = [
            restriction.pk for path, restriction in restrictions if self.path.startswith(path)
        ]
        if not applying:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=applying)

    # What the page is, for templates and metadata (never guessed from fields or tree depth).
    is_home = False  # the site's front page: "Home" in breadcrumbs, WebSite in JSON-LD
    is_article = False  # a dated story: OpenGraph "article", NewsArticle in JSON-LD
    is_event = False  # an article with a time and a place: Event in JSON-LD instead
    # How long its responses (and its routes', such as feeds) may be reused (news/control.py)
    cache_kind = control.LISTING

    # [(title, route below the page)]: its listings the main navigation links after it
    # (News&Events: Focus), when the page is in the menus (news/models/site_pages.py).
    menu_routes = ()

    def cache_tags_written(self):
        """The tags a write of this page invalidates (news/cache/): itself, and its parent,
        whose list of children (the menus, a footer group) may change with it."""
        return page_tags_written(self)

    def cache_tags_was(self):
        """The tags of what showed this page before a write (called on the page as it was, so
        a page moved or taken out of a list refreshes where it was)."""
        return page_tags_written(self)

    def cache_removes(self, old):
        """Whether the write that made this page out of `old` takes something out of view
        (unpublished, moved to another address, hidden in a language): a hard invalidation."""
        return page_removed(old, self)

    def section_routes(self):
        """[(title, route below the parent)]: the parent's listings this page is shown under,
        which breadcrumbs name between the parent and the page (a Focus story: "Focus")."""
        return []

    # Set by show_version(): (the language whose fields hold another one's text, that one).
    _version_swap = None

    @property
    def preview_modes(self):
        """One preview mode per language, named by its code ("English", "中文")."""
        return [(language.code, language.self_name) for language in languages.LANGUAGES]

    @property
    def default_preview_mode(self):
        return languages.DEFAULT.code

    def serve(self, request, *args, **kwargs):
        """Wagtail's, its response marked public for the page cache and shared caches (a
        preview's never: it shows what is not published)."""
        response = super().serve(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            return response
        return control.public(response, self.cache_kind)

    def serve_preview(self, request, mode_name):
        """The page as a visitor of that language's site sees it (an unknown mode: English)."""
        if mode_name not in languages.CODES:
            mode_name = self.default_preview_mode
        with translation.override(mode_name):
            request.LANGUAGE_CODE = mode_name
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):  # a TemplateResponse: render it in that language
                response.render()
            return response

    def is_public_in(self, language):
        """Whether visitors of `language` see this page's own version (pages without
        visibility flags are public in every language)."""
        field = VISIBILITY_FIELDS.get(language)
        return getattr(self, field, True) if field else True

    def public_languages(self):
        return [code for code in languages.CODES if self.is_public_in(code)]

    @property
    def shown_language(self):
        """The language whose version is shown in place of the active language's hidden
        one, or None when the page shows its own version (or fallbacks)."""
        if self._version_swap and self._version_swap[0] == translation.get_language():
            return self._version_swap[1]
        return None

    @property
    def fallback_language(self):
        """The language of the text in `fallback_fields()`, for `lang` attributes."""
        return self.shown_language or languages.DEFAULT.code

    def show_version(self, shown):
        """Make this in-memory page show its `shown` version in the active language.

        Each translated text field of the active language takes the `shown` language's
        value (the slug and URL path stay: the page keeps its address), so every template,
        tag and metadata helper that reads `page.title`, `page.body`… gets the public
        version without knowing about visibility. The object is never saved (see save()).
        """
        active = translation.get_language()
        options = translator.get_options_for_model(type(self))
        for name in options.all_fields:
            if name in ("slug", "url_path"):
                continue
            value = getattr(self, build_localized_fieldname(name, shown))
            setattr(self, build_localized_fieldname(name, active), value)
        self._version_swap = (active, shown)

    def save(self, *args, **kwargs):
        if self._version_swap:
            raise RuntimeError("A page showing another language's version cannot be saved.")
        return super().save(*args, **kwargs)

    def fallback_fields(self):
        """Names of the fields whose text in the active language is another language's.

        modeltranslation shows the English text for untranslated fields; templates mark
        them `lang="{{ page.fallback_language }}"` and tell the reader why.
        """
        language = translation.get_language()
        if self.shown_language:
            return set(self.translated_display_fields)
        if language == languages.DEFAULT.code:
            return set()
        missing = set()
        deferred = self.get_deferred_fields()  # a card's row (`card_rows`): not asked, not missing
        for name in self.translated_display_fields:
            field = build_localized_fieldname(name, language)
            if field not in deferred and not getattr(self, field, None):
                missing.add(name)
        return missing


class NewsroomPermissionTester(PagePermissionTester):
    """What a user may do to a page of this site: Wagtail's rules, stricter in one place.

    Wagtail lets anyone who may change a page delete or move it while it is not live. The
    newsroom's rule: only someone who may create pages there removes or moves them (Editors;
    not Moderators or Translators, who change pages but do not add them). Every door asks
    this object: the delete and move views, bulk actions, the admin API's page actions.
    """

    # Further conditions on publishing directly, added by the apps that set them (the
    # newsroom: under a second review, chief editors only): each is called with (user, page).
    publish_rules = []

    def can_delete(self, ignore_bulk=False):  # Wagtail's can_move asks this too
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        return self.user.is_superuser or "add" in self.permissions

    def can_publish(self):
        return super().can_publish() and all(
            rule(self.user, self.page) for rule in self.publish_rules
        )

    def can_publish_subpage(self):  # a new page published as it is created
        return super().can_publish_subpage() and all(
            rule(self.user, self.page) for rule in self.publish_rules
        )


class SectionPermissionTester(NewsroomPermissionTester):
    """Who may change a page that holds the site's structure (the home page with its Focus
    order, News&Events with its introduction): only users who may also create pages or publish
    there edit it. Translators, whose one page permission is "change", translate articles and
    leave these alone: a draft of them would sit in the admin with nobody asked to review it.
    Only administrators unpublish, delete or move it.
    """

    def can_edit(self):
        if not super().can_edit():
            return False
        return self.user.is_superuser or bool({"add", "publish"} & self.permissions)

    # Unpublishing, deleting or moving one of these takes the whole site, or all its news,
    # off the web: for administrators only.
    def can_unpublish(self):
        return self.user.is_superuser and super().can_unpublish()

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk=ignore_bulk)


class SectionPage:
    """A page type whose pages hold the site's structure (`SectionPermissionTester`)."""

    def permissions_for_user(self, user):
        return SectionPermissionTester(user, self)
