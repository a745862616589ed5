"""The entrance screen: live video with a box per face, the welcome banner, and a status line.

It speaks to employees only (issue 26): the status line says in plain words whether the camera
and recognition work; the technical side (model, frame rates, people enrolled, liveness, the
reason models failed) is `technical_status()`, shown on the HR area's Expert page.

It only draws. Frames arrive from the capture thread, decisions from the inference worker
(LiveRecognizer: tracking, multi-frame vote, attendance); this page turns them into pixels
and words, and says plainly when the camera, the models or the gallery are missing."""
from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import i18n, theme
from kiosk.ui.capture import ENDED, LIVE, LOST, STOPPED
from kiosk.ui.dialogs.entrance_help import EntranceHelp, help_button
from kiosk.ui.dialogs.my_hours import MyHoursKeypad, WeekDialog
from kiosk.ui.dialogs.worker_checkin import WorkerCheckinDialog
from kiosk.ui.engine_text import face_label, refusal_text, render
from kiosk.ui.pages.live_words import face_boxes, greeting, status_line, technical_rows
from kiosk.ui.sounds import CHECKED_IN as CHECKED_IN_SOUND
from kiosk.ui.sounds import NOT_RECOGNISED, Sounds
from kiosk.ui.speech import Speaker
from kiosk.ui.widgets.banner import Banner
from kiosk.ui.widgets.challenge_prompt import USE_PIN, ChallengePromptView, prompt_text
from kiosk.ui.widgets.elided import ElidedLabel
from kiosk.ui.widgets.fitting_title import FittingTitle
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.notice import Notice
from kiosk.ui.widgets.punch_choice import PunchChoice
from kiosk.ui.widgets.store_status import StoreStatusLabel
from kiosk.ui.widgets.video_view import VideoView

log = logging.getLogger(__name__)

# CheckIn outcomes (kiosk.attendance's names, which the screens may not import).
CHECKED_IN, QUEUED, COOLDOWN, CLOCK_BACK = "checked_in", "queued", "cooldown", "clock_back"
BANNER_S = 4.0  # how long a banner stays (longer while the punch keys are offered)
CLOCK_BACK_BANNER_S = 10.0  # "punches paused": long enough for someone to read it and tell IT
# Without a face for this long, the next face starts a new "arrival" (latency measurement).
ARRIVAL_GAP_S = 1.5
# The "Check in with my worker ID" button stays this long after the last unknown / not-sure face.
WORKER_BUTTON_S = 12.0
METRIC_WINDOW = 10_000  # latencies kept for the measurements (the newest)
RECENT_FRAMES = 8  # frames kept to find the one a decision was made on, when a result carries none
# On a portrait screen the video is no taller than this share of its width (a 4:3 camera fills it),
# centred, instead of a landscape picture floating in a tall black box.
PORTRAIT_STAGE_RATIO = 0.75


