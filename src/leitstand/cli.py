"""The `leitstand` command: Django's manage.py with Leitstand's settings.

Every Django command works (`leitstand migrate`, `leitstand createsuperuser`),
plus Leitstand's own (`demo`, `serve`, `load`).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "corpus":
        # Corpus mode needs no database either: Dask workers run the ingest package alone.
        from leitstand.ingest.corpus import main as corpus

        sys.exit(corpus(argv[2:]))
    if len(argv) > 1 and argv[1] == "ingest":
        # Ingest needs no database: it runs without starting Django.
        from leitstand.ingest.cli import main as ingest

        sys.exit(ingest(argv[2:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
    if len(argv) > 1 and argv[1] == "demo":
        # The demo serves plain HTTP on this machine: cookies may not demand TLS.
        os.environ.setdefault("LEITSTAND_SECURE_COOKIES", "0")
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")  # `leitstand build-site` runs `build_site`
    argv[0] = "leitstand"
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
