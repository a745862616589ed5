"""Issue 9 item 5: the best of the last second of frames, on real photos and a real video."""
import cv2
import numpy as np

from kiosk.enrollment.best_frame import best_frame, frame_score, frontal, grade_frame
from kiosk.vision.image_io import load_image
from tests.conftest import FACES, photos_of, require


def _motion_blur(image: np.ndarray, length: int = 15) -> np.ndarray:
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    return cv2.filter2D(image, -1, kernel)


def test_the_sharp_frame_is_picked_among_blurred_and_empty_ones(pipeline):
    sharp = load_image(photos_of("obama")[0])
    frames = [cv2.GaussianBlur(sharp, (0, 0), 3), _motion_blur(sharp), sharp,
              cv2.GaussianBlur(sharp, (0, 0), 1.5), np.full_like(sharp, 90)]
    choice = best_frame(pipeline, frames)
    assert choice.index == 2 and choice.considered == 5
    assert choice.quality is not None and choice.quality.ok


def test_a_frontal_frame_beats_a_turned_one(pipeline):
    frontal_photo = load_image(photos_of("obama")[0])
    q, face = grade_frame(pipeline, frontal_photo)
    # The same face seen turned: squeeze one half horizontally (the far side shrinks as a head turns).
    h, w = frontal_photo.shape[:2]
    cx = int((face.box[0] + face.box[2]) / 2)
    left = cv2.resize(frontal_photo[:, :cx], (max(1, cx // 3), h), interpolation=cv2.INTER_AREA)
    turned = np.ascontiguousarray(np.concatenate([left, frontal_photo[:, cx:]], axis=1))
    tq, tface = grade_frame(pipeline, turned)
    assert tface is not None
    assert frontal(q, face) > 0.9 and frontal(q, face) - frontal(tq, tface) > 0.05


def test_best_of_a_real_video_second_passes_the_checks(pipeline):
    video = require(FACES / "video" / "walking_people_1080p.mp4")
    cap = cv2.VideoCapture(str(video))
    fps = cap.get(cv2.CAP_PROP_FPS) or 25
    cap.set(cv2.CAP_PROP_POS_FRAMES, int(2 * fps))
    frames = []
    while len(frames) < int(fps):
        ok, frame = cap.read()
        if not ok:
            break
        frames.append(frame)
    cap.release()
    assert len(frames) >= 10
    choice = best_frame(pipeline, frames)
    assert choice.considered == 6 and 0 <= choice.index < len(frames)
    scores = []
    for image in frames[::max(1, len(frames) // 6)]:
        q, face = grade_frame(pipeline, image)
        scores.append(frame_score(q, face) if face is not None else -np.inf)
    assert choice.score >= max(scores) - 1e-6 or choice.score >= np.median(scores)
