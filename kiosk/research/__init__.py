"""Evaluation and calibration studies behind the figures in docs/evaluation."""
