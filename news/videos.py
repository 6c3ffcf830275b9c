"""The size of an uploaded video's picture, read from its header: MP4's track header (`tkhd`,
its rotation applied) or WebM's video track (`PixelWidth`/`PixelHeight`, or its display size).
The video block gives the player that shape before anything of the video is loaded
(templates/blocks/video.html): a poster of another shape does not decide it.

A reader of these few fields rather than a media library (pymediainfo, PyAV): they would bring
a native library to every server for two numbers. Only headers are read, a few hundred bytes,
seeking past everything else; a damaged or unknown file gives None, never an error. (leaf)
"""

import struct

STEPS = 200  # boxes or elements looked at, at most: a damaged file costs no more

# MP4 (ISO base media file format)
MP4_PATH = (b"moov", b"trak", b"tkhd")

# WebM (Matroska's EBML): element IDs
SEGMENT, TRACKS, TRACK_ENTRY, VIDEO = 0x18538067, 0x1654AE6B, 0xAE, 0xE0
PIXEL_WIDTH, PIXEL_HEIGHT = 0xB0, 0xBA
DISPLAY_WIDTH, DISPLAY_HEIGHT, DISPLAY_UNIT = 0x54B0, 0x54BA, 0x54B2
WEBM_PATH = (SEGMENT, TRACKS, TRACK_ENTRY, VIDEO)
SIZE_FIELDS = {PIXEL_WIDTH, PIXEL_HEIGHT, DISPLAY_WIDTH, DISPLAY_HEIGHT, DISPLAY_UNIT}


def frame_size(file):
    """(width, height) of the picture of the video in `file` (open, binary, seekable) as it is
    shown, or None."""
    try:
        file.seek(0)
        start = file.read(8)
        if start[4:8] == b"ftyp":
            return _mp4_size(file)
        if start[:4] == b"\x1a\x45\xdf\xa3":
            return _webm_size(file)
    except (OSError, ValueError, IndexError, struct.error):
        pass
    return None


def _end_of(file):
    file.seek(0, 2)
    return file.tell()


# MP4: boxes of a 32-bit size (1: a 64-bit size follows; 0: to the end) and a 4-letter type


def _boxes(file, start, end):
    """(type, body start, end) of each box between `start` and `end`."""
    position = start
    for _step in range(STEPS):
        if position + 8 > end:
            return
        file.seek(position)
        size, kind = struct.unpack(">I4s", file.read(8))
        body = position + 8
        if size == 1:
            size, body = struct.unpack(">Q", file.read(8))[0], body + 8
        elif size == 0:
            size = end - position
        if size < body - position:
            return
        yield kind, body, min(position + size, end)
        position += size


def _mp4_size(file):
    def tracks(start, end, path):
        for kind, body, stop in _boxes(file, start, end):
            if kind == path[0]:
                if len(path) == 1:
                    yield body
                else:
                    yield from tracks(body, stop, path[1:])

    for header in tracks(0, _end_of(file), MP4_PATH):
        size = _track_size(file, header)
        if size:  # a sound track has none
            return size
    return None


def _track_size(file, header):
    """A track header's width and height (16.16 fixed point), turned by its matrix."""
    file.seek(header)
    data = file.read(96)
    at = 4 + (32 if data[0] == 1 else 20) + 16  # version and flags, times and ids, layer...
    a, b = struct.unpack(">2i", data[at : at + 8])  # the matrix's first row
    width, height = (round(n / 65536) for n in struct.unpack(">2I", data[at + 36 : at + 44]))
    if not (width and height):
        return None
    if a == 0 and b != 0:  # a quarter turn: a phone held upright
        width, height = height, width
    return width, height


# WebM: elements of a variable-length ID and size (all ones: unknown, to the parent's end)


def _vint(file, keep_marker):
    first = file.read(1)
    if not first or not first[0]:
        raise ValueError("not EBML")
    length = 9 - first[0].bit_length()
    value = first[0] if keep_marker else first[0] & ((1 << (8 - length)) - 1)
    for byte in file.read(length - 1):
        value = value << 8 | byte
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, unknown


def _elements(file, start, end):
    """(ID, body start, end) of each element between `start` and `end`."""
    position = start
    for _step in range(STEPS):
        if position >= end:
            return
        file.seek(position)
        element, _ = _vint(file, keep_marker=True)
        size, unknown = _vint(file, keep_marker=False)
        body = file.tell()
        stop = end if unknown else min(body + size, end)
        yield element, body, stop
        if unknown:
            return
        position = stop


def _webm_size(file):
    def videos(start, end, path):
        for element, body, stop in _elements(file, start, end):
            if element == path[0]:
                if len(path) == 1:
                    yield body, stop
                else:
                    yield from videos(body, stop, path[1:])

    for start, end in videos(0, _end_of(file), WEBM_PATH):
        fields = {}
        for element, body, stop in _elements(file, start, end):
            if element in SIZE_FIELDS and stop - body <= 8:
                file.seek(body)
                fields[element] = int.from_bytes(file.read(stop - body), "big")
        if fields.get(DISPLAY_UNIT, 0) == 0 and fields.get(DISPLAY_WIDTH):  # in pixels
            size = fields[DISPLAY_WIDTH], fields.get(DISPLAY_HEIGHT)
        else:
            size = fields.get(PIXEL_WIDTH), fields.get(PIXEL_HEIGHT)
        if all(size):
            return size
    return None
