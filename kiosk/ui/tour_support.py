"""What the screen walk (kiosk.ui.tour) and its HR-area part (kiosk.ui.tour_hr) share: the person
the wizard enrolls, waiting for the X server and Qt, and photos placed as a camera sees them."""
from __future__ import annotations

import time

import cv2
import numpy as np
from PySide6.QtWidgets import QApplication

from kiosk.app.service import KioskService
from kiosk.ui.demo_data import IDENTITIES

load_image = KioskService.load_image  # image files through the service, as the screens read them

# The person the wizard enrolls during the walk (and the live screen then recognises).
NEW_PERSON = ("E1024", "Dana Lee", "+44 7700 900123", IDENTITIES / "df01",
              ["img10.jpg", "img11.jpg", "img2.jpg"], "img6.jpg")


def settle(app: QApplication, seconds: float = 0.15) -> None:
    """Let the X server and Qt finish mapping, resizing and laying out (they answer asynchronously)."""
    end = time.monotonic() + seconds
    while True:
        app.processEvents()
        if time.monotonic() >= end:
            break
        time.sleep(0.02)
    app.processEvents()


def wait_until(app: QApplication, predicate, timeout: float = 60.0, what: str = "a screen") -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError(f"{what} did not finish within {timeout:.0f} s")
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def camera_frame(image, size=(1280, 720)):
    """A photo placed in a camera-sized frame, as the entrance camera would see a person."""

    w, h = size
    scale = min(w / image.shape[1], h / image.shape[0]) * 0.92
    small = cv2.resize(image, (int(image.shape[1] * scale), int(image.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    frame = np.full((h, w, 3), (52, 46, 40), np.uint8)
    y, x = (h - small.shape[0]) // 2, (w - small.shape[1]) // 2
    frame[y:y + small.shape[0], x:x + small.shape[1]] = small
    return frame


def side_by_side(images, height: int = 420):
    """Photos of several people as one picture (for the expert screen)."""

    scaled = [cv2.resize(im, (int(im.shape[1] * height / im.shape[0]), height), interpolation=cv2.INTER_AREA)
              for im in images]
    return np.hstack(scaled)
