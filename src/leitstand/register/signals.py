"""Keeps the search entries in step with goals, measures and indicators."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from leitstand.ingest.stemming import index_text
from leitstand.register import models as m


def entry_for(obj) -> dict:
    if isinstance(obj, m.Goal):
        return dict(kind="goal", strategy_id=obj.edition.strategy_id, edition_id=obj.edition_id,
                    stems=index_text(obj.code, obj.title, obj.text))
    if isinstance(obj, m.Measure):
        return dict(kind="measure", strategy_id=obj.edition.strategy_id,
                    edition_id=obj.edition_id, stems=index_text(obj.group, obj.text))
    return dict(kind="indicator", strategy_id=obj.strategy_id, edition_id=None,
                stems=index_text(obj.name, obj.definition, obj.publisher))


def reindex(obj) -> None:
    fields = entry_for(obj)
    m.SearchEntry.objects.update_or_create(kind=fields.pop("kind"), object_id=obj.pk,
                                           defaults=fields)


@receiver(post_save, sender=m.Goal)
@receiver(post_save, sender=m.Measure)
@receiver(post_save, sender=m.Indicator)
def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex(instance)


@receiver(post_delete, sender=m.Goal)
@receiver(post_delete, sender=m.Measure)
@receiver(post_delete, sender=m.Indicator)
def _deleted(sender, instance, **kwargs):
    kind = sender.__name__.lower()
    m.SearchEntry.objects.filter(kind=kind, object_id=instance.pk).delete()
