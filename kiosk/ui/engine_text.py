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

from PySide6.QtCore import QCoreApplication

from kiosk.app.messages import Duration, Message
from kiosk.ui.i18n import duration_text, number, time_text

CONTEXT = "EngineMessage"


def _sentence(key: str, n: int) -> str:
    """The translated template of `key` (%n: the plural count)."""
    t = QCoreApplication.translate
    sentences = {
        "punch.clock_wrong": lambda: t("EngineMessage", "This kiosk's clock is wrong"),
        "punch.clock_wrong.detail": lambda: t(
            "EngineMessage", "It is {behind} behind its last punch: punches are paused. "
                             "Please tell IT to set the clock."),
        "punch.already_recorded": lambda: t("EngineMessage", "{name} - already recorded"),
        "punch.already_recorded.detail": lambda: t("EngineMessage", "No need to punch again."),
        "punch.not_active": lambda: t("EngineMessage", "{name} - not active"),
        "punch.not_active.detail": lambda: t("EngineMessage", "Please see HR."),
        "punch.queued": lambda: t("EngineMessage", "{name} - recorded {time}"),
        "punch.queued.detail": lambda: t("EngineMessage", "Saved; it is added to the records shortly."),
        "punch.break_started": lambda: t("EngineMessage", "{name} - break started {time}"),
        "punch.break_started.detail": lambda: t("EngineMessage", "Enjoy your break."),
        "punch.back_from_break": lambda: t("EngineMessage", "{name} - back from break {time}"),
        "punch.back_from_break.detail": lambda: t("EngineMessage", "Welcome back."),
        "punch.checked_out": lambda: t("EngineMessage", "{name} - checked out {time}"),
        "punch.checked_out.goodbye": lambda: t("EngineMessage", "Goodbye!"),
        "punch.checked_out.worked": lambda: t("EngineMessage", "{worked} today. Goodbye!"),
        "punch.checked_out.worked_early": lambda: t(
            "EngineMessage", "{worked} today, %n min before the end of the shift. Goodbye!", None, n),
        "punch.checked_in": lambda: t("EngineMessage", "{name} - checked in {time}"),
        "punch.checked_in.late": lambda: t("EngineMessage", "%n min late today.", None, n),
        "punch.checked_in.day_off": lambda: t("EngineMessage", "On a day off. Have a good day!"),
        "punch.checked_in.on_time": lambda: t("EngineMessage", "On time. Have a good day!"),
    }
    return sentences[key]()


def value_text(value: object) -> str:
    if isinstance(value, Duration):
        return duration_text(value.minutes)
    if isinstance(value, datetime):
        return time_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return str(value)


def render(message: Message | None) -> str:
    """The message in the installed language ("" for None)."""
    if message is None:
        return ""
    template = _sentence(message.key, message.count)
    return template.format(**{k: value_text(v) for k, v in message.params.items()})


def face_label(label: str) -> str:
    """A face's label from the engine: a person's name as is, the engine's fixed words translated."""
    t = QCoreApplication.translate
    fixed = {"Unknown": lambda: t("EngineMessage", "Unknown"),
             "Please look at the camera": lambda: t("EngineMessage", "Please look at the camera"),
             "Please step closer and look at the camera":
                 lambda: t("EngineMessage", "Please step closer and look at the camera")}
    return fixed[label]() if label in fixed else label



_TRIES = re.compile(r"^Wrong worker ID or PIN\. (\d+) tr(?:y|ies) left\.$")
_LOCKED = re.compile(r"^Too many wrong PINs for this worker ID\. Try again in (\d+) (s|min), or see HR\.$")


_STAFF_TRIES = re.compile(r"^Wrong PIN\. (\d+) tr(?:y|ies) left\.$")
_STAFF_LOCKED = re.compile(r"^Too many wrong PINs\. Try again in (\d+) s\.$")


def pin_refusal(result_or_text) -> str:
    """A refused PIN's sentence (kiosk.security.pins and .staff_pins: wrong, N tries left, locked
    for a while) in the screen's language; a sentence this does not know is shown as the engine wrote it."""
    text = getattr(result_or_text, "message", result_or_text)
    text = str(text)
    t = QCoreApplication.translate
    if match := _STAFF_TRIES.match(text):
        return t("EngineMessage", "Wrong PIN. %n tries left.", None, int(match[1]))
    if match := _STAFF_LOCKED.match(text):
        return t("EngineMessage", "Too many wrong PINs. Try again in %n s.", None, int(match[1]))
    if text == "Wrong worker ID or PIN.":
        return t("EngineMessage", "Wrong worker ID or PIN.")
    if match := _TRIES.match(text):
        return t("EngineMessage", "Wrong worker ID or PIN. %n tries left.", None, int(match[1]))
    if match := _LOCKED.match(text):
        amount = int(match[1])
        when = (t("EngineMessage", "%n s", None, amount) if match[2] == "s"
                else t("EngineMessage", "%n min", None, amount))
        return t("EngineMessage", "Too many wrong PINs for this worker ID. Try again in {when}, or see HR.").format(
            when=when)
    return text
