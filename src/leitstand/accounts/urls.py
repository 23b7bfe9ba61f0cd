"""/konto/: the staff login's steps after the password. The reset page keeps the name
`admin_password_reset`, under which Django's admin login links to it."""

from django.urls import path

from leitstand.accounts import views

urlpatterns = [
    path("zweiter-faktor/", views.verify, name="account_verify"),
    path("zweiter-faktor/einrichten/", views.enrol, name="account_enrol"),
    path("passwort-vergessen/", views.PasswordReset.as_view(), name="admin_password_reset"),
    path("passwort-vergessen/gesendet/", views.PasswordResetSent.as_view(),
         name="account_reset_sent"),
    path("passwort/<uidb64>/<token>/", views.SetPassword.as_view(),
         name="account_set_password"),
]
