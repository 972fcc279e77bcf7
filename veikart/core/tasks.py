"""Background tasks every app may use (Django's tasks API, through the django-tasks backport).

The arguments are plain JSON data, as the database backend stores them; the worker
(``manage.py db_worker``) runs the task, so no request waits on the mail server.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def mail_send(*, to: list[str], subject: str, body: str) -> None:
    """Send one plain-text mail from ``DEFAULT_FROM_EMAIL``; a refused mail fails the task (the worker logs it)."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    logger.info("Sent mail %r to %d recipient(s)", subject, len(to))
