"""One counter that changes with every change of the data, for the page cache."""

from django.db import models


class DataVersion(models.Model):
    number = models.BigIntegerField(default=0)
