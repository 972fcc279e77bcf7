from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "veikart.governance"
    verbose_name = _("Governance")
    demo_loader = "veikart.governance.demo.load"
    demo_order = 60

    def ready(self) -> None:
        from veikart.governance import (
            document_refresh,
            public_register,
            workspace_cycle,
            workspace_meetings,
            workspace_report,
        )

        public_register.register(self)
        workspace_meetings.register()
        workspace_report.register()
        workspace_cycle.register()
        document_refresh.connect()
