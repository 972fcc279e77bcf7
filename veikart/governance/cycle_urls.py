"""Public cycle pages of governance (see urls.py): the year, the list and the iCal feed."""

from django.urls import path

from . import cycle_views

urlpatterns = [
    path("arshjul/", cycle_views.year_view, name="cycle"),
    path("arshjul/liste/", cycle_views.list_view, name="cycle-list"),
    path("arshjul/<int:year>.ics", cycle_views.ical_feed, name="cycle-ical"),
]
