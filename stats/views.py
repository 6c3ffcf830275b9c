from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from news.models import ArticlePage

from .models import PageViewCount


@csrf_exempt  # no cookie is involved, so there is no session to forge
@require_POST
@never_cache
def count_view(request, page_id):
    """The beacon an article sends once it has been shown: 204, or 404 for a non-article."""
    if not ArticlePage.objects.live().public().filter(pk=page_id).exists():
        raise Http404
    PageViewCount.record(page_id)
    return HttpResponse(status=204)


count_view.accepts_posts = True  # bitnews.middleware.PublicMethodsMiddleware
