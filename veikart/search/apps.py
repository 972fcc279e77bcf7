from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "veikart.search"
    verbose_name = _("Site search")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from veikart.core.search import register_vocabulary_listener
        from veikart.search import vocabulary

        register_vocabulary_listener(vocabulary.LISTENER)
        post_migrate.connect(vocabulary.fill_when_empty, sender=self, dispatch_uid="search_vocabulary_fill")
