"""`leitstand consultation-results SLUG --format csv|json [--out FILE]`: the results of a
consultation for the strategy team, as on the moderation page."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.participation import results
from leitstand.participation.models import Consultation


class Command(BaseCommand):
    help = "Export a consultation's results: counts per part, comments, proposals, disputes."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--format", choices=["csv", "json"], default="json")
        parser.add_argument("--out", type=Path)

    def handle(self, *args, slug, format, out, **options):
        consultation = Consultation.objects.filter(slug=slug).select_related("edition").first()
        if consultation is None:
            known = ", ".join(Consultation.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No consultation '{slug}'. Known: {known}")
        data = results.collect(consultation)
        text = (results.to_csv(data) if format == "csv"
                else json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        if out:
            out.write_text(text, encoding="utf-8")
            self.stderr.write(f"wrote {out}")
        else:
            self.stdout.write(text, ending="")
