from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "veikart.governance"
    verbose_name = _("Governance")
    demo_loader = "veikart.governance.demo.load"
    demo_order = 60

    def ready(self) -> None:
        from veikart.governance import public_register

        public_register.register(self)
