"""A hostile upload cannot make a worker swell: an image whose header claims far more pixels
than the limit is refused from the header, before anything decodes it. Each upload runs in a
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


def png_file(width, height):
    """A real RGB PNG of `width` × `height` black pixels, written row by row (never held)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = b"\0" * (1 + 3 * width)  # filter byte, then the pixels
    compressed = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
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


HOSTILE = {
    "png_169_megapixels": ("panorama.png", lambda: png_file(13000, 13000)),
    "jpeg_172_megapixels": ("photo.jpg", lambda: jpeg_claiming(13115, 13115)),
    "png_60_megapixels": ("wide.png", lambda: png_file(10000, 6000)),
}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_an_oversized_image_is_refused_before_it_is_decoded(hostile, tmp_path):
    name, make = HOSTILE[hostile]
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
    assert measured["error"] == "file_too_many_pixels"
    assert measured["peak_mb"] < PEAK_LIMIT_MB, measured
