"""WSGI entry point for Veikart."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from veikart.core.serving import prepare_serving_process  # noqa: E402 - needs the settings loaded

prepare_serving_process()
