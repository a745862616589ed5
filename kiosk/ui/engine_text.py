"""The engine's sentences in the screen's language (kiosk.app.messages: a key and its values).

Why a catalogue here: the engine may not import Qt, so it names its sentences by key and this
module holds their wording for pyside6-lupdate (context "EngineMessage"); the values are formatted
with the language's QLocale (times, durations, digits). Every key of kiosk.app.messages.ENGLISH has
its sentence here (tests/ui/test_translations.py checks both lists and that English reads the same).

Also the engine's few fixed words that reach the entrance as text (the face labels of
kiosk.recognition.tracking, a PIN check's outcome)."""
from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from kiosk.app.messages import Duration, Message, Number, english, refusal
from kiosk.ui.i18n import duration_text, number, time_text


class EngineMessage(QObject):
    """The sentences' wording (a QObject so that `self.tr` gives lupdate the context
    "EngineMessage" and the plural forms: pyside6-lupdate takes a count only from tr())."""

    def sentence(self, key: str, n: int) -> str:
        """The translated template of `key` (%Ln: the plural count)."""
        sentences = {
            "punch.clock_wrong": lambda: self.tr("This kiosk's clock is wrong"),
            "punch.clock_wrong.detail": lambda: self.tr("It is {behind} behind its last punch: punches are paused. "
                                                   "Please tell IT to set the clock."),
            "punch.already_recorded": lambda: self.tr("{name} - already recorded"),
            "punch.already_recorded.detail": lambda: self.tr("No need to punch again."),
            "punch.not_active": lambda: self.tr("{name} - not active"),
            "punch.not_active.detail": lambda: self.tr("Please see HR."),
            "punch.queued": lambda: self.tr("{name} - recorded {time}"),
            "punch.queued.detail": lambda: self.tr("Saved; it is added to the records shortly."),
            "punch.break_started": lambda: self.tr("{name} - break started {time}"),
            "punch.break_started.detail": lambda: self.tr("Enjoy your break."),
            "punch.back_from_break": lambda: self.tr("{name} - back from break {time}"),
            "punch.back_from_break.detail": lambda: self.tr("Welcome back."),
            "punch.checked_out": lambda: self.tr("{name} - checked out {time}"),
            "punch.checked_out.goodbye": lambda: self.tr("Goodbye!"),
            "punch.checked_out.worked": lambda: self.tr("{worked} today. Goodbye!"),
            "punch.checked_out.worked_early": lambda: self.tr(
                "{worked} today, %Ln min before the end of the shift. Goodbye!", None, n),
            "punch.checked_in": lambda: self.tr("{name} - checked in {time}"),
            "punch.checked_in.late": lambda: self.tr("%Ln min late today.", None, n),
            "punch.checked_in.day_off": lambda: self.tr("On a day off."),
            "punch.checked_in.on_time": lambda: self.tr("On time."),
            "guidance.no_face": lambda: self.tr("No face found: stand in front of the camera"),
            "guidance.one_person": lambda: self.tr("Only one person in the picture, please"),
            "guidance.closer": lambda: self.tr("Come closer to the camera"),
            "guidance.centre": lambda: self.tr("Centre your face in the picture"),
            "guidance.blurry": lambda: self.tr("Hold still: the picture is blurry (sharpness {sharpness})"),
            "guidance.problem": lambda: "{problem}",
            "guidance.good": lambda: self.tr("Good: tap “Take photo”"),
            "selfcheck.too_few": lambda: self.tr("Site self-check: fewer than 2 people enrolled, nothing to compare."),
            "selfcheck.summary": lambda: self.tr("Site self-check: {people} people, {photos} photos; {accepted} would be "
                                            "accepted as someone else ({risk}%), {unsure} unsure."),
            "selfcheck.summary_pairs": lambda: self.tr("Site self-check: {people} people, {photos} photos; {accepted} would "
                                                  "be accepted as someone else ({risk}%), {unsure} unsure; closest "
                                                  "look-alikes {name} and {other} ({score})."),
            # The engine's refusals (kiosk.common.refusals, through kiosk.app.messages.refusal).
            "pin.digits": lambda: self.tr("the PIN must be {minimum} to {maximum} digits"),
            "pin.sequence": lambda: self.tr("choose a PIN that is not a repeated or consecutive sequence"),
            "pin.admin_same_as_hr": lambda: self.tr("the admin PIN must differ from the HR PIN"),
            "pin.hr_same_as_admin": lambda: self.tr("the HR PIN must differ from the admin PIN"),
            "pin.no_recovery_code": lambda: self.tr("this kiosk has no recovery code: the admin PIN cannot be "
                                                    "reset with one"),
            "pin.check_in": lambda: self.tr("check-in PIN: {problem}"),
            "recovery.shape": lambda: self.tr("a recovery code is {length} letters and digits in {groups} groups, "
                                              "like 7K3QF-2M9XA-..."),
            "pin.no_employee": lambda: self.tr("no employee with worker ID {worker_id}"),
            "setup.kiosk_id": lambda: self.tr("The kiosk's name is 1-64 letters, digits, dots, hyphens and "
                                              "underscores, starting with a letter or digit (e.g. front-door)."),
            "setup.no_camera": lambda: self.tr("Give the camera: 0 for the first camera, or a video file or stream "
                                               "address."),
            "setup.unknown_camera": lambda: self.tr("There is no camera {camera}: use a device number (0, 1...), an "
                                                    "existing video file, or an rtsp:// or http:// address."),
            "setup.done": lambda: self.tr("this kiosk is already set up: change the admin PIN on the Security page "
                                          "or with `kiosk set-staff-pin admin`"),
            "worker_id.empty": lambda: self.tr("the worker ID is empty"),
            "worker_id.invalid": lambda: self.tr("worker ID {worker_id} is invalid: use 1-{maximum} letters, "
                                                 "digits, hyphens (-) and underscores (_), starting with a letter "
                                                 "or a digit"),
            "worker_id.reserved": lambda: self.tr("worker ID {worker_id} is reserved for test data (an ID may not "
                                                  "be 'img' or start with 'img_')"),
            "worker_id.enrolled": lambda: self.tr("worker ID {worker_id} is already enrolled: use Re-enroll on the "
                                                  "Employees screen"),
            "worker_id.taken": lambda: self.tr("worker ID {worker_id} is taken: {holder} has it already (worker IDs "
                                               "are the same regardless of case); choose another ID"),
            "name.required": lambda: self.tr("name is required"),
            "name.too_long": lambda: self.tr("name is longer than {maximum} characters"),
            "name.control": lambda: self.tr("name contains control characters"),
            "name.reserved": lambda: self.tr("the name {name} is reserved for test data (a name needs letters)"),
            "mobile.invalid": lambda: self.tr("mobile number {mobile} is invalid: 7-15 digits, optionally starting "
                                              "with +"),
            "department.too_long": lambda: self.tr("Department is longer than {maximum} characters"),
            "department.control": lambda: self.tr("Department contains control characters"),
            "shift.unknown": lambda: self.tr("there is no shift called {shift}: the shifts are {shifts}"),
            "shift.none": lambda: self.tr("there is no shift called {shift}: the shifts are none yet"),
            "person.deleted": lambda: self.tr("{worker_id} was deleted: enrol them again to change their details"),
            "person.already_left": lambda: self.tr("{worker_id} is already marked as left (since {since})"),
            "person.not_left": lambda: self.tr("{worker_id} is not marked as left: nothing to re-activate"),
            "correction.no_reason": lambda: self.tr("a correction needs a reason (it is kept in the audit trail)"),
            "correction.reason_too_long": lambda: self.tr("the reason is too long: keep it under 500 characters"),
            "correction.skipped_time": lambda: self.tr("{time} does not exist on {day} in {zone} (the clocks went "
                                                       "forward): pick a time before or after the change"),
            "correction.no_employee": lambda: self.tr("no employee with ID {worker_id}: check the ID"),
            "correction.after_leaving": lambda: self.tr("{name} ({worker_id}) left on {left}: no punches after "
                                                        "that; re-activate them first if they are back"),
            "correction.future": lambda: self.tr("{moment} is in the future: a correction records what happened"),
            "correction.clash": lambda: self.tr("{name} already has a punch at {moment} ({direction}), within "
                                                "{minutes} min of {time}: void it first or pick another time"),
            "correction.already_voided": lambda: self.tr("punch {punch} was already voided on {day} by {by}"),
            "correction.not_from_entrance": lambda: self.tr("punch {punch} cannot be changed from the entrance"),
            "correction.too_late": lambda: self.tr("too late to change this punch ({seconds} s have passed): ask HR"),
            "correction.no_punch": lambda: self.tr("no punch with number {punch}"),
            "image.too_large": lambda: self.tr("{label} is {size} MB; the limit is 10 MB"),
            "image.empty": lambda: self.tr("{label} is empty"),
            "image.unreadable": lambda: self.tr("{label} is not an image this kiosk can read (corrupt or "
                                                "unsupported format)"),
            "image.bomb": lambda: self.tr("{label} claims far more pixels than the {limit} MP limit"),
            "image.too_many_pixels": lambda: self.tr("{label} is {width}x{height} pixels ({megapixels} MP); the "
                                                     "limit is {limit} MP: scale it down first"),
            "image.too_small": lambda: self.tr("{label} is {width}x{height} pixels; at least {minimum}x{minimum} "
                                               "is needed"),
            "image.link_loop": lambda: self.tr("{path}: a symbolic link loop (the link points back to itself), not "
                                               "a file"),
            "image.broken_link": lambda: self.tr("{path}: a symbolic link to {target}, which does not exist"),
            "image.missing": lambda: self.tr("{path}: no such file"),
            "image.denied": lambda: self.tr("{path}: permission denied"),
            "image.cannot_read": lambda: self.tr("{path}: cannot be read ({reason})"),
            "image.folder": lambda: self.tr("{path} is a folder, not an image"),
            "store.full": lambda: self.tr("the disk holding the attendance database {path} is full ({reason}): "
                                          "free some space; check-ins are kept in the outbox meanwhile and "
                                          "written once it can"),
            "store.busy": lambda: self.tr("the attendance database {path} is busy: another program holds it "
                                          "({reason}); try again in a moment"),
            "store.unusable": lambda: self.tr("the attendance database {path} cannot be used ({reason}): restore "
                                              "it from a backup, or run `kiosk doctor` to check the data folder"),
            "store.folder": lambda: self.tr("the attendance database {path} cannot be used (a folder is in its "
                                            "place, not a database file): restore it from a backup, or run "
                                            "`kiosk doctor` to check the data folder"),
            "export.cannot_write": lambda: self.tr("cannot write the {kind} export: {reason}"),
            "setting.refused": lambda: "{setting}: {problem}",  # the kiosk.toml key, then why (worded itself)
            "setting.table": lambda: self.tr("{setting} must be a TOML table, got {value}"),
            "setting.list": lambda: self.tr("{setting} must be a TOML list, got {value}"),
            "setting.on_off": lambda: self.tr("{setting} must be on or off (true/false), got {value}"),
            "setting.challenge_seconds": lambda: self.tr("liveness_challenge_seconds must be 0.5 to 30 seconds, "
                                                         "got {value}"),
            "setting.spot_check": lambda: self.tr("liveness_spot_check is the share of clearly live attempts "
                                                  "challenged anyway, from 0 to 1 (0.2 = one in five), got {value}"),
            "setting.challenge_policy": lambda: self.tr("liveness_challenge must be one of {choices}, got {value}"),
            "setting.language": lambda: self.tr("language must be one of {choices}, got {value}"),
            "setting.not_display": lambda: self.tr("{setting} is not a display setting: use one of {choices}"),
            "setting.not_attendance": lambda: self.tr("not an attendance setting: {setting}"),
            "setting.text_size": lambda: self.tr("The text size must be between {minimum}% and {maximum}% of "
                                                 "normal, not {scale}%."),
            "setting.volume": lambda: self.tr("The volume must be between {minimum} and {maximum}, not {volume}."),
            "setting.cooldown": lambda: self.tr("cooldown_seconds must be 0 or more, got {value}"),
            "setting.auto_close": lambda: self.tr("auto_close_after_minutes must be between 0 and 1440"),
            "shift.end_before_start": lambda: self.tr("shift {shift}: end {end} is before start {start}; set "
                                                      "overnight = true for a night shift"),
            "shift.overnight_same_day": lambda: self.tr("shift {shift}: overnight = true but end {end} is after start "
                                                        "{start} on the same day; a night shift ends the next morning"),
            "shift.no_full_day": lambda: self.tr("shift {shift}: full_day_hours must be more than 0, got {hours}"),
            "shift.half_over_full": lambda: self.tr("shift {shift}: half_day_hours {half} is more than "
                                                    "full_day_hours {full}"),
            "shift.too_long": lambda: self.tr("shift {shift}: earliest_in_minutes + the shift + latest_out_minutes "
                                              "make {hours} h, so one day's punches would reach into the next "
                                              "day's; keep them within 24 h"),
            "shift.default_unknown": lambda: self.tr("default_shift {shift} is not one of the shifts: {shifts}"),
            "shift.department_unknown": lambda: self.tr("department_shifts: department {department} has shift "
                                                        "{shift}, which is not one of the shifts: {shifts}"),
            "holiday.twice": lambda: self.tr("holiday {day} is listed twice"),
            "zone.unknown": lambda: self.tr("unknown time zone {zone}: use an IANA name such as Europe/Paris, "
                                            "America/New_York or Asia/Kolkata"),
            "photo.refused": lambda: "{label}: {problems}",  # the photo's label, then its checks (photo_problems)
            "status.online": lambda: self.tr("Online"),
            "status.sending": lambda: self.tr("Online - sending {waiting}"),
            "status.offline": lambda: self.tr("Offline - check-ins are kept and sent when the server is back"),
            "status.offline.waiting": lambda: self.tr("Offline - check-ins are kept and sent when the server is "
                                                      "back ({waiting})"),
            "status.busy": lambda: self.tr("Database busy - {waiting}, saved as soon as it is free"),
            "status.waiting.one": lambda: self.tr("%Ln record(s) waiting", None, n),
            "status.waiting": lambda: self.tr("%Ln record(s) waiting", None, n),
        }
        return sentences[key]()

    def quality_problem(self, text: str) -> str:
        """One problem of a photo check (kiosk.vision.quality), in the screen's language."""
        capital = text[:1].isupper()
        found = _QUALITY.match(text[:1].lower() + text[1:])
        if found is None:
            return text
        kind = found.lastgroup  # each sentence ends with an empty group named after it
        digits = {k.split("_")[0]: _digits(v) for k, v in found.groupdict().items() if v}
        sentences = {
            "blurry": lambda: self.tr(
                "too blurry (face sharpness {sharpness}, at least {minimum} needed): "
                "hold the camera still and focus on the face"
            ),
            "small": lambda: self.tr(
                "face too small ({width} px wide, at least {minimum} needed): come closer or use a larger photo"
            ),
            "turned": lambda: self.tr(
                "face turned to the side ({degrees} degrees, at most {maximum}): look straight at the camera"
            ),
            "up": lambda: self.tr("head tilted up ({degrees} degrees, at most {maximum}): look straight at the camera"),
            "down": lambda: self.tr(
                "head tilted down ({degrees} degrees, at most {maximum}): look straight at the camera"
            ),
            "mask": lambda: self.tr(
                "a mask is worn (mask probability {probability}): remove the mask for these photos"
            ),
            "eyes": lambda: self.tr(
                "eyes closed or covered (eye opening {opening}, at least {minimum}): "
                "open your eyes and take off dark glasses"
            ),
            "noface": lambda: self.tr("no face found: the whole face must be in the photo, facing the camera"),
            "faces": lambda: self.tr("{count} faces found: only the person being enrolled may be in the photo"),
            "dark": lambda: self.tr("face too dark (mean {mean})"),
            "bright": lambda: self.tr("face too bright (mean {mean})"),
        }
        said = sentences[kind]().format(**digits)
        return said[:1].upper() + said[1:] if capital else said

    def enrollment_step(self, text: str) -> str:
        """A step of kiosk.enrollment.templates' progress ("photo 2: aligned"), in the screen's language."""
        if found := _STEP_ALIGNED.match(text):
            return self.tr("photo {number}: aligned").format(number=_digits(found[1]))
        if found := _STEP_MASK.match(text):
            return self.tr("photo {number}: {mask} mask").format(number=_digits(found[1]),
                                                                 mask=found[2].replace("_", " "))
        if found := _STEP_EMBEDDED.match(text):
            return self.tr("embedded %Ln faces", None, int(found[1]))
        return text

    def face_label(self, label: str) -> str:
        fixed = {"Unknown": lambda: self.tr("Unknown"),
                 "Please look at the camera": lambda: self.tr("Please look at the camera"),
                 "Please step closer and look at the camera":
                     lambda: self.tr("Please step closer and look at the camera")}
        return fixed[label]() if label in fixed else label

    def pin_refusal(self, text: str) -> str:
        staff_tries, staff_locked = _STAFF_TRIES.match(text), _STAFF_LOCKED.match(text)
        tries, locked = _TRIES.match(text), _LOCKED.match(text)
        if staff_tries:
            return self.tr("Wrong PIN. %Ln tries left.", None, int(staff_tries[1]))
        if staff_locked:
            return self.tr("Too many wrong PINs. Try again in %Ln s.", None, int(staff_locked[1]))
        if text == "Wrong worker ID or PIN.":
            return self.tr("Wrong worker ID or PIN.")
        if tries:
            return self.tr("Wrong worker ID or PIN. %Ln tries left.", None, int(tries[1]))
        if locked:
            amount = int(locked[1])
            when = self.tr("%Ln s", None, amount) if locked[2] == "s" else self.tr("%Ln min", None, amount)
            return self.tr("Too many wrong PINs for this worker ID. Try again in {when}, or see HR.").format(when=when)
        return text


