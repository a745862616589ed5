"""`kiosk augment`: the batch mask-augmentation and face-cropping tool (SPEC 5).

One image or a folder (recursive) in; the output folder mirrors the input tree. Models load
once; faces not found are listed in missed_images.txt and skipped; every attempt, good or
bad, is a row of logs.csv."""
from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.app.settings import load_settings
from kiosk.common.errors import CliError
from kiosk.common.fsutil import atomic_write_bytes, atomic_write_text
from kiosk.vision.align import align_face, crop_box
from kiosk.vision.detect import detect_with_padding
from kiosk.vision.image_io import IMAGE_SUFFIXES, load_image
from kiosk.vision.mask_templates import MASK_TYPES
from kiosk.vision.masks import MaskRenderer, render_contact_sheet
from kiosk.vision.pipeline import choose_detector
from kiosk.vision.types import same_face

CROP_STYLES = ("buffalo", "original_cropping", "scale_shift")
LOG_FIELDS = ("image_path", "face", "mask_type", "mask_colour", "output_path", "error")


def list_images(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such file or folder")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def crop_styles(style: str) -> tuple[str, ...]:
    if style == "all":
        return CROP_STYLES
    if style not in CROP_STYLES:
        raise ValueError(f"unknown crop style {style!r}; choose from {', '.join(CROP_STYLES)} or all")
    return (style,)


def scale_shift_crop(image: np.ndarray, box: np.ndarray, rng: random.Random,
                     scale: tuple[float, float] = (1.1, 1.5), shift: float = 0.1) -> np.ndarray:
    """The detector box scaled by a random factor and shifted by up to `shift` of its size, the
    kind of jitter a real detector's boxes show (for training crops robust to it)."""
    x1, y1, x2, y2 = (float(v) for v in box[:4])
    w, h = x2 - x1, y2 - y1
    s = rng.uniform(*scale)
    cx = (x1 + x2) / 2 + rng.uniform(-shift, shift) * w
    cy = (y1 + y2) / 2 + rng.uniform(-shift, shift) * h
    half = max(w, h) * s / 2
    H, W = image.shape[:2]
    a, b = int(max(0, cx - half)), int(max(0, cy - half))
    c, d = int(min(W, cx + half)), int(min(H, cy + half))
    return image[b:max(d, b + 1), a:max(c, a + 1)]


def make_crop(style: str, image: np.ndarray, face, rng: random.Random) -> np.ndarray:
    if style == "buffalo":
        return align_face(image, face, 112)
    if style == "original_cropping":
        return crop_box(image, face, margin=0.2)
    return scale_shift_crop(image, face.box, rng)


def encode(path: Path, image: np.ndarray) -> bytes:
    params = [cv2.IMWRITE_PNG_COMPRESSION, 9] if path.suffix.lower() == ".png" else [cv2.IMWRITE_JPEG_QUALITY, 95]
    ok, data = cv2.imencode(path.suffix, image, params)
    if not ok:
        raise ValueError(f"could not encode {path.name}")
    return data.tobytes()


@dataclass
class AugmentOptions:
    n_augmentations: int = 1
    masks: bool = True
    crop: bool = True
    crop_style: str = "all"
    mask_types: tuple[str, ...] = ()
    seed: int = 0
    random_style: bool = True


class Augmenter:
    """Loads the detector and the mask renderer once, then handles image after image."""

    def __init__(self, detector, options: AugmentOptions):
        self.detector = detector
        self.options = options
        self.mask_types = tuple(options.mask_types) or MASK_TYPES
        unknown = set(self.mask_types) - set(MASK_TYPES)
        if unknown:
            raise ValueError(f"unknown mask type(s) {', '.join(sorted(unknown))}; choose from {', '.join(MASK_TYPES)}")
        if options.n_augmentations < 1:
            raise ValueError("--n-augmentations must be at least 1")
        if not options.masks and not options.crop:
            raise ValueError("--no-mask with --no-crop leaves nothing to write")
        self.styles = crop_styles(options.crop_style)
        self.renderer = MaskRenderer() if options.masks else None

    def detect(self, image: np.ndarray):
        return sorted(detect_with_padding(self.detector, image), key=lambda f: -f.area)

    def process(self, source: Path, out_dir: Path, index: int) -> tuple[list[dict], bool]:
        """All outputs of one image; returns log rows and whether a face was found."""

        rows: list[dict] = []
        base = {"image_path": str(source), "face": "", "mask_type": "", "mask_colour": "", "output_path": "", "error": ""}
        try:
            image = load_image(source)
            faces = self.detect(image)
        except Exception as exc:  # a broken file is logged and skipped, never aborts the run
            return [base | {"error": str(exc)}], False
        if not faces:
            return [base | {"error": "no face found"}], False
        rng = random.Random(f"{self.options.seed}:{index}")
        out_dir.mkdir(parents=True, exist_ok=True)
        stem = source.stem

        def write(name: str, picture: np.ndarray, row: dict) -> None:
            target = out_dir / name
            try:
                atomic_write_bytes(target, encode(target, picture))
                rows.append(row | {"output_path": str(target)})
            except (OSError, ValueError) as exc:
                rows.append(row | {"output_path": str(target), "error": str(exc)})

        multi = len(faces) > 1
        if not self.options.masks:
            for j, face in enumerate(faces, start=1):
                tag = f"_face{j}" if multi else ""
                for style in self.styles:
                    write(f"{stem}{tag}_{style}.jpg", make_crop(style, image, face, rng), base | {"face": j})
            return rows, True
        if not self.options.crop:
            write(f"{stem}_original.png", image, base)
        # Every type once before any repeats, in a seeded order.
        order = rng.sample(self.mask_types, len(self.mask_types))
        for k in range(self.options.n_augmentations):
            mask_type = order[k % len(order)]
            seed = rng.randrange(2**31)
            masked, colours, placed = image.copy(), [], []
            for j, face in enumerate(faces, start=1):
                row = base | {"face": j, "mask_type": mask_type}
                try:
                    rendering = self.renderer.render(masked, face.box, mask_type, seed=seed,
                                                     random_style=self.options.random_style)
                    masked = rendering.image
                    colours.append(rendering.colour)
                    placed.append(j)
                except Exception as exc:
                    rows.append(row | {"error": f"mask not placed: {exc}"})
            if not placed:
                continue
            name = f"{stem}_{mask_type}" + (f"_{k + 1}" if self.options.n_augmentations > 1 else "")
            colour = ";".join(colours)
            if not self.options.crop:
                write(f"{name}_masked.png", masked, base | {"face": ",".join(map(str, placed)),
                                                            "mask_type": mask_type, "mask_colour": colour})
                continue
            for j, colour_j in zip(placed, colours):
                face = faces[j - 1]
                # Crops use the landmarks found on the masked image when the detector sees it.
                found = same_face(self.detector.detect(masked), face) or face
                tag = f"_face{j}" if multi else ""
                for style in self.styles:
                    write(f"{name}{tag}_{style}.jpg", make_crop(style, masked, found, rng),
                          base | {"face": j, "mask_type": mask_type, "mask_colour": colour_j})
        return rows, True


def run(input_path: Path, output: Path, options: AugmentOptions, detector=None, progress: bool = True) -> dict:
    from tqdm import tqdm

    images = list_images(input_path)
    if not images:
        raise ValueError(f"no images found in {input_path}")
    if detector is None:
        from kiosk.app.settings import load_settings
        from kiosk.vision.pipeline import choose_detector

        settings = load_settings()
        detector, _ = choose_detector(settings.detector, settings.models_dir, settings.own_models_dir)
    augmenter = Augmenter(detector, options)
    root = input_path if input_path.is_dir() else input_path.parent
    output.mkdir(parents=True, exist_ok=True)
    all_rows, missed = [], []
    for index, source in enumerate(tqdm(images, desc="augment", unit="img", disable=not progress)):
        rows, found = augmenter.process(source, output / source.parent.relative_to(root), index)
        all_rows.extend(rows)
        if not found:
            missed.append(str(source))
    with open(output / "logs.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=LOG_FIELDS)
        writer.writeheader()
        writer.writerows(all_rows)
    atomic_write_text(output / "missed_images.txt", "".join(f"{m}\n" for m in missed))
    written = sum(1 for r in all_rows if r["output_path"] and not r["error"])
    return {"images": len(images), "missed": len(missed), "written": written,
            "errors": sum(1 for r in all_rows if r["error"]), "logs": str(output / "logs.csv")}


def cmd_augment(args) -> int:
    if args.contact_sheet:
        return contact_sheet(args)
    if not args.input or not args.output:
        from kiosk.common.errors import CliError

        raise CliError("augment needs --input and --output (or --contact-sheet FILE.png --input IMAGE)")
    options = AugmentOptions(args.n_augmentations, not args.no_mask, not args.no_crop, args.crop_style,
                             tuple(args.mask_types or ()), args.seed)
    summary = run(Path(args.input), Path(args.output), options, progress=not args.json)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{summary['images']} images, {summary['written']} files written, {summary['missed']} without a "
              f"face (missed_images.txt), {summary['errors']} errors; log: {summary['logs']}")
    return 0


def contact_sheet(args) -> int:
    """One face with all six masks and their crops in a grid, for people to look at."""

    if not args.input or not Path(args.input).is_file():
        raise CliError("--contact-sheet needs --input IMAGE (one photo with a face)")

    settings = load_settings()
    detector, _ = choose_detector(settings.detector, settings.models_dir, settings.own_models_dir)
    image = load_image(args.input)
    faces = sorted(detector.detect(image), key=lambda f: -f.area)
    if not faces:
        raise CliError(f"no face found in {args.input}")
    sheet = render_contact_sheet(image, faces[0].box, faces[0].landmarks, detector=detector)
    target = Path(args.contact_sheet)
    atomic_write_bytes(target, encode(target, sheet))
    print(f"wrote {target}")
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("augment", help="batch mask augmentation and face cropping (SPEC 5)",
                       description="Render synthetic masks and/or face crops for every image of a folder.")
    p.set_defaults(func=cmd_augment)
    p.add_argument("--input", help="an image or a folder (searched recursively)")
    p.add_argument("--output", help="output folder (mirrors the input tree)")
    p.add_argument("--n-augmentations", type=int, default=1, metavar="N", help="masked versions per image (default 1)")
    p.add_argument("--no-mask", action="store_true", help="crops only, no masks")
    p.add_argument("--no-crop", action="store_true", help="full-size masked images instead of crops")
    p.add_argument("--crop-style", default="all", choices=[*CROP_STYLES, "all"])
    p.add_argument("--mask-types", nargs="+", metavar="TYPE", help="subset of the six mask types")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--contact-sheet", metavar="FILE.png", help="draw one face with all masks and crops")
    p.add_argument("--json", action="store_true")
