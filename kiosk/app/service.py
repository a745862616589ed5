"""The kiosk's application core: one object that the CLI and the Qt screens both use to
recognise, enroll, delete and record attendance, so both behave the same."""
from __future__ import annotations

import logging
import threading
import uuid
from datetime import datetime, timedelta
from functools import cached_property

import numpy as np

from kiosk.app.audit_watch import AuditWatch
from kiosk.app.enrollment_desk import DuplicateCheck, EnrollmentDesk
from kiosk.app.from_settings import attendance_db, gallery_cipher_for
from kiosk.app.learning_queue import LearningQueue, LearningRequest
from kiosk.app.people import People, left_at
from kiosk.app.recognition_rules import RecognitionRules
from kiosk.app.screen_support import ScreenSupport
from kiosk.app.settings import Settings, load_settings
from kiosk.app.timesheet import Timesheet
from kiosk.app.types import FaceResult
from kiosk.app.worker_id_change import WorkerIds, refuse_taken
from kiosk.attendance import CheckIn
from kiosk.attendance.clock import local_wall, utc_now
from kiosk.attendance.db import SPOOF_SUSPECTED, local_now
from kiosk.attendance.errors import STORE_ERRORS, explain
from kiosk.attendance.outbox import QUEUED, Outbox, StoreStatus
from kiosk.attendance.retention import RetentionPolicy, purge
from kiosk.common.fsutil import crash_point
from kiosk.common.private import private_process
from kiosk.enrollment.templates import Progress
from kiosk.gallery.learned import LearnedTemplates, purge_learned
from kiosk.gallery.learning import SOURCE_FACE, LearnRule
from kiosk.gallery.store import GalleryStore, PersonRecord
from kiosk.recognition.matcher import Matcher, MatchResult
from kiosk.recognition.pin_checkin import learn_mask, pin_checkin, review_frames
from kiosk.security.at_rest import pin_pepper
from kiosk.security.audit import (
    DELETE,
    LEARNED_TEMPLATE_APPROVED,
    LEARNED_TEMPLATE_REMOVED,
    PIN_CHANGE,
    PURGE,
    Actor,
    AuditLog,
)
from kiosk.security.pin_hash import Pepper
from kiosk.security.pins import PersonalPins
from kiosk.site.control import SiteControl
from kiosk.vision.pipeline import FacePipeline, load_pipeline
from kiosk.vision.types import Face

log = logging.getLogger(__name__)


