"""The screens' language: Qt's translation system over resources/i18n/kiosk_<code>.ts.

How strings flow (docs/languages.md): the screens' words are wrapped in `self.tr(...)` or
`QCoreApplication.translate("Context", ...)`; `python -m kiosk.ui.i18n update` runs PySide6's own
pyside6-lupdate over kiosk/ui into the .ts sources (committed, translated by hand); the binary .qm
files are built by pyside6-lrelease, never committed: by `python -m kiosk.ui.i18n build --installed`
at install time (installer/install.sh: beside the .ts in the installed copy, where `qm_file` looks
first), and at start-up when none is there or it is older than its .ts, into a cache folder
(KIOSK_I18N_CACHE, else $XDG_CACHE_HOME/kiosk/i18n).

`install(app, code)` puts the language in place: the kiosk's translator and Qt's own (standard
buttons), QLocale's default (dates, times and numbers: kiosk.ui.i18n.time_text, ...), and the layout
direction (right to left for Arabic). Windows built afterwards speak it; MainWindow rebuilds its
pages when the language changes at the entrance (no live retranslation of every widget)."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, Qt, QTime, QTranslator

from kiosk.app.settings import LANGUAGES, checked_language

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "i18n"
SOURCE_LANGUAGE = "en"  # the words in the code
RIGHT_TO_LEFT = ("ar",)
# The name of each language in itself (the entrance's language menu).
NATIVE_NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}

_installed: list[QTranslator] = []  # the current translators (kept alive: Qt does not own them)


def ts_path(code: str) -> Path:
    return TS_DIR / f"kiosk_{code}.ts"


def cache_dir() -> Path:
    """Where the built .qm files go (never the repository)."""
    if os.environ.get("KIOSK_I18N_CACHE"):
        return Path(os.environ["KIOSK_I18N_CACHE"]).expanduser()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "kiosk" / "i18n"


def qt_tool(name: str) -> str:
    """A PySide6 tool (pyside6-lupdate, pyside6-lrelease) of this Python's environment: its script
    beside the interpreter, else the Qt binary the PySide6 package ships (a venv that reuses
    another environment's packages has no scripts of its own), else one on PATH."""
    import shutil

    import PySide6

    here = Path(sys.executable).parent / name
    shipped = Path(PySide6.__file__).parent / name.removeprefix("pyside6-")
    for candidate in (here, shipped):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found next to {sys.executable}, in {shipped.parent} nor on PATH: "
                                f"install PySide6")
    return found


def build(code: str, out_dir: Path | None = None, *, force: bool = False) -> Path:
    """kiosk_<code>.qm from its .ts with pyside6-lrelease, unless it is already newer; returns it.
    Written to a temporary name, then renamed: a half-written .qm is never loaded."""
    source = ts_path(code)
    if not source.is_file():
        raise FileNotFoundError(f"no translation source {source}")
    out_dir = out_dir or cache_dir()
    target = out_dir / f"kiosk_{code}.qm"
    if not force and target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    out_dir.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".kiosk_{code}.", suffix=".qm", dir=out_dir)
    os.close(fd)
    try:
        subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(source), "-qm", temporary],
                       check=True, capture_output=True, text=True)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def qm_file(code: str) -> Path:
    """The .qm to load: the one built at install time beside its .ts when it is not older than the
    .ts, else the cache's (built now when missing or stale: a developer's checkout, an edited .ts)."""
    installed = TS_DIR / f"kiosk_{code}.qm"
    source = ts_path(code)
    if installed.is_file() and source.is_file() and installed.stat().st_mtime >= source.stat().st_mtime:
        return installed
    return build(code)


def locale_for(code: str) -> QLocale:
    """The language's locale; English is British English (a 24-hour clock, day before month, as
    at most sites; the code's source words are the same)."""
    return QLocale("en_GB" if code == SOURCE_LANGUAGE else code)


