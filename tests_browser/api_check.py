"""`make api-check`: schemathesis against the JSON API of a served demo (tests_browser/server.py,
as `make run` sets it up), from the OpenAPI description the site serves.

Every operation, with generated valid and invalid parameters (schemathesis's examples,
coverage and fuzzing phases), and every check: no server error, status codes, content types
and bodies as documented, invalid input refused, valid input taken. A bounded number of
examples per operation and a fixed seed keep it within a few minutes on two cores and make a
failure reproducible. Extra arguments are passed to `schemathesis run`.
"""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .server import demo_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
ARGUMENTS = [
    "--checks",
    "all",
    "--max-examples",
    "300",
    "--seed",
    "14",
    "--workers",
    "2",
    "--phases",
    "examples,coverage,fuzzing",
    "--request-timeout",
    "30",
    "--generation-database",
    "none",  # no examples kept between runs: each run is the seed's
    "--no-color",
]


def main():
    with demo_server() as site:
        # Let the first answers make the lead images' renditions before the clock runs.
        for path in ("/api/v2/articles/?limit=100", "/api/v2/events/?limit=100"):
            urllib.request.urlopen(site.url + path, timeout=120).read()  # noqa: S310 - our own
        started = time.monotonic()
        done = subprocess.run(
            [
                str(SCHEMATHESIS),
                "run",
                f"{site.url}/api/v2/openapi.json",
                "--url",
                site.url,
                *ARGUMENTS,
                *sys.argv[1:],
            ],
            check=False,
        )
        print(f"schemathesis: {time.monotonic() - started:.0f} s, exit status {done.returncode}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
