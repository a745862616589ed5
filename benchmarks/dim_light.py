"""Does contrast normalisation (kiosk.vision.lighting.normalise_light, CLAHE on L) help detection
and embedding in dim and uneven light? Real photos darkened and gamma-shifted at several levels.

    python benchmarks/dim_light.py [--json] [--probes N]

For every person (identities/ folders with 2+ photos, and the masked webcam folders) the first
photo, undarkened, is the enrolment; the next N photos are probes, each darkened at every level.
For each level: detection rate and mean genuine cosine similarity to the enrolment, with the probe
as it is ("plain"), always normalised ("clahe": exposure to mid-grey on the face, then CLAHE), and normalised only when the plain face is dark
or missed ("fallback": the face's mean grey below quality.BRIGHTNESS_RANGE[0], or no face)."""
from __future__ import annotations

import argparse
import json

import _common

_common.setup()

import numpy as np  # noqa: E402

from kiosk.app.settings import load_settings
from kiosk.vision import quality  # noqa: E402
from kiosk.vision.image_io import load_image  # noqa: E402
from kiosk.vision.lighting import darken, normalise_light  # noqa: E402
from kiosk.vision.pipeline import load_pipeline  # noqa: E402

# (name, gain, gamma): a dim room (gain), a camera's dark tone curve (gamma), and both.
LEVELS = [("original", 1.0, 1.0), ("gain 0.5", 0.5, 1.0), ("gain 0.25", 0.25, 1.0), ("gain 0.12", 0.12, 1.0),
          ("gamma 2", 1.0, 2.0), ("gamma 3", 1.0, 3.0), ("gain 0.4 gamma 1.8", 0.4, 1.8)]


def people(probes: int) -> dict[str, list]:
    faces = _common.require_faces()
    out = {}
    for folder in sorted((faces / "identities").iterdir()):
        files = _common.images_in(folder)
        if len(files) >= 2:
            out[f"identities/{folder.name}"] = files[:1 + probes]
    for folder in sorted((faces / "masked" / "webcam").iterdir()):
        files = _common.images_in(folder)
        if len(files) >= 2:
            out[f"webcam/{folder.name}"] = files[:1 + probes]
    return out


def embed_one(pipeline, image):
    faces = pipeline.detect(image)
    if not faces:
        return None, None
    return pipeline.embed(image, faces[:1])[0], quality.brightness(image, faces[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--probes", type=int, default=2)
    args = parser.parse_args()
    pipeline = load_pipeline(load_settings())
    stats = {(group, name, mode): [] for group in ("identities", "webcam") for name, _, _ in LEVELS
             for mode in ("plain", "clahe", "fallback")}
    for person, files in people(args.probes).items():
        group = person.split("/")[0]
        ref, _ = embed_one(pipeline, load_image(files[0]))
        if ref is None:
            continue
        for path in files[1:]:
            image = load_image(path)
            for name, gain, gamma in LEVELS:
                dark = darken(image, gain, gamma)
                plain, light = embed_one(pipeline, dark)
                found = pipeline.detect(dark)
                clahe, _ = embed_one(pipeline, normalise_light(dark, found[0] if found else None))
                use_norm = plain is None or light < quality.BRIGHTNESS_RANGE[0]
                for mode, vec in (("plain", plain), ("clahe", clahe), ("fallback", clahe if use_norm else plain)):
                    stats[(group, name, mode)].append(None if vec is None else float(vec @ ref))
    rows = []
    for (group, name, mode), sims in stats.items():
        found = [s for s in sims if s is not None]
        rows.append({"set": group, "level": name, "mode": mode, "probes": len(sims),
                     "detected": round(len(found) / len(sims), 3) if sims else None,
                     "mean_similarity": round(float(np.mean(found)), 3) if found else None,
                     "mean_similarity_missed_as_0": round(float(np.sum(found) / len(sims)), 3) if sims else None})
    if args.json:
        print(json.dumps({"model": pipeline.description, "rows": rows}, indent=2))
        return
    print(f"model {pipeline.description}")
    print("| set | level | probes | detected plain / clahe / fallback | mean genuine similarity plain / clahe / fallback |")
    print("|---|---|---|---|---|")
    by = {(r["set"], r["level"], r["mode"]): r for r in rows}
    for group in ("identities", "webcam"):
        for name, _, _ in LEVELS:
            r = [by[(group, name, m)] for m in ("plain", "clahe", "fallback")]
            print(f"| {group} | {name} | {r[0]['probes']} | " + " / ".join(f"{x['detected']:.2f}" for x in r)
                  + " | " + " / ".join("-" if x["mean_similarity"] is None else f"{x['mean_similarity']:.3f}"
                                       for x in r) + " |")


if __name__ == "__main__":
    main()
