from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "veikart.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from veikart.core.content import pin_orm_to_bokmal

        pin_orm_to_bokmal()
