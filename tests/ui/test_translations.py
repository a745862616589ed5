"""The screens' languages (kiosk.ui.i18n, resources/i18n/*.ts): every translation finished, with
the same placeholders as its English; the .ts sources in step with the code; the engine's
sentences worded for the screens; Arabic right to left; and, walking every window, page and
dialog of the kiosk (kiosk.ui.tour) under a pseudo-language, no visible word that did not go
through Qt's translation."""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from kiosk.app import messages
from kiosk.app.messages import Duration, Message, Number
from kiosk.app.settings import LANGUAGES
from kiosk.ui import engine_text, i18n

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%L?n")
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
# Qt's own file dialog: its folder list and file-type box show paths and the filter as given.
QT_OWN = {"lookInCombo", "fileTypeCombo", "fileNameEdit", "listView", "treeView", "sidebar"}


def ts_messages(path):
    """[(context, source, numerus, translation element)] of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            found.append((name, message.find("source").text, message.get("numerus") == "yes",
                          message.find("translation")))
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_translation_is_finished_with_the_same_placeholders(code):
    entries = ts_messages(i18n.ts_path(code))
    assert entries, f"{i18n.ts_path(code)} has no messages"
    problems = []
    for context, source, numerus, translation in entries:
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is {kind}")
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] if numerus else [translation.text or ""]
        for form in forms:
            if not form.strip() and source.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)) and not (
                    numerus and "%Ln" not in form and sorted(PLACEHOLDER.findall(form) + ["%Ln"])
                    == sorted(PLACEHOLDER.findall(source))):  # a plural form may say "one" in words
                problems.append(f"{context}: {source!r} -> {form!r}: placeholders differ")
    assert not problems, "\n".join(problems)


def test_the_sources_are_in_step_with_the_code(tmp_path):
    """pyside6-lupdate over the code finds exactly the messages of the committed .ts: a new word
    in the code that nobody translated fails here."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([i18n.qt_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-silent",
                    *map(str, i18n.sources()), "-ts", str(fresh)], check=True)
    in_code = {(c, s) for c, s, _, _ in ts_messages(fresh)}
    nameless = sorted(s for c, s, _, _ in ts_messages(fresh) if not c)
    assert not nameless, f"strings lupdate found without a context (a tr() it cannot place): {nameless[:10]}"
    for code in LANGUAGES:
        committed = {(c, s) for c, s, _, _ in ts_messages(i18n.ts_path(code))}
        if code == i18n.SOURCE_LANGUAGE:  # English holds only the plural forms
            in_code_plural = {(c, s) for c, s, numerus, _ in ts_messages(fresh) if numerus}
            assert committed == in_code_plural, "kiosk_en.ts: run python -m kiosk.ui.i18n update"
            continue
        missing, stale = in_code - committed, committed - in_code
        assert not missing and not stale, (
            f"kiosk_{code}.ts is behind the code (python -m kiosk.ui.i18n update, "
            f"then translate): missing {sorted(missing)[:10]}, stale {sorted(stale)[:10]}"
        )


def test_every_engine_sentence_is_worded_for_the_screens_and_reads_the_same_in_english(qapp):
    for message in engine_messages():
        assert engine_text.render(message) == messages.english(message), message.key


ENGINE_VALUES = {"name": "Ada Lovelace", "time": datetime(2026, 12, 7, 8, 57), "behind": Duration(75),
                 "worked": Duration(515), "early": 12, "late": 12, "sharpness": Number(12.34, 1),
                 "problem": "Face too dark (mean 31)", "people": 9, "photos": 27, "accepted": 1,
                 "risk": Number(3.7037, 2), "unsure": 2, "other": "Li Na", "score": Number(0.234, 2),
                 # the refusals' values (kiosk.common.refusals)
                 "minimum": 4, "maximum": 6, "length": 20, "groups": 4, "worker_id": "'W1024'",
                 "mobile": "'12'", "shift": "'Nights'", "shifts": "Day, Late", "since": "2026-11-30T17:00:00",
                 "day": "2026-03-29", "zone": "Europe/Paris", "left": "2026-11-30", "moment": "2026-12-07 08:57",
                 "direction": "in", "minutes": 2, "punch": "1042", "by": "hr", "seconds": 90, "label": "photo 1",
                 "size": "12.5", "limit": 40, "width": 64, "height": 48, "megapixels": 52, "path": "/tmp/a.jpg",
                 "target": "/tmp/b.jpg", "reason": "No space left on device", "kind": "XLSX",
                 "camera": "'/dev/video9'", "holder": "w1024 (Ada Lovelace)", "setting": "high_contrast",
                 "value": "'maybe'", "choices": "en, fr, ar", "scale": 200, "volume": 200, "count": 3,
                 "problems": "face too dark (mean 31); face too small (40 px wide, at least 80 needed): come closer "
                             "or use a larger photo", "waiting": "3 records waiting",
                 "end": "08:00", "start": "17:00", "hours": "25.5", "half": "5", "full": "4", "department": "'Stores'"}


