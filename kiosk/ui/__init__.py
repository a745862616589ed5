"""The Qt kiosk (the only package that imports Qt). See kiosk.ui.app for the entry point.

The kiosk runs capture, inference and drawing side by side on a small CPU, so inference
threads must not busy-wait: importing the UI turns onnxruntime's spinning off before any model
is loaded (measured on the 2-core test box: 3x more recognised frames on the live screen)."""
from kiosk.vision import detect as _detect

_detect.ALLOW_SPINNING = False
