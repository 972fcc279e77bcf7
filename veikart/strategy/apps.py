from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "veikart.strategy"
    verbose_name = _("Strategy framework")
    demo_loader = "veikart.strategy.demo.load"
    demo_order = 20

    def ready(self) -> None:
        from veikart.strategy import search_documents, workspace_hooks  # search_documents connects receivers

        workspace_hooks.register()
        search_documents.register()
