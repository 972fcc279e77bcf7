"""The meeting pack and minutes as PDFs: ``/styring/<body>/<year>/<number>/innkalling.pdf`` and
``…/protokoll.pdf``.

Who gets which version is decided by ``documents.audience_for`` (the restricted one for readers of the
body's papers, else the public one); which meetings exist for the viewer by
``Meeting.objects.visible_to`` (a draft is a 404 for everyone but the strategy office). A document is
served only while it is current; otherwise a page says it is being made, and its build is asked for:
the request never lays out a PDF itself.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_GET

from . import document_refresh, documents
from .document_models import MeetingDocument
from .models import Meeting

Kind = MeetingDocument.Kind

# The file name each kind is served under, in the papers' language.
FILE_NAMES = {Kind.PACK: "innkalling", Kind.MINUTES: "protokoll"}

# How long the "being made" page asks a client to wait before trying again (seconds).
RETRY_AFTER = 30


@require_GET
def meeting_document(request: HttpRequest, body: str, year: int, number: int, kind: str) -> HttpResponse:
    """The viewer's version of the meeting's pack or minutes, as a PDF shown in the browser.

    404 for a meeting the viewer may not see (a draft, for the public) and for a document the meeting
    does not have yet (the minutes of a meeting not held; the strategy office gets a page saying when it
    comes). 202 with a page and ``Retry-After`` while the current version is being made.
    """
    if kind not in FILE_NAMES:
        raise Http404
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("body"), body__slug=body, year=year, number=number
    )
    context = {"meeting": meeting, "kind": kind, "meeting_url": meeting.get_absolute_url()}
    if kind not in documents.kinds_of(meeting):
        return render(request, "governance/document_pending.html", {**context, "not_yet": True}, status=404)
    document = documents.current_document(meeting, kind, documents.audience_for(request.user, meeting))
    if document is None:
        document_refresh.request_build(meeting.pk)
        response = render(request, "governance/document_pending.html", context, status=202)
        response["Retry-After"] = str(RETRY_AFTER)
    else:
        response = FileResponse(
            document.file.open("rb"),
            content_type="application/pdf",
            filename=f"{FILE_NAMES[kind]}-{meeting.body.slug}-{meeting.number}-{meeting.year}.pdf",
        )
    # One address, two versions: no shared cache may hand one viewer's version to another.
    patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
