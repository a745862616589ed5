"""Starting the Qt kiosk: arguments, the application object, the style, the window."""
from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import time
from pathlib import Path

from kiosk.app.settings import load_settings
from kiosk.common.fsutil import atomic_write_text
from kiosk.common.private import private_process

STATUS_EVERY_MS = 5000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Face-recognition attendance kiosk")
    parser.add_argument("--kiosk", action="store_true", help="full screen, for the entrance touchscreen")
    parser.add_argument("--hr", action="store_true",
                        help="HR desk: the HR screens and the enrollment wizard on the same data, no live "
                             "camera page (photos from files, or from --camera if given)")
    parser.add_argument("--camera", metavar="SRC",
                        help="device index, video file or stream URL (default: settings.camera; "
                             "with --hr: none)")
    parser.add_argument("--data-dir", metavar="DIR", help="folder with embeddings/, attendance.db, kiosk.toml")
    parser.add_argument("--loop", action="store_true", help="replay a video file source when it ends")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="close after this long and print frame counts (measurements)")
    parser.add_argument("--status", type=Path, metavar="FILE",
                        help="write the live screen's counters to FILE (JSON) every 5 s and at the end "
                             "(measurements: benchmarks/soak_gui.py)")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def create_application(settings, kiosk_mode: bool):
    """The QApplication with the kiosk's style and, when wanted, the on-screen keyboard (which
    has to be chosen before the application exists: kiosk.ui.keyboard)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui import accessibility, i18n, keyboard, screen_fit, theme

    choice = keyboard.prepare(settings.on_screen_keyboard, kiosk_mode)
    if kiosk_mode or settings.on_screen_keyboard != "auto":
        print(choice.reason, file=sys.stderr)  # a missing keyboard is said at every start
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    theme.apply(app, settings)  # high contrast, text size (kiosk.app.display)
    i18n.install(app, settings.language)  # the translator, QLocale and the layout direction
    screen_fit.install(app)
    accessibility.install(app)
    keyboard.install(app)
    return app


def main(argv: list[str] | None = None) -> int:
    private_process()  # the database, the gallery, exports and logs: the kiosk user's only
    args = parse_args(argv)
    if args.hr and args.kiosk:
        print("error: --hr is the HR desk window, --kiosk the entrance full screen: choose one", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from PySide6.QtCore import QTimer

    from kiosk.app.service import KioskService
    from kiosk.ui.main_window import MainWindow

    try:
        settings = load_settings(args.data_dir)  # before the application: it says which keyboard
        app = create_application(settings, kiosk_mode=args.kiosk)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    service = KioskService(settings)
    from kiosk.ui.first_run import run_first_run

    if not run_first_run(service, kiosk_mode=args.kiosk):  # a new kiosk is set up before it opens
        service.close()
        print("kiosk: not set up yet (no admin PIN): the set-up screen was closed; nothing was saved",
              file=sys.stderr)
        return 1
    if args.hr:
        from kiosk.ui.hr_window import HrWindow

        window = HrWindow(service, args.camera)
    else:
        window = MainWindow(service, args.camera or settings.camera, loop=args.loop, kiosk_mode=args.kiosk)

    def quit_app(*_):  # the terminal's Ctrl+C and --quit-after are the operator's own: no PIN
        window.exit_allowed = True
        app.quit()

    from kiosk.ui.screen_fit import present

    present(window, args.kiosk)
    window.start()
    signal.signal(signal.SIGINT, quit_app)  # Ctrl+C in the terminal closes cleanly
    started = time.monotonic()
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), quit_app)
    status = args.status if not args.hr else None

    def write_status(finished: bool = False) -> None:
        atomic_write_text(status, json.dumps({**live_counters(window, started), "finished": finished}))

    if status:
        QTimer(window, interval=STATUS_EVERY_MS, timeout=write_status).start()
    code = app.exec()
    elapsed = time.monotonic() - started
    window.shutdown()
    if status:
        write_status(finished=True)
    if args.quit_after and args.hr:
        print(f"ran {elapsed:.1f} s: HR desk on {settings.data_dir}, camera "
              f"{'none' if window.capture is None else window.capture.source.describe()}, face models "
              f"{'not loaded: ' + window.models_error if window.models_error else 'loaded'}")
    elif args.quit_after:
        c = live_counters(window, started)
        ready = c["models_ready_after_s"]
        since_ready = elapsed - ready if ready is not None else 0.0
        print(f"ran {elapsed:.1f} s: captured {c['frames_captured']} frames, drew {c['frames_drawn']} "
              f"({c['frames_drawn'] / elapsed:.1f} fps); models ready after "
              f"{ready if ready is not None else float('nan'):.1f} s, then recognised {c['frames_recognised']} "
              f"frames in {since_ready:.1f} s ({c['frames_recognised'] / since_ready if since_ready else 0:.1f} fps); "
              f"dropped {c['frames_dropped']} stale frames; check-ins {c['checkins']}; model {c['model']}")
    return code


def live_counters(window, started: float) -> dict:
    """The live screen's counters since `started` (what --quit-after prints and --status writes).
    `none_refs`: references to None, which a Qt binding that leaks them (PySide6 6.12.0 on Python
    3.11) runs down to zero, aborting the kiosk; flat on a sound one."""
    ready = window.live.models_ready_at
    return {"seconds": round(time.monotonic() - started, 2), "camera": window.capture.state,
            "frames_captured": window.capture.frames_read, "frames_drawn": window.live.video.frames_drawn,
            "paint_events": window.live.video.paints,
            "models_ready_after_s": round(ready - started, 2) if ready else None,
            "frames_recognised": window.worker.processed, "frames_dropped": window.mailbox.dropped,
            "checkins": window.live.metrics["checkins"], "model": window.live.model or window.live.model_error,
            "none_refs": sys.getrefcount(None)}
