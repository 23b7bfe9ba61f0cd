"""Display names become unique per instance (issue 20, finding 8): each participant gets the
key its name is compared by; a name that an earlier participant already had is kept
readable with a number added, so that no two participants look alike any more."""

from django.db import migrations, models


def fill_keys(apps, schema_editor):
    from leitstand.core.text import name_key

    Participant = apps.get_model("participation", "Participant")
    taken = set()
    for p in Participant.objects.exclude(display_name="").order_by("id"):
        name = " ".join("".join(ch for ch in p.display_name if ch.isprintable()).split()) or "?"
        key, n = name_key(name), 1
        while key in taken:
            n += 1
            suffix = f" ({n})"
            candidate = name[:40 - len(suffix)] + suffix
            key = name_key(candidate)
        if n > 1:
            name = candidate
        taken.add(key)
        Participant.objects.filter(pk=p.pk).update(display_name=name, name_key=key)


class Migration(migrations.Migration):

    dependencies = [
        ('participation', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='participant',
            name='name_key',
            field=models.CharField(blank=True, editable=False, max_length=200, null=True, verbose_name='name key'),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='participant',
            name='name_key',
            field=models.CharField(blank=True, editable=False, max_length=200, null=True, unique=True, verbose_name='name key'),
        ),
    ]
