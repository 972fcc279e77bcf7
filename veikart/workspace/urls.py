from django.urls import path

from veikart.workspace import views

app_name = "workspace"

urlpatterns = [
    path("", views.start, name="start"),
]
