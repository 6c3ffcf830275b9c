"""The API's endpoints: wagtail.api.v2's viewset (its router, its 400 and 404 as JSON
`{"message": ...}`), answering GET and HEAD with JSON only, with the parameters declared in
api/parameters.py and the items of api/serialise.py.

What an endpoint lists is what the site lists in that language (`listed_articles`: live, no
view restriction on the page or an ancestor, its version in the requested language public),
so a draft, a private page or a hidden language version is never in a list, and its detail
is a 404 like an id that never existed.

Caching: answers are public, kept by the page cache (news/cache/pages.py keys the API's
addresses by every parameter, `PAGE_CACHE_WHOLE_QUERY`) until the next publish, and by
shared caches for their s-maxage; a list of events asked `when=` is kept no longer than the
next moment an event is over.
"""

from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils import translation
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from news import languages
from news.cache import control
from news.models import (
    ArchiveMonth,
    ArticlePage,
    ArticlePageTag,
    Column,
    EventPage,
    NewsIndexPage,
)
from news.models.base import in_focus_q, listed_articles, public_q
from news.models.events import next_event_change, upcoming_q

from . import openapi, parameters, serialise
from .parameters import Invalid

# Lists have endless addresses (every filter, limit and offset): like a search, kept ten
# minutes at most; an item like an article.
LISTING = control.SEARCH  # endless addresses: kept ten minutes at most
ITEM = control.ARTICLE


def with_api_headers(response):
    """Readable by other origins' pages (the campus portal, department sites): any origin, no
    credentials (nothing here depends on who asks); the resource policy lets them load it."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers.setdefault("Content-Language", languages.DEFAULT.code)  # errors: English
    return response


def answer(data, language, kind):
    """A public answer in `language`, kept as `kind` says."""
    return control.public(Response(data, headers={"Content-Language": language}), kind)


def bad_request(message):
    return with_api_headers(JsonResponse({"message": message}, status=400))


class JSONOnly(BaseContentNegotiation):
    """JSON whatever the Accept header says: one representation, no `Vary: Accept`, no 406."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def title_in_active_language():
    """The title visitors of the active language see: its own, or else the English one."""
    active = languages.active()
    english = F(languages.DEFAULT.field("title"))
    if active == languages.DEFAULT:
        return english
    return Coalesce(NullIf(F(active.field("title")), Value("")), english)


