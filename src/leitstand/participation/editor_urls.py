from django.urls import path

from leitstand.participation import editor_views as views

app_name = "moderation"
urlpatterns = [
    path("", views.desk_view, name="desk"),
    path("vorschlaege/<int:pk>/antwort/", views.answer_proposal, name="answer_proposal"),
    path("sperren/<int:pk>/aufheben/", views.unblock, name="unblock"),
    path("einwaende/", views.disputes, name="disputes"),
    path("einwaende/<int:pk>/antworten/", views.answer, name="answer"),
    path("vorschlaege/<int:pk>/uebernehmen/", views.take_up, name="take_up"),
    path("moderation/<str:kind>/<int:pk>/<str:action>/", views.moderate, name="moderate"),
    path("<slug:slug>/", views.queue, name="queue"),
    path("<slug:slug>/sperren/<int:participant_id>/", views.block, name="block"),
    path("<slug:slug>/ergebnisse.csv", views.export_results, {"fmt": "csv"}, name="results_csv"),
    path("<slug:slug>/ergebnisse.json", views.export_results, {"fmt": "json"},
         name="results_json"),
]
