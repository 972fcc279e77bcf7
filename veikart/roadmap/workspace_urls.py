from django.urls import path

from veikart.roadmap import workspace_items

app_name = "ws-roadmap"
url_prefix = "veikart/"

urlpatterns = [
    path("tiltak/", workspace_items.item_list, name="item-list"),
    path("tiltak/ny/", workspace_items.item_create, name="item-create"),
    path("tiltak/<int:pk>/", workspace_items.item_page, name="item"),
    path("tiltak/<int:pk>/send-til-publisering/", workspace_items.item_submit, name="item-submit"),
    path("tiltak/<int:pk>/publiser/", workspace_items.item_publication, {"publish": True}, name="item-publish"),
    path("tiltak/<int:pk>/avpubliser/", workspace_items.item_publication, {"publish": False}, name="item-unpublish"),
]
