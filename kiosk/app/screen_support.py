"""What the Qt screens ask the engine for besides enrolment (KioskService inherits it): image
files, store errors said for people, the site self-check, the live recognizer, learned mask
templates, personal PIN rules. The screens import nothing from the engine packages themselves."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

from kiosk.app.challenge_gate import ChallengeGate
from kiosk.app.display import Display
from kiosk.app.messages import Message, Number
from kiosk.app.settings import Settings
from kiosk.attendance.errors import explain
from kiosk.gallery.learned import LearnedTemplates
from kiosk.gallery.store import GalleryStore
from kiosk.recognition import selfcheck
from kiosk.recognition.decision import DecisionRule
from kiosk.recognition.matcher import Matcher
from kiosk.recognition.tracking import LiveRecognizer
from kiosk.security.pins import personal_pin_problem
from kiosk.vision.image_io import load_image
from kiosk.vision.landmarks68 import Landmarks68


class _Service(Protocol):
    """What ScreenSupport needs of the KioskService it is mixed into."""

    settings: Settings
    store: GalleryStore

    @property
    def matcher(self) -> Matcher: ...

    @property
    def live_rule(self) -> DecisionRule: ...


class ScreenSupport:
    """Mixed into KioskService: it has `settings`, `store`, `matcher` and `live_rule` (_Service)."""

    @staticmethod
    def load_image(path: str | Path) -> np.ndarray:
        """An image file as BGR (HEIC and EXIF rotation too); raises ImageError saying why not."""
        return load_image(path)

    def explain(self: _Service, exc: BaseException, where: str | Path | None = None) -> str:
        """A store error (sqlite3, OSError, the site's) said for a person at the kiosk, naming
        `where` (default: the attendance database file)."""
        return explain(exc, self.settings.db_path if where is None else where)

    def self_check_summary(self: _Service) -> str:
        """One line on how well the gallery's people are told apart (`kiosk calibrate` has the rest),
        at the rule the door judges camera frames by (`live_rule`)."""
        return selfcheck.check(self.matcher, self.live_rule).summary()

    def self_check_notice(self: _Service) -> Message:
        """The same line as a message the screens say in their language (kiosk.app.messages)."""
        site = selfcheck.check(self.matcher, self.live_rule)
        if site.people < 2:
            return Message("selfcheck.too_few")
        values = {"people": site.people, "photos": site.photos, "accepted": site.accepted_as_other,
                  "risk": Number(100 * site.risk, 2), "unsure": site.unsure}
        if not site.pairs:
            return Message("selfcheck.summary", values)
        pair = site.pairs[0]
        return Message("selfcheck.summary_pairs", {**values, "name": pair.name, "other": pair.other_name,
                                                   "score": Number(pair.score, 2)})

    def live_recognizer(self, **options) -> LiveRecognizer:
        """The camera's tracked, voted recognizer on this service (options: LiveRecognizer's)."""
        return LiveRecognizer(self, **options)

    def challenge_gate(self, **options) -> ChallengeGate:
        """A live recognizer's challenge-response gate, per the site's `liveness_challenge` policy."""
        return ChallengeGate.for_service(self, **options)

    @cached_property
    def display(self) -> Display:
        """The high-contrast theme, text size and sound volume (kiosk.app.display)."""
        return Display(self)

    @cached_property
    def landmarks68(self) -> Landmarks68:
        """dlib's 68-point model for blink challenges: one per service, loaded on first use."""
        return Landmarks68()

    def learned_templates(self: _Service, user_id: str) -> list[dict]:
        """The person's learned mask templates, newest first (status PENDING: waiting for HR)."""
        return LearnedTemplates(self.store).list(user_id)

    def learned_crop(self: _Service, entry: dict) -> np.ndarray:
        """The face crop of one learned template, as BGR."""
        return LearnedTemplates(self.store).crop(entry)

    @staticmethod
    def personal_pin_problem(pin: str) -> str | None:
        """What is wrong with a personal check-in PIN, or None."""
        return personal_pin_problem(pin)