class KioskService(RecognitionRules, WorkerIds, People, ScreenSupport, AuditWatch):
    def __init__(self, settings: Settings | None = None, pipeline: FacePipeline | None = None):
        private_process()  # everything this kiosk writes is its user's only (kiosk.common.private)
        self.settings = settings or load_settings()
        self._pipeline = pipeline
        self.store = GalleryStore(self.settings.embeddings_dir, cipher=gallery_cipher_for(self.settings))
        self._matcher: Matcher | None = None
        self._gallery_stamp: int | None = None
        self._lock = threading.RLock()
        self.gallery_warnings: list[str] = []
        # Writes the database refused, kept until it takes them (kiosk.attendance.outbox).
        self.outbox = Outbox(self.settings.data_dir / "outbox")
        # The site's side (kiosk.site.control): following the shared database when `database_url`
        # is set. `site` is its kiosk.site.node.Site, or None for a single kiosk on its own SQLite file.
        self.site_link = SiteControl(self.settings, self.store, self.outbox, reload=self.reload,
                                     matcher_loaded=lambda: self._pipeline is not None,
                                     audit_event=self.audit_event, deliver_outbox=self.deliver_outbox)
        self.site = self.site_link.site
        # Learning from face check-ins happens on a worker thread, not in the frame loop
        # (kiosk.app.learning_queue); `_learn_lock` keeps it and a PIN check-in's learning in turn.
        self.learning = LearningQueue(self._learn_from_checkin)
        self._learn_lock = threading.Lock()
        self.recovery_notes: list[str] = []
        self.last_write_error: str | None = None
        self._recovered = False
        # Who is acting, for the audit trail: the shell user for the CLI; the Qt screens set
        # the role signed in with a PIN (HR or admin).
        self.actor = Actor.shell_user()

    # -- the site (kiosk.site.control.SiteControl does the work) ----------------------------------------

    def start_site(self) -> None:
        """Follow the site's server on a thread (the kiosk and the HR desk call this)."""
        self.site_link.start()

    def stop_site(self) -> None:
        self.site_link.stop()

    def set_site_settings(self, **values) -> None:
        """Thresholds and the cooldown for every kiosk of the site (audited); a single kiosk
        writes them to its kiosk.toml."""
        self.site_link.set_settings(**values)

    def gallery_changed(self, user_id: str) -> None:
        """A person's folder changed here without an enrolment: the site gets it, the matcher reloads."""
        self.site_link.gallery_changed(user_id)

    def site_status(self) -> StoreStatus | None:
        """The status line's store state (SiteControl.status); None: nothing to show."""
        return self.site_link.status()

    @property
    def pipeline(self) -> FacePipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = load_pipeline(self.settings)
            return self._pipeline

    @cached_property
    def local_db(self):
        """This machine's own attendance.db: the whole store of a single kiosk; on a site, where
        this desk's audit trail is kept."""

        db = attendance_db(self.settings)
        db.fields = self.store.fields  # mobile numbers sealed with the gallery key (kiosk.common.sealed_fields)
        return db

    @cached_property
    def db(self):
        """The attendance store: the site's server (kiosk.site.attendance) or attendance.db."""
        db = self.site.attendance if self.site is not None else self.local_db
        self.recover()
        try:  # at start: the rows a crash left out, then what waited in the outbox
            if self.site is None:
                from kiosk.app.reconcile import reconcile
                from kiosk.app.worker_id_change import finish_pending

                self.recovery_notes += finish_pending(self)  # an interrupted rename first: then they agree
                self.recovery_notes += reconcile(self.store, db)
            self.outbox.deliver(db)
        except STORE_ERRORS as exc:
            log.warning("start-up reconciliation not done: %s", explain(exc, self.db_label))
        return db

    @property
    def db_label(self) -> str:
        """What messages call the attendance store: the file, or the site's server."""
        return self.site.describe() if self.site is not None else str(self.settings.db_path)

    def recover(self) -> list[str]:
        """Once per service, before the gallery is read or changed: finish or undo what a
        crashed enrolment, re-enrolment or deletion left (GalleryStore.recover)."""
        if not self._recovered:
            self._recovered = True
            self.recovery_notes += self.store.recover()
        return self.recovery_notes

    @cached_property
    def timesheet(self) -> Timesheet:
        """Attendance beyond recording a punch: corrections, derived days, exports, settings."""
        return Timesheet(self)

    @cached_property
    def audit(self):
        """The HR audit trail (kiosk.security.audit), in the attendance database."""

        return AuditLog(self.local_db)

    def audit_event(self, action: str, subject: str = "", **detail) -> dict:
        return self.audit.record(action, actor=self.actor, subject=subject, detail=detail)

    @property
    def retention(self):
        return RetentionPolicy.from_settings(self.settings)

    def purge(self, *, dry_run: bool = False, now: datetime | None = None):
        """Apply the retention settings (kiosk.attendance.retention); the purge is audited."""

        folders, frames = [], []
        days = self.retention.photos_days
        # On a site the enrolment photos are the server's (aged from when it first stored them);
        # this kiosk's cache follows. A single kiosk ages its own files.
        if days is not None and self.store.root.is_dir() and self.site is None:
            folders = [f / "photos" for f in self.store.root.iterdir() if f.is_dir() and not f.name.startswith(".")]
        if days is not None:
            from kiosk.recognition.pin_checkin import review_folders

            frames = review_folders(self.settings.data_dir)  # PIN check-in frames age like photos
        report = purge(self.db, self.retention, photo_folders=folders, review_folders=frames, now=now,
                       dry_run=dry_run)
        if days is not None:  # learned real-mask templates go with their face crops
            report.learned_crops = purge_learned(self.store, local_now(now) - timedelta(days=days), dry_run,
                                                 changed=self.site.changed_here if self.site is not None else None)
        if days is not None and self.site is not None:
            cutoff = (local_now(now) - timedelta(days=days)).astimezone()
            report.photos += self.site.gallery.purge_photos(cutoff, dry_run)
            if not dry_run:
                self.site.pull()
        if not dry_run:
            self.audit_event(PURGE, **report.as_dict(), policy=self.retention.describe())
        return report

    def _stamp(self) -> int | None:
        """Changes whenever a person folder is added, replaced or removed (they are renamed
        into place), so enrolments made by another process are picked up too."""
        try:
            return self.store.root.stat().st_mtime_ns
        except OSError:
            return None

    @property
    def matcher(self) -> Matcher:
        with self._lock:
            if self._matcher is None or self._stamp() != self._gallery_stamp:
                return self.reload()
            return self._matcher

    def reload(self) -> Matcher:
        """Re-read the gallery (after an enrolment or deletion, from any process)."""
        self.recover()
        stamp = self._stamp()
        records, warnings = self.store.load_all()
        records = [r for r in records if not left_at(r.metadata)]  # people who left are not recognised
        rule = self.rule
        matcher = Matcher(records, self.pipeline.embedder.name, rule.threshold, rule.masked[0],
                          gate_offset=self.gate_offset or 0.0, gate_threshold=rule.masked[0], rule=rule)
        for record in matcher.skipped:
            if record.embedder != matcher.embedder:
                warnings.append(f"{record.user_id} ({record.name}) was enrolled with {record.embedder}, not "
                                f"{matcher.embedder}: run `kiosk reembed` to use them with this model")
            else:
                warnings.append(f"{record.user_id} ({record.name}) has {record.originals.shape[1]}-number "
                                f"embeddings, not the gallery's {matcher.dim}: skipped; run `kiosk reembed "
                                f"{record.user_id}` to rebuild them from the stored photos")
        with self._lock:
            self._matcher = matcher
            self._gallery_stamp = stamp
            self.gallery_warnings = warnings
        return matcher

    def people(self) -> list[PersonRecord]:
        return self.store.load_all()[0]

    def recognize(self, image_bgr: np.ndarray, *, record: bool = True, source: str = "image",
                  top_k: int = 3) -> list[FaceResult]:
        """Every face in the image, matched; recognised people get attendance (with cooldown),
        and every attempt goes to the access log when `record` is set."""
        faces = self.pipeline.analyze(image_bgr)
        for face in faces:
            result = self.check_liveness(image_bgr, face)
            if result is not None:
                face.extra["liveness"] = result
        return self.decide(faces, record=record, source=source, top_k=top_k)

    def record_spoof(self, match: MatchResult, liveness_score: float, detail: str, source: str = "camera",
                     now: datetime | None = None) -> int:
        """A failed liveness check in the access log (outcome spoof_suspected, the liveness
        score in `score`): nobody is checked in; HR sees the count on the statistics screen."""

        return self.db.log_access(SPOOF_SUSPECTED, employee_id=match.user_id if match.accepted else None,
                                  name=match.name if match.accepted else "", score=liveness_score,
                                  masked=match.masked_template, source=source, detail=detail, now=now)

    def decide(self, faces: list[Face], *, record: bool = True, source: str = "camera",
               top_k: int = 3, live: bool = False) -> list[FaceResult]:
        """Match the faces and record the outcomes. `live`: they came from camera frames through
        `pipeline.analyze(live=True)`, judged by `live_rule`; otherwise (photos) by `rule`."""
        embedded = [f for f in faces if f.embedding is not None]
        if not embedded:
            return []
        matcher = self.matcher
        vectors = np.stack([np.asarray(f.embedding) for f in embedded])
        # Mask gating (docs/evaluation/README.md): each face is labelled masked or not by the
        # gallery's mask direction in embedding space (no image needed, so the live path gets it
        # too); unmasked faces are compared with the originals only, masked ones with all
        # templates, the synthetic masked ones lowered by the gate offset.
        flags = matcher.embedding_mask_flags(vectors) if self.gate_offset is not None else None
        matches = matcher.match(vectors, top_k=top_k, probe_masked=flags, rule=self.live_rule if live else None)
        now = datetime.now()
        results = []
        for face, match in zip(embedded, matches):
            result = FaceResult(face, match, time=now.strftime("%H:%M:%S"))
            liveness = face.extra.get("liveness")
            if record and liveness is not None and not liveness.live:  # a photo or screen: no check-in
                self.record_spoof(match, liveness.score, f"liveness {liveness.score:.3f} < {liveness.threshold} "
                                  f"(one image)", source=source, now=now)
            elif record:
                result.checkin = self.record(match, source=source, now=now)
                if result.checkin.outcome == QUEUED:
                    result.write_error = self.last_write_error
            results.append(result)
        return results

    def record(self, match: MatchResult, source: str = "camera", now: datetime | None = None) -> CheckIn:
        """Attendance and the access log for one decision. When the database refuses the write
        (locked past its timeout, disk full, damaged), the decision goes to the outbox and the
        CheckIn says QUEUED (`last_write_error` says why); it is written, once, when the
        database takes writes again."""

        moment = now or utc_now()  # `now` None: the store reads the clock (and notices one set back)
        employee_id = match.user_id if match.accepted else None
        score = None if match.score is None else float(match.score)
        fields = {"employee_id": employee_id, "name": match.name, "score": score,
                  "masked": bool(match.masked_template), "source": source, "unsure": bool(match.unsure)}
        key = uuid.uuid4().hex  # the same key if it is kept: a write that did land is not doubled
        try:
            db = self.db
            if len(self.outbox):  # what waited goes first: the cooldown sees the visits in order
                self.outbox.deliver(db)
            checkin = db.record_recognition(now=now, key=key, **fields)
        except STORE_ERRORS as exc:
            self.last_write_error = explain(exc, self.db_label)
            log.warning("%s: kept in the outbox", self.last_write_error)
            self.outbox.put("recognition", key=key, now=moment, **fields)
            return CheckIn(False, QUEUED, employee_id, match.name, local_wall(moment, self.local_db.zone), score, 0)
        self.last_write_error = None
        return checkin

    def deliver_outbox(self) -> int:
        """Write what waits in the outbox now, so a kept check-in does not wait for the next
        person (the live worker calls this when nobody is at the door). Returns entries written."""
        if not len(self.outbox):
            return 0
        try:
            return self.outbox.deliver(self.db)
        except STORE_ERRORS as exc:  # still refused: the next try, later
            log.info("outbox not delivered yet: %s", explain(exc, self.db_label))
            return 0

    def save_person(self, record: PersonRecord, photos: list[bytes] | None = None, replace: bool = False) -> None:
        """The gallery folder and its `employees` row, together: the database is opened first (a
        damaged one fails before anything changes) and a refused row write undoes the folder."""
        db = self.db
        if not replace:
            refuse_taken(self, record.user_id)
        change = self.store.save_staged(record, photos, replace)
        try:
            if self.site is not None:  # the site's version first: every kiosk gets the same person
                self.site.push(record.user_id, replace=replace)
            db.upsert_employee(record.user_id, record.name, record.mobile)
            crash_point("after-db-write")
        except BaseException:
            change.rollback()
            record.folder = None
            raise
        change.commit()

    @cached_property
    def enrollment(self) -> EnrollmentDesk:
        """The enrolment steps (kiosk.app.enrollment_desk): photo checks, duplicate check, save."""
        return EnrollmentDesk(self)

    def enroll(self, user_id: str, name: str, mobile: str, images: list, *, replace: bool = False,
               allow_duplicate: bool = False, masks: bool = True, progress: Progress | None = None,
               checked: DuplicateCheck | None = None) -> PersonRecord:
        """Check and save one person (EnrollmentDesk.enroll): `images` are arrays or the
        CheckedPhotos of enrollment.check_photo; `checked`, the duplicate check HR saw."""
        return self.enrollment.enroll(user_id, name, mobile, images, replace=replace, allow_duplicate=allow_duplicate,
                                      masks=masks, progress=progress, checked=checked)

    def mask_preview(self, image_bgr: np.ndarray, face: Face, mask_type: str = "surgical_blue") -> np.ndarray:
        return self.enrollment.mask_preview(image_bgr, face, mask_type)

    # -- worker-ID check-in and learned masks (issue 12; kiosk/recognition/pin_checkin.py) ----------------------

    @cached_property
    def pins(self):
        if self.site is not None:
            from kiosk.site.pin_secret import site_pepper
            from kiosk.site.pins import SitePins

            return SitePins(self.db, pepper=lambda: site_pepper(self.site.connections))

        cipher = self.store.cipher  # check-in PINs peppered with a secret of the gallery's key (at_rest.pin_pepper)
        pepper = None if cipher is None else Pepper(lambda: pin_pepper(getattr(cipher, "require", lambda: cipher)()))
        return PersonalPins(self.db, pepper=pepper)

    @property
    def learn_rule(self):
        """The anti-poisoning rule for learned real-mask templates (kiosk.gallery.learning)."""

        return LearnRule()

    def set_pin(self, user_id: str, pin: str) -> None:
        """Set a person's check-in PIN (4-6 digits). A person enrolled before the database
        existed is added to it first."""
        user_id = self.typed_id(user_id)
        if self.db.get_employee(user_id) is None:
            record = next((r for r in self.people() if r.user_id == user_id), None)
            if record is None:
                raise KeyError(f"no enrolled person has worker ID {user_id}")
            self.db.upsert_employee(record.user_id, record.name, record.mobile)
        self.pins.set_pin(user_id, pin)
        self.audit_event(PIN_CHANGE, user_id, pin="check-in")

    def approve_learned(self, user_id: str, name: str) -> None:
        """HR accepts a pending learned mask template (audited; the matcher reloads)."""

        LearnedTemplates(self.store).approve(user_id, name)
        self.audit_event(LEARNED_TEMPLATE_APPROVED, user_id, template=name)
        self.gallery_changed(user_id)

    def remove_learned(self, user_id: str, name: str) -> None:
        """HR removes a learned mask template for good (audited; the matcher reloads)."""

        LearnedTemplates(self.store).remove(user_id, name)
        self.audit_event(LEARNED_TEMPLATE_REMOVED, user_id, template=name)
        self.gallery_changed(user_id)

    def pin_checkin(self, user_id: str, pin: str, image_bgr: np.ndarray | None = None,
                    face: Face | None = None, now: datetime | None = None):
        """Learns at once, not through the queue: the keypad and `kiosk checkin` tell the person
        what became of their mask template (PinCheckinResult.learning)."""
        with self._learn_lock:
            return pin_checkin(self, user_id, pin, image_bgr, face, now)

    def queue_learning(self, user_id: str, frame_bgr: np.ndarray, face: Face, source: str = SOURCE_FACE) -> None:
        """Hand a check-in's face to the learning worker (the live tracker calls this): the frame
        goes on at once; the judging and the encrypted gallery write happen on the worker."""
        self.learning.put(LearningRequest(user_id, frame_bgr.copy(), face, source))

    def wait_for_learning(self, timeout: float | None = None) -> bool:
        """Until the learning worker has done every request queued so far; False on timeout."""
        return self.learning.wait(timeout)

    def _learn_from_checkin(self, request: LearningRequest) -> None:
        with self._learn_lock:
            learn_mask(self, request.user_id, request.frame_bgr, request.face, source=request.source)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Finish the queued learning and stop its worker, stop following the site. False when the
        learning did not finish within `timeout` seconds."""
        done = self.learning.close(timeout)
        self.stop_site()
        return done

    def delete(self, user_id: str) -> None:
        """Folder and row together: the person is moved aside, marked deleted in the database,
        and only then removed for good; a refused database write puts them back."""
        self.recover()
        db = self.db
        user_id = self.typed_id(user_id)
        change = self.store.delete_staged(user_id, exact=True)
        try:
            if self.site is not None:
                self.site.delete(user_id)
            try:
                db.delete_employee(user_id)
            except KeyError:
                pass  # enrolled before the database existed: nothing to mark
            crash_point("delete-after-db")
        except BaseException:
            change.rollback()
            raise
        change.commit()

        for frame in review_frames(self.settings.data_dir, user_id):  # their PIN check-in faces too
            frame.unlink(missing_ok=True)
        self.audit_event(DELETE, user_id)
        self.reload()
