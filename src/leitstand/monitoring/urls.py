from django.urls import path

from leitstand.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("bewertungen/<int:pk>/freigeben/", views.approve, name="approve_assessment"),
    path("messbarkeit/", views.measurability_tool, name="measurability_tool"),
    path("veraltet/", views.stale_goals, name="stale_goals"),
    path("hochladen/", views.bulk_update, name="bulk_update"),
]
