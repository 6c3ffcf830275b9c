"""Run as `python -m bitnews.tests.outage_probe URL...` with DATABASE_URL pointing at a
database server that is down: GET each URL with Django's test client, print JSON
{url: {"status", "retry_after", "cache_control", "body"}}. test_outage.py runs it."""

import json
import sys


def main(urls):
    import django

    django.setup()
    from django.test import Client

    client = Client(raise_request_exception=False)
    answers = {}
    for url in urls:
        response = client.get(url, secure=True)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        answers[url] = {
            "status": response.status_code,
            "retry_after": response.get("Retry-After"),
            "cache_control": response.get("Cache-Control"),
            "body": body.decode(errors="replace")[:5000],
        }
    print(json.dumps(answers))


if __name__ == "__main__":
    main(sys.argv[1:])
