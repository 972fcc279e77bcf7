from django.urls import path

from veikart.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.portfolio, name="portfolio"),
    path("eksport.<str:fmt>", views.portfolio_export, name="portfolio-export"),
]