class LivePage(QWidget):
    admin_requested = Signal()
    retry_requested = Signal()
    banner_shown = Signal(str)
    language_requested = Signal(str)

    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("livePage")
        self.service = service
        self.model = ""
        self.model_error = ""
        self.camera_state = ""
        self.camera_fps = 0.0
        self.capture = None  # the CaptureThread, for its fps
        self.recognition_fps = 0.0
        self._face_since: float | None = None
        self.models_ready_at: float | None = None
        self._last_face_at = 0.0
        self._liveness_told: set[int] = set()
        self._unknown_told: set[int] = set()  # tracks the "not recognised" sound was played for
        self._unknown_frames: dict[int, int] = {}
        self.sounds = Sounds(service.settings, parent=self)  # at the volume set (kiosk.app.display)
        # Counters and the latest latencies (bounded: the kiosk runs for days).
        self.metrics = {
            "frames_received": 0,
            "results": 0,
            "checkins": 0,
            "banner_latency_s": deque(maxlen=METRIC_WINDOW),
            "result_latency_s": deque(maxlen=METRIC_WINDOW),
        }

        # Header: greeting, clock and the HR button.
        self.greeting = FittingTitle(self.tr("Welcome"), "liveTitle")  # gives way to the buttons on a narrow screen
        self.hint = QLabel(self.tr("Look at the camera to check in"), objectName="liveHint", wordWrap=True)
        self.clock = QLabel(objectName="clock")
        self.clock.setContentsMargins(8, 0, 8, 0)  # room for a glyph's overhang (Arabic's "ص" was cut)
        self.admin_button = QPushButton(self.tr("HR"), objectName="adminButton")
        self.admin_button.setIcon(theme.icon("lock"))
        self.admin_button.setIconSize(QSize(28, 28))
        self.admin_button.setMinimumWidth(120)
        self.admin_button.clicked.connect(self.admin_requested)
        self.admin_button.setAccessibleName(self.tr("HR screens"))
        self.admin_button.setAccessibleDescription(self.tr("Opens the HR and administrator screens; asks for a PIN."))
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.greeting)
        titles.addWidget(self.hint)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.clock)
        # No extra spacing before the buttons: portrait 800 px at 150% text fits the language button too.
        self.language_button = self._language_button()
        header.addWidget(self.language_button)
        header.addWidget(self.admin_button)

        # The video with the notice card and the banner laid over it.
        self.video = VideoView()
        self.notice = Notice()
        self.notice.button.clicked.connect(self.retry_requested)
        self.banner = Banner()
        self.banner.shown.connect(self.banner_shown)
        self.punch_choice = PunchChoice()  # "choose" mode's IN / OUT / Break keys, on the banner
        self.punch_choice.chosen.connect(self.choose_direction)
        self.banner.add_below(self.punch_choice)
        self._choice_checkin = self.last_checkin = None
        self.info = QLabel(objectName="infoStrip", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.info.hide()
        stage = QGridLayout()
        stage.setContentsMargins(0, 0, 0, 0)
        stage.addWidget(self.video, 0, 0)
        stage.addWidget(self.info, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        stage.addWidget(self.notice, 0, 0, Qt.AlignmentFlag.AlignCenter)
        stage.addWidget(self.banner, 0, 0, Qt.AlignmentFlag.AlignBottom)
        # The liveness challenge's instruction (issue 25), shown and spoken.
        self.challenge_prompt = ChallengePromptView()
        stage.addWidget(self.challenge_prompt, 0, 0, Qt.AlignmentFlag.AlignCenter)
        self.speaker = Speaker()
        self._spoken: tuple | None = None
        self.stage = QFrame(objectName="stage")
        self.stage.setLayout(stage)

        # The second way in (issue 12): offered when the face is not enough.
        self.worker_button = QPushButton(self.tr("Check in with my worker ID"), objectName="primary")
        self.worker_button.setProperty("touch", "large")
        self.worker_button.clicked.connect(lambda: self.open_worker_checkin())
        self.worker_button.hide()
        self.worker_dialog = None
        # A person's own week after their worker ID and PIN (issue 23): always offered.
        self.hours_button = QPushButton(self.tr("My hours"))
        self.hours_button.setProperty("touch", "large")
        self.hours_button.clicked.connect(lambda: self.open_my_hours())
        self.hours_dialog = self.week_dialog = None
        self.help_button = help_button()  # how to check in, whom to ask (kiosk.ui.dialogs.entrance_help)
        self.help_button.clicked.connect(lambda: self.open_help())
        self.help_dialog = None
        self._recent_frames: dict[int, object] = {}
        self._unknown_at = float("-inf")
        self._unknown_face = None
        self._unknown_frame = None

        self.status = ElidedLabel(objectName="statusLine")  # cut with "…" on a narrow screen

        self.store_status = StoreStatusLabel(service)  # online / offline / check-ins waiting
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.store_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 14)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addStretch(0)  # room above and below the video on a portrait screen (resizeEvent)
        layout.addWidget(self.stage, 1)
        layout.addStretch(0)
        # the keypad ways in, centred under the video; one under the other when a row has no room
        entries = FlowLayout(spacing=18, align=Qt.AlignmentFlag.AlignHCenter)
        entries.addWidget(self.worker_button)
        entries.addWidget(self.hours_button)
        entries.addWidget(self.help_button)
        layout.addLayout(entries)
        layout.addLayout(footer)
        self._layout = layout

        self._clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self._clock_timer.start()
        self._tick()

    def _language_button(self) -> QToolButton:
        """The language menu: each language named in itself (kiosk.ui.i18n.NATIVE_NAMES); the button
        shows the current one's code (EN, FR, AR), short enough for a portrait screen's header."""
        button = QToolButton(objectName="languageButton")
        button.setText(i18n.current().upper())
        button.setToolTip(i18n.NATIVE_NAMES[i18n.current()])
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMinimumSize(theme.touch(), theme.touch())  # a 9 mm touch target
        menu = QMenu(button)
        for code, name in i18n.NATIVE_NAMES.items():
            action = menu.addAction(name)
            action.setData(code)
            action.triggered.connect(lambda _=False, code=code: self.language_requested.emit(code))
        button.setMenu(menu)
        return button

    def carry_state(self, old: LivePage) -> None:
        """What an earlier page knew (models, camera), when the page is built again in another language."""
        self.models_ready_at, self.metrics = old.models_ready_at, old.metrics
        self.camera_fps, self.recognition_fps = old.camera_fps, old.recognition_fps
        if old.model_error:
            self.on_models_failed(old.model_error)
        elif old.model:
            self.model = old.model
            self.refresh_gallery()
        if old.camera_state:
            message = old.notice.body.text().split("\n")[0] if old.notice.isVisible() else ""
            self.on_capture_state(old.camera_state, message)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        portrait = self.height() > self.width()
        margins = self._layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        self.stage.setMaximumHeight(int(width * PORTRAIT_STAGE_RATIO) if portrait else 16777215)
        for index in (1, 3):  # the stretches around the stage
            self._layout.setStretch(index, 1 if portrait else 0)

    # -- inputs -----------------------------------------------------------------------------
    def on_frame(self, frame) -> None:
        self.metrics["frames_received"] += 1
        if not self.isVisible():  # HR screens are open: no point converting frames
            return
        self.video.set_frame(frame.image, frame.index, frame.captured_at)
        self._recent_frames[frame.index] = frame.image
        for index in sorted(self._recent_frames)[:-RECENT_FRAMES]:
            del self._recent_frames[index]

    def on_result(self, result) -> None:
        now = time.monotonic()
        self.recognition_fps = result.fps
        self.metrics["results"] += 1
        self.metrics["result_latency_s"].append(now - result.captured_at)
        decision = result.decision
        if decision.faces:
            if self._face_since is None or result.captured_at - self._last_face_at > ARRIVAL_GAP_S:
                self._face_since = result.captured_at
            self._last_face_at = result.captured_at
        # The names go on the frame they were computed for, never on a newer one (VideoView).
        image = self._frame_of(result)
        if image is not None:
            self.video.show_result(image, result.frame_index, face_boxes(decision.faces), result.captured_at)
        for checkin in decision.checkins:
            self.show_checkin(checkin)
        self.show_liveness_failures(decision.faces)
        self.show_challenge(result, now)
        self._offer_worker_checkin(result, now)

    def show_challenge(self, result, now: float) -> None:
        """The running challenge's instruction, big and spoken once per step; after repeated
        failures the worker-ID button (the PIN way in)."""
        face = next((f for f in result.decision.faces if getattr(f, "challenge", None) is not None), None)
        if face is None:
            self.challenge_prompt.clear()
            self._spoken = None
            return
        prompt = face.challenge
        self.challenge_prompt.show_prompt(prompt)
        if prompt.key != self._spoken:
            self._spoken = prompt.key
            self.speaker.say(prompt_text(prompt))  # in the screens' language
        if prompt.state == USE_PIN:
            self._unknown_at = now
            self._unknown_face, self._unknown_frame = face.face, self._frame_of(result)
            self.worker_button.show()

    def show_liveness_failures(self, tracked_faces) -> None:
        """A track whose liveness failed (LiveRecognizer never checks it in): a neutral request
        once per track, no accusation (live people can fail it too)."""
        for face in tracked_faces:
            if face.live is False and face.track_id not in self._liveness_told:
                self._liveness_told.add(face.track_id)
                self.banner.show_message(face_label(face.label),
                                         self.tr("Face the camera in good light; remove sunglasses or hats."),
                                         "warning")

    # -- worker-ID check-in -----------------------------------------------------------------
    def _offer_worker_checkin(self, result, now: float) -> None:
        """An unknown or not-sure face: show the worker-ID button, remembering that face and
        the frame it was seen on (kept for HR, used to learn the person's real mask)."""
        unknown = [f for f in result.decision.faces if f.user_id is None]
        if not unknown:
            return
        self._unknown_at = now
        if len(self._unknown_frames) > 1000:  # the kiosk runs for days: old tracks forgotten
            self._unknown_frames.clear()
        settled = []  # unknown for as many frames as a person needs to be confirmed: said once per face
        for face in unknown:
            if face.live is not False and face.track_id not in self._unknown_told:
                self._unknown_frames[face.track_id] = self._unknown_frames.get(face.track_id, 0) + 1
                if self._unknown_frames[face.track_id] >= self.service.settings.confirm_frames:
                    settled.append(face.track_id)
        if settled:
            self._unknown_told.update(settled)
            self.sounds.play(NOT_RECOGNISED)
        self._unknown_face = max(unknown, key=lambda f: f.face.area).face
        self._unknown_frame = self._frame_of(result)
        self.worker_button.show()

    def _frame_of(self, result):
        """The frame a result was computed on: carried by the result, or still among the recent
        frames; None when it is gone (then nothing is drawn from that result)."""
        return result.image if result.image is not None else self._recent_frames.get(result.frame_index)

    def open_worker_checkin(self):
        frame = self._unknown_frame
        face = self._unknown_face if frame is not None else None
        self.worker_dialog = WorkerCheckinDialog(self.service, frame, face, self.window())
        self.worker_dialog.done.connect(self.show_pin_result)
        self.worker_dialog.open()
        return self.worker_dialog

    def open_help(self) -> EntranceHelp:
        self.help_dialog = EntranceHelp(self.service.settings.kiosk_id, self.window())
        self.help_dialog.finished.connect(self.window().activateWindow)  # the keyboard back (no window manager)
        self.help_dialog.open()
        return self.help_dialog

    def open_my_hours(self):
        """Worker ID and PIN on the check-in keypads, then the person's week (WeekDialog)."""
        self.hours_dialog = MyHoursKeypad(self.service, self.window())
        self.hours_dialog.week_ready.connect(self.show_week)
        self.hours_dialog.open()
        return self.hours_dialog

    def show_week(self, week):
        self.week_dialog = WeekDialog(week, self.window())
        self.week_dialog.open()
        return self.week_dialog

    def show_pin_result(self, result) -> None:
        if result.checkin is not None:
            self.show_checkin(result.checkin)
        self._unknown_at = float("-inf")
        self._unknown_face = self._unknown_frame = None
        self.worker_button.setVisible(bool(self.model_error))

    def show_checkin(self, checkin, choice_seconds: float | None = None) -> None:
        """The banner for one attendance outcome (LiveRecognizer, or the worker-ID keypad): what
        was recorded, in the service's words (timesheet.punch_message); in "choose" mode the
        IN / OUT / Break keys under it for the site's seconds (`choice_seconds` given: for that
        long whatever the mode, as the screenshot tour shows them)."""
        self.last_checkin = checkin
        self.punch_choice.withdraw()  # the next person: the previous one's keys are gone
        title, detail = self._punch_message(checkin)
        if not title:  # nothing a person needs to read (e.g. an outbox entry delivered twice)
            return
        kind = {CHECKED_IN: "welcome", QUEUED: "welcome", COOLDOWN: "cooldown"}.get(checkin.outcome, "warning")
        seconds = CLOCK_BACK_BANNER_S if checkin.outcome == CLOCK_BACK else BANNER_S
        offer = 0.0
        if checkin.outcome == CHECKED_IN and checkin.punch_id:
            offer = self._choice_seconds() if choice_seconds is None else choice_seconds
        self.banner.show_message(title, detail, kind, seconds=max(seconds, offer + 0.5))
        if checkin.outcome in (CHECKED_IN, QUEUED):
            self.sounds.play(CHECKED_IN_SOUND)
        if checkin.outcome == CHECKED_IN:
            self.metrics["checkins"] += 1
            if self._face_since is not None:
                self.metrics["banner_latency_s"].append(time.monotonic() - self._face_since)
        if offer:
            self._choice_checkin = checkin
            self.punch_choice.offer(checkin.punch_id, checkin.direction, offer)

    def _choice_seconds(self) -> float:
        """How long the punch keys stay: 0 unless the site's punch mode is "choose"."""
        timesheet = self.service.timesheet
        return float(timesheet.choice_seconds) if timesheet.mode == "choose" else 0.0

    def choose_direction(self, direction: str) -> None:
        """A punch key tapped: the service changes the punch, the banner says the new direction."""
        checkin = self._choice_checkin
        if checkin is None or self.punch_choice.punch_id != checkin.punch_id:
            return
        try:
            row = self.service.timesheet.choose_direction(checkin.punch_id, direction)
        except ValueError as exc:  # too late, or the punch was corrected meanwhile: say it, keys go
            self.punch_choice.withdraw()
            self.banner.update_text(self.banner.title.text(),
                                    self.tr("Not changed: {reason}").format(reason=refusal_text(exc)))
            return
        self._choice_checkin = checkin = replace(checkin, direction=row.get("direction", direction))
        self.punch_choice.select(checkin.direction)
        self.banner.update_text(*self._punch_message(checkin))

    def _punch_message(self, checkin) -> tuple[str, str]:
        """(title, detail) from the service; its own words for a CheckIn if the service fails
        (the banner must never fail: the punch is recorded either way)."""
        try:
            notice = self.service.timesheet.punch_notice(checkin)
            return (render(notice[0]), render(notice[1])) if notice else ("", "")
        except Exception:  # noqa: BLE001 - a broken report must not hide that the person is recorded
            log.exception("punch message for %s failed", checkin.employee_id)
        name = checkin.name or checkin.employee_id or self.tr("Unknown")
        if checkin.outcome in (CHECKED_IN, QUEUED):
            at = i18n.time_text(checkin.timestamp, True)
            return self.tr("{name} - Present - {time}").format(name=name, time=at), ""  # the header greets
        if checkin.outcome == COOLDOWN:
            return (self.tr("{name} - already checked in at {time}").format(
                name=name, time=i18n.time_text(self._last_checkin(checkin))), self.tr("No need to check in again."))
        if checkin.outcome == CLOCK_BACK:
            return (self.tr("Punches paused"),
                    self.tr("This kiosk's clock went back: nothing was recorded. Please tell IT."))
        return self.tr("{name} - not active").format(name=name), self.tr("Please see HR.")

    def _last_checkin(self, checkin) -> datetime:
        """When the check-in that blocks this one was made (the cooldown started then)."""
        try:
            rows = self.service.db.attendance(checkin.timestamp.date(), checkin.timestamp.date(),
                                              checkin.employee_id)
            if rows:
                return datetime.fromisoformat(rows[-1]["timestamp"])
        except Exception:  # the banner must never fail: fall back to the arithmetic
            pass

        return checkin.timestamp - timedelta(seconds=self.service.db.cooldown_seconds - checkin.seconds_until_next)

    def on_capture_state(self, state: str, message: str) -> None:
        self.camera_state = state
        if state == LIVE:
            self.notice.hide()
        elif state == LOST:
            self.video.clear("")
            self.notice.show_notice(self.tr("No camera picture"),
                                    message + "\n" + self.tr("Check that the camera is plugged in."),
                                    self.tr("Retry now"))
        elif state == ENDED:
            self.notice.show_notice(self.tr("Video ended"), message, self.tr("Play again"))
        elif state == STOPPED:
            self.video.clear(self.tr("Camera stopped"))
        self._refresh_status()

    def on_models_ready(self, description: str) -> None:
        self.models_ready_at = time.monotonic()
        self.model = description
        self.model_error = ""
        self.refresh_gallery()

    def on_models_failed(self, message: str) -> None:
        self.model_error = message
        self.model = ""
        self.worker_button.show()  # no face recognition: the worker ID still works
        self.hint.setText(self.tr("Face recognition is unavailable"))
        log.warning("face recognition unavailable: %s", message)  # the reason: HR area, Expert page
        self.info.setText(self.tr("Face recognition is not working right now.\n"
                                  "Please check in with your worker ID, and tell HR."))
        self.info.setProperty("kind", "error")
        self.info.style().unpolish(self.info)
        self.info.style().polish(self.info)
        self.info.show()
        self._refresh_status()

    def refresh_gallery(self) -> None:
        """Say so on screen when nobody is enrolled (recognition would only ever say Unknown)."""
        if self.model_error:
            return
        count = len(self.service.matcher)
        if count == 0:
            self.info.setText(self.tr("Nobody is enrolled yet. HR: tap HR to enroll the first employee."))
            self.info.setProperty("kind", "warning")
            self.info.style().unpolish(self.info)
            self.info.style().polish(self.info)
            self.info.show()
        else:
            self.info.hide()
        self._refresh_status()

    # -- drawing ------------------------------------------------------------------------------
    def _tick(self) -> None:
        now = datetime.now()
        self.clock.setText(i18n.time_text(now))
        self.greeting.setText(greeting(now.hour))
        if not self.model_error and time.monotonic() - self._unknown_at > WORKER_BUTTON_S:
            self.worker_button.hide()
        self._refresh_status()

    def _refresh_status(self) -> None:
        """The status line, in an employee's words: is the camera on, can faces be recognised."""
        if self.capture is not None:
            self.camera_fps = self.capture.fps
        self.status.setText(status_line(self.camera_state, self.model, self.model_error))

    def technical_status(self) -> list[tuple[str, str]]:
        """What the entrance no longer shows, for the HR area's Expert page: (what, value) rows."""
        return technical_rows(self.camera_state, self.camera_fps, self.recognition_fps, self.model, self.model_error)
