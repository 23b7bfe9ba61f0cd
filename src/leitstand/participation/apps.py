from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "leitstand.participation"
    label = "participation"
    verbose_name = "Participation"
