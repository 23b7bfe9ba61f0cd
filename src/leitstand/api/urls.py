"""The api app's addresses, all under the namespace `api:`: the REST API (/api/v1/, built by
django-ninja) and the open-data downloads (/daten/)."""

from django.urls import include, path

from leitstand.api import downloads
from leitstand.api.rest import api

app_name = "api"
download_patterns = [
    path("", downloads.index, name="index"),
    path("leitstand.json", downloads.document, name="json"),
    path("leitstand.xlsx", downloads.workbook, name="xlsx"),
    path("datapackage.json", downloads.datapackage, name="datapackage"),
    path("dcat.jsonld", downloads.dcat, name="dcat"),
    path("<slug:name>.csv", downloads.table_csv, name="csv"),
    path("<slug:strategy>/<slug:edition>/ziele.csv", downloads.goals_csv, name="goals_csv"),
]
rest_patterns, _app, _namespace = api.urls  # the namespace is this module's: "api"
urlpatterns = [
    path("api/v1/", include(rest_patterns)),
    path("daten/", include(download_patterns)),
]
