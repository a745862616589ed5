"""The six mask types as canonical templates, drawn from authored shapes (the renderer warps them).

Why: every mask type is drawn once per renderer, in a 640 px frame, from the outlines in
`resources/masks/shapes.json` and the fabric textures next to it; the look (pleats, seams,
valves) is shading over the body's own coordinates. Colours stay symbolic (primary, secondary)
so one template serves every colour the renderer picks.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

from kiosk.vision.landmarks68 import NOSE_TIP

MASK_TYPES = ("surgical_blue", "surgical_green", "cloth", "n95", "kn95", "gas")
RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "masks"

_CANVAS = 640  # canonical frame of shapes.json; the drawing code's x = 320 is its centre line
_SS = 4  # supersampling factor for outlines and strokes: anti-aliased edges
TEMPLATE_LEVELS = 4  # template pyramid: 640, 320, 160, 80 px, picked by face size to avoid aliasing
TEMPLATE_UNIT = 16384  # fixed-point scale of stored templates: shading may exceed 1.0 (highlights)

Colour = tuple[float, float, float]  # BGR in 0..1


# ---------------------------------------------------------------------------------- helpers


def hex_to_bgr(text: str) -> Colour:
    r, g, b = (int(text.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return (b, g, r)


def _smoothstep(e0: float, e1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def _gauss(x: np.ndarray, width: float) -> np.ndarray:
    return np.exp(-(x / width) ** 2)


def _chaikin(poly: np.ndarray, iterations: int = 2) -> np.ndarray:
    """Round a closed polygon's corners slightly: real mask outlines have no sharp vertices."""
    for _ in range(iterations):
        nxt = np.roll(poly, -1, axis=0)
        poly = np.stack([0.75 * poly + 0.25 * nxt, 0.25 * poly + 0.75 * nxt], 1).reshape(-1, 2)
    return poly


def _bezier(controls: Sequence[Sequence[float]], n: int = 24) -> np.ndarray:
    """n points along the quadratic Bezier curve of three control points (loops, straps)."""
    t = np.linspace(0, 1, n)[:, None]
    p0, p1, p2 = (np.asarray(p, float) for p in controls)
    return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t ** 2 * p2


# ----------------------------------------------------------------- canonical template painter


