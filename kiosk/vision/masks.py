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
import math
import os
from dataclasses import dataclass
from typing import Any, Sequence

import cv2
import numpy as np

from kiosk.vision.landmarks68 import EYES, JAW, NOSE_TIP, Landmarks68, check_bgr_image, five_from_68
from kiosk.vision.mask_templates import MASK_TYPES, TEMPLATE_LEVELS, TEMPLATE_UNIT, Colour, MaskTemplates, hex_to_bgr


@dataclass
class MaskedFace:
    """One rendering: the masked image plus what was drawn and where."""

    image: np.ndarray  # BGR uint8, same size as the input
    mask_type: str
    colour: str  # colour name for the default style, "#rrggbb" (RGB) for random styles
    landmarks68: np.ndarray  # (68, 2) float, in the input image
    coverage: np.ndarray  # bool (H, W): pixels the mask covers (alpha >= 0.5)


def _check_type(mask_type: str) -> str:
    if mask_type not in MASK_TYPES:
        raise ValueError(f"unknown mask type {mask_type!r}; valid types: {', '.join(MASK_TYPES)}")
    return mask_type


def _bgr_to_hex(c: Colour) -> str:
    return "#" + "".join(f"{round(255 * min(max(v, 0.0), 1.0)):02x}" for v in c[::-1])


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
        self._landmarks = Landmarks68(predictor_path)
        self._templates = MaskTemplates(resources)
        self._mesh: tuple[np.ndarray, np.ndarray] | None = None
        self._last_placement: tuple[bytes, _Placement] | None = None

    def landmarks68(self, image_bgr: np.ndarray, box: Sequence[float]) -> np.ndarray:
        """dlib's 68 points for the face in `box` (x1, y1, x2, y2) from any detector (landmarks68.py)."""
        return self._landmarks.predict(image_bgr, box)

    # --- placement -------------------------------------------------------------------------
    def _anchors(self, lm: np.ndarray) -> np.ndarray:
        """Mesh vertices: chosen landmarks plus a ring of jaw points pushed out from the nose."""
        spec = self._templates.spec()
        jaw = lm[list(JAW)]
        ring = jaw + spec["ring"] * (jaw - lm[NOSE_TIP])
        return np.concatenate([lm[spec["mesh_landmarks"]], ring])

    def _triangles(self) -> tuple[np.ndarray, np.ndarray]:
        """Delaunay triangles of the canonical anchors (computed once per renderer)."""
        if self._mesh is None:
            src = self._anchors(self._templates.canonical_landmarks())
            lo = src.min(0) - 10
            size = src.max(0) - lo + 20
            sub = cv2.Subdiv2D((int(lo[0]), int(lo[1]), int(size[0]), int(size[1])))
            for x, y in src:
                sub.insert((float(x), float(y)))
            tris = []
            for t in np.asarray(sub.getTriangleList()).reshape(-1, 3, 2):  # (N, 6) float32; stubs: a list
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
        can = self._templates.canonical_landmarks()
        scale = max(float(np.linalg.norm(lm[8] - lm[27]) / np.linalg.norm(can[8] - can[27])),
                    float(np.linalg.norm(lm[16] - lm[0]) / np.linalg.norm(can[16] - can[0])))
        level = int(np.clip(math.floor(math.log2(1 / max(scale, 1e-6))), 0, TEMPLATE_LEVELS - 1))
        # per-pixel triangle index, then each pixel's own inverse affine (dst -> template)
        ids = np.zeros((y1 - y0, x1 - x0), np.uint8)
        affines: list[np.ndarray] = [np.array([[0, 0, -1e4], [0, 0, -1e4]], np.float32)]  # index 0 = outside
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
        for eye in EYES:
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
        spec = self._templates.spec()["types"][mask_type]
        if not random_style:
            flags = (("valve", True),) if spec["kind"] == "n95" else ()
            return _Style((spec["textures"][0], *flags), hex_to_bgr(spec["colour"][1]),
                          hex_to_bgr(spec["secondary"][1]), spec["colour"][0])
        rng = np.random.default_rng([seed, MASK_TYPES.index(mask_type)])
        texture = str(rng.choice(spec["textures"]))
        flags = (("valve", bool(rng.random() < 0.6)),) if spec["kind"] == "n95" else ()
        primary = _jitter(hex_to_bgr(str(rng.choice(spec["palette"]))), rng)
        sec = spec.get("secondary_palette")
        secondary = _jitter(hex_to_bgr(str(rng.choice(sec))), rng) if sec else \
            hex_to_bgr(spec["secondary"][1])
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
        img = check_bgr_image(image_bgr)
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
        tpl = self._templates.template(mask_type, style.variant)
        fixed = _warp(tpl.fixed[place.level], place.map_x, place.map_y)
        # the float work only where the mask is (plus room for the blur), not the whole mesh
        pad = math.ceil(3 * look.blur) + 1
        bx, by, bw, bh = cv2.boundingRect((fixed[..., 3] > 0).astype(np.uint8))
        ys = slice(max(by - pad, 0), min(by + bh + pad, roi.shape[0]))
        xs = slice(max(bx - pad, 0), min(bx + bw + pad, roi.shape[1]))
        tint = _warp(tpl.tint[place.level], place.map_x[ys, xs], place.map_y[ys, xs])
        fixed = fixed[ys, xs].astype(np.float32) / TEMPLATE_UNIT
        tint = tint.astype(np.float32) / TEMPLATE_UNIT
        colour: np.ndarray = fixed[..., :3] + tint[..., :1] * style.primary + tint[..., 1:] * style.secondary
        grey = colour.mean(2, keepdims=True)
        colour = (grey + look.saturation * (colour - grey)) * look.light[ys, xs, None]
        alpha: np.ndarray = fixed[..., 3]
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


def _warp(template: np.ndarray, map_x: np.ndarray, map_y: np.ndarray) -> np.ndarray:
    """A template level sampled at the placement's maps (bilinear; transparent outside it)."""
    return cv2.remap(template, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)


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

    img = check_bgr_image(image_bgr)
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