def engine_messages() -> list[Message]:
    """Every engine sentence (kiosk.app.messages.ENGLISH) with sample values."""
    found = []
    for key, template in messages.ENGLISH.items():
        names = re.findall(r"\{([a-z_]+)\}", template)
        count = next((n for n in names if n in ("early", "late", "count")), "")
        values = {n: ENGINE_VALUES[n] for n in names} | ({"count": 1} if key.endswith(".one") else {})
        found.append(Message(key, values, count))
    return found


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_a_translation_changes_the_entrance_and_the_engine_sentences(qapp, code):
    try:
        i18n.install(qapp, code)
        same = [m.key for m in engine_messages()
                if m.key not in ("guidance.problem", "setting.refused")  # the photo check's, the setting's own words
                and engine_text.render(m) == messages.english(m)]
        assert not same, f"engine sentences still in English in {code}: {same}"
        assert engine_text.pin_refusal("Wrong worker ID or PIN. 2 tries left.") != \
            "Wrong worker ID or PIN. 2 tries left."
        assert QLocale().name().startswith(code)
    finally:
        i18n.install(qapp, "en")


def test_arabic_lays_the_screens_out_right_to_left_with_its_own_digits(qtbot, make_service):
    from kiosk.ui.main_window import MainWindow

    app = QCoreApplication.instance()
    service = make_service()
    try:
        i18n.install(app, "ar")
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window = MainWindow(service, "no-such-camera.avi", backoff=(5.0,))
        qtbot.addWidget(window)
        window.show()
        assert window.isRightToLeft() and window.live.isRightToLeft()
        assert window.live.hours_button.text() == "ساعاتي"
        assert i18n.number(12) == "١٢"  # Arabic-Indic digits through QLocale
        from kiosk.ui.pages.common import fill_table, make_table, select_key, selected_key

        table = make_table(["a", "b"])  # a row chosen by the code is selected right to left too
        qtbot.addWidget(table)
        fill_table(table, [["x", "1"], ["y", "2"]], keys=["X", "Y"])
        assert select_key(table, "Y") and selected_key(table) == "Y"
        window.set_language("en")  # the entrance's language menu: the pages are built again, left to right
        assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.live.hours_button.text() == "My hours" and not window.live.isRightToLeft()
        window.set_language("fr")
        assert window.live.hours_button.text() == "Mes heures"
        assert window.live.language_button.text() == "FR" and window.live.language_button.toolTip() == "Français"
        window.exit_allowed = True
        window.close()
    finally:
        i18n.install(app, "en")