_TRIES = re.compile(r"^Wrong worker ID or PIN\. (\d+) tr(?:y|ies) left\.$")
_LOCKED = re.compile(r"^Too many wrong PINs for this worker ID\. Try again in (\d+) (s|min), or see HR\.$")
_STAFF_TRIES = re.compile(r"^Wrong PIN\. (\d+) tr(?:y|ies) left\.$")
_STAFF_LOCKED = re.compile(r"^Too many wrong PINs\. Try again in (\d+) s\.$")
# The sentences of kiosk.vision.quality's photo checks, one named group per sentence (`quality_problem`).
_QUALITY = re.compile(
    r"too blurry \(face sharpness (?P<sharpness>[\d.]+), at least (?P<minimum>[\d.]+) needed\): hold the camera "
    r"still and focus on the face(?P<blurry>)$"
    r"|face too small \((?P<width>\d+) px wide, at least (?P<minimum_px>\d+) needed\): come closer or use a "
    r"larger photo(?P<small>)$"
    r"|face turned to the side \((?P<degrees>\d+) degrees, at most (?P<maximum>\d+)\): look straight at the "
    r"camera(?P<turned>)$"
    r"|head tilted up \((?P<degrees_up>\d+) degrees, at most (?P<maximum_up>\d+)\): look straight at the "
    r"camera(?P<up>)$"
    r"|head tilted down \((?P<degrees_down>\d+) degrees, at most (?P<maximum_down>\d+)\): look straight at "
    r"the camera(?P<down>)$"
    r"|a mask is worn \(mask probability (?P<probability>[\d.]+)\): remove the mask for these photos(?P<mask>)$"
    r"|eyes closed or covered \(eye opening (?P<opening>[\d.]+), at least (?P<minimum_eyes>[\d.]+)\): open "
    r"your eyes and take off dark glasses(?P<eyes>)$"
    r"|no face found: the whole face must be in the photo, facing the camera(?P<noface>)$"
    r"|(?P<count>\d+) faces found: only the person being enrolled may be in the photo(?P<faces>)$"
    r"|face too dark \(mean (?P<mean>\d+)\)(?P<dark>)$"
    r"|face too bright \(mean (?P<mean_bright>\d+)\)(?P<bright>)$")
