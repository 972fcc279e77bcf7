"""Server time of the foundation's pages with the demo content: home, goal page, history page."""

from django.test import Client

from benchmarks.results import Results, ok_response


def run(results: Results) -> None:
    client = Client()
    results.timed("home page", ok_response(client, "/"))
    results.timed("goal page (goal 2)", ok_response(client, "/strategier/e-helsestrategi-2023-2030/mal/2/"))
    results.timed("strategy history with comparison", ok_response(client, "/strategier/"))
    results.timed("home page, English", ok_response(client, "/en/"))
