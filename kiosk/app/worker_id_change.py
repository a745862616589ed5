"""Worker IDs across the stores (the rule itself is kiosk.common.worker_id): which stored ID a typed one
means, whether a new one is free, and changing one (`kiosk rename-id OLD NEW`, the Employees
page's "Change worker ID"): everything keyed by the ID moves together.

A single kiosk renames in three steps. The gallery folder first (GalleryStore.rename_staged:
copied under its new name, the old one moved aside, a journal saying what is under way), then
every database row in one transaction (kiosk.attendance.renames), then the PIN check-in frames;
only then is the old folder removed and the journal dropped. A crash before the new folder is
in place is undone at start (GalleryStore.recover); after it, it is finished at start
(finish_pending, from KioskService.db and `kiosk doctor --repair`). On a site the server does it
in one transaction (kiosk.site.rename) and every kiosk's cache follows."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from kiosk.attendance.renames import rename_rows
from kiosk.common import worker_id
from kiosk.common.fsutil import crash_point
from kiosk.common.refusals import Sentence
from kiosk.gallery.folders import GalleryError, folder_identity, taken_message
from kiosk.gallery.store import GalleryStore
from kiosk.recognition.pin_checkin import rename_review_frames, renamed_frame
from kiosk.security.audit import RENAME_ID


@dataclass
class RenameReport:
    old: str
    new: str
    attendance: int = 0
    access_log: int = 0
    pin: int = 0
    frames: int = 0
    gallery: bool = False  # an enrolled person's folder moved (else only database rows: a deleted person)

    def as_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        """What moved, for the user: "3 check-ins, 12 access-log rows, the PIN, 1 PIN check-in photo"."""
        def count(n: int, what: str) -> str:
            return f"{n} {what}{'' if n == 1 else 's'}"

        return ", ".join([count(self.attendance, "check-in"), count(self.access_log, "access-log row"),
                          *(["the PIN"] if self.pin else []), count(self.frames, "PIN check-in photo")])


def ids_like(service, user_id: str) -> list[str]:
    """The stored IDs equal to `user_id` regardless of case: enrolled (the gallery) or on record
    (the database, deleted people too)."""
    return sorted(set(service.store.folders_like(user_id)) | set(service.db.employee_ids_like(user_id)))


def holder_name(service, user_id: str) -> str:
    folder = service.store.folder_of(user_id, exact=True)
    if folder is not None:
        return folder_identity(folder)[1]
    row = service.db.get_employee(user_id)
    return f"{row['name']}, deleted" if row and not row["active"] else (row or {}).get("name", "")


def refuse_taken(service, user_id: str, but: str | None = None) -> None:
    """Raise GalleryError when someone holds `user_id` in another case (a new ID must be unique
    regardless of case, against deleted people too: their history keeps it). With `but` (a
    rename of `but`), anyone else holding it in any case, the same spelling too."""
    holders = [i for i in ids_like(service, user_id) if i != but and (but is not None or i != user_id)]
    if holders:
        raise GalleryError(taken_message(user_id, holders[0], holder_name(service, holders[0])))


def frame_path(old: str, new: str):
    """The access log's detail rewritten for a renamed PIN check-in frame (kiosk.recognition.pin_checkin)."""

    return lambda detail: renamed_frame(detail, old, new)


def rename(service, old_typed: str, new: str, now: datetime | None = None) -> RenameReport:
    """Give the person with worker ID `old_typed` (any case) the ID `new` (audited)."""

    new = (new or "").strip()
    problem = worker_id.problem(new)
    if problem:
        raise ValueError(problem[0].upper() + problem[1:])
    old = service.resolve_id(old_typed)
    if new == old:
        raise ValueError(f"{old} already has that worker ID")
    refuse_taken(service, new, but=old)
    report = RenameReport(old, new)
    if service.site is not None:
        from kiosk.site.rename import rename_on_site

        moved, report.gallery = rename_on_site(service.site, old, new, frame_path(old, new), now)
        report.frames = rename_review_frames(service.store, service.settings.data_dir, old, new)
        service.site.pull()  # this kiosk's cache follows now, not at the next notification
    else:
        db = service.db
        change = service.store.rename_staged(old, new) if service.store.folder_of(old, exact=True) else None
        try:
            moved = rename_rows(db, old, new, frame_path(old, new), now)
            crash_point("rename-after-db")
        except BaseException:
            if change is not None:
                change.rollback()
            raise
        report.gallery = change is not None
        report.frames = rename_review_frames(service.store, service.settings.data_dir, old, new)
        if change is not None:
            change.commit()
    report.attendance, report.access_log, report.pin = moved["attendance"], moved["access_log"], moved["pin"]
    service.audit_event(RENAME_ID, new, **{"from": old, "attendance": report.attendance,
                                           "access_log": report.access_log, "frames": report.frames})
    service.reload()
    return report


def finish_pending(service) -> list[str]:
    """Finish a rename a crash interrupted after its folder was in place (the database rows and
    the frames move now; the old folder goes). Before that point GalleryStore.recover has
    undone it. Returns what was done."""

    store = service.store
    journal = store.pending_rename()
    if journal is None or not (store.root / journal["to"]).is_dir():
        return []
    old, new = journal["old"], journal["new"]
    moved = rename_rows(service.local_db, old, new, frame_path(old, new))
    frames = rename_review_frames(store, service.settings.data_dir, old, new)
    store.finish_rename()
    service.audit_event(RENAME_ID, new, **{"from": old, "attendance": moved["attendance"],
                                           "access_log": moved["access_log"], "frames": frames,
                                           "finished_after_interruption": True})
    return [f"finished the interrupted rename of worker ID {old} to {new} ({moved['attendance']} check-ins moved)"]


class WorkerIds:
    """What KioskService does with typed worker IDs (mixed in; needs `store`, `db`, `site`,
    `settings`, `audit_event` and `reload`)."""

    store: GalleryStore  # KioskService's gallery

    def resolve_id(self, typed: str) -> str:
        """The stored worker ID a person typed (E042 for e042): KeyError when nobody enrolled or
        on record has it, AmbiguousWorkerId for two case twins neither of which is exact."""
        found = worker_id.find(typed, ids_like(self, typed))
        if found is None:
            raise KeyError(f"nobody with worker ID {typed.strip()} is enrolled or on record")
        return found

    def typed_id(self, typed: str) -> str:
        """resolve_id, or the typed ID itself when it finds nobody (or two): the caller's own
        check then fails as it would for any unknown ID (the keypad tells a passer-by nothing)."""
        try:
            return self.resolve_id(typed)
        except LookupError:
            return (typed or "").strip()

    def new_id_problem(self, user_id: str) -> str | None:
        """Why `user_id` cannot be a new person's worker ID (the rule; someone holds it in any
        case, deleted people too), or None: the wizard asks before the photos are taken."""
        problem = worker_id.problem(user_id)
        if problem is None and self.store.folder_of(user_id, exact=True) is not None:
            problem = Sentence("worker_id.enrolled", worker_id=user_id)
        if problem is None:
            try:
                refuse_taken(self, user_id)
            except GalleryError as exc:
                problem = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        return problem

    def rename_id(self, old: str, new: str) -> RenameReport:
        """Give a person a new worker ID, moving everything keyed by it."""
        return rename(self, old, new)
