"""What the entrance screen says in words (kiosk.ui.pages.live draws it): the greeting, the face
boxes' titles, the status line in an employee's words and the technical rows the Expert page shows.
Kept apart so the page stays about drawing; every word is under the LivePage context."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.ui import i18n, theme
from kiosk.ui.engine_text import face_label
from kiosk.ui.widgets.imaging import FaceBox


def face_boxes(tracked_faces) -> list[FaceBox]:
    """LiveRecognizer's TrackedFace list as boxes: green once confirmed, blue while the vote is
    still running, grey for unknown faces; names only (the similarity is for the Expert page)."""
    boxes = []
    for face in tracked_faces:
        if face.user_id is None:
            colour, title = theme.UNKNOWN, face_label(face.label)  # "Unknown", or "Please look at the camera"
        elif face.confirmed:
            colour, title = theme.SUCCESS, face.label
        else:
            colour, title = theme.PRIMARY, QCoreApplication.translate("LivePage", "{name}?").format(name=face.label)
        # The mask marker: recognised through a masked template, or wearing a mask (gate label).
        masked = face.masked_template or bool(face.match.probe_masked)
        boxes.append(FaceBox(face.box, title, "", colour, masked and face.user_id is not None))
    return boxes


def greeting(hour: int) -> str:
    """The screen's one greeting, by the time of day (the banner under it greets nobody again)."""
    if 5 <= hour < 12:
        return QCoreApplication.translate("LivePage", "Good morning")
    if 12 <= hour < 18:
        return QCoreApplication.translate("LivePage", "Good afternoon")
    return QCoreApplication.translate("LivePage", "Good evening")


def say(text: str) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP under LivePage) in the screens' language."""
    return QCoreApplication.translate("LivePage", text)


# The camera's states (kiosk.ui.capture's names) on the status line, then on the Expert page.
CAMERA_LINE = {"live": QT_TRANSLATE_NOOP("LivePage", "● Camera on"),
               "connecting": QT_TRANSLATE_NOOP("LivePage", "○ Connecting to the camera…"),
               "lost": QT_TRANSLATE_NOOP("LivePage", "✕ No camera"),
               "ended": QT_TRANSLATE_NOOP("LivePage", "■ Video ended"),
               "stopped": QT_TRANSLATE_NOOP("LivePage", "■ Camera stopped"),
               None: QT_TRANSLATE_NOOP("LivePage", "○ Starting…")}
CAMERA_STATE = {"live": QT_TRANSLATE_NOOP("LivePage", "live"),
                "connecting": QT_TRANSLATE_NOOP("LivePage", "connecting"),
                "lost": QT_TRANSLATE_NOOP("LivePage", "no camera"),
                "ended": QT_TRANSLATE_NOOP("LivePage", "video ended"),
                "stopped": QT_TRANSLATE_NOOP("LivePage", "stopped"),
                None: QT_TRANSLATE_NOOP("LivePage", "starting")}


def status_line(camera_state: str | None, model: str, model_error: str) -> str:
    """The status line, in an employee's words: is the camera on, can faces be recognised."""
    camera = say(CAMERA_LINE.get(camera_state, CAMERA_LINE[None]))
    if model_error:
        faces = QCoreApplication.translate("LivePage", "Face recognition unavailable: use your worker ID")
    elif model:
        faces = QCoreApplication.translate("LivePage", "Face recognition ready") if camera_state == "live" else ""
    else:
        faces = QCoreApplication.translate("LivePage", "Getting ready…")
    return "   ·   ".join(p for p in (camera, faces) if p)


def technical_rows(camera_state: str | None, camera_fps: float, recognition_fps: float, model: str,
                   model_error: str) -> list[tuple[str, str]]:
    """What the entrance no longer shows, for the HR area's Expert page: (what, value) rows."""
    rate = QT_TRANSLATE_NOOP("LivePage", "{fps} frames a second")
    rows = [(QCoreApplication.translate("LivePage", "Camera"), say(CAMERA_STATE.get(camera_state, CAMERA_STATE[None]))),
            (QCoreApplication.translate("LivePage", "Video"), say(rate).format(fps=i18n.number(camera_fps, 1))),
            (QCoreApplication.translate("LivePage", "Recognition"),
             say(rate).format(fps=i18n.number(recognition_fps, 1)))]
    models = QCoreApplication.translate("LivePage", "Face models")
    if model:
        rows.append((models, model))
    elif model_error:
        rows.append((models, QCoreApplication.translate(
            "LivePage", "not loaded: {reason} (`kiosk models` says what is needed)").format(reason=model_error)))
    else:
        rows.append((models, QCoreApplication.translate("LivePage", "loading")))
    return rows
