"""The site's URLs: public dashboard, editors' admin, health check, language switch.

Public pages, the dialog and the open data are in German at today's addresses and in English
under /en/ (`i18n_patterns` without a prefix for German). The editors' areas, feeds and the
health check have one address each (German).
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from leitstand.api import feeds
from leitstand.core import views as core

urlpatterns = [
    path("healthz", core.healthz, name="healthz"),
    # browsers ask for /favicon.ico whatever the page's <link rel="icon"> says
    path("favicon.ico", core.favicon),
    path("sprache/<str:code>/", core.switch_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("konto/", include("leitstand.accounts.urls")),
    path("redaktion/beteiligung/", include("leitstand.participation.editor_urls")),
    path("redaktion/dokumente/", include("leitstand.onboarding.urls")),
    path("redaktion/", include("leitstand.monitoring.urls")),
    path("<slug:strategy>/feed.atom", feeds.AtomFeed(), name="feed_atom"),
    path("<slug:strategy>/feed.json", feeds.json_feed, name="feed_json"),
    path("<slug:strategy>/<slug:edition>/ziele/<slug:code>/feed.atom", feeds.AtomFeed(),
         name="goal_feed_atom"),
    path("<slug:strategy>/<slug:edition>/ziele/<slug:code>/feed.json", feeds.json_feed,
         name="goal_feed_json"),
]

urlpatterns += i18n_patterns(
    path("impressum/", core.imprint, name="imprint"),
    path("datenschutz/", core.privacy, name="privacy"),
    path("barrierefreiheit/", core.accessibility, name="accessibility"),
    path("leichte-sprache/", core.easy_read, name="easy_read"),
    path("beteiligung/", include("leitstand.participation.urls")),
    path("", include("leitstand.api.urls")),
    path("", include("leitstand.reports.urls")),
    path("", include("leitstand.dashboard.urls")),
    prefix_default_language=False,
)