def install(app, code: str) -> str:
    """Make `code` the application's language (see the module's docstring); returns the code.
    A language whose .qm cannot be built is refused (ValueError)."""
    code = checked_language(code)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # English too: its .ts holds the plural forms of the %Ln sentences ("1 row", "30 rows").
    try:
        qm = qm_file(code)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ValueError(f"the {code} translation could not be built: {exc}") from exc
    own = QTranslator(app)
    if not own.load(str(qm)):
        raise ValueError(f"{qm} is not a translation file Qt can read")
    qt = QTranslator(app)  # Qt's own words (standard buttons); absent in some builds: then English
    if qt.load(locale_for(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(own)
    _installed.append(own)
    QLocale.setDefault(locale_for(code))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if code in RIGHT_TO_LEFT
                           else Qt.LayoutDirection.LeftToRight)
    app.setProperty("kiosk_language", code)
    return code


def current() -> str:
    """The language installed last ("en" before any)."""
    app = QCoreApplication.instance()
    code = app.property("kiosk_language") if app is not None else None
    return code or SOURCE_LANGUAGE


# -- dates, times and numbers in the language's own way (QLocale) -------------------------------------
def time_text(moment: datetime | time, seconds: bool = False) -> str:
    """A time of day: "14:05" in French, "2:05 PM" in English, Arabic digits in Arabic."""
    value = QTime(moment.hour, moment.minute, moment.second)
    fmt = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in fmt and "ss" not in fmt:
        fmt = fmt.replace("mm", "mm:ss", 1)
    return QLocale().toString(value, fmt)


def date_text(day: date | datetime, long: bool = False) -> str:
    """A date: short ("07/12/2026") or long ("lundi 7 décembre 2026")."""
    value = QDate(day.year, day.month, day.day)
    return QLocale().toString(value, QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat)


def day_name(day: date | datetime, long: bool = False) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat if long
                             else QLocale.FormatType.ShortFormat)


def month_name(month: int, year: int | None = None) -> str:
    name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return f"{name} {number(year, group=False)}" if year is not None else name


def number(value: float | int, decimals: int = 0, group: bool = True) -> str:
    """A number with the language's digits, decimal sign and grouping."""
    locale = QLocale()
    if not group:
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if isinstance(value, int) and decimals == 0:
        return locale.toString(value)
    return locale.toString(float(value), "f", decimals)


def plain_number(value: float | int) -> str:
    """A table's number as Python would write it (no grouping, as many decimals as it has), in the
    language's digits and decimal sign: 8.5 -> "8,5" in French, "٨٫٥" in Arabic."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(value) if isinstance(value, int) else locale.toString(float(value), "g", 12)


def duration_text(minutes: int) -> str:
    """"8 h 35 min" in the language's words and digits."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if hours:
        return QCoreApplication.translate("Duration", "{hours} h {minutes} min").format(
            hours=number(hours), minutes=QLocale().toString(rest).rjust(2, QLocale().zeroDigit()))
    return QCoreApplication.translate("Duration", "{minutes} min").format(minutes=number(rest))


# -- the tools ---------------------------------------------------------------------------------------
def sources() -> list[Path]:
    """Every Python file whose words are translated (kiosk/ui, without the developer tools)."""
    skip = {"screenshots.py", "tour.py", "layout_audit.py", "xserver.py", "demo_data.py", "i18n.py"}
    files = sorted(p for p in (REPO / "kiosk" / "ui").rglob("*.py") if p.name not in skip)
    return files + [REPO / "kiosk" / "ui" / "i18n.py"]


def update(codes=None) -> None:
    """Refresh the .ts sources from the code (pyside6-lupdate): new words come in unfinished,
    removed ones go (translators then finish the new ones; tests/ui/test_translations.py fails until then)."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for code in codes or LANGUAGES:
        plural_only = ["-pluralonly"] if code == SOURCE_LANGUAGE else []  # English: only the plural forms
        subprocess.run([qt_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *plural_only,
                        "-source-language", "en", "-target-language", code, *map(str, sources()),
                        "-ts", str(ts_path(code))], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.ui.i18n", description="the kiosk's translations")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="refresh resources/i18n/*.ts from the code (pyside6-lupdate)")
    make = sub.add_parser("build", help="build the .qm files (pyside6-lrelease), e.g. at install time")
    where = make.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, help="folder for the .qm files (default: the cache folder)")
    where.add_argument("--installed", action="store_true",
                       help="beside the .ts files, where the kiosk looks first "
                            "(an installed copy: installer/install.sh)")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    else:
        for code in LANGUAGES:
            print(build(code, TS_DIR if args.installed else args.out, force=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
