"""The live path's face detection: fast at a kiosk's face sizes, the full-size pass only when needed.

At the entrance people stand 0.5-1.5 m from the camera, so in a 640x480 frame their faces are
about 60-250 px wide. SCRFD det_500m, the detector that finds the most real masked faces
(docs/benchmarks.md section 1), finds them at a 320 input (the frame's long side: 320x256 for
4:3) in a few milliseconds, against tens of milliseconds for det_2.5g at 640x640. When it finds
no face, the photo path's full-size chain (det_2.5g at 640, then det_500m at 640) looks at the
frame, but at most once every `full_every` faceless frames in a row: an empty doorway does not
pay the full pass on every frame, and a face only the full pass finds (small, far, odd) is still
found within `full_every` frames. Photos (enrolment, `kiosk recognize`) keep the full chain.

`live_detection = "fast"` (the default) turns it on; "full" runs the full chain on every frame as
before issue 24 (`kiosk bench` measures both side by side). Its faces are aligned from landmarks
found at half the resolution, and the open-set rule calibrated on the full chain's embeddings
named wrong people with them (up to 3 in 1,430 real masked attempts): camera frames through it
are judged by the embedder's own rule for them (`live_fast_rule`, kiosk.app.from_settings.
live_decision_rule; docs/benchmarks.md section 5), and an embedder without one keeps the full
chain (kiosk.vision.pipeline.load_pipeline)."""
from __future__ import annotations

import numpy as np

from kiosk.vision.types import Face

LIVE_DETECTION_CHOICES = ("fast", "full")
# The fast pass's input: the long side of the frame, in pixels.
LIVE_INPUT_SIDE = 320
# Faceless frames in a row per full-size pass (at 15 camera fps: about 4 passes a second).
FULL_EVERY = 4


class LiveDetector:
    """`fast` on every frame; `full` when `fast` finds nothing, once per `full_every` faceless
    frames in a row. Stateful (the faceless run): one per live stream."""

    def __init__(self, fast, full, full_every: int = FULL_EVERY):
        self.fast = fast
        self.full = full
        self.full_every = max(1, int(full_every))
        self.name = f"{fast.name} (full size: {getattr(full, 'chain', full.name)}, when it finds no face)"
        self._faceless = 0  # frames in a row on which the fast pass found no face
        self.full_passes = 0
        self.full_hits = 0

    def __getattr__(self, item):  # threshold, model_path...: the fast detector's
        if item == "fast":
            raise AttributeError(item)
        return getattr(self.fast, item)

    def reset(self) -> None:
        """A new stream (recognition resumed, another video): the next faceless frame gets a full pass."""
        self._faceless = 0

    def detect(self, image_bgr: np.ndarray) -> list[Face]:
        faces = self.fast.detect(image_bgr)
        if faces:
            self._faceless = 0
            return faces
        self._faceless += 1
        if (self._faceless - 1) % self.full_every:
            return []
        self.full_passes += 1
        faces = self.full.detect(image_bgr)
        if faces:
            self.full_hits += 1
            for face in faces:
                face.extra.setdefault("detector", "full")
        return faces
