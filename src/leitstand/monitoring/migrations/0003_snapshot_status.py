"""Snapshots carry the published status and hold from `day` through `until` (a run of days
with the same status); snapshots written before hold for their own day."""

from django.db import migrations, models


def own_day(apps, schema_editor):
    snapshots = apps.get_model("monitoring", "StatusSnapshot")
    snapshots.objects.update(until=models.F("day"))


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0002_typed_text_rules'),
    ]

    operations = [
        migrations.AddField(
            model_name='statussnapshot',
            name='status',
            field=models.CharField(blank=True, max_length=20, verbose_name='published status'),
        ),
        migrations.AddField(
            model_name='statussnapshot',
            name='until',
            field=models.DateField(null=True, verbose_name='until'),
        ),
        migrations.RunPython(own_day, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='statussnapshot',
            name='until',
            field=models.DateField(help_text='The last day it holds for.', verbose_name='until'),
        ),
        migrations.AlterField(
            model_name='statussnapshot',
            name='day',
            field=models.DateField(verbose_name='from'),
        ),
    ]
