"""The HR area's part of the screen walk (kiosk.ui.tour): every page for the administrator and for
HR, every HR dialog (each answered No or Cancel: the walk changes nothing it is not meant to), the
window when not full screen and the HR desk. A mixin of Tour: it uses the tour's `visit`,
`answering`, `app` and `work`."""
from __future__ import annotations

from datetime import date, timedelta

import cv2
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kiosk.ui.demo_data import FACES, IDENTITIES, PIN_PERSON
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.pages.common import select_row
from kiosk.ui.tour_support import NEW_PERSON, load_image, side_by_side, wait_until

# The HR area's pages and the names their pictures have in the README.
README_NAMES = {"employees": "hr_employees", "today": "hr_today", "attendance": "hr_attendance",
                "monthly": "hr_monthly_sheet", "stats": "hr_statistics", "expert": "hr_expert_recognition",
                "audit": "admin_audit_trail", "security": "admin_security",
                "attendance_settings": "admin_attendance_settings", "accessibility": "hr_accessibility",
                "help": "hr_help"}
HR_ROLE_NAMES = {k: "hr_role_" + v[3:] for k, v in README_NAMES.items() if v.startswith("hr_")}
WINDOWED_NAMES = {k: "windowed_" + v for k, v in README_NAMES.items()}
DESK_NAMES = {"employees": "desk_employees", "today": "desk_today", "attendance": "desk_attendance",
              "monthly": "desk_monthly_sheet", "stats": "desk_statistics", "expert": "desk_expert_recognition",
              "accessibility": "desk_accessibility", "help": "desk_help"}


class HrAreaVisits:
    """Tour's visits of the HR area; `names` map a page to the stop it is visited as."""

    # -- the HR area --------------------------------------------------------------------------
    def hr_area(self, window, role: str, names: dict[str, str], summary: bool = False) -> None:
        """Every page of the HR area that `role` sees, visited under `names[page]`."""
        window.show_admin(role)
        self.pages(window.admin, window, role, names, summary)
        window.show_live()

    def pages(self, admin, window, role: str, names: dict[str, str], summary: bool = False) -> None:
        employees = admin.open("employees")
        employees.select(PIN_PERSON)
        employees.learned.list.setCurrentRow(0)  # the PIN check-in's mask, waiting for approval
        self.visit(names["employees"], window)
        admin.open("today")
        self.visit(names["today"], window)
        attendance = admin.open("attendance")
        attendance.start.setDate(date.today() - timedelta(days=13))
        attendance.events.setChecked(True)
        self.visit(names["attendance"], window)
        if summary:
            attendance.summary.setChecked(True)
            self.visit(names["attendance"] + "_summary", window)
            attendance.events.setChecked(True)
        monthly = admin.open("monthly")
        if monthly.table.rowCount():
            select_row(monthly.table, 0)  # a person's days under the month
        self.visit(names["monthly"], window)
        admin.open("stats")
        self.visit(names["stats"], window)
        expert = admin.open("expert")
        if expert.results is None:
            group = self.work / "group.jpg"  # two enrolled people (photos never enrolled) and a stranger
            _, _, _, folder, _, _ = NEW_PERSON
            cv2.imwrite(str(group), side_by_side([load_image(folder / "img5.jpg"),
                                                  load_image(IDENTITIES / "obama" / "obama3.jpg"),
                                                  load_image(IDENTITIES / "biden" / "biden2.jpg")]))
            expert.open_path(group)
            wait_until(self.app, lambda: expert.results is not None, what="expert recognition")
        self.visit(names["expert"], window)
        admin.open("accessibility")
        self.visit(names["accessibility"], window)
        admin.open("help")
        self.visit(names["help"], window)
        if role == "admin":
            audit = admin.open("audit")
            audit.verify()
            self.visit(names["audit"], window)
            admin.open("security")
            self.visit(names["security"], window)
            settings = admin.open("attendance_settings")
            self.visit(names["attendance_settings"], window)
            if summary:  # its other sections, once
                for section in ("checkouts", "shifts", "departments", "holidays"):
                    settings.show_section(section)
                    self.visit(f"{names['attendance_settings']}_{section}", window)
                settings.show_section("punches")
        admin.open("employees")

    def hr_dialogs(self, window) -> None:
        window.show_admin("admin")
        admin = window.admin
        employees = admin.open("employees")
        employees.select("E2001")
        dialog = employees.open_pin_dialog()
        self.visit("hr_set_pin_dialog", dialog)
        dialog.reject()
        details = employees.open_edit_dialog()
        self.visit("hr_edit_details_dialog", details)
        details.reject()
        attendance = admin.open("attendance")
        attendance.start.setDate(date.today() - timedelta(days=13))
        attendance.employee.setCurrentIndex(attendance.employee.findData("E2001"))
        add = attendance.open_add_punch()
        self.visit("hr_add_punch_dialog", add)
        add.reject()
        select_row(attendance.table, 0)
        void = attendance.open_void_punch()
        self.visit("hr_void_punch_dialog", void)
        void.reject()
        attendance.employee.setCurrentIndex(0)
        admin.open("employees")
        with self.answering(QMessageBox, "hr_mark_left_confirm"):  # answered No: nobody leaves
            employees.toggle_left()

        with self.answering(QMessageBox, "hr_delete_confirm"):  # the page's own question, answered No
            employees.delete_selected()

        attendance = admin.open("attendance")
        export = attendance.open_export()
        export.export(self.work / "attendance.csv")
        self.visit("hr_export_dialog", export)
        export.reject()
        export = admin.open("monthly").open_export("monthly")
        export.choose(fmt="xlsx")
        export.export(self.work / "monthly.xlsx")
        self.visit("hr_export_monthly_dialog", export)
        export.reject()
        shift = admin.open("attendance_settings").open_shift_dialog("day")
        self.visit("admin_shift_dialog", shift)
        shift.reject()

        security = admin.open("security")
        with self.answering(PinDialog, "admin_set_hr_pin"):
            security.change_pin("hr")

        admin.open("expert")
        picker = QFileDialog(window, QCoreApplication.translate("ExpertPage", "Open an image"), str(FACES),
                             QCoreApplication.translate("ExpertPage", "Images") + " (*.jpg *.jpeg *.png)")
        picker.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        picker.open()
        self.visit("hr_open_image_dialog", picker)
        picker.reject()
        window.show_live()

    # -- windowed and at the HR desk ------------------------------------------------------------
    def windowed(self, window) -> None:
        self.visit("windowed_live", window)
        self.hr_area(window, "admin", WINDOWED_NAMES)

    def desk(self, desk) -> None:
        self.visit("desk_sign_in", desk)
        desk.show_admin("hr")
        self.pages(desk.admin, desk, "hr", DESK_NAMES)
        desk.sign_out()
        desk.show_admin("admin")
        admin = desk.admin
        admin.open("audit")
        self.visit("desk_admin_audit_trail", desk)
        admin.open("security")
        self.visit("desk_admin_security", desk)
        desk.sign_out()