class _Painter:
    """Paints a mask template in the canonical frame as premultiplied layers.

    Colours are kept symbolic so one template serves every colour: `tint` holds alpha * shade
    for the primary and secondary colour, `fixed` holds premultiplied BGR of parts whose colour
    never changes (metal clips, valves, highlights). Painting is the usual "over" operator.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.alpha = np.zeros((size, size), np.float32)
        self.fixed = np.zeros((size, size, 3), np.float32)
        self.tint = np.zeros((size, size, 2), np.float32)
        yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
        self.x, self.y = xx, yy

    def paint(self, cover: np.ndarray, colour: str | Colour, lum: np.ndarray | float = 1.0) -> None:
        c = np.clip(cover, 0, 1).astype(np.float32)
        keep = 1 - c
        self.alpha = self.alpha * keep + c
        self.fixed *= keep[..., None]
        self.tint *= keep[..., None]
        shade = c * lum
        if colour == "primary":
            self.tint[..., 0] += shade
        elif colour == "secondary":
            self.tint[..., 1] += shade
        else:
            self.fixed += shade[..., None] * np.asarray(colour, np.float32)

    def shade(self, factor: np.ndarray | float) -> None:
        """Multiply everything painted so far (folds, shadows cast by raised parts)."""
        f = np.asarray(factor, np.float32)
        self.fixed *= f[..., None] if f.ndim else f
        self.tint *= f[..., None] if f.ndim else f

    # shapes, anti-aliased by drawing at _SS x and averaging down
    def _canvas(self) -> np.ndarray:
        return np.zeros((self.size * _SS, self.size * _SS), np.uint8)

    def _down(self, canvas: np.ndarray) -> np.ndarray:
        small = cv2.resize(canvas, (self.size, self.size), interpolation=cv2.INTER_AREA)
        return small.astype(np.float32) / 255

    @staticmethod
    def _fix(points: np.ndarray) -> np.ndarray:
        # canonical pixel centre x maps to x * SS + (SS - 1) / 2; 4 fractional bits (shift=4)
        return np.round((np.asarray(points, float) * _SS + (_SS - 1) / 2) * 16).astype(np.int32)

    def polygon(self, points: np.ndarray) -> np.ndarray:
        canvas = self._canvas()
        cv2.fillPoly(canvas, [self._fix(points)], 255, cv2.LINE_AA, 4)
        return self._down(canvas)

    def stroke(self, points: np.ndarray, thickness: float) -> np.ndarray:
        canvas = self._canvas()
        cv2.polylines(canvas, [self._fix(points)], False, 255, max(1, round(thickness * _SS)),
                      cv2.LINE_AA, 4)
        return self._down(canvas)

    def disc(self, cx: float, cy: float, r: float) -> np.ndarray:
        return _smoothstep(0.5, -0.5, np.hypot(self.x - cx, self.y - cy) - r)


@dataclass
class _Geometry:
    """Where the mask body lies in the canonical frame, as fields the shading formulas use."""

    body: np.ndarray  # alpha of the main panel
    u: np.ndarray  # -1 (image left edge) .. 1 (right edge), per row
    v: np.ndarray  # 0 (top edge) .. 1 (bottom edge), per column
    top: np.ndarray  # distance in px below the top edge, per column
    side: np.ndarray  # distance in px from the nearer side edge, per row
    height: np.ndarray  # column height in px
    dist: np.ndarray  # distance in px to the outline (inside)
    col_top: np.ndarray  # first and last covered row of each column
    col_bottom: np.ndarray

    @classmethod
    def of(cls, body: np.ndarray) -> "_Geometry":
        inside = body > 0.5
        n = inside.shape[0]
        idx = np.arange(n, dtype=np.float32)
        top = inside.argmax(0).astype(np.float32)
        bottom = (n - 1 - inside[::-1].argmax(0)).astype(np.float32)
        left = inside.argmax(1).astype(np.float32)
        right = (n - 1 - inside[:, ::-1].argmax(1)).astype(np.float32)
        height = np.maximum(bottom - top, 1)[None, :]
        half = np.maximum(right - left, 2)[:, None] / 2
        u = (idx[None, :] - (left + right)[:, None] / 2) / half
        v = (idx[:, None] - top[None, :]) / height
        dist = cv2.distanceTransform(inside.astype(np.uint8), cv2.DIST_L2, 5)
        return cls(body, u, v, v * height, half * (1 - np.abs(u)), np.broadcast_to(height, body.shape),
                   dist, top, bottom)


# ------------------------------------------------------------------------- template drawing
#
# One function per kind of mask; each paints back to front. Geometry comes from shapes.json,
# the look (pleats, seams, valves) is described here as shading formulas over the body's
# (u, v) coordinates and distance to the outline.

_WHITE: Colour = (0.96, 0.96, 0.96)
_METAL: Colour = (0.62, 0.62, 0.63)


def _draw_surgical(p: _Painter, g: _Geometry, spec: dict, tex: np.ndarray, opts: dict) -> None:
    for a, b, c in spec["loops"]:
        for side in (1, -1):
            pts = _bezier([_mirror(q, side) for q in (a, b, c)])
            p.paint(p.stroke(pts, 4.0), "secondary", 0.92)
    u, v, h = g.u, g.v, g.height
    lum = tex * (1 - 0.3 * np.abs(u) ** 2.2) * (1.04 - 0.1 * v ** 2)
    lum *= 1 + 0.06 * _gauss(p.x - 320, 30) * _gauss(v - 0.15, 0.15)  # bulge over the nose
    # horizontal pleats: nearly straight across the middle, bunched into the side bindings
    mid = g.col_top[320], g.col_bottom[320]
    sx = int(np.argmax(g.body[300] > 0.5)) + 14
    edge = g.col_top[sx], g.col_bottom[sx]
    w = np.abs(u) ** 1.6
    for vk in spec["pleats"]:
        yc = mid[0] + vk * (mid[1] - mid[0])
        ys = (edge[0] + edge[1]) / 2 + 0.75 * (vk - 0.5) * (edge[1] - edge[0])
        d = p.y - (yc + (ys - yc) * w)  # px below this fold's edge
        lum *= 1 + 0.09 * np.clip(1 + d / 26, 0, 1) * (d < 0) - 0.32 * _gauss(d, 1.4) \
            - 0.20 * np.exp(-np.clip(d, 0, None) / 5) * (d > 0)
    lum *= 1 - 0.16 * _gauss(g.side - 13, 1.2) - 0.15 * _gauss(g.side - 10, 0.8) * ((p.y // 5) % 2)
    lum *= np.where(g.side < 13, 0.96, 1.0)  # side bindings: doubled strip, stitched
    hem = np.minimum(g.top, (1 - v) * h)
    lum *= 1 - 0.12 * _gauss(hem - 9, 1.0)  # folded hem at top and bottom
    wire = _smoothstep(62, 48, np.abs(p.x - 320))  # nose wire ridge under the top hem
    lum *= 1 + wire * (0.12 * _gauss(g.top - 4, 1.6) - 0.14 * _gauss(g.top - 8, 1.6))
    p.paint(g.body, "primary", lum)
    p.paint(g.body * _smoothstep(3.2, 1.2, g.dist), "secondary", 0.97)  # white inner layer


def _draw_cloth(p: _Painter, g: _Geometry, spec: dict, tex: np.ndarray, opts: dict) -> None:
    for a, b, c in spec["loops"]:
        for side in (1, -1):
            pts = _bezier([_mirror(q, side) for q in (a, b, c)])
            p.paint(p.stroke(pts, 7.0), "primary", 0.8 * tex)
    u, v = g.u, g.v
    d = p.x - 320
    lum = tex * (1 - 0.35 * np.abs(u) ** 2.2) * (1.06 - 0.14 * v)
    lum *= 1 - 0.4 * _gauss(d, 1.6) + 0.10 * _gauss(np.abs(d) - 6, 4) + 0.05 * _gauss(d, 60)
    lum *= 0.7 + 0.3 * _smoothstep(0, 6, g.dist)  # rolled edge
    lum *= 1 - 0.25 * _gauss(g.dist - 8, 0.9) * ((p.x // 4 + p.y // 4) % 2)  # hem stitching
    lum *= 1 + 0.05 * np.sin(p.y / 23 + 0.5 * np.sin(p.x / 41))  # soft drape
    p.paint(g.body, "primary", lum)


def _draw_n95(p: _Painter, g: _Geometry, spec: dict, tex: np.ndarray, opts: dict) -> None:
    strap = hex_to_bgr(spec["strap_colour"])
    # straps fade as they wrap round the head (upper) and the neck (lower)
    behind = _smoothstep(235, 200, np.abs(p.x - 320)) * _smoothstep(455, 430, p.y)
    for a, b, c in spec["straps"]:
        for side in (1, -1):
            pts = _bezier([_mirror(q, side) for q in (a, b, c)])
            p.paint(p.stroke(pts, 10.0) * behind, strap, 0.9)
    u, v = g.u, g.v
    r2 = u ** 2 + ((v - 0.5) / 0.6) ** 2
    lum = tex * (0.74 + 0.30 * np.sqrt(np.clip(1 - r2, 0, 1)))  # moulded dome
    lum *= 1 + 0.07 * np.exp(-((u + 0.3) ** 2 + (v - 0.35) ** 2) / 0.04)  # highlight
    lum *= (1 - 0.16 * _gauss(g.dist - 9, 2.0)) * (1 + 0.06 * _gauss(g.dist - 3.5, 1.5))  # rim bead
    lum *= 1 - 0.20 * _gauss(p.x - 320, 1.3) * _smoothstep(0.02, 0.1, v)  # centre seam
    p.paint(g.body, "primary", lum)
    clip = _smoothstep(56, 52, np.abs(p.x - 320)) * _smoothstep(4, 6, g.top) * _smoothstep(17, 15, g.top)
    p.paint(clip * g.body, _METAL, 1.35 - 0.6 * np.clip((g.top - 5) / 11, 0, 1))
    if opts.get("valve", True):
        cx, cy, r = spec["valve"]
        p.shade(1 - 0.35 * cv2.GaussianBlur(p.disc(cx + 3, cy + 7, r), (0, 0), 4))
        rr = np.hypot(p.x - cx, p.y - cy) / r
        vl = (1.08 - 0.2 * rr) * (1 - 0.25 * _gauss(rr - 0.82, 0.05))
        vl *= 1 - 0.35 * (rr < 0.68) * _gauss(((p.y - cy + 100) % 8) - 4, 1.0)  # slats
        p.paint(p.disc(cx, cy, r), "secondary", vl)
        p.paint(p.disc(cx, cy, r) * 0.35 * _gauss(rr - 0.9, 0.06) * (p.y < cy - 0.3 * r),
                _WHITE, 1.0)


def _draw_kn95(p: _Painter, g: _Geometry, spec: dict, tex: np.ndarray, opts: dict) -> None:
    for a, b, c in spec["loops"]:
        for side in (1, -1):
            pts = _bezier([_mirror(q, side) for q in (a, b, c)])
            p.paint(p.stroke(pts, 4.0), "primary", 0.9)
    d = p.x - 320
    lum = tex * (1 - 0.15 * g.u ** 2) * (1.03 - 0.06 * g.v)
    lum *= 1 - 0.14 * _smoothstep(-1, 2, d)  # the two panels face the light differently
    lum *= 1 + 0.10 * _gauss(d + 2.5, 1.5) - 0.30 * _gauss(d - 1, 1.2)  # fold crease
    dots = (p.x // 4 + p.y // 4) % 2
    lum *= 1 - 0.06 * (g.dist < 11) - 0.28 * _gauss(g.dist - 6.5, 1.1) * dots  # welded edge seam
    lum *= 1 - 0.18 * _gauss(np.abs(d) - 6, 1.0) * ((p.y // 4) % 2)  # crease weld
    wire = _smoothstep(8, 14, np.abs(d)) * _smoothstep(80, 66, np.abs(d))
    lum *= 1 + wire * (0.10 * _gauss(g.top - 12, 1.6) - 0.12 * _gauss(g.top - 16, 1.6))
    p.paint(g.body, "primary", lum)


def _draw_gas(p: _Painter, g: _Geometry, spec: dict, tex: np.ndarray, opts: dict) -> None:
    strap = hex_to_bgr(spec["strap_colour"])
    for a, b, c in spec["straps"]:
        for side in (1, -1):
            pts = _bezier([_mirror(q, side) for q in (a, b, c)])
            p.paint(p.stroke(pts, 16.0), strap, 0.9 * tex)
    u, v = g.u, g.v
    r2 = u ** 2 + ((v - 0.55) / 0.6) ** 2
    lum = tex * (0.7 + 0.45 * np.sqrt(np.clip(1 - r2, 0, 1)))
    lum *= 1 + 0.4 * _smoothstep(6, 2, g.dist) - 0.4 * _gauss(g.dist - 8, 1.2)  # sealing flange
    p.paint(g.body, "primary", lum)
    gloss = np.exp(-((u + 0.25) ** 2 / 0.02 + (v - 0.3) ** 2 / 0.03)) + \
        0.6 * np.exp(-((u - 0.45) ** 2 / 0.01 + (v - 0.55) ** 2 / 0.05))
    p.paint(g.body * 0.28 * gloss, _WHITE)
    vx, vy, vr = spec["valve"]  # exhalation valve cover: rounded square with a slotted grille
    box = np.maximum(np.abs(p.x - vx) / 1.0, np.abs(p.y - vy) / 0.85)
    cover = _smoothstep(vr + 0.5, vr - 0.5, box)
    p.shade(1 - 0.45 * cv2.GaussianBlur(_smoothstep(vr + 0.5, vr - 0.5, np.maximum(
        np.abs(p.x - vx), np.abs(p.y - vy - 8) / 0.85)), (0, 0), 5))
    vl = (1.2 - 0.5 * (p.y - vy + vr) / (2 * vr)) * (1 - 0.55 * (box < vr - 8) * _gauss(
        ((p.y - vy + 200) % 9) - 4.5, 1.6)) * (1 - 0.4 * _gauss(box - vr + 4, 1.5))
    p.paint(cover, (0.16, 0.16, 0.17), vl)
    cx, cy, cr = spec["cartridge"]
    for side in (1, -1):
        x = cx if side == 1 else _CANVAS - cx
        p.shade(1 - 0.55 * cv2.GaussianBlur(p.disc(x + side * 6, cy + 10, cr), (0, 0), 6))
        rr = np.hypot(p.x - x, p.y - cy) / cr
        cl = (1.1 - 0.25 * rr) * (1 - 0.35 * _smoothstep(0.8, 0.86, rr))  # face, then rim
        for ring in (0.33, 0.55, 0.72):
            cl *= 1 - 0.35 * _gauss(rr - ring, 0.018) + 0.15 * _gauss(rr - ring - 0.03, 0.02)
        p.paint(p.disc(x, cy, cr), "secondary", cl)
        ang = np.arctan2(p.y - cy, p.x - x)
        spec_arc = _gauss(rr - 0.9, 0.05) * _gauss(ang + 2.2, 0.5)
        p.paint(p.disc(x, cy, cr) * 0.45 * spec_arc, _WHITE)


def _mirror(q: Sequence[float], side: int) -> tuple[float, float]:
    return (q[0], q[1]) if side == 1 else (_CANVAS - q[0], q[1])


_DRAW = {"surgical": _draw_surgical, "cloth": _draw_cloth, "n95": _draw_n95, "kn95": _draw_kn95,
         "gas": _draw_gas}



@dataclass
class MaskTemplate:
    """A drawn mask as image pyramids (premultiplied), ready to warp; stored as uint16 fixed
    point (TEMPLATE_UNIT = 1.0) to halve the memory and the remap bandwidth of float32."""

    fixed: list[np.ndarray]  # per level (h, w, 4): fixed-colour BGR (premultiplied) + alpha
    tint: list[np.ndarray]  # per level (h, w, 2): alpha * shade for primary / secondary colour


# ------------------------------------------------------------------------------- templates


class MaskTemplates:
    """The shapes file and textures of one resources folder, and each template drawn from them
    once (cached per variant); not thread-safe, as the renderer that owns it."""

    def __init__(self, resources: str | os.PathLike | None = None) -> None:
        self._resources = Path(resources) if resources is not None else RESOURCES
        self._shapes: dict | None = None
        self._textures: dict[str, np.ndarray] = {}
        self._drawn: dict[tuple, MaskTemplate] = {}

    def spec(self) -> dict:
        """shapes.json, checked once: the canvas size and the mask types must be this module's."""
        if self._shapes is None:
            path = self._resources / "shapes.json"
            if not path.is_file():
                raise FileNotFoundError(f"mask shape definitions not found: {path}")
            shapes = json.loads(path.read_text(encoding="utf-8"))
            if shapes.get("canvas") != _CANVAS or set(shapes.get("types", ())) != set(MASK_TYPES):
                raise ValueError(f"{path}: expected a {_CANVAS} px canvas and the types {MASK_TYPES}")
            self._shapes = shapes
        return self._shapes

    def _texture(self, name: str) -> np.ndarray:
        if name not in self._textures:
            path = self._resources / f"tex_{name}.png"
            tile = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
            if tile is None:
                raise FileNotFoundError(f"mask texture not found: {path} (run make_textures.py)")
            n = self.spec()["canvas"]
            reps = -(-n // tile.shape[0])
            self._textures[name] = np.tile(tile, (reps, reps))[:n, :n].astype(np.float32) / 128
        return self._textures[name]

    def canonical_landmarks(self) -> np.ndarray:
        """The 68 points of the canonical face the shapes were authored on."""
        return np.asarray(self.spec()["landmarks68"], np.float64)

    def _point(self, q: Any) -> np.ndarray:
        if isinstance(q, list):
            return np.asarray(q, np.float64)
        lm = self.canonical_landmarks()
        p = lm[q["lm"]].copy()
        if "to" in q:
            p += q.get("t", 0.5) * (lm[q["to"]] - p)
        p += q.get("out", 0.0) * (p - lm[NOSE_TIP])
        return p + np.asarray(q.get("d", (0, 0)), np.float64)

    def _outline(self, spec: dict) -> np.ndarray:
        half = np.array([self._point(q) for q in spec["half_outline"]])
        other = half[-2:0:-1] * (-1, 1) + (self.spec()["canvas"], 0)
        return _chaikin(np.concatenate([half, other]))

    def template(self, mask_type: str, variant: tuple) -> MaskTemplate:
        """The drawn template of one type; `variant` is (texture name, *(flag, value) pairs)."""
        key = (mask_type, variant)
        if key not in self._drawn:
            spec = self.spec()["types"][mask_type]
            texture, *flags = variant
            painter = _Painter(self.spec()["canvas"])
            geo = _Geometry.of(painter.polygon(self._outline(spec)))
            _DRAW[spec["kind"]](painter, geo, spec, self._texture(texture), dict(flags))
            fixed, tint = (np.clip(a * TEMPLATE_UNIT + 0.5, 0, 65535).astype(np.uint16)
                           for a in (np.dstack([painter.fixed, painter.alpha]), painter.tint))
            levels = [(fixed, tint)]
            for _ in range(TEMPLATE_LEVELS - 1):
                levels.append(tuple(cv2.pyrDown(a) for a in levels[-1]))
            self._drawn[key] = MaskTemplate([f for f, _ in levels], [t for _, t in levels])
        return self._drawn[key]
