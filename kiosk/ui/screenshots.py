"""Screenshots of every screen at every supported screen size, each on a real X server of that
size (Debian's Xvfb, kiosk.ui.xserver) with a realistic pixel density, grabbed from the screen as
a person sees it (QScreen.grabWindow), into docs/screenshots/<W>x<H>/ (the README's pictures):

    KIOSK_MODELS_DIR=../shared/models python -m kiosk.ui.screenshots [--size 1280x800] [--out DIR]

The screens are fed real data (kiosk.ui.demo_data, built once and copied per size) and walked by
kiosk.ui.tour. Every stop is also audited (kiosk.ui.layout_audit): `--audit FILE` writes the
findings as JSON, which is what the layout tests (tests/ui/test_layout.py) read. Nothing is
written to the repository except the PNG files.

`--language fr` walks the screens in that language (kiosk.ui.i18n) into docs/screenshots/<language>/
at 1280x800 (each language's README set).

`--here` runs the walk on the current display (DISPLAY) instead: that is the child process each
size runs in (Qt cannot move a process to another screen size)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "docs" / "screenshots"

# The screens the kiosk is made for: size -> (dots per inch, the panel that has it).
SCREENS = {
    (1024, 768): (123, '10.4" 4:3 industrial touch panel'),
    (1280, 800): (149, '10.1" kiosk tablet panel'),
    (1366, 768): (100, '15.6" touch monitor'),
    (1920, 1080): (102, '21.5" touch monitor'),
    (800, 1280): (149, '10.1" panel in portrait'),
    (1080, 1920): (102, '21.5" monitor in portrait'),
}
README_SIZE = (1280, 800)  # every README picture; the other sizes keep a smaller set
README_SHOTS = ("live_checked_in", "live_already_checked_in", "live_not_sure", "live_worker_id_keypad",
                "live_no_camera", "hr_pin_first_use", "wizard_1_details", "wizard_2_photos",
                "wizard_3b_duplicate_found", "wizard_5_summary", "hr_employees", "hr_attendance",
                "hr_statistics", "hr_expert_recognition", "admin_audit_trail", "admin_security", "hr_today",
                "hr_monthly_sheet", "admin_attendance_settings", "admin_shift_dialog", "live_help", "hr_help")
OTHER_SHOTS = ("live_checked_in", "live_worker_id_keypad", "wizard_2_photos", "hr_employees",
               "hr_attendance", "hr_statistics", "hr_expert_recognition", "desk_employees")
PALETTE = 256  # colours of the stored PNGs (palette PNG: a third of the size, the UI's flat colours exact)
TIMEOUT_S = 900


def size_name(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen size such as 1280x800") from None
    return width, height


def save_png(image, path: Path) -> int:
    """A QImage as a palette PNG (PIL: median cut, dithered); returns the file's size."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture.quantize(colors=PALETTE, method=Image.Quantize.MEDIANCUT,
                     dither=Image.Dither.FLOYDSTEINBERG).save(path, optimize=True)
    return path.stat().st_size


