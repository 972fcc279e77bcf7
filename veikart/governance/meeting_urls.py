"""Public meeting pages of governance (see urls.py): the overview, the decision log and its feed, a
body, a meeting and a case. The fixed paths come before the body's slug."""

from django.urls import path

from . import decision_log, feeds, meeting_views

urlpatterns: list = [
    path("", meeting_views.overview, name="overview"),
    path("vedtak/", decision_log.decision_log, name="decision-log"),
    path("vedtak/feed.atom", feeds.DecisionFeed(), name="decision-feed"),
    path("<slug:slug>/", meeting_views.body_detail, name="body"),
    path("<slug:body>/<int:year>/<int:number>/", meeting_views.meeting_detail, name="meeting"),
    path("<slug:body>/<int:year>/sak/<int:number>/", meeting_views.case_detail, name="case"),
]
