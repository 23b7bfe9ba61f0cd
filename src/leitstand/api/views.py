"""Read-only JSON endpoints under /api/v1/ (the full API with OpenAPI is issue 6's)."""

from django.http import Http404, JsonResponse

from leitstand.api.summaries import edition_summary
from leitstand.register.models import Edition


def editions(request):
    items = [{"id": e.id, "strategy": e.strategy.slug, "label": e.label, "slug": e.slug,
              "year": e.year, "adopted_on": e.adopted_on.isoformat() if e.adopted_on else None,
              "summary": f"/api/v1/editions/{e.id}/summary"}
             for e in Edition.objects.filter(status=Edition.PUBLISHED).select_related("strategy")]
    return JsonResponse({"editions": items})


def summary(request, pk: int):
    edition = Edition.objects.select_related("strategy").filter(
        pk=pk, status=Edition.PUBLISHED).first()
    if edition is None:
        raise Http404("No such published edition.")
    from leitstand.dashboard.asof import stand_of

    return JsonResponse(edition_summary(edition, today=stand_of(request)),
                        json_dumps_params={"ensure_ascii": False})