def run_here(data_dir: Path, out: Path | None, shots: tuple[str, ...] | None, audit_file: Path | None,
             masks: bool, suffix: str = "", language: str = "en") -> int:
    """Walk every screen on this display: screenshots of `shots` (all when None) into `out`, the
    audit of every stop into `audit_file`."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app.service import KioskService
    from kiosk.app.settings import load_settings
    from kiosk.ui import accessibility, i18n, screen_fit, theme, tour
    from kiosk.ui.layout_audit import audit

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, language)
    service = KioskService(load_settings(data_dir, liveness=False))  # photos held up: liveness would refuse them
    theme.apply(app, service.settings)  # the look kiosk.toml asks for (high contrast, text size)
    screen_fit.install(app)
    accessibility.install(app)
    reports: dict[str, dict] = {}
    unnamed: dict[str, list[str]] = {}

    def visit(name: str, window) -> None:
        reports[name] = audit(window).as_dict()
        unnamed[name] = accessibility.problems(window)
        if out is not None and (shots is None or name in shots):
            size = save_png(window.screen().grabWindow(0).toImage(), out / f"{name}{suffix}.png")
            print(f"{out / name}{suffix}.png  {size // 1024} KB", flush=True)

    with tempfile.TemporaryDirectory(prefix="kiosk-tour-") as work:
        errors = {k: v for k, v in tour.run(app, service, visit, Path(work), masks=masks).items() if v}
    if audit_file is not None:
        screen = app.primaryScreen()
        geometry = screen.geometry()
        audit_file.write_text(json.dumps({
            "screen": [geometry.width(), geometry.height()], "dpi": round(screen.physicalDotsPerInch(), 1),
            "touch": theme.touch_px(screen), "scenes": reports, "unnamed": unnamed, "errors": errors,
            "look": {"high_contrast": theme.Look.high_contrast, "text_scale": theme.Look.text_scale},
            "right_to_left": app.isRightToLeft()}, indent=1, ensure_ascii=False))
    for stop, error in errors.items():
        print(f"stop {stop} failed:\n{error}", file=sys.stderr)
    return 1 if errors else 0


def run_size(size: tuple[int, int], data_dir: Path, *, out: Path | None, shots: tuple[str, ...] | None,
             audit_file: Path | None, masks: bool, dpi: int | None = None, look: dict | None = None,
             suffix: str = "", language: str = "en") -> subprocess.CompletedProcess:
    """The walk in a child process on its own Xvfb of `size` (a copy of `data_dir`: the walk
    enrolls and records); `look`: display settings for it (kiosk.app.display: high_contrast,
    text_scale), written to the copy's kiosk.toml as the accessibility page would; `suffix`
    added to the screenshots' names."""
    from kiosk.ui.xserver import XServer

    dpi = dpi or SCREENS.get(size, (96, ""))[0]
    with tempfile.TemporaryDirectory(prefix=f"kiosk-{size_name(size)}-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(data_dir, data)
        if look:
            from kiosk.app.display import check_display_settings
            from kiosk.app.settings import load_settings

            settings = load_settings(data)
            for name, value in check_display_settings(look).items():
                setattr(settings, name, value)
            settings.save()
        command = [sys.executable, "-m", "kiosk.ui.screenshots", "--here", "--data", str(data), "--language", language]
        if suffix:
            command += ["--suffix", suffix]
        if out is not None:
            command += ["--out", str(out)]
        if shots is not None:
            command += ["--shots", ",".join(shots)]
        if audit_file is not None:
            command += ["--audit", str(audit_file)]
        if not masks:
            command.append("--fast")
        with XServer(*size, dpi=dpi) as server:
            env = {**os.environ, **server.env, "PYTHONPATH": os.pathsep.join(
                filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
            return subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT_S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, action="append",
                        help="screen size WxH (repeatable; default: every size in SCREENS)")
    parser.add_argument("--out", type=Path, help=f"folder for the PNGs (default {OUT.relative_to(REPO)}/WxH)")
    parser.add_argument("--audit", type=Path, help="write the layout audit as JSON (with --size: FILE per size, "
                                                   "WxH inserted before the suffix)")
    parser.add_argument("--shots", help="comma-separated stops to photograph, or all (default: the README's set)")
    parser.add_argument("--data", type=Path, help="a data folder made by kiosk.ui.demo_data (default: built now)")
    parser.add_argument("--fast", action="store_true", help="enroll without synthetic masks (tests)")
    parser.add_argument("--no-shots", action="store_true", help="audit only")
    parser.add_argument("--here", action="store_true", help="walk on the current display (the per-size child)")
    parser.add_argument("--language", default="en", help="the screens' language (default en); other than en: "
                                                         "1280x800 into docs/screenshots/<language>/")
    parser.add_argument("--high-contrast", action="store_true", help="in the high-contrast theme")
    parser.add_argument("--text-scale", type=float, help="text size, 1.0 to 1.5 of normal")
    parser.add_argument("--suffix", default="", help="added to every screenshot's name (e.g. _high_contrast)")
    args = parser.parse_args(argv)
    shots = tuple(args.shots.split(",")) if args.shots and args.shots != "all" else None
    if args.here:
        if args.data is None:
            parser.error("--here needs --data")
        out = None if args.no_shots else args.out
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
        return run_here(args.data, out, shots, args.audit, masks=not args.fast, suffix=args.suffix,
                        language=args.language)
    look = {k: v for k, v in (("high_contrast", args.high_contrast or None), ("text_scale", args.text_scale)) if v}

    from kiosk.ui import demo_data

    translated = args.language != "en"
    sizes = args.size or ([README_SIZE] if translated else list(SCREENS))
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        data = args.data
        if data is None:
            print("building the demo data (enrolling real people)…", flush=True)
            data = Path(tmp) / "data"
            demo_data.build(data, masks=not args.fast)
        status = 0
        for size in sizes:
            out = None if args.no_shots else (args.out or OUT) / (args.language if translated else size_name(size))
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                for old in out.glob(f"*{args.suffix}.png") if not look else ():  # a look adds to the set
                    old.unlink()
            report = None
            if args.audit:
                report = args.audit.with_name(f"{args.audit.stem}_{size_name(size)}{args.audit.suffix}")
            wanted = None if args.shots == "all" else shots or (README_SHOTS if size == README_SIZE else OTHER_SHOTS)
            done = run_size(size, data, out=out, shots=wanted, audit_file=report, masks=not args.fast,
                            look=look, suffix=args.suffix, language=args.language)
            print(f"{size_name(size)}: exit {done.returncode}", flush=True)
            sys.stdout.write(done.stdout)
            if done.returncode:
                sys.stderr.write(done.stderr[-4000:])
                status = 1
            if report is not None and report.is_file():
                summary = json.loads(report.read_text())
                failing = {k: len(v["problems"]) for k, v in summary["scenes"].items() if v["problems"]}
                print(f"  audit: {len(summary['scenes'])} stops, {len(failing)} with problems {failing}")
    return status


if __name__ == "__main__":
    sys.exit(main())