_STEP_ALIGNED = re.compile(r"^photo (\d+): aligned$")
_STEP_MASK = re.compile(r"^photo (\d+): ([\w-]+) mask$")
_STEP_EMBEDDED = re.compile(r"^embedded (\d+) faces$")
_words: EngineMessage | None = None


def _digits(text: str) -> str:
    """A number the engine wrote ("0.42", "12") in the screen's digits, with as many decimals."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return number(float(text), decimals) if decimals else number(int(text))


def _catalogue() -> EngineMessage:
    global _words
    if _words is None:
        _words = EngineMessage()
    return _words


def value_text(value: object) -> str:
    if isinstance(value, Duration):
        return duration_text(value.minutes)
    if isinstance(value, datetime):
        return time_text(value)
    if isinstance(value, Number):
        return number(value.value, value.decimals)
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return str(value)


def render(message: Message | None) -> str:
    """The message in the installed language ("" for None)."""
    if message is None:
        return ""
    template = _catalogue().sentence(message.key, message.count)
    worded = _WORDED_VALUES.get(message.key, {})
    return template.format(**{k: worded[k](v) if k in worded else value_text(v) for k, v in message.params.items()})


def refusal_text(exc: BaseException | str) -> str:
    """Why the engine refused, for a screen: a keyed refusal (kiosk.app.messages.refusal) in the
    installed language, capitalised as the engine wrote it; a KeyError's own message; a photo's
    checks and a PIN's refusal recognised as before; other text as the engine wrote it."""
    message = refusal(exc)
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if isinstance(exc, KeyError) and exc.args:
        text = str(exc.args[0])
    if message is None:
        return pin_refusal(photo_problems(text))
    said = render(message)
    if text[:1].isupper() and not english(message)[:1].isupper():
        said = said[:1].upper() + said[1:]
    return said


