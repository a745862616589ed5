"""The Qt kiosk: the only package that imports Qt (an import-linter contract keeps it so).
Entry point: kiosk.ui.app.main (`python main.py`)."""