class PseudoLanguage(QTranslator):
    """A word that went through Qt's translation and has a translation in `reference` (the French
    .qm, under the same context) comes back marked: a visible word without the mark was never
    translated, or asked for under a context the .ts does not have it in."""

    def __init__(self, reference: QTranslator, parent=None):
        super().__init__(parent)
        self.reference = reference

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's signature
        if not self.reference.translate(context, source, disambiguation, n):
            return ""  # not in the .ts under this context: Qt carries on with the source text
        return MARK_OPEN + source + MARK_CLOSE

    def isEmpty(self):  # noqa: N802 - Qt name
        return False


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(widget, text) of every visible text a person reads in `window`."""
    found = []
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.objectName() in QT_OWN:
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow() and widget.windowTitle():
            found.append((where + ".windowTitle", widget.windowTitle()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
        if isinstance(widget, QLineEdit) and not widget.text():
            found.append((where + ".placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox) and not widget.isEditable():
            found.append((where, widget.currentText()))
        if isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                if item is not None:
                    found.append((where + ".header", item.text()))
    return [(w, t) for w, t in found if t and t.strip()]


def untranslated(text: str, data_words: set[str]) -> list[str]:
    """The words of `text` outside every marked part that are not data (names, IDs, zones...)."""
    outside, innermost = text, re.compile(f"{MARK_OPEN}[^{MARK_OPEN}{MARK_CLOSE}]*{MARK_CLOSE}")
    while innermost.search(outside):  # a translated sentence may hold translated words
        outside = innermost.sub(" ", outside)
    words = re.findall(r"[^\W\d_][\w'’-]*", outside)
    return [w for w in words if w.casefold() not in data_words and len(w) > 1]


def data_words(service) -> set[str]:
    """Words that are the kiosk's data, shown as they are: people, IDs, departments, shifts,
    time zones, models, file names, the units and programme names nobody translates, each
    language's own name (the language menu), and QLocale's day and month names (the locale's
    words, not the kiosk's)."""
    words = set()
    locale = QLocale()
    for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat, QLocale.FormatType.NarrowFormat):
        words.update(locale.dayName(d, form).casefold() for d in range(1, 8))
        words.update(locale.monthName(m, form).casefold() for m in range(1, 13))
        words.update(locale.standaloneMonthName(m, form).casefold() for m in range(1, 13))
    words.update(name.casefold() for name in i18n.NATIVE_NAMES.values())
    words.update(LANGUAGES)  # the language button shows the code
    texts = [service.pipeline.description, str(service.settings.data_dir)]
    for row in service.db.list_employees(include_inactive=True):
        texts += [str(row.get(k) or "") for k in ("id", "name", "department", "mobile", "shift")]
    texts += service.timesheet.shift_names() + service.timesheet.time_zones()
    texts += ["kiosk models calibrate toml OK CSV XLSX AES GCM PIN HR kiosk.toml"]
    for text in texts:
        words.update(w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", text))
    return words


def test_every_visible_text_of_every_screen_goes_through_translation(qapp, shared_pipeline, tmp_path):
    """The whole walk (every window, HR page and dialog, kiosk.ui.tour) under a pseudo-language:
    every visible text is marked (translated, and found in the .ts under the context the code asks
    for), apart from data (names, IDs, dates, numbers)."""
    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.ui import demo_data, tour

    data = tmp_path / "data"
    demo_data.build(data, masks=False, pipeline=shared_pipeline)
    service = KioskService(load_settings(data, liveness=False))
    reference = QTranslator(qapp)
    assert reference.load(str(i18n.build("fr")))
    pseudo = PseudoLanguage(reference, qapp)
    qapp.installTranslator(pseudo)
    problems: dict[str, list[str]] = {}
    try:
        known = data_words(service)

        def visit(name: str, window: QWidget) -> None:
            known.update(data_words(service))  # the walk enrolls a person on the way
            tops = [window] + [w for w in qapp.topLevelWidgets() if w.isVisible() and w is not window]
            for top in tops:
                for where, text in visible_texts(top):
                    words = untranslated(text, known)
                    if words:
                        problems.setdefault(name, []).append(f"{where}: {text!r} ({', '.join(words)})")

        work = tmp_path / "work"
        work.mkdir()
        errors = {k: v for k, v in tour.run(qapp, service, visit, work, masks=False).items() if v}
    finally:
        qapp.removeTranslator(pseudo)
        service.close()
    assert not errors, f"stops failed: {list(errors)}\n{next(iter(errors.values()), '')}"
    report = "\n".join(f"{stop}:\n  " + "\n  ".join(sorted(set(lines))) for stop, lines in problems.items())
    assert not problems, f"visible text that Qt's translation never saw:\n{report}"


def test_the_photo_checks_and_enrollment_steps_are_said_in_the_language(qapp):
    """The wizard's engine sentences below kiosk.app (kiosk.vision.quality's problems,
    kiosk.enrollment's progress) are recognised and translated; an unknown one is shown as is."""
    refused = ("photo 1 (a.jpg): too blurry (face sharpness 12.3, at least 40 needed): hold the camera still "
               "and focus on the face; face too dark (mean 31)")
    try:
        i18n.install(qapp, "fr")
        said = engine_text.photo_problems(refused)
        assert said.startswith("photo 1 (a.jpg): trop flou") and "12,3" in said and "visage trop sombre" in said
        assert engine_text.enrollment_step("photo 2: aligned") == "photo 2 : alignée"
        assert engine_text.enrollment_step("embedded 3 faces") == "3 visages encodés"
        assert engine_text.photo_problems("something new") == "something new"
    finally:
        i18n.install(qapp, "en")
    assert engine_text.photo_problems(refused) == refused  # English reads as the engine wrote it
