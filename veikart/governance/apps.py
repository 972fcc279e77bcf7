from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "veikart.governance"
    verbose_name = _("Governance")
    demo_loader = "veikart.governance.demo.load"
    demo_order = 60

    def ready(self) -> None:
        from . import document_refresh

        document_refresh.connect()
