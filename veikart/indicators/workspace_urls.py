"""The indicator pages of the workspace, under ``/forvaltning/indikatorer/``.

Indicators are addressed by their primary key here (an indicator's code may be any word, ``ny``
included); the public pages use the code.
"""

from django.urls import path

from veikart.indicators.workspace_views import dimensions, indicators, targets

app_name = "ws-indicators"
url_prefix = "indikatorer/"

urlpatterns = [
    path("", indicators.indicator_list, name="indicator-list"),
    path("ny/", indicators.indicator_create, name="indicator-create"),
    path("vare/", indicators.own_list, name="own-list"),
    path("<int:pk>/", indicators.indicator_detail, name="indicator-detail"),
    path("<int:pk>/endre/", indicators.indicator_edit, name="indicator-edit"),
    path("<int:pk>/publiser/", indicators.indicator_publish, name="indicator-publish"),
    path("<int:pk>/avpubliser/", indicators.indicator_unpublish, name="indicator-unpublish"),
    path("<int:pk>/utgangspunkt/", targets.baseline_edit, name="baseline-edit"),
    path("<int:pk>/utgangspunkt/slett/", targets.baseline_delete, name="baseline-delete"),
    path("<int:pk>/malverdier/ny/", targets.target_create, name="target-create"),
    path("<int:pk>/malverdier/<int:target_pk>/endre/", targets.target_edit, name="target-edit"),
    path("<int:pk>/malverdier/<int:target_pk>/slett/", targets.target_delete, name="target-delete"),
    path("dimensjoner/", dimensions.dimension_list, name="dimension-list"),
    path("dimensjoner/ny/", dimensions.dimension_create, name="dimension-create"),
    path("dimensjoner/<int:pk>/", dimensions.dimension_detail, name="dimension-detail"),
    path("dimensjoner/<int:pk>/endre/", dimensions.dimension_edit, name="dimension-edit"),
    path("dimensjoner/<int:pk>/verdier/ny/", dimensions.value_create, name="value-create"),
    path("dimensjoner/<int:pk>/verdier/<int:value_pk>/endre/", dimensions.value_edit, name="value-edit"),
    path("dimensjoner/<int:pk>/verdier/<int:value_pk>/slett/", dimensions.value_delete, name="value-delete"),
]
