#!/usr/bin/env bash
# Regenerate the evaluation reports under docs/evaluation/ (JSON + PNG) for both offline
# embedders. Takes ~20-40 minutes on 2 cores. Usage: benchmarks/evaluate_reports.sh [mobilefacenet|dlib ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
faces="${KIOSK_FACES:-$root/../shared/faces}"
export KIOSK_MODELS_DIR="${KIOSK_MODELS_DIR:-$root/../shared/models}"
py="${KIOSK_PYTHON:-$root/.venv/bin/python}"
out="$root/docs/evaluation"
embedders=("${@:-mobilefacenet dlib}")
cd "$root"
for emb in ${embedders[@]}; do
    # Tuning set: identities + lfw, 3 gallery photos, held-out probes with and without a synthetic mask.
    "$py" -m kiosk evaluate --embedder "$emb" --gallery "$faces/identities" "$faces/lfw" \
        --probes "$faces/identities" "$faces/lfw" --gallery-size 3 --mask-probes --matcher svm \
        --out "$out/$emb/synthetic"
    # What each technique changes (same embeddings, many scorings).
    "$py" benchmarks/evaluate_techniques.py --embedder "$emb" --out "$out/$emb/techniques.json"
    # Held out, real masks: RMFRD (unmasked gallery, real masked probes; unmasked probes for reference).
    "$py" -m kiosk evaluate --embedder "$emb" --gallery "$faces/masked/rmfrd" --probes "$faces/masked/rmfrd" \
        --gallery-size 3 --gallery-pattern '*_unmasked*' --probe-pattern '*_masked*' --matcher svm \
        --out "$out/$emb/rmfrd_masked"
    "$py" -m kiosk evaluate --embedder "$emb" --gallery "$faces/masked/rmfrd" --probes "$faces/masked/rmfrd" \
        --gallery-size 3 --gallery-pattern '*_unmasked*' --probe-pattern '*_unmasked*' --matcher svm \
        --out "$out/$emb/rmfrd_unmasked"
    # Webcam: user1 enrolled from 3 unmasked frames; their masked frames are probes, the three
    # people who only appear masked are impostors.
    "$py" -m kiosk evaluate --embedder "$emb" --gallery "$faces/masked/webcam" --probes "$faces/masked/webcam" \
        --gallery-size 3 --gallery-pattern '*_unmasked*' --probe-pattern '*_masked*' \
        --out "$out/$emb/webcam_masked"
done

# The door view at office scale and the open-set rule (docs/evaluation/openset.md): detections are
# kept in the cache and shared by both embedders.
for emb in mobilefacenet edgeface-xs; do
    "$py" -m kiosk evaluate --open-set "$faces" --embedder "$emb" --cache "${KIOSK_EVAL_CACHE:-.cache/openset}" \
        --out "$out/$emb"
done
