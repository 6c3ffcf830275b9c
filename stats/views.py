from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from news.models import ArticlePage

from . import counting


@csrf_exempt  # no cookie is involved; counting.same_origin refuses other sites instead
@require_POST
@never_cache
def count_view(request, page_id):
    """The beacon an article sends once it has been shown (stats/counting.py): 204 whether or
    not this visitor's view was new today; 403 from another site, 429 when flooded, 404 for a
    page that is not a live article."""
    if not counting.same_origin(request):
        return HttpResponse(status=403)
    if counting.too_many(request):
        return HttpResponse(status=429)
    if not ArticlePage.objects.live().public().filter(pk=page_id).exists():
        raise Http404
    counting.count(request, page_id, translation.get_language())
    counting.flush_if_due()
    return HttpResponse(status=204)


count_view.accepts_posts = True  # bitnews.middleware.PublicMethodsMiddleware
