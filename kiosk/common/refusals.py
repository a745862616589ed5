"""The engine's refusals a person reads on a screen, each as a key and its values as well as its
English sentence (issue 26: no English left on the screens).

Why a str: these sentences travel as text through every layer (ValueError(problem), a list of
problems joined for the CLI, the CLI's "error: ..." line), and the CLI and the logs keep the English.
A `Sentence` is that English text, carrying its key and values, so kiosk.app.messages can hand the
screens a Message they word in their language (kiosk.ui.engine_text) without matching English
text. A sentence cut up or joined with others is plain text again: the screens then show it as the
engine wrote it. Values: `str` as is (names, IDs, file names, the system's own error words),
`int` a count or a number, a `Sentence` inside a sentence."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

# key -> the English template ({value} named as in Sentence.values). Part of kiosk.app.messages.ENGLISH.
REFUSALS = {
    # PINs (kiosk.security.pin_hash, staff_pins) and the first-run set-up (kiosk.app.first_run).
    "pin.digits": "the PIN must be {minimum} to {maximum} digits",
    "pin.sequence": "choose a PIN that is not a repeated or consecutive sequence",
    "pin.admin_same_as_hr": "the admin PIN must differ from the HR PIN",
    "pin.hr_same_as_admin": "the HR PIN must differ from the admin PIN",
    "pin.no_recovery_code": "this kiosk has no recovery code: the admin PIN cannot be reset with one",
    "pin.check_in": "check-in PIN: {problem}",
    "recovery.shape": "a recovery code is {length} letters and digits in {groups} groups, like 7K3QF-2M9XA-...",
    "pin.no_employee": "no employee with worker ID {worker_id}",
    "setup.kiosk_id": "The kiosk's name is 1-64 letters, digits, dots, hyphens and underscores, starting with a "
                      "letter or digit (e.g. front-door).",
    "setup.no_camera": "Give the camera: 0 for the first camera, or a video file or stream address.",
    "setup.unknown_camera": "There is no camera {camera}: use a device number (0, 1...), an existing video file, "
                            "or an rtsp:// or http:// address.",
    "setup.done": "this kiosk is already set up: change the admin PIN on the Security page "
                  "or with `kiosk set-staff-pin admin`",
    # A person's details (kiosk.common.worker_id, kiosk.enrollment.templates, kiosk.app.people).
    "worker_id.empty": "the worker ID is empty",
    "worker_id.invalid": "worker ID {worker_id} is invalid: use 1-{maximum} letters, digits, hyphens (-) and "
                         "underscores (_), starting with a letter or a digit",
    "worker_id.reserved": "worker ID {worker_id} is reserved for test data (an ID may not be 'img' or start "
                          "with 'img_')",
    "worker_id.enrolled": "worker ID {worker_id} is already enrolled: use Re-enroll on the Employees screen",
    "worker_id.taken": "worker ID {worker_id} is taken: {holder} has it already (worker IDs are the same "
                       "regardless of case); choose another ID",
    "name.required": "name is required",
    "name.too_long": "name is longer than {maximum} characters",
    "name.control": "name contains control characters",
    "name.reserved": "the name {name} is reserved for test data (a name needs letters)",
    "mobile.invalid": "mobile number {mobile} is invalid: 7-15 digits, optionally starting with +",
    "department.too_long": "Department is longer than {maximum} characters",
    "department.control": "Department contains control characters",
    "shift.unknown": "there is no shift called {shift}: the shifts are {shifts}",
    "shift.none": "there is no shift called {shift}: the shifts are none yet",
    "person.deleted": "{worker_id} was deleted: enrol them again to change their details",
    "person.already_left": "{worker_id} is already marked as left (since {since})",
    "person.not_left": "{worker_id} is not marked as left: nothing to re-activate",
    # Corrections to punches (kiosk.attendance.corrections).
    "correction.no_reason": "a correction needs a reason (it is kept in the audit trail)",
    "correction.reason_too_long": "the reason is too long: keep it under 500 characters",
    "correction.skipped_time": "{time} does not exist on {day} in {zone} (the clocks went forward): pick a "
                               "time before or after the change",
    "correction.no_employee": "no employee with ID {worker_id}: check the ID",
    "correction.after_leaving": "{name} ({worker_id}) left on {left}: no punches after that; re-activate them "
                                "first if they are back",
    "correction.future": "{moment} is in the future: a correction records what happened",
    "correction.clash": "{name} already has a punch at {moment} ({direction}), within {minutes} min of {time}: "
                        "void it first or pick another time",
    "correction.already_voided": "punch {punch} was already voided on {day} by {by}",
    "correction.not_from_entrance": "punch {punch} cannot be changed from the entrance",
    "correction.too_late": "too late to change this punch ({seconds} s have passed): ask HR",
    "correction.no_punch": "no punch with number {punch}",
    # Photos (kiosk.vision.image_io).
    "image.too_large": "{label} is {size} MB; the limit is 10 MB",
    "image.empty": "{label} is empty",
    "image.unreadable": "{label} is not an image this kiosk can read (corrupt or unsupported format)",
    "image.bomb": "{label} claims far more pixels than the {limit} MP limit",
    "image.too_many_pixels": "{label} is {width}x{height} pixels ({megapixels} MP); the limit is {limit} MP: "
                             "scale it down first",
    "image.too_small": "{label} is {width}x{height} pixels; at least {minimum}x{minimum} is needed",
    "image.link_loop": "{path}: a symbolic link loop (the link points back to itself), not a file",
    "image.broken_link": "{path}: a symbolic link to {target}, which does not exist",
    "image.missing": "{path}: no such file",
    "image.denied": "{path}: permission denied",
    "image.cannot_read": "{path}: cannot be read ({reason})",
    "image.folder": "{path} is a folder, not an image",
    # The attendance database and the exports (kiosk.attendance.errors, kiosk.attendance.spreadsheet).
    "store.full": "the disk holding the attendance database {path} is full ({reason}): free some space; "
                  "check-ins are kept in the outbox meanwhile and written once it can",
    "store.busy": "the attendance database {path} is busy: another program holds it ({reason}); try again "
                  "in a moment",
    "store.unusable": "the attendance database {path} cannot be used ({reason}): restore it from a backup, "
                      "or run `kiosk doctor` to check the data folder",
    "store.folder": "the attendance database {path} cannot be used (a folder is in its place, not a database "
                    "file): restore it from a backup, or run `kiosk doctor` to check the data folder",
    "export.cannot_write": "cannot write the {kind} export: {reason}",
    # Settings kiosk.toml refuses (kiosk.app.settings, kiosk.app.display, kiosk.app.timesheet) and a time zone
    # nobody knows (kiosk.attendance.clock). {setting} is the kiosk.toml key, {value} the value as given.
    "setting.refused": "{setting}: {problem}",
    "setting.table": "{setting} must be a TOML table, got {value}",
    "setting.list": "{setting} must be a TOML list, got {value}",
    "setting.on_off": "{setting} must be on or off (true/false), got {value}",
    "setting.challenge_seconds": "liveness_challenge_seconds must be 0.5 to 30 seconds, got {value}",
    "setting.spot_check": "liveness_spot_check is the share of clearly live attempts challenged anyway, from 0 to 1 "
                          "(0.2 = one in five), got {value}",
    "setting.challenge_policy": "liveness_challenge must be one of {choices}, got {value}",
    "setting.language": "language must be one of {choices}, got {value}",
    "setting.not_display": "{setting} is not a display setting: use one of {choices}",
    "setting.not_attendance": "not an attendance setting: {setting}",
    "setting.text_size": "The text size must be between {minimum}% and {maximum}% of normal, not {scale}%.",
    "setting.volume": "The volume must be between {minimum} and {maximum}, not {volume}.",
    "setting.cooldown": "cooldown_seconds must be 0 or more, got {value}",
    "setting.auto_close": "auto_close_after_minutes must be between 0 and 1440",
    # Shifts and holidays the Attendance settings page sends (kiosk.attendance.shifts).
    "shift.end_before_start": "shift {shift}: end {end} is before start {start}; set overnight = true for a night shift",
    "shift.overnight_same_day": "shift {shift}: overnight = true but end {end} is after start {start} on the same day; "
                                "a night shift ends the next morning",
    "shift.no_full_day": "shift {shift}: full_day_hours must be more than 0, got {hours}",
    "shift.half_over_full": "shift {shift}: half_day_hours {half} is more than full_day_hours {full}",
    "shift.too_long": "shift {shift}: earliest_in_minutes + the shift + latest_out_minutes make {hours} h, so one "
                      "day's punches would reach into the next day's; keep them within 24 h",
    "shift.default_unknown": "default_shift {shift} is not one of the shifts: {shifts}",
    "shift.department_unknown": "department_shifts: department {department} has shift {shift}, which is not one of "
                                "the shifts: {shifts}",
    "holiday.twice": "holiday {day} is listed twice",
    "zone.unknown": "unknown time zone {zone}: use an IANA name such as Europe/Paris, America/New_York or "
                    "Asia/Kolkata",
    # A photo refused when enrolling (kiosk.enrollment.templates.check_photo): the photo's label and its
    # checks' sentences (kiosk.vision.quality) joined by "; ", each worded by the screens.
    "photo.refused": "{label}: {problems}",
    # The store's status line (kiosk.attendance.outbox.StoreStatus): not refusals, but keyed the same way.
    "status.online": "Online",
    "status.sending": "Online - sending {waiting}",
    "status.offline": "Offline - check-ins are kept and sent when the server is back",
    "status.offline.waiting": "Offline - check-ins are kept and sent when the server is back ({waiting})",
    "status.busy": "Database busy - {waiting}, saved as soon as it is free",
    "status.waiting.one": "{count} record waiting",
    "status.waiting": "{count} records waiting",
}


class Sentence(str):
    """An English refusal that knows its key and values (see the module's docstring)."""

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, /, **values: object) -> Sentence:
        text = super().__new__(cls, REFUSALS[key].format(**values))
        text.key, text.values = key, MappingProxyType(values)
        return text

    def __reduce__(self):  # pickled and copied as its key and values (a str would lose them)
        return _rebuilt, (self.key, dict(self.values), str(self))

    def capitalised(self) -> Sentence:
        """The same sentence starting with a capital (the CLI's text; the screens word the key)."""
        text = str.__new__(Sentence, self[:1].upper() + self[1:])
        text.key, text.values = self.key, self.values
        return text


def _rebuilt(key: str, values: dict, text: str) -> Sentence:
    sentence = Sentence(key, **values)
    return sentence if text == sentence else sentence.capitalised()


def sentence_of(exc: BaseException | str) -> Sentence | None:
    """The keyed sentence an exception carries (its message: ValueError(sentence), or an OSError's
    strerror), or a Sentence given as such; None when it carries plain text."""
    if isinstance(exc, Sentence):
        return exc
    if isinstance(exc, BaseException):
        return next((a for a in exc.args if isinstance(a, Sentence)), None)
    return None
