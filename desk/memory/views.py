"""`GET /admin/translation-memory/suggest/?source=en&target=zh-hans&text=…`: the memory's
suggestions for a text as JSON, for the editor: {"suggestions": [{"source", "target", "score",
"page_id", "title", "date"}]}; a 400 {"error": …} for what it does not answer (lookup.BadQuery).
Staff only: routed among Wagtail's admin URLs (desk/wagtail_hooks.py), whose access check
sends visitors to the login page and refuses signed-in users without admin access."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .lookup import BadQuery, suggest


@require_GET
def suggestions(request):
    try:
        found = suggest(
            request.GET.get("text", ""),
            request.GET.get("source", ""),
            request.GET.get("target", ""),
        )
    except BadQuery as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse({"suggestions": found}, json_dumps_params={"ensure_ascii": False})
