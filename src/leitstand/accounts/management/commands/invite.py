"""`leitstand invite USERNAME EMAIL [--admin-of STRATEGY] [--unit ORG [--head]] [--reset]`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from leitstand import config
from leitstand.accounts import invitations, second_factor
from leitstand.register.models import Membership, Organisation, Strategy


class Command(BaseCommand):
    help = ("Invite a person to the editors' team: the account is made (without a password) "
            "and a mail with a link to choose one is queued; then they set up the second "
            "factor.")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("--admin-of", action="append", default=[], metavar="STRATEGY",
                            help="slug of a strategy they administer (repeatable)")
        parser.add_argument("--unit", action="append", default=[], metavar="ORGANISATION",
                            help="slug of a unit they edit for (repeatable)")
        parser.add_argument("--head", action="store_true",
                            help="as head of those units (may approve assessments)")
        parser.add_argument("--reset", action="store_true",
                            help="an existing account: remove its password and second factor "
                                 "first (lost phone)")

    @transaction.atomic
    def handle(self, *args, username, email, admin_of, unit, head, reset, **options):
        strategies = [self._get(Strategy, slug) for slug in admin_of]
        units = [self._get(Organisation, slug) for slug in unit]
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": email, "is_staff": True})
        if created:
            user.set_unusable_password()
        elif reset:
            second_factor.reset(user)
        user.email, user.is_staff = email, True
        user.save()
        for strategy in strategies:
            strategy.admins.add(user)
        for organisation in units:
            Membership.objects.update_or_create(
                user=user, organisation=organisation,
                defaults={"role": "head" if head else "editor"})
        address = invitations.invite(user, config.get("LEITSTAND_SITE_URL"))
        self.stdout.write(f"Invitation for {username} queued to {address}.")

    def _get(self, model, slug):
        found = model.objects.filter(slug=slug).first()
        if found is None:
            raise CommandError(f"No {model._meta.verbose_name} '{slug}'.")
        return found
