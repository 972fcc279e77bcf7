"""The strategy framework in the workspace: ``/forvaltning/strategi/`` (the strategy office only)."""

from django.urls import path

from veikart.strategy.workspace_views import goals, parts, revisions, versions

app_name = "ws-strategy"
url_prefix = "strategi/"

# URL slugs of the parts handled by the generic pages, and the kind each one is.
_PARTS = {"overordnede-mal": "overarching-goal", "situasjoner": "scenario", "malgrupper": "target-group"}

urlpatterns = [
    path("", versions.strategy_list, name="strategy-list"),
    path("ny/", versions.strategy_create, name="strategy-create"),
    path("<int:pk>/", versions.strategy_detail, name="strategy-detail"),
    path("<int:pk>/endre/", versions.strategy_edit, name="strategy-edit"),
    path("<int:pk>/publiser/", versions.strategy_publish, name="strategy-publish"),
    path("<int:pk>/avpubliser/", versions.strategy_unpublish, name="strategy-unpublish"),
    path("<int:pk>/revider/", revisions.revision_start, name="revision-start"),
    path("<int:pk>/vedta/", revisions.revision_adopt, name="revision-adopt"),
    path("<int:pk>/mal/ny/", goals.goal_form, name="goal-create"),
    path("<int:pk>/mal/<int:item_pk>/endre/", goals.goal_form, name="goal-edit"),
    path("<int:pk>/mal/<int:item_pk>/slett/", parts.part_delete, {"kind": "goal"}, name="goal-delete"),
    path("<int:pk>/delmal/ny/", goals.sub_goal_form, name="sub-goal-create"),
    path("<int:pk>/delmal/<int:item_pk>/endre/", goals.sub_goal_form, name="sub-goal-edit"),
    path("<int:pk>/delmal/<int:item_pk>/slett/", parts.part_delete, {"kind": "sub-goal"}, name="sub-goal-delete"),
]
for slug, kind in _PARTS.items():
    urlpatterns += [
        path(f"<int:pk>/{slug}/ny/", parts.part_form, {"kind": kind}, name=f"{kind}-create"),
        path(f"<int:pk>/{slug}/<int:item_pk>/endre/", parts.part_form, {"kind": kind}, name=f"{kind}-edit"),
        path(f"<int:pk>/{slug}/<int:item_pk>/slett/", parts.part_delete, {"kind": kind}, name=f"{kind}-delete"),
    ]
