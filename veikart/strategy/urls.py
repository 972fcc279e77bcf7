from django.urls import path

from veikart.strategy import views

app_name = "strategy"

urlpatterns = [
    path("strategier/", views.strategy_history, name="history"),
    path("strategier/<slug:slug>/", views.strategy_detail, name="strategy-detail"),
    path("strategier/<slug:slug>/mal/<int:number>/", views.goal_detail, name="goal-detail"),
    path("strategier/<slug:slug>/delmal/<str:code>/", views.sub_goal_detail, name="sub-goal-detail"),
]
