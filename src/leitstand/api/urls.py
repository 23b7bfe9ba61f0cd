from django.urls import path

from leitstand.api import views

app_name = "api"
urlpatterns = [
    path("editions", views.editions, name="editions"),
    path("editions/<int:pk>/summary", views.summary, name="summary"),
]