class NewsAPIViewSet(BaseAPIViewSet):
    """An endpoint of the news: a listing and a detail, in the language `?lang=` asks for."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    authentication_classes = []  # public data: no session or password is read
    permission_classes = []
    endpoint = None  # its parameters.Endpoint
    orders = {}  # an `order` value without its "-": the columns to sort by

    @classmethod
    def get_urlpatterns(cls):
        """A listing and a detail (not Wagtail's `find/`, which redirects)."""
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def read(self, declared):
        """The request's parameters, parsed; a 400 for anything undeclared or unparsable."""
        try:
            return parameters.read_all(declared, self.request.GET)
        except Invalid as error:
            raise BadRequestError(str(error)) from None

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)  # Wagtail's: compact JSON instead
        return context

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return with_api_headers(response)

    def get_queryset(self):
        """What the site lists in the active language, with what the items show."""
        return serialise.with_renditions(listed_articles(self.model.objects.all()))

    def filter(self, queryset, values):
        if values["focus"] is not None:
            focus = ArticlePage.objects.filter(in_focus_q()).values("pk")
            queryset = (queryset.filter if values["focus"] else queryset.exclude)(pk__in=focus)
        if values["column"] is not None:
            slug = Q()
            for language in languages.LANGUAGES:
                slug |= Q(**{f"column__{language.field('slug')}": values["column"]})
            queryset = queryset.filter(slug)
        if values["tag"] is not None:
            tagged = ArticlePageTag.objects.filter(tag__slug=values["tag"])
            queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
        if values["date_from"] is not None:
            queryset = queryset.filter(news_date__gte=values["date_from"])
        if values["date_to"] is not None:
            queryset = queryset.filter(news_date__lte=values["date_to"])
        return queryset

    def order(self, queryset, name):
        descending = name.startswith("-")
        key = name.removeprefix("-")
        if key == "title":
            title = title_in_active_language()
            return queryset.order_by(title.desc() if descending else title.asc(), "page_ptr")
        return queryset.order_by(*[f"-{f}" if descending else f for f in self.orders[key]])

    def note_changes(self, request, values):
        """Name the moment this answer changes without a write (control.changes_at)."""

    def archive_total(self, values, language):
        """How many items the listing has, from the archive's month rows (ArchiveMonth, kept
        by every publish) when it is every article or one column's; else None (counted)."""
        filters = ("focus", "tag", "date_from", "date_to")
        if self.model is not ArticlePage or any(values[name] is not None for name in filters):
            return None
        rows = ArchiveMonth.objects.filter(language=language)
        if values["column"] is None:
            rows = rows.filter(column=None)
        else:
            slug = Q()
            for each in languages.LANGUAGES:
                slug |= Q(**{f"column__{each.field('slug')}": values["column"]})
            rows = rows.filter(slug)
        return rows.aggregate(total=Sum("count"))["total"] or 0

    def listing_view(self, request):
        values = self.read(self.endpoint.listing)
        language = values["lang"] or languages.DEFAULT.code
        limit = values["limit"] or parameters.LIMIT_DEFAULT
        offset = values["offset"] or 0
        with translation.override(language):
            queryset = self.filter(self.get_queryset(), values)
            queryset = self.order(queryset, values["order"] or self.endpoint.default_order)
            total = self.archive_total(values, language)
            if total is None:
                total = queryset.count()
            items = [
                serialise.article(request, page, self.endpoint.name)
                for page in queryset[offset : offset + limit]
            ]
        self.note_changes(request, values)
        meta = {"total_count": total, "limit": limit, "offset": offset, "language": language}
        return answer({"meta": meta, "items": items}, language, LISTING)

    def detail_view(self, request, pk):
        values = self.read(self.endpoint.detail)
        language = values["lang"] or languages.DEFAULT.code
        with translation.override(language):
            page = self.get_queryset().filter(pk=pk).first() if pk <= openapi.ID_MAX else None
            if page is None:
                raise Http404(f"no {self.endpoint.item} {pk} is public in {language}")
            data = serialise.article_detail(request, page, self.endpoint.name)
        return answer(data, language, ITEM)


class ArticlesViewSet(NewsAPIViewSet):
    """/api/v2/articles/: the news stories, newest first (events have their own endpoint, as
    the site's news listings leave them out)."""

    model = ArticlePage
    endpoint = parameters.ARTICLES
    orders = {"date": ("news_date", "page_ptr")}

    def get_queryset(self):
        return super().get_queryset().exact_type(ArticlePage)


class EventsViewSet(NewsAPIViewSet):
    """/api/v2/events/: events, soonest first; `when=upcoming|past`."""

    model = EventPage
    endpoint = parameters.EVENTS
    orders = {"date": ("start", "page_ptr")}

    def filter(self, queryset, values):
        queryset = super().filter(queryset, values)
        if values["when"] == "upcoming":
            queryset = queryset.filter(upcoming_q())
        elif values["when"] == "past":
            queryset = queryset.exclude(upcoming_q())
        return queryset

    def note_changes(self, request, values):
        if values["when"] is not None:
            moment = next_event_change()
            if moment is not None:
                # on Django's request, which the page cache reads (not DRF's wrapper of it)
                control.changes_at(request._request, moment)


class ColumnsViewSet(NewsAPIViewSet):
    """/api/v2/columns/: every column, with its name, description and listing's addresses."""

    model = Column
    endpoint = parameters.COLUMNS

    def listing_view(self, request):
        values = self.read(self.endpoint.listing)
        language = values["lang"] or languages.DEFAULT.code
        with translation.override(language):
            index = NewsIndexPage.objects.live().filter(public_q()).first()
            columns = Column.objects.order_by(languages.active().field("name"), "pk")
            items = [serialise.column(request, column, index) for column in columns]
        data = {"meta": {"total_count": len(items), "language": language}, "items": items}
        return answer(data, language, control.LISTING)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def openapi_description(request):
    """/api/v2/openapi.json: the API described by the declarations its views use."""
    if request.GET:
        return bad_request("this address takes no query parameter")
    response = JsonResponse(openapi.document(), json_dumps_params={"ensure_ascii": False})
    return with_api_headers(control.public(response, control.LISTING))


def not_found(request, rest=""):
    """Any other address under /api/: a 404 in JSON."""
    return with_api_headers(JsonResponse({"message": "no such address in the API"}, status=404))
