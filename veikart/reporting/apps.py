from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "veikart.reporting"
    verbose_name = _("Status reporting")
    demo_loader = "veikart.reporting.demo.load"
    demo_order = 50
