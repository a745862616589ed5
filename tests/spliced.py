"""A door scene spliced from real recordings (../shared/faces/challenge): one person, then a
stranger at the same place, then a second person, then the two people crossing. Every segment
is placed so the face sits at the same spot and size (a cut the tracker's box overlap cannot
see), and every frame knows who is where, so a test can tell a right name from a carried one.

The enrolled people are enrolled from other moments of their own clips."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

FPS = 15.0
SIZE = (640, 480)
FACE_CENTRE = (320.0, 220.0)
FACE_WIDTH = 130.0
CHALLENGE = Path(__file__).resolve().parents[1].parent / "shared" / "faces" / "challenge"

# (clip, seconds to enrol from), (clip, segment start, end): frontal moments (MANIFEST.md).
ZUBAIR = ("live_turns/zubair_webcam_turns.mov", (0.4, 1.3, 2.2), (11.9, 13.3))
TRANVAN = ("live_turns/tranvan_selfie_turns.mp4", (0.5, 1.25, 6.6), (16.5, 19.0))
STRANGER = ("spoof/tdreplay_633bddec_phone_replay_turns.MOV", (), (12.6, 15.2))
PEOPLE = {"Z001": ("Zubair Webcam", ZUBAIR), "T002": ("Tran Van", TRANVAN)}


@dataclass
class Scene:
    frames: list[np.ndarray] = field(default_factory=list)
    # Per frame: [(user id or None for the stranger, x of the face centre)].
    truth: list[list[tuple[str | None, float]]] = field(default_factory=list)
    changes: list[tuple[float, str]] = field(default_factory=list)  # (seconds, what happens)

    def time_of(self, index: int) -> float:
        return index / FPS

    def write(self, path: Path) -> Path:
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, SIZE)
        assert writer.isOpened(), "OpenCV cannot write MJPG video here"
        for frame in self.frames:
            writer.write(frame)
        writer.release()
        return path


def read_at(clip: str, seconds: list[float]) -> list[np.ndarray]:
    """The frames at these times, decoded in order (seeking is not exact in every container)."""
    cap = cv2.VideoCapture(str(CHALLENGE / clip))
    fps = cap.get(cv2.CAP_PROP_FPS) or 30.0
    wanted = [int(round(s * fps)) for s in seconds]
    frames: dict[int, np.ndarray] = {}
    index = 0
    while index <= max(wanted):
        ok, frame = cap.read()
        if not ok:
            break
        if index in wanted:
            frames[index] = frame
        index += 1
    cap.release()
    last = max(frames) if frames else None
    assert last is not None, f"{clip} could not be read"
    return [frames.get(i, frames[last]) for i in wanted]


def segment(clip: str, start: float, end: float) -> list[np.ndarray]:
    return read_at(clip, list(np.arange(start, end, 1.0 / FPS)))


def placed(frames: list[np.ndarray], detector) -> list[np.ndarray]:
    """The frames scaled and shifted so the face (median box over the segment) is at FACE_CENTRE,
    FACE_WIDTH wide, on a 640x480 canvas: every segment's face lands on the same spot."""
    boxes = []
    for frame in frames[:: max(1, len(frames) // 6)]:
        faces = detector(frame)
        if faces:
            boxes.append(faces[0].box[:4])
    assert boxes, "no face found in a segment of the spliced scene"
    x1, y1, x2, y2 = np.median(np.array(boxes), axis=0)
    scale = FACE_WIDTH / (x2 - x1)
    cx, cy = (x1 + x2) / 2 * scale, (y1 + y2) / 2 * scale
    matrix = np.float32([[scale, 0, FACE_CENTRE[0] - cx], [0, scale, FACE_CENTRE[1] - cy]])
    return [cv2.warpAffine(f, matrix, SIZE, flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT,
                           borderValue=(70, 70, 70)) for f in frames]


def crossing(a: list[np.ndarray], b: list[np.ndarray], seconds: float = 2.4) -> tuple[list, list]:
    """Two placed segments as patches around their faces, moving past each other (b in front):
    a from the left to the right, b the other way."""
    n = int(seconds * FPS)
    half_w, half_h = int(FACE_WIDTH * 0.95), int(FACE_WIDTH * 1.25)
    cx, cy = int(FACE_CENTRE[0]), int(FACE_CENTRE[1])
    frames, truth = [], []
    for i in range(n):
        t = i / max(n - 1, 1)
        canvas = np.full((SIZE[1], SIZE[0], 3), 70, np.uint8)
        xa, xb = int(150 + 340 * t), int(490 - 340 * t)
        for source, x in ((a[i % len(a)], xa), (b[i % len(b)], xb)):
            patch = source[cy - half_h:cy + half_h, cx - half_w:cx + half_w]
            left = x - half_w
            lo, hi = max(0, left), min(SIZE[0], left + patch.shape[1])
            canvas[cy - half_h:cy + half_h, lo:hi] = patch[:, lo - left:hi - left]
        frames.append(canvas)
        truth.append([("Z001", float(xa)), ("T002", float(xb))])
    return frames, truth


def build(detector) -> Scene:
    """`detector(image) -> faces` (largest first): the pipeline's, to place the faces."""
    scene = Scene()
    z = placed(segment(ZUBAIR[0], *ZUBAIR[2]), detector)
    s = placed(segment(STRANGER[0], *STRANGER[2]), detector)
    t = placed(segment(TRANVAN[0], *TRANVAN[2]), detector)
    for frames, who, what in ((z, "Z001", "enrolled Z001"), (s, None, "a stranger at the same place"),
                              (t, "T002", "enrolled T002 at the same place")):
        scene.changes.append((len(scene.frames) / FPS, what))
        scene.frames += frames
        scene.truth += [[(who, FACE_CENTRE[0])] for _ in frames]
    scene.changes.append((len(scene.frames) / FPS, "Z001 and T002 crossing"))
    frames, truth = crossing(z, t)
    scene.frames += frames
    scene.truth += truth
    return scene


def enrolment_frames(person: str) -> list[np.ndarray]:
    clip, seconds, _ = PEOPLE[person][1]
    return read_at(clip, list(seconds))


def who_is_at(truth: list[tuple[str | None, float]], box) -> str | None | bool:
    """The true identity of the face whose box centre is nearest, or False when no face of the
    truth is within a face width (a detection between the two crossing faces)."""
    x, y, w, h = box
    centre = x + w / 2
    best = min(truth, key=lambda item: abs(item[1] - centre))
    return best[0] if abs(best[1] - centre) < FACE_WIDTH * 0.6 else False
