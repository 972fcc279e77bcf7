from django.urls import path

from veikart.indicators import views

app_name = "indicators"

urlpatterns = [
    path("indikatorer/", views.indicator_list, name="indicator-list"),
    path("indikatorer/last-ned.<str:fmt>", views.all_download, name="download-all"),
    path("indikatorer/import/", views.indicator_import, name="import"),
    path("indikatorer/<str:code>/", views.indicator_detail, name="indicator-detail"),
    path("indikatorer/<str:code>/data.<str:fmt>", views.indicator_download, name="indicator-download"),
]
