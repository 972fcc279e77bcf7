"""manage.py exchange_cleanup: expire abandoned import previews and drop their files."""

from django.core.management.base import BaseCommand

from veikart.core.exchange.previews import previews_expire_stale


class Command(BaseCommand):
    help = "Expire import previews older than EXCHANGE_PREVIEW_MAX_AGE_HOURS and delete their kept files."

    def handle(self, *args, **options) -> None:
        count = previews_expire_stale()
        self.stdout.write(f"{count} abandoned preview(s) expired.")
