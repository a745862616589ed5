"""The kiosk in kiosk mode with its on-screen keyboard, for tests/ui/test_on_screen_keyboard.py.

Run as a program on an X server (`python -m tests.ui.osk_session DATA_DIR`): it starts the way
main.py --kiosk does (kiosk.ui.app.create_application, then the full-screen MainWindow) and opens
the HR screens; the test taps and types with xdotool, as a finger would, and asks over stdin
where things are. Each command line gets one JSON line back:

    where NAME      the widget's rectangle on the screen (search, enroll, name, mobile, pin, ...)
    keyboard        whether the keyboard shows, its rectangle, and the centre of each key
    text NAME       what the field holds (`checked NAME`: whether a radio button is)
    click NAME      press a button (Enroll new opens the wizard)
    select ID       select a person on the Employees page; `people`: who is enrolled
    page NAME       open an HR page (attendance: its Export opens a dialog with a field low down)
    memory          resident memory (kB) and seconds from start-up to the keyboard's first show
"""
from __future__ import annotations

import json
import queue
import sys
import threading
import time

T0 = time.monotonic()


def key_centres(window) -> dict[str, list[int]]:
    """The keys of Qt Virtual Keyboard's window (a QQuickWindow) and their centres on the screen."""
    import shiboken6
    from PySide6.QtQuick import QQuickWindow

    view = shiboken6.wrapInstance(shiboken6.getCppPointer(window)[0], QQuickWindow)
    found: dict[str, list[int]] = {}
    origin = view.geometry().topLeft()

    def walk(item) -> None:
        for child in item.childItems():
            key, text = child.property("key"), child.property("text")
            if key is not None and text is not None and child.isVisible() and child.width() > 0:
                centre = child.mapToScene(child.boundingRect().center())
                name = text or child.metaObject().className().split("_")[0]  # ShiftKey, BackspaceKey...
                found.setdefault(name, [origin.x() + round(centre.x()), origin.y() + round(centre.y())])
            walk(child)

    walk(view.contentItem())
    return found


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow

    from kiosk.app.settings import load_settings
    from kiosk.ui.app import create_application

    settings = load_settings(sys.argv[1])
    app = create_application(settings, kiosk_mode=True)
    from kiosk.app.service import KioskService
    from kiosk.ui.main_window import MainWindow

    window = MainWindow(KioskService(settings), camera="", kiosk_mode=True)
    window.showFullScreen()
    window.show_admin("hr")
    employees = window.admin.employees
    shown_at: list[float] = []
    method = QGuiApplication.inputMethod()
    method.visibleChanged.connect(lambda: shown_at or not method.isVisible() or shown_at.append(time.monotonic()))

    def widget(name: str):
        wizard = employees.wizard
        details = wizard.details if wizard is not None else None
        rename = getattr(employees, "rename_dialog", None)
        export = window.admin.attendance.export_dialog
        return {"search": employees.search, "enroll": employees.enroll_button, "rename": employees.rename_button,
                "name": getattr(details, "name", None), "mobile": getattr(details, "mobile", None),
                "pin": getattr(details, "pin", None), "worker_id": getattr(details, "worker_id", None),
                "wizard_cancel": wizard.button(wizard.WizardButton.CancelButton) if wizard else None,
                "new_id": getattr(rename, "new_id", None), "export": window.admin.attendance.export_button,
                "save_as": getattr(export, "path", None),
                "summary": (getattr(export, "kinds", None) or {}).get("daily")}[name]  # the daily report's radio button

    def answer(line: str) -> object:
        command, _, name = line.partition(" ")
        if command == "where":
            w = widget(name)
            top_left = w.mapToGlobal(w.rect().topLeft())
            return {"x": top_left.x(), "y": top_left.y(), "w": w.width(), "h": w.height(),
                    "visible": w.isVisible(), "focus": w.hasFocus(), "active": w.window().isActiveWindow()}
        if command == "text":
            return widget(name).text()
        if command == "checked":
            return widget(name).isChecked()
        if command == "keyboard":
            rect = method.keyboardRectangle().toRect()
            views = [w for w in QGuiApplication.allWindows()
                     if w.isVisible() and w.metaObject().inherits(QQuickWindow.staticMetaObject)]
            return {"visible": method.isVisible(), "rect": [rect.x(), rect.y(), rect.width(), rect.height()],
                    "keys": key_centres(views[0]) if views and method.isVisible() else {}}
        if command == "memory":
            with open("/proc/self/status") as status:
                rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            return {"rss_kb": rss, "keyboard_first_shown_s": (shown_at[0] - T0) if shown_at else None}
        if command == "click":  # a button the screen's layout may not show yet at this size
            widget(name).click()
            return "clicked"
        if command == "page":
            window.admin.open(name)
            return name
        if command == "select":
            employees.select(name)
            return employees.selected_id()
        if command == "people":
            return sorted(r.user_id for r in employees.service.people())
        if command == "quit":
            window.exit_allowed = True
            app.quit()
            return "bye"
        return {"error": f"unknown command {line!r}"}

    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in sys.stdin], daemon=True).start()

    def serve() -> None:
        while not lines.empty():
            line = lines.get()
            try:
                reply = answer(line)
            except Exception as exc:  # the test shows it
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(reply), flush=True)

    timer = QTimer(interval=20, timeout=serve)
    timer.start()
    print(json.dumps({"ready": True, "started_s": time.monotonic() - T0}), flush=True)
    code = app.exec()
    window.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
