"""The site's URLs: public dashboard, editors' admin, health check, language switch."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from leitstand.api.rest import api
from leitstand.core import views as core

urlpatterns = [
    path("healthz", core.healthz, name="healthz"),
    path("impressum/", core.imprint, name="imprint"),
    path("datenschutz/", core.privacy, name="privacy"),
    path("sprache/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("redaktion/beteiligung/", include("leitstand.participation.editor_urls")),
    path("redaktion/", include("leitstand.monitoring.urls")),
    path("beteiligung/", include("leitstand.participation.urls")),
    path("api/v1/", api.urls),
    path("daten/", include("leitstand.api.download_urls")),
    path("", include("leitstand.dashboard.urls")),
]
