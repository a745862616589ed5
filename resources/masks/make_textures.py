"""Generate the small tileable fabric textures used by kiosk.vision.mask_templates.

Run from anywhere: `python resources/masks/make_textures.py`. The PNGs are committed so the
renderer needs no generation step at run time; this script is how they were made (seeded, so
it reproduces the same bytes). Every texture is 8-bit grey, tileable, with 128 meaning "no
change": the renderer multiplies the mask's shading by value / 128.
"""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

HERE = Path(__file__).resolve().parent
SIZE = 128


def _periodic_noise(rng: np.random.Generator, sigma: float, size: int = SIZE) -> np.ndarray:
    """Band-limited noise that wraps around (Gaussian filter in the Fourier domain)."""
    f = np.fft.fftfreq(size)
    k2 = f[:, None] ** 2 + f[None, :] ** 2
    spec = np.fft.fft2(rng.standard_normal((size, size))) * np.exp(-2 * (np.pi * sigma) ** 2 * k2)
    out = np.real(np.fft.ifft2(spec))
    return (out - out.mean()) / (out.std() + 1e-9)


def _to_png(a: np.ndarray, contrast: float) -> np.ndarray:
    return np.clip(128 + contrast * a, 0, 255).astype(np.uint8)


def nonwoven(rng: np.random.Generator) -> np.ndarray:
    """Spun-bond fleece of surgical and respirator masks: fibre clouds plus embossed bond dots."""
    clouds = 0.35 * _periodic_noise(rng, 3.0) + 0.65 * _periodic_noise(rng, 0.7)
    dots = np.zeros((SIZE, SIZE), np.float32)
    step = 8
    for y in range(0, SIZE, step):
        for x in range(0, SIZE, step):
            cx = x + (step // 2 if (y // step) % 2 else 0)
            for ox in (-SIZE, 0, SIZE):  # draw wrapped copies so the tile stays seamless
                cv2.circle(dots, (cx + ox, y + 2), 1, 1.0, -1, cv2.LINE_AA)
    return _to_png(clouds - 1.2 * dots, 4.0)


def knit(rng: np.random.Generator) -> np.ndarray:
    """Jersey knit: columns of V-shaped loops, each stitch a little different."""
    w, h = 8, 8
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    u, v = (x % w + 0.5) / w, (y % h + 0.5) / h
    legs = np.zeros_like(u)
    for top_u in (0.05, 0.95):  # the two legs of the V, meeting at the bottom centre
        d = np.abs((u - top_u) - (0.5 - top_u) * v) / np.hypot(1.0, (0.5 - top_u) * w / h)
        legs = np.maximum(legs, np.clip(1 - d / 0.2, 0, 1) ** 0.8 * (0.55 + 0.45 * np.sin(np.pi * v)))
    per_stitch = 0.75 + 0.25 * rng.random((SIZE // h + 1, SIZE // w))
    legs *= per_stitch[(y // h).astype(int), (x // w).astype(int)]
    out = legs - legs.mean() + 0.1 * _periodic_noise(rng, 1.0)
    return _to_png(out / (out.std() + 1e-9), 24.0)


def woven(rng: np.random.Generator) -> np.ndarray:
    """Plain weave (cotton, denim-like): threads alternately over and under."""
    t = 4
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    over = ((x // t + y // t) % 2).astype(np.float32)
    warp = np.sin(np.pi * (x % t + 0.5) / t) ** 0.7  # rounded vertical thread
    weft = np.sin(np.pi * (y % t + 0.5) / t) ** 0.7
    threads = over * warp + (1 - over) * weft
    slub = 0.15 * np.repeat(_periodic_noise(rng, 6.0)[:1], SIZE, 0)  # uneven yarn thickness
    out = threads - threads.mean() + slub + 0.2 * _periodic_noise(rng, 0.7)
    return _to_png(out / (out.std() + 1e-9), 20.0)


def rubber(rng: np.random.Generator) -> np.ndarray:
    """Moulded rubber: faint mottling and a fine grain."""
    out = 0.7 * _periodic_noise(rng, 8.0) + 0.3 * _periodic_noise(rng, 0.6)
    return _to_png(out, 6.0)


def main() -> None:
    rng = np.random.default_rng(20240611)
    for name, make in (("nonwoven", nonwoven), ("knit", knit), ("woven", woven), ("rubber", rubber)):
        cv2.imwrite(str(HERE / f"tex_{name}.png"), make(rng), [cv2.IMWRITE_PNG_COMPRESSION, 9])
        print("wrote", HERE / f"tex_{name}.png")


if __name__ == "__main__":
    main()