# Values that are the engine's own sentences as text, worded here: a refused photo's checks.
_WORDED_VALUES = {"photo.refused": {"problems": lambda text: photo_problems(str(text))}}


def face_label(label: str) -> str:
    """A face's label from the engine: a person's name as is, the engine's fixed words translated."""
    return _catalogue().face_label(label)


def quality_problem(text: str) -> str:
    return _catalogue().quality_problem(text)


def photo_problems(text: str) -> str:
    """A refused photo ("photo 1 (file.jpg): too blurry (...); face too dark (...)") with each
    known problem in the screen's language; the photo's own label is kept as it was given."""
    first, *others = text.split("; ")
    label = ""
    for at in [i for i in range(len(first)) if first.startswith(": ", i)]:
        rest = first[at + 2:]
        if _QUALITY.match(rest[:1].lower() + rest[1:]):  # the label ends where a known problem starts
            label, first = first[:at + 2], rest
            break
    return label + "; ".join(quality_problem(p) for p in [first, *others])


def enrollment_step(text: str) -> str:
    return _catalogue().enrollment_step(text)


def pin_refusal(result_or_text) -> str:
    """A refused PIN's sentence (kiosk.security.pins and .staff_pins: wrong, N tries left, locked
    for a while) in the screen's language; a sentence this does not know is shown as the engine wrote it."""
    return _catalogue().pin_refusal(str(getattr(result_or_text, "message", result_or_text)))


