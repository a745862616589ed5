"""What decides a face, as the settings and the models say: the open-set rules (photos, and camera
frames through the fast live detector, each calibrated on its own embeddings) and the passive
liveness check. A part of KioskService (kiosk.app.service), apart so the service stays one
module per concern."""
from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from kiosk.app.from_settings import decision_rule, live_decision_rule
from kiosk.app.settings import Settings
from kiosk.recognition.decision import DecisionRule
from kiosk.recognition.liveness import load_liveness
from kiosk.vision.pipeline import FacePipeline
from kiosk.vision.types import Face

log = logging.getLogger(__name__)


class RecognitionRules:
    settings: Settings
    _lock: threading.RLock

    if TYPE_CHECKING:
        @property
        def pipeline(self) -> FacePipeline: ...  # KioskService's, loaded on first use

    @property
    def rule(self) -> DecisionRule:
        """The open-set decision rule (kiosk.recognition.decision): the embedder's calibrated one
        (docs/evaluation/openset.md), with the site's own thresholds and margins from kiosk.toml
        (`kiosk calibrate --apply`) or the environment taking precedence."""
        return decision_rule(self.pipeline.embedder, self.settings)

    @property
    def live_rule(self) -> DecisionRule:
        """The rule camera frames are judged by (the live recognizer, `kiosk video`, the
        challenge gate's tracks, the site self-check): with the fast live detector its own
        calibrated rule (the embedder's `live_fast_rule`, docs/benchmarks.md section 5), else
        `rule`; the site's values over it as floors (kiosk.app.from_settings.decision_rule)."""
        return live_decision_rule(self.pipeline, self.settings)

    @property
    def threshold(self) -> float:
        return self.rule.threshold

    @property
    def gate_offset(self) -> float | None:
        """The embedder's mask-gating offset, or None when it is not gated (docs/evaluation)."""
        return getattr(self.pipeline.embedder, "default_gate_offset", None)

    @property
    def masked_threshold(self) -> float:
        """The threshold for masked faces (for a gated embedder, after the gate's offset)."""
        return self.rule.masked[0]

    @cached_property
    def _liveness_state(self) -> tuple:
        with self._lock:
            try:
                return load_liveness(self.settings)
            except Exception as exc:  # a truncated or foreign file: say so, do not stop the kiosk
                log.warning("liveness models could not be loaded: %s", exc)
                return None, f"off: the liveness model could not be loaded ({exc})"

    @property
    def liveness(self):
        """The LivenessChecker (kiosk.recognition.liveness), or None when it is switched off in the
        settings or its model files are missing (`liveness_reason` says which)."""
        return self._liveness_state[0]

    @property
    def liveness_reason(self) -> str:
        return self._liveness_state[1]

    def check_liveness(self, image_bgr: np.ndarray, face: Face):
        """One face's LivenessResult (score 0..1, live, threshold), or None when liveness is off."""
        checker = self.liveness
        return None if checker is None else checker.check(image_bgr, face)
