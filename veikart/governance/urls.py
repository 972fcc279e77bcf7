"""Public governance pages under ``/styring/`` (namespace ``governance``), one module per concept."""

from . import cycle_urls, document_urls, meeting_urls, report_urls

app_name = "governance"

urlpatterns = [
    *cycle_urls.urlpatterns,
    *report_urls.urlpatterns,
    *document_urls.urlpatterns,
    *meeting_urls.urlpatterns,
]