# The report columns' headings (kiosk.attendance.reports DAILY_COLUMNS, MONTHLY_COLUMNS: the exports'
# English headings), marked for the translators; the sheet's headings are column_label(label).
REPORT_COLUMNS = (
    QT_TRANSLATE_NOOP("ReportColumn", "Date"), QT_TRANSLATE_NOOP("ReportColumn", "Employee ID"),
    QT_TRANSLATE_NOOP("ReportColumn", "Name"), QT_TRANSLATE_NOOP("ReportColumn", "Department"),
    QT_TRANSLATE_NOOP("ReportColumn", "Shift"), QT_TRANSLATE_NOOP("ReportColumn", "Status"),
    QT_TRANSLATE_NOOP("ReportColumn", "In"), QT_TRANSLATE_NOOP("ReportColumn", "Out"),
    QT_TRANSLATE_NOOP("ReportColumn", "Worked hours"), QT_TRANSLATE_NOOP("ReportColumn", "Worked minutes"),
    QT_TRANSLATE_NOOP("ReportColumn", "Late minutes"), QT_TRANSLATE_NOOP("ReportColumn", "Early leave minutes"),
    QT_TRANSLATE_NOOP("ReportColumn", "Missing check-out"), QT_TRANSLATE_NOOP("ReportColumn", "Closed automatically"),
    QT_TRANSLATE_NOOP("ReportColumn", "Long session"), QT_TRANSLATE_NOOP("ReportColumn", "Corrected"),
    QT_TRANSLATE_NOOP("ReportColumn", "Punches"), QT_TRANSLATE_NOOP("ReportColumn", "Notes"),
    QT_TRANSLATE_NOOP("ReportColumn", "Days present"), QT_TRANSLATE_NOOP("ReportColumn", "Days late"),
    QT_TRANSLATE_NOOP("ReportColumn", "Half days"), QT_TRANSLATE_NOOP("ReportColumn", "Absences"),
    QT_TRANSLATE_NOOP("ReportColumn", "Days off"), QT_TRANSLATE_NOOP("ReportColumn", "Holidays"),
    QT_TRANSLATE_NOOP("ReportColumn", "Missing check-outs"), QT_TRANSLATE_NOOP("ReportColumn", "Corrected days"),
)


