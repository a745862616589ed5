"""Phone-size photos: is the embedding crop better taken from the full-resolution 12 MP image or
from the once-downscaled working copy (kiosk.vision.image_io.bounded)?

    python benchmarks/phone_align.py

For the first photo of every identities/ person: the photo upscaled to a 12 MP JPEG (as
`kiosk bench` makes them), detected on the bounded copy, aligned from the full-resolution image
(landmarks scaled up) and from the bounded copy; cosine similarity of each to the embedding of
the original photo (1.0 = the same face as before upscaling)."""
from __future__ import annotations

import copy

import _common

_common.setup()

import numpy as np  # noqa: E402

from kiosk.app.settings import load_settings  # noqa: E402
from kiosk.commands.bench import phone_photo  # noqa: E402
from kiosk.vision.image_io import bounded, decode_image, load_image  # noqa: E402
from kiosk.vision.pipeline import load_pipeline  # noqa: E402


def main() -> None:
    pipeline = load_pipeline(load_settings())
    emb = pipeline.embedder
    full, small = [], []
    for folder in sorted((_common.require_faces() / "identities").iterdir()):
        image = load_image(_common.images_in(folder)[0])
        faces = pipeline.detect(image)
        if not faces:
            continue
        ref = emb.embed_crops([emb.align(image, faces[0])])[0]
        big = decode_image(phone_photo(image))
        work = bounded(big)
        found = pipeline.detect(work)
        if not found:
            continue
        scale = work.shape[1] / big.shape[1]
        up = copy.deepcopy(found[0])
        up.landmarks, up.box = found[0].landmarks / scale, found[0].box / scale
        v_full, v_work = emb.embed_crops([emb.align(big, up), emb.align(work, found[0])])
        full.append(float(v_full @ ref))
        small.append(float(v_work @ ref))
    print(f"model {pipeline.description}; {len(full)} people")
    print(f"crop from the 12 MP image: mean cosine to the original {np.mean(full):.4f} (min {np.min(full):.4f})")
    print(f"crop from the bounded copy: mean cosine to the original {np.mean(small):.4f} (min {np.min(small):.4f})")


if __name__ == "__main__":
    main()
