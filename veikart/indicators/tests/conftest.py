import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Tests read the English interface: URLs reversed in a test get the /en/ prefix."""
    with translation.override("en"):
        yield
