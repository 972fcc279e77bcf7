from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "veikart.accounts"
    verbose_name = _("Accounts")
    demo_loader = "veikart.accounts.demo.load"
    demo_order = 10
    demo_summary = "veikart.accounts.demo.summary"
