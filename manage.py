#!/usr/bin/env python
"""Django's command-line utility.

Without DJANGO_SETTINGS_MODULE it uses the development settings (SQLite, a fixed secret key) —
except in a deployed checkout, whose `.env` beside this file names the production settings
(docs/deployment.md): there it stops, rather than migrate or change an empty SQLite database
while the site runs on PostgreSQL.
"""

import os
import sys
from pathlib import Path

PRODUCTION = "bitnews.settings.production"


def deployed_settings(env_file):
    """The settings module a `.env` file names, if any."""
    if not env_file.is_file():
        return None
    for line in env_file.read_text().splitlines():
        name, _, value = line.strip().partition("=")
        if name.strip() == "DJANGO_SETTINGS_MODULE":
            return value.strip().strip("'\"")
    return None


if __name__ == "__main__":
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        env_file = Path(__file__).resolve().with_name(".env")
        if deployed_settings(env_file) == PRODUCTION:
            sys.exit(
                f"{env_file} names the production settings, but DJANGO_SETTINGS_MODULE is not "
                "set, so manage.py would use the development ones (SQLite). Load the "
                "environment first:\n    set -a; . ./.env; set +a"
            )
        os.environ["DJANGO_SETTINGS_MODULE"] = "bitnews.settings.dev"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
