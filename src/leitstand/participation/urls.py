from django.urls import path

from leitstand.participation.views import dialog, disputes, own_data, sign_in, subscriptions

app_name = "participation"
urlpatterns = [
    path("", dialog.consultations, name="consultations"),
    path("anmelden/", sign_in.sign_in, name="sign_in"),
    path("anmelden/<str:token>/", sign_in.sign_in_link, name="sign_in_link"),
    path("name/", sign_in.display_name, name="display_name"),
    path("abmelden/", sign_in.sign_out, name="sign_out"),
    path("meine-daten/", own_data.my_data, name="my_data"),
    path("meine-daten/export.json", own_data.my_data_export, name="my_data_export"),
    path("meine-daten/loeschen/", own_data.delete_account, name="delete_account"),
    path("abo/", subscriptions.subscribe, name="subscribe"),
    path("abo/bestaetigen/<str:token>/", subscriptions.confirm_subscription,
         name="confirm_subscription"),
    path("abo/abbestellen/<str:token>/", subscriptions.unsubscribe, name="unsubscribe"),
    path("kommentare/<int:pk>/bearbeiten/", dialog.edit_comment, name="edit_comment"),
    path("kommentare/<int:pk>/loeschen/", dialog.delete_comment, name="delete_comment"),
    path("melden/<str:kind>/<int:pk>/", dialog.report, name="report"),
    path("vorschlaege/<int:pk>/unterstuetzen/", dialog.support, name="support"),
    path("ziele/<int:goal_id>/einwand/", disputes.dispute, name="dispute"),
    path("<slug:slug>/", dialog.consultation, name="consultation"),
    path("<slug:slug>/vorschlaege/", dialog.proposals, name="proposals"),
    path("<slug:slug>/<str:kind>/<int:pk>/", dialog.discussion, name="discussion"),
]
