"""A hostile upload cannot make a worker swell or get through: an image whose header claims far
more pixels than the limit is refused from the header, before anything decodes it; the rest of
the hostile set (issue 12) gets its form error. Each upload runs in a
fresh process (news/tests/measure_upload.py) whose peak resident memory is measured: today's
Wagtail field alone took a worker from 95 MB to 740 MB on a 0.68 MB PNG."""

import io
import json
import os
import struct
import subprocess
import sys
import zlib

import pytest
from django.conf import settings
from PIL import Image as PILImage

PEAK_LIMIT_MB = 200


def png_file(width, height, bits=8):
    """A real PNG of `width` × `height` black pixels, RGB (or one-bit grey with bits=1),
    written row by row (never held)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row_bytes = 3 * width if bits == 8 else (width + 7) // 8
    row = b"\0" * (1 + row_bytes)  # filter byte, then the pixels
    compressed = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, bits, 2 if bits == 8 else 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


def jpeg_claiming(width, height):
    """A small real JPEG whose frame header (SOF0) claims `width` × `height`."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 64), (0, 90, 160)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def small_jpeg():
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 300), 64).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (n, b"".join(b"&lol%s;" % (str(n - 1).encode() if n > 1 else b"") for _ in range(10)))
        for n in range(1, 10)
    )
    + b']><svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>'
)

# name: (file name, content, the refusal's code; None: accepted)
HOSTILE = {
    "png_169_megapixels": ("panorama.png", lambda: png_file(13000, 13000), "file_too_many_pixels"),
    "jpeg_172_megapixels": (
        "photo.jpg",
        lambda: jpeg_claiming(13115, 13115),
        "file_too_many_pixels",
    ),
    "png_144_megapixels": ("panorama.png", lambda: png_file(12000, 12000), "file_too_many_pixels"),
    "png_400_megapixels": (
        "panorama.png",
        lambda: png_file(20000, 20000, bits=1),
        "file_too_many_pixels",
    ),
    "png_60_megapixels": ("wide.png", lambda: png_file(10000, 6000), "file_too_many_pixels"),
    "oversize_file": (
        "big.jpg",
        lambda: small_jpeg() + b"\0" * (11 * 1024 * 1024),
        "file_too_large",
    ),
    "truncated_jpeg": ("photo.jpg", lambda: small_jpeg()[:400], "invalid_image"),
    "gif_header_then_text": (
        "animation.gif",
        lambda: b"GIF89a<script>alert(1)</script>",
        "invalid_image",
    ),
    "text_named_png": (
        "notes.png",
        lambda: b"Meeting notes: bring the projector.\n" * 20,
        "invalid_image",
    ),
    "svg_with_script": (
        "logo.svg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "invalid_image_extension",
    ),
    # unreadable to the image library, which is refused before its extension is looked at
    "billion_laughs_svg": ("lol.svg", lambda: BILLION_LAUGHS, "invalid_image"),
    "executable_named_jpg": (
        "photo.jpg",
        lambda: b"\x7fELF\x02\x01\x01" + b"\0" * 4096,
        "invalid_image",
    ),
    # A real JPEG with a web page after its end: a valid picture, accepted (phones append
    # video after a photo's end, so trailing data cannot be refused). Media are served with
    # nosniff and a CSP that runs nothing (deploy/nginx/bitnews.conf), so it stays a picture.
    "jpeg_with_html_appended": (
        "photo.jpg",
        lambda: small_jpeg() + b"<html><script>alert(1)</script></html>",
        None,
    ),
}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_upload_is_refused_with_bounded_memory(hostile, tmp_path):
    name, make, refusal = HOSTILE[hostile]
    path = tmp_path / name
    path.write_bytes(make())
    result = subprocess.run(
        [sys.executable, "-m", "news.tests.measure_upload", str(path), name],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "bitnews.settings.test"
            ),
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["error"] == refusal
    assert measured["peak_mb"] < PEAK_LIMIT_MB, measured
