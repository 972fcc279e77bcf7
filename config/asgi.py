"""ASGI entry point for Veikart."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

from veikart.core.serving import prepare_serving_process  # noqa: E402 - needs the settings loaded

prepare_serving_process()
