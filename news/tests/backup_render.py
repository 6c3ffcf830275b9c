"""Run as `python -m news.tests.backup_render URL...` (DATABASE_URL and MEDIA_ROOT in the
environment): GET each URL with Django's test client and print JSON {url: [status, body]}.
test_backups.py renders the same pages from a database and from its restored backup."""

import json
import sys


def main(urls):
    import django

    django.setup()
    from django.test import Client

    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = [response.status_code, response.content.decode()]
    print(json.dumps(pages))


if __name__ == "__main__":
    main(sys.argv[1:])
