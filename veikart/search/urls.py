from django.urls import path

from veikart.search import views

app_name = "search"

urlpatterns = [
    path("sok/", views.results, name="results"),
]
