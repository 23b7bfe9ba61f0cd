from django.urls import path

from leitstand.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("status/", views.statuses, name="statuses"),
    path("methodik/", views.method, name="method"),
    path("vergleich/", views.across_strategies, name="across"),
    path("<slug:strategy>/", views.strategy, name="strategy"),
    path("<slug:strategy>/indikatoren/<slug:indicator>/", views.indicator_detail,
         name="indicator"),
    path("<slug:strategy>/<slug:edition>/", views.overview, name="overview"),
    path("<slug:strategy>/<slug:edition>/ziele/", views.goal_list, name="goals"),
    path("<slug:strategy>/<slug:edition>/ziele/<slug:code>/", views.goal_detail, name="goal"),
    path("<slug:strategy>/<slug:edition>/handlungsfelder/<slug:section>/",
         views.section_detail, name="section"),
    path("<slug:strategy>/<slug:edition>/einheiten/<slug:unit>/", views.unit_detail,
         name="unit"),
    path("<slug:strategy>/<slug:edition>/massnahmen/", views.measure_list, name="measures"),
    path("<slug:strategy>/<slug:edition>/vergleich/", views.comparison, name="comparison"),
]
