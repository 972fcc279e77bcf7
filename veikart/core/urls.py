from django.urls import path

from veikart.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("tilgjengelighet/", views.accessibility_statement, name="accessibility"),
    path(
        "endringslogg/<str:app_label>/<str:model_name>/<int:pk>/",
        views.change_history,
        name="change-history",
    ),
]
