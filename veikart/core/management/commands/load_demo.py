"""Load the demo strategy and everything that hangs on it. Safe to run again."""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load or refresh the demo content (idempotent: a second run changes nothing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--demo-passwords",
            action="store_true",
            help="Give the demo users the documented demo password (for local use only).",
        )
        parser.add_argument(
            "--only",
            nargs="+",
            metavar="APP",
            help="Run only these apps' demo loaders (app labels, such as reporting); what they build on must be loaded.",
        )

    def handle(self, *args, demo_passwords: bool = False, only: list[str] | None = None, **options) -> None:
        loaders = sorted(
            (getattr(config, "demo_order", 100), config.label, config.demo_loader)
            for config in apps.get_app_configs()
            if getattr(config, "demo_loader", None) and (not only or config.label in only)
        )
        if only and (unknown := set(only) - {label for _order, label, _path in loaders}):
            raise CommandError(f"No demo content for: {', '.join(sorted(unknown))}")
        with transaction.atomic():
            for _order, label, path in loaders:
                import_string(path)(demo_passwords=demo_passwords)
                self.stdout.write(f"Loaded demo content: {label}")
        self.stdout.write(self.style.SUCCESS("Demo content is up to date."))
        # An app may name a ``demo_summary`` (a callable returning lines) to tell a new user where to start.
        for config in apps.get_app_configs():
            if summary := getattr(config, "demo_summary", None):
                for line in import_string(summary)(demo_passwords=demo_passwords):
                    self.stdout.write(line)
