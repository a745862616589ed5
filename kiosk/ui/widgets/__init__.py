"""Reusable widgets: the video view with face overlays, the banner, the PIN pad, the chart."""
