from django.urls import path

from leitstand.api import downloads

app_name = "downloads"
urlpatterns = [
    path("", downloads.index, name="index"),
    path("leitstand.json", downloads.document, name="json"),
    path("leitstand.xlsx", downloads.workbook, name="xlsx"),
    path("datapackage.json", downloads.datapackage, name="datapackage"),
    path("dcat.jsonld", downloads.dcat, name="dcat"),
    path("<slug:name>.csv", downloads.table_csv, name="csv"),
]
