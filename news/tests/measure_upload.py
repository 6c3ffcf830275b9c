"""Run as `python -m news.tests.measure_upload FILE NAME`: validate FILE as an upload named
NAME with the admin's image field (every upload view uses it) in a fresh process, and print
what it cost as JSON: {"error": the refusal's code or null, "peak_mb": peak resident memory,
"before_mb": resident memory just before}. test_upload_memory.py runs it."""

import json
import sys
from pathlib import Path


def peak_mb():
    """This process's peak resident memory since it started (Linux's VmHWM, which starts
    afresh at exec; getrusage's ru_maxrss would carry the parent's peak over)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(path, name):
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import TemporaryUploadedFile

    from news.newsroom.images import CheckedImageField

    with open(path, "rb") as source:
        content = source.read()
    upload = TemporaryUploadedFile(name, "application/octet-stream", len(content), None)
    upload.write(content)
    upload.seek(0)
    del content
    before = peak_mb()
    try:
        CheckedImageField().clean(upload)
        error = None
    except ValidationError as refusal:
        error = refusal.code
    print(
        json.dumps({"error": error, "peak_mb": round(peak_mb(), 1), "before_mb": round(before, 1)})
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
