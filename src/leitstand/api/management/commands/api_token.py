"""`leitstand api-token create USER --name NAME | list [USER] | revoke ID`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from leitstand.api import tokens
from leitstand.api.models import ApiToken


class Command(BaseCommand):
    help = "Create, list or revoke editors' API tokens (writing through /api/v1/)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="what the token is for")
        listing = sub.add_parser("list")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("id", type=int)

    def handle(self, *args, action, **options):
        if action == "create":
            user = get_user_model().objects.filter(username=options["username"]).first()
            if user is None or not user.is_staff:
                raise CommandError(f"No editor named '{options['username']}'.")
            record, token = tokens.create(user, options["name"])
            self.stdout.write(f"Token {record.id} for {user.username}: {token}")
            self.stderr.write("Shown once: store it now. Revoke with "
                              f"`leitstand api-token revoke {record.id}`.")
        elif action == "list":
            items = ApiToken.objects.select_related("user").order_by("id")
            if options.get("username"):
                items = items.filter(user__username=options["username"])
            for t in items:
                state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
                self.stdout.write(f"{t.id}\t{t.user.username}\t{t.name}\t{t.prefix}…\t{state}")
        elif not tokens.revoke(options["id"]):
            raise CommandError(f"No active token {options['id']}.")
        else:
            self.stdout.write(f"Token {options['id']} revoked.")
