from django.urls import path

from leitstand.participation import views

app_name = "participation"
urlpatterns = [
    path("", views.consultations, name="consultations"),
    path("anmelden/", views.sign_in, name="sign_in"),
    path("anmelden/<str:token>/", views.sign_in_link, name="sign_in_link"),
    path("name/", views.display_name, name="display_name"),
    path("abmelden/", views.sign_out, name="sign_out"),
    path("meine-daten/", views.my_data, name="my_data"),
    path("meine-daten/export.json", views.my_data_export, name="my_data_export"),
    path("meine-daten/loeschen/", views.delete_account, name="delete_account"),
    path("abo/", views.subscribe, name="subscribe"),
    path("abo/bestaetigen/<str:token>/", views.confirm_subscription, name="confirm_subscription"),
    path("abo/abbestellen/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("kommentare/<int:pk>/bearbeiten/", views.edit_comment, name="edit_comment"),
    path("kommentare/<int:pk>/loeschen/", views.delete_comment, name="delete_comment"),
    path("melden/<str:kind>/<int:pk>/", views.report, name="report"),
    path("vorschlaege/<int:pk>/unterstuetzen/", views.support, name="support"),
    path("ziele/<int:goal_id>/einwand/", views.dispute, name="dispute"),
    path("<slug:slug>/", views.consultation, name="consultation"),
    path("<slug:slug>/vorschlaege/", views.proposals, name="proposals"),
    path("<slug:slug>/<str:kind>/<int:pk>/", views.discussion, name="discussion"),
]
