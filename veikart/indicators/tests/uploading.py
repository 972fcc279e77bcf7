"""Posting a file to the upload page as a user would: the preview, and then "Write the data"."""

import io
import re

from django.urls import reverse

_TOKEN = re.compile(r'name="token" value="([^"]+)"')


def upload(client, data: bytes, *, name: str, indicator: str = "", write: bool = False, **fields):
    """The preview's response; with ``write``, the page after writing (when the preview offered it)."""
    file = io.BytesIO(data)
    file.name = name
    response = client.post(reverse("indicators:import"), {"file": file, "indicator": indicator, **fields})
    found = _TOKEN.search(response.content.decode()) if write and response.status_code == 200 else None
    if found is None:
        return response
    return client.post(reverse("indicators:import"), {"action": "apply", "token": found.group(1)}, follow=True)
