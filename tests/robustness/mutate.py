"""Mutations of real image files for fuzzing decode + recognise (tests/robustness/test_fuzz.py
and benchmarks/fuzz_inputs.py): what a damaged, truncated or hostile file looks like."""
from __future__ import annotations

import random
import struct

import cv2
import numpy as np

KINDS = ("flip", "truncate", "splice", "insert", "delete", "header_size", "zero_run", "reencode", "random")


def _jpeg_sof(data: bytes) -> int | None:
    """Offset of the height field of the first JPEG SOFn marker, if any."""
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3):
            return i + 5
        i += 2 + length
    return None


def header_size(data: bytes, width: int, height: int) -> bytes:
    """The same file claiming another size (a decompression bomb when it is large)."""
    out = bytearray(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 24:
        out[16:24] = struct.pack(">II", width, height)
    elif data[:2] == b"\xff\xd8":
        at = _jpeg_sof(data)
        if at is not None:
            out[at:at + 4] = struct.pack(">HH", min(height, 65535), min(width, 65535))
    return bytes(out)


BOMB_SIDES = [0, 1, 7, 65500, 20000, 46743, 30000, 100000, 2**31 - 1]
SMALL_SIDES = [0, 1, 7, 3000]


def mutate(data: bytes, rng: random.Random, kind: str | None = None, donor: bytes = b"",
           bombs: bool = True) -> tuple[str, bytes]:
    """One mutation of `data` (a real image file's bytes): (kind, new bytes). `bombs=False`
    keeps claimed sizes small (a fast CI test; the benchmark runs the bombs under a memory cap)."""
    kind = kind or rng.choice(KINDS)
    n = len(data)
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 32)):
            out[rng.randrange(n)] ^= 1 << rng.randrange(8)
        return kind, bytes(out)
    if kind == "truncate":
        return kind, data[:rng.randrange(n)]
    if kind == "splice":
        cut = rng.randrange(n)
        return kind, data[:cut] + donor[rng.randrange(max(1, len(donor))):]
    if kind == "insert":
        at = rng.randrange(n)
        return kind, data[:at] + rng.randbytes(rng.randint(1, 4096)) + data[at:]
    if kind == "delete":
        at = rng.randrange(n)
        return kind, data[:at] + data[at + rng.randint(1, 4096):]
    if kind == "header_size":
        sides = BOMB_SIDES if bombs else SMALL_SIDES
        side = rng.choice(sides)
        return kind, header_size(data, side, rng.choice(sides[:3] + [side]))
    if kind == "zero_run":
        at = rng.randrange(n)
        return kind, data[:at] + b"\0" * rng.randint(1, 65536) + data[at + 1:]
    if kind == "reencode":
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        ext = rng.choice([".png", ".bmp", ".webp", ".tiff", ".jpg"])
        if image is None:
            return kind, data
        ok, buf = cv2.imencode(ext, image)
        body = buf.tobytes() if ok else data
        return kind, mutate(body, rng, "flip")[1] if rng.random() < 0.5 else body
    return "random", rng.randbytes(rng.choice([0, 1, 16, 512, 65536]))
