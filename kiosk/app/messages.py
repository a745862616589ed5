"""What the engine says on a screen, as a message id and its parameters, not as finished English.

Why: the screens are translated (Qt's translation system, kiosk.ui.engine_text) and the engine must
not import Qt. So the engine names the sentence (`Message.key`) and hands over the values (a name, a
moment, a count of minutes); the screen picks the sentence in the chosen language and formats the
values with that language's QLocale. `english()` renders the same message for the CLI, logs and the
tests; ENGLISH is the one list of keys (with the refusals of kiosk.common.refusals: `refusal(exc)`),
which kiosk.ui.engine_text must cover (a test checks it).

Parameter kinds: `str` as is; `datetime` a time of day (HH:MM); `Duration` a length of time
("8 h 35 min"); `Number` a measurement with its decimals; `int` a count (the screen's plural forms
use it: `Message.count`); a `Message` inside a message (a sentence that names another)."""
from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Mapping, SupportsIndex, cast

from kiosk.common.refusals import REFUSALS, Sentence, sentence_of


@dataclass(frozen=True)
class Duration:
    """A length of time in whole minutes (said "8 h 35 min")."""

    minutes: int


@dataclass(frozen=True)
class Number:
    """A measurement said with `decimals` digits after the point (a similarity, a sharpness)."""

    value: float
    decimals: int = 2


@dataclass(frozen=True)
class Message:
    """One sentence for a screen: its id in ENGLISH and the values it names."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    count_param: str = ""  # the int parameter that chooses the plural form, if any

    def __post_init__(self) -> None:
        if self.key not in ENGLISH:
            raise ValueError(f"no message {self.key!r} in kiosk.app.messages.ENGLISH")
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @property
    def count(self) -> int:
        if not self.count_param:
            return -1
        return operator.index(cast(SupportsIndex, self.params[self.count_param]))  # a whole number (numpy's too)


# The English sentences: key -> template ({param} named as in Message.params).
ENGLISH = {
    "punch.clock_wrong": "This kiosk's clock is wrong",
    "punch.clock_wrong.detail": "It is {behind} behind its last punch: punches are paused. "
                                "Please tell IT to set the clock.",
    "punch.already_recorded": "{name} - already recorded",
    "punch.already_recorded.detail": "No need to punch again.",
    "punch.not_active": "{name} - not active",
    "punch.not_active.detail": "Please see HR.",
    "punch.queued": "{name} - recorded {time}",
    "punch.queued.detail": "Saved; it is added to the records shortly.",
    "punch.break_started": "{name} - break started {time}",
    "punch.break_started.detail": "Enjoy your break.",
    "punch.back_from_break": "{name} - back from break {time}",
    "punch.back_from_break.detail": "Welcome back.",
    "punch.checked_out": "{name} - checked out {time}",
    "punch.checked_out.goodbye": "Goodbye!",
    "punch.checked_out.worked": "{worked} today. Goodbye!",
    "punch.checked_out.worked_early": "{worked} today, {early} min before the end of the shift. Goodbye!",
    "punch.checked_in": "{name} - checked in {time}",
    "punch.checked_in.late": "{late} min late today.",
    "punch.checked_in.day_off": "On a day off.",
    "punch.checked_in.on_time": "On time.",
    # The enrollment wizard's camera guidance (kiosk.app.enrollment_desk.camera_guidance).
    "guidance.no_face": "No face found: stand in front of the camera",
    "guidance.one_person": "Only one person in the picture, please",
    "guidance.closer": "Come closer to the camera",
    "guidance.centre": "Centre your face in the picture",
    "guidance.blurry": "Hold still: the picture is blurry (sharpness {sharpness})",
    "guidance.problem": "{problem}",  # a photo check's own sentence (kiosk.vision.quality), capitalised
    "guidance.good": "Good: tap “Take photo”",
    # The statistics page's line on the gallery (kiosk.recognition.selfcheck, ScreenSupport.self_check_notice).
    "selfcheck.too_few": "Site self-check: fewer than 2 people enrolled, nothing to compare.",
    "selfcheck.summary": "Site self-check: {people} people, {photos} photos; {accepted} would be accepted as "
                         "someone else ({risk}%), {unsure} unsure.",
    "selfcheck.summary_pairs": "Site self-check: {people} people, {photos} photos; {accepted} would be accepted "
                               "as someone else ({risk}%), {unsure} unsure; closest look-alikes {name} and "
                               "{other} ({score}).",
}


def hours_text(minutes: int) -> str:
    """"8 h 35 min" in English (what the CLI says; the screens use their language's words)."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def english_value(value: object) -> str:
    if isinstance(value, Duration):
        return hours_text(value.minutes)
    if isinstance(value, datetime):
        return f"{value:%H:%M}"
    if isinstance(value, Number):
        return f"{value.value:.{value.decimals}f}"
    if isinstance(value, Message):
        return english(value)
    return str(value)


def english(message: Message | None) -> str:
    """The message in English ("" for None)."""
    if message is None:
        return ""
    return ENGLISH[message.key].format(**{k: english_value(v) for k, v in message.params.items()})


# The engine's refusals (kiosk.common.refusals): the same list, so the screens must word them too.
ENGLISH |= REFUSALS


def refusal(exc: BaseException | str) -> Message | None:
    """The message of a refusal the engine raised or returned as a keyed sentence
    (kiosk.common.refusals.Sentence), for the screens to word in their language; None when it is
    plain text (then the screens show it as the engine wrote it)."""
    sentence = sentence_of(exc)
    if sentence is None:
        return None
    count = "count" if isinstance(sentence.values.get("count"), int) else ""  # a plural: the screens' %Ln
    return Message(sentence.key, {k: _value(v) for k, v in sentence.values.items()}, count)


def _value(value: object) -> object:
    return refusal(value) if isinstance(value, Sentence) else value
