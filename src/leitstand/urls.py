"""The site's URLs: public dashboard, editors' admin, health check, language switch."""

from django.contrib import admin
from django.urls import include, path

from leitstand.api import feeds
from leitstand.core import views as core

urlpatterns = [
    path("healthz", core.healthz, name="healthz"),
    path("impressum/", core.imprint, name="imprint"),
    path("datenschutz/", core.privacy, name="privacy"),
    path("barrierefreiheit/", core.accessibility, name="accessibility"),
    path("leichte-sprache/", core.easy_read, name="easy_read"),
    path("sprache/<str:code>/", core.switch_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("konto/", include("leitstand.accounts.urls")),
    path("redaktion/beteiligung/", include("leitstand.participation.editor_urls")),
    path("redaktion/dokumente/", include("leitstand.onboarding.urls")),
    path("redaktion/", include("leitstand.monitoring.urls")),
    path("beteiligung/", include("leitstand.participation.urls")),
    path("", include("leitstand.api.urls")),
    path("<slug:strategy>/feed.atom", feeds.AtomFeed(), name="feed_atom"),
    path("<slug:strategy>/feed.json", feeds.json_feed, name="feed_json"),
    path("<slug:strategy>/<slug:edition>/ziele/<slug:code>/feed.atom", feeds.AtomFeed(),
         name="goal_feed_atom"),
    path("<slug:strategy>/<slug:edition>/ziele/<slug:code>/feed.json", feeds.json_feed,
         name="goal_feed_json"),
    path("", include("leitstand.reports.urls")),
    path("", include("leitstand.dashboard.urls")),
]
