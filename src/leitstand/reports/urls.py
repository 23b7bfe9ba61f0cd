from django.urls import path

from leitstand.reports import views

app_name = "reports"
urlpatterns = [
    path("<slug:strategy>/<slug:edition>/bilanz/", views.report, name="report"),
]
