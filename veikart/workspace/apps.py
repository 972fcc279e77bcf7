from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The workspace shell under ``/forvaltning/``: start page, navigation and shared page parts.

    It imports no domain app: each app registers its workspace pages, its
    attention checks and its start-page panels in ``veikart.workspace.registry``
    from its own ``AppConfig.ready``.
    """

    name = "veikart.workspace"
    verbose_name = _("Workspace")
