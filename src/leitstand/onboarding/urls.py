from django.urls import path

from leitstand.onboarding import views

app_name = "onboarding"
urlpatterns = [
    path("", views.uploads, name="uploads"),
    path("<int:pk>/", views.progress, name="progress"),
    path("<int:pk>/pruefen/", views.review, name="review"),
    path("<int:pk>/entscheiden/", views.decide, name="decide"),
    path("<int:pk>/sichere-annehmen/", views.accept_confident, name="accept_confident"),
    path("<int:pk>/befunde/<int:finding>/", views.edit, name="edit"),
    path("<int:pk>/textstelle/", views.passage, name="passage"),
    path("<int:pk>/einheiten/<int:match>/", views.unit, name="unit"),
    path("<int:pk>/veroeffentlichen/", views.publish, name="publish"),
    path("<int:pk>/verwerfen/", views.discard, name="discard"),
]
