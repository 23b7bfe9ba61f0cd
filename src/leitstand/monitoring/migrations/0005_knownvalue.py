from django.db import migrations, models


def fill(apps, schema_editor):
    from leitstand.monitoring.known import rebuild_known_values

    rebuild_known_values(schema_editor.connection.alias)


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0004_assessment_latest_first'),
    ]

    operations = [
        migrations.CreateModel(
            name='KnownValue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('observation_id', models.BigIntegerField()),
                ('version_id', models.IntegerField(unique=True)),
                ('indicator_id', models.BigIntegerField(null=True)),
                ('date', models.DateField()),
                ('value', models.FloatField()),
                ('known_from', models.DateTimeField()),
                ('known_until', models.DateTimeField(null=True)),
            ],
            options={
                'indexes': [models.Index(fields=['indicator_id', 'date'], include=('value', 'known_from', 'known_until'), name='known_value_by_date'), models.Index(condition=models.Q(('known_until', None)), fields=['observation_id'], name='known_value_open')],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
