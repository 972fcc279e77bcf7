"""Root URL configuration.

Public pages live under ``i18n_patterns``: bokmål (the default) has no prefix,
nynorsk and English are served under ``/nn/`` and ``/en/``.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from veikart.core.sitemaps import SITEMAPS
from veikart.workspace.discovery import app_workspace_urls

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("konto/", include("veikart.accounts.urls")),
    path("forvaltning/", include("veikart.workspace.urls")),
    path("forvaltning/", include(app_workspace_urls())),
    path("veikart/", include("veikart.roadmap.urls")),
    path("portefolje/", include("veikart.reporting.urls")),
    path("styring/", include("veikart.governance.urls")),
    path("", include("veikart.search.urls")),
    path("", include("veikart.indicators.urls")),
    path("", include("veikart.strategy.urls")),
    path("", include("veikart.core.urls")),
    prefix_default_language=False,
)

handler403 = "veikart.core.views.permission_denied"
handler404 = "veikart.core.views.page_not_found"
handler500 = "veikart.core.views.server_error"
