"""Public document pages of governance (see urls.py): the meeting pack and minutes as PDFs."""

from django.urls import path

from . import document_views
from .document_models import MeetingDocument

urlpatterns: list = [
    path(
        "<slug:body>/<int:year>/<int:number>/innkalling.pdf",
        document_views.meeting_document,
        {"kind": MeetingDocument.Kind.PACK.value},
        name="meeting-pack",
    ),
    path(
        "<slug:body>/<int:year>/<int:number>/protokoll.pdf",
        document_views.meeting_document,
        {"kind": MeetingDocument.Kind.MINUTES.value},
        name="meeting-minutes",
    ),
]
