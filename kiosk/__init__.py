"""kiosk: offline face-recognition attendance."""