def column_label(label: str) -> str:
    """A report column's heading in the screen's language."""
    return QCoreApplication.translate("ReportColumn", label)


# A day's flags (kiosk.attendance.daily DayRecord.flags), as the monthly sheet's notes say them.
FLAG_WORDS = {
    "late": QT_TRANSLATE_NOOP("DayFlag", "late"),
    "early_leave": QT_TRANSLATE_NOOP("DayFlag", "early leave"),
    "missing_out": QT_TRANSLATE_NOOP("DayFlag", "missing out"),
    "auto_closed": QT_TRANSLATE_NOOP("DayFlag", "auto closed"),
    "long_session": QT_TRANSLATE_NOOP("DayFlag", "long session"),
    "day_off": QT_TRANSLATE_NOOP("DayFlag", "day off"),
    "holiday": QT_TRANSLATE_NOOP("DayFlag", "holiday"),
    "worked_off_day": QT_TRANSLATE_NOOP("DayFlag", "worked off day"),
    "half_day": QT_TRANSLATE_NOOP("DayFlag", "half day"),
    "absent": QT_TRANSLATE_NOOP("DayFlag", "absent"),
    "duplicates_ignored": QT_TRANSLATE_NOOP("DayFlag", "duplicates ignored"),
    "missing_in": QT_TRANSLATE_NOOP("DayFlag", "missing in"),
}


def flag_word(flag: str) -> str:
    word = FLAG_WORDS.get(flag)
    return QCoreApplication.translate("DayFlag", word) if word else flag.replace("_", " ")
