"""The downloads on the site (/daten/): the same files `leitstand export` writes, built
from the current data on request."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from leitstand.api import catalogue, exports
from leitstand.api import tables as t
from leitstand.core.site import site_url
from leitstand.monitoring.asof import stand_of
from leitstand.monitoring.filters import GoalFilter
from leitstand.monitoring.rows import goal_rows
from leitstand.register.editions import edition_or_404


def _tables(request):
    return t.register_tables(stand_of(request))


def index(request):
    return render(request, "api/downloads.html", {
        "tables": [(x.name, gettext(x.title), len(x.rows)) for x in _tables(request)]})


def table_csv(request, name):
    table = next((x for x in _tables(request) if x.name == name), None)
    if table is None:
        raise Http404("No such table.")
    response = HttpResponse(exports.table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return response


def goals_csv(request, strategy, edition):
    """goals.csv for the goals of one edition that the goal list's filters keep: each count on
    the overview links here, so its CSV holds exactly the goals it counts."""
    edition = edition_or_404(strategy, edition, request.user)
    shown, _found = GoalFilter.from_params(request.GET).apply(
        goal_rows(edition, today=stand_of(request)), edition)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{edition.strategy.slug}-{edition.slug}-ziele.csv"')
    exports.write_goal_csv(response, edition, shown)
    return response


def document(request):
    return JsonResponse(exports.json_document(_tables(request), stand_of(request)),
                        json_dumps_params={"ensure_ascii": False})


def workbook(request):
    response = HttpResponse(exports.xlsx_bytes(_tables(request)), content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = 'attachment; filename="leitstand.xlsx"'
    return response


def datapackage(request):
    return JsonResponse(exports.datapackage(_tables(request)),
                        json_dumps_params={"ensure_ascii": False})


def dcat(request):
    base = site_url(reverse("api:index"))
    return HttpResponse(json.dumps(catalogue.for_tables(_tables(request), base,
                                                        stand_of(request)),
                                   ensure_ascii=False), content_type="application/ld+json")
