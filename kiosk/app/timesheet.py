"""Time and attendance for the screens and the CLI (`service.timesheet`): punches and HR's
corrections (audited), the attendance derived from them (kiosk.attendance.daily / reports, never
stored), what the entrance tells a person after a punch, their own week after a PIN, the payroll
exports, and the attendance settings (validated, then written to kiosk.toml).

Why a component: the screens reach the engine through the service only, and these pieces share
one policy (shifts, zone, holidays) that must follow the settings the moment they are saved.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import available_timezones

from kiosk.app.messages import Duration, Message, english
from kiosk.app.settings import Settings, coerce_setting
from kiosk.attendance.clock import instant_at, utc_now
from kiosk.attendance.daily import DayRecord
from kiosk.attendance.db import CHECKED_IN, CLOCK_BACK, COOLDOWN, INACTIVE, CheckIn
from kiosk.attendance.export import export_attendance_csv, export_daily_summary_csv
from kiosk.attendance.outbox import QUEUED
from kiosk.attendance.punches import BREAK_IN, BREAK_OUT, OUT, PunchRule
from kiosk.attendance.reports import (
    DAILY_COLUMNS,
    MONTHLY_COLUMNS,
    MonthSummary,
    TodayBoard,
    daily_rows,
    daily_table,
    month_bounds,
    monthly_summary,
    monthly_values,
    table_rows,
    today_board,
)
from kiosk.attendance.shifts import AttendancePolicy, policy_from_settings
from kiosk.attendance.spreadsheet import SheetWording, write_table
from kiosk.common.refusals import Sentence, sentence_of
from kiosk.security.audit import EXPORT, PUNCH_ADD, PUNCH_VOID, SETTING_CHANGE

# The settings the attendance settings page edits (kiosk.app.settings.Settings fields).
ATTENDANCE_SETTINGS = ("time_zone", "punch_mode", "punch_out_after", "punch_choice_seconds", "cooldown_seconds",
                       "auto_close_out", "auto_close_after_minutes", "max_session_hours", "default_shift",
                       "shifts", "department_shifts", "holidays")
EXPORT_KINDS = ("punches", "daily", "monthly")
PUNCH_EXPORT_COLUMNS = ("Date", "Time", "Employee ID", "Name", "Direction", "How", "Kiosk", "UTC", "Time zone",
                        "UTC offset (min)", "Reason", "Added by", "Voided at", "Void reason", "Voided by")


@dataclass(frozen=True)
class WeekView:
    """A person's own week, shown at the entrance after their PIN."""

    employee_id: str
    name: str
    days: tuple[DayRecord, ...]

    @property
    def total_minutes(self) -> int:
        return sum(d.worked_minutes for d in self.days)


class Timesheet:
    """`service.timesheet`: everything attendance beyond recording a punch."""

    def __init__(self, service) -> None:
        self.service = service
        self._policy: tuple[tuple, AttendancePolicy] | None = None

    # -- the policy the settings make -------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.service.settings

    @property
    def policy(self) -> AttendancePolicy:
        """Built from the settings; rebuilt when they change (the settings page, kiosk.toml)."""
        key = tuple(repr(getattr(self.settings, name)) for name in ATTENDANCE_SETTINGS)
        if self._policy is None or self._policy[0] != key:
            self._policy = (key, policy_from_settings(self.settings))
        return self._policy[1]

    @property
    def mode(self) -> str:
        return self.service.db.punch_rule.mode

    @property
    def choice_seconds(self) -> int:
        """How long the entrance offers IN / OUT / Break after a punch (0: not offered)."""
        rule = self.service.db.punch_rule
        return rule.choice_seconds if rule.mode == "choose" else 0

    def shift_names(self) -> list[str]:
        return sorted(self.policy.shifts)

    @staticmethod
    def time_zones() -> list[str]:
        return sorted(available_timezones())

    # -- punches and corrections -----------------------------------------------------------------

    def punches(self, start: date, end: date, employee_id: str | None = None,
                include_voided: bool = False) -> list[dict]:
        return self.service.db.punches(start, end, employee_id, include_voided=include_voided)

    def _by(self) -> str:
        actor = self.service.actor
        return f"{actor.role}:{actor.name}" if actor.name and actor.name != actor.role else actor.role

    def add_punch(self, employee_id: str, when: datetime, direction: str, reason: str) -> dict:
        """HR adds a missing punch (refusals: kiosk.attendance.corrections); on the audit trail."""
        user_id = self.service.typed_id(employee_id)
        row = self.service.db.add_punch(user_id, when, direction, reason, by=self._by())
        self.service.audit_event(PUNCH_ADD, user_id, punch=row["id"], time=row["timestamp"], zone=row["tz"],
                                 direction=direction, reason=row["reason"])
        return row

    def void_punch(self, punch_id: int, reason: str) -> dict:
        row = self.service.db.void_punch(int(punch_id), reason, by=self._by())
        self.service.audit_event(PUNCH_VOID, row["employee_id"], punch=row["id"], time=row["timestamp"],
                                 direction=row["direction"], reason=row["void_reason"])
        return row

    def choose_direction(self, punch_id: int, direction: str) -> dict:
        """The person's own tap on IN / OUT / Break just after the punch ("choose" mode)."""
        return self.service.db.set_direction(int(punch_id), direction)

    # -- derived attendance -----------------------------------------------------------------------

    def _inputs(self, start: date, end: date, employee_id: str | None) -> tuple[list[dict], list[dict]]:
        """Employees and their punches from the day before `start` to the day after `end` (a
        night shift's punches straddle the dates)."""
        db = self.service.db
        if employee_id is None:
            employees = db.list_employees(include_inactive=True)
        else:  # one person (the entrance's message after each punch): their row only, not everyone's
            employees = [row] if (row := db.get_employee(employee_id)) is not None else []
        punches = db.punches(start - timedelta(days=1), end + timedelta(days=1), employee_id, include_voided=True)
        return employees, punches

    def daily(self, start: date, end: date, employee_id: str | None = None,
              now: datetime | None = None) -> list[DayRecord]:
        employees, punches = self._inputs(start, end, employee_id)
        return daily_rows(employees, punches, self.policy, start, end, now)

    def monthly(self, year: int, month: int, employee_id: str | None = None,
                now: datetime | None = None) -> list[MonthSummary]:
        return self.monthly_range(*month_bounds(year, month), employee_id, now)

    def monthly_range(self, start: date, end: date, employee_id: str | None = None,
                      now: datetime | None = None) -> list[MonthSummary]:
        """The monthly sheet's totals per person over any range of days."""
        employees, punches = self._inputs(start, end, employee_id)
        return monthly_summary(employees, punches, self.policy, start, end, now)

    def today(self, now: datetime | None = None) -> TodayBoard:
        instant = instant_at(now, self.policy.zone)
        local = self.policy.local_date(instant)
        # from the day before yesterday: yesterday's forgotten check-outs are on the board too
        employees, punches = self._inputs(local - timedelta(days=1), local, None)
        return today_board(employees, punches, self.policy, instant)

    def day_of(self, employee_id: str, instant: datetime | None = None) -> DayRecord | None:
        """The person's current attendance day (yesterday's for a night shift at 02:00)."""
        instant = instant_at(instant, self.policy.zone)
        employee = self.service.db.get_employee(employee_id)
        if employee is None:
            return None
        day = self.policy.attendance_day(instant, self.policy.shift_for(employee))
        records = self.daily(day, day, employee_id, now=instant)
        return records[0] if records else None

    # -- what the entrance says --------------------------------------------------------------------

    def punch_message(self, checkin: CheckIn) -> tuple[str, str]:
        """(title, subtitle) of the entrance's banner in English (punch_notice, rendered)."""
        notice = self.punch_notice(checkin)
        return (english(notice[0]), english(notice[1])) if notice else ("", "")

    def punch_notice(self, checkin: CheckIn) -> tuple[Message, Message] | None:
        """(title, subtitle) of the entrance's banner for one outcome, as messages the screen
        translates (kiosk.app.messages): what was recorded, and "on time" / "12 min late" after an
        IN, the day's hours after an OUT; None when there is nothing to say."""
        name = checkin.name or checkin.employee_id or ""
        at = {"name": name, "time": checkin.timestamp}
        if checkin.outcome == CLOCK_BACK:
            return (Message("punch.clock_wrong"),
                    Message("punch.clock_wrong.detail", {"behind": Duration(checkin.seconds_until_next // 60)}))
        if checkin.outcome == COOLDOWN:
            return Message("punch.already_recorded", {"name": name}), Message("punch.already_recorded.detail")
        if checkin.outcome == INACTIVE:
            return Message("punch.not_active", {"name": name}), Message("punch.not_active.detail")
        if checkin.outcome == QUEUED:
            return Message("punch.queued", at), Message("punch.queued.detail")
        if checkin.outcome != CHECKED_IN:
            return None
        direction = checkin.direction
        try:
            record = self.day_of(checkin.employee_id or "", checkin.timestamp) if checkin.employee_id else None
        except (ValueError, LookupError):  # the banner must not fail on a policy problem
            record = None
        if direction == BREAK_OUT:
            return Message("punch.break_started", at), Message("punch.break_started.detail")
        if direction == BREAK_IN:
            return Message("punch.back_from_break", at), Message("punch.back_from_break.detail")
        if direction == OUT:
            if record is None:
                detail = Message("punch.checked_out.goodbye")
            elif record.early_leave_minutes:
                detail = Message("punch.checked_out.worked_early", {"worked": Duration(record.worked_minutes),
                                                                    "early": record.early_leave_minutes}, "early")
            else:
                detail = Message("punch.checked_out.worked", {"worked": Duration(record.worked_minutes)})
            return Message("punch.checked_out", at), detail
        if record is not None and record.late_minutes:
            return Message("punch.checked_in", at), Message("punch.checked_in.late", {"late": record.late_minutes},
                                                             "late")
        if record is not None and ("day_off" in record.flags or "holiday" in record.flags
                                   or "worked_off_day" in record.flags):
            return Message("punch.checked_in", at), Message("punch.checked_in.day_off")
        return Message("punch.checked_in", at), Message("punch.checked_in.on_time")  # the screen greets

    def my_week(self, user_id: str, pin: str, today: date | None = None) -> WeekView:
        """A person's own week (Monday..Sunday), after their check-in PIN (same lockout as the
        PIN check-in). PermissionError with the pad's message when the PIN is refused."""
        user_id = self.service.typed_id(user_id)
        check = self.service.pins.check(user_id, pin, source="my_hours")
        if not check.ok:
            raise PermissionError(check.message)
        employee = self.service.db.get_employee(user_id) or {"name": user_id}
        today = today or self.policy.local_date(utc_now())
        monday = today - timedelta(days=today.weekday())
        days = [d for d in self.daily(monday, monday + timedelta(days=6), user_id) if d.day <= today]
        return WeekView(user_id, employee["name"], tuple(days))

    # -- exports -------------------------------------------------------------------------------------

    def export(self, kind: str, out: Any, start: date, end: date, fmt: str = "csv",
               employee_id: str | None = None, wording: SheetWording | None = None) -> int:
        """Punches, daily attendance (one row per person and day) or the monthly summary, as CSV
        or XLSX; `out` a path or a stream. On the audit trail. Returns the rows written.
        `wording`: an XLSX sheet's headings, words and dates in the reader's language, given by the
        screens (the CSV keeps its English column names: payroll imports read them)."""
        wording = wording if fmt == "xlsx" else None
        if kind not in EXPORT_KINDS:
            raise ValueError(f"unknown report {kind!r}: use one of {', '.join(EXPORT_KINDS)}")
        marked: list[bool] | None = None
        if kind == "punches":
            header: Sequence[str] = PUNCH_EXPORT_COLUMNS
            rows = [punch_export_row(p) for p in self.punches(start, end, employee_id, include_voided=True)]
            marked = [bool(p[10] or p[12]) for p in rows]
        elif kind == "daily":
            header = [c.label for c in DAILY_COLUMNS]
            rows, marked = daily_table(self.daily(start, end, employee_id), wording.word if wording else None)
        else:
            summaries = self.monthly_range(start, end, employee_id)
            header = [c.label for c in MONTHLY_COLUMNS]
            rows = table_rows(map(monthly_values, summaries), MONTHLY_COLUMNS)
        count = write_table(out, header, rows, fmt, title=f"{kind} {start} to {end}", marked=marked, wording=wording)
        target = "stdout" if hasattr(out, "write") else str(out)
        self.service.audit_event(EXPORT, employee_id or "", out=target, rows=count, report=kind, format=fmt,
                                 date_from=start, date_to=end)
        return count

    def export_checkins(self, out: Any, start: date, end: date, *, employee_id: str | None = None,
                        summary: bool = False) -> int:
        """`kiosk export`'s CSV (kiosk.attendance.export): every punch, or the first-seen / last-seen
        summary per person and day; on the audit trail. Returns the rows written."""
        writer = export_daily_summary_csv if summary else export_attendance_csv
        count = writer(self.service.db, out, start, end, employee_id=employee_id)
        target = "stdout" if hasattr(out, "write") else str(out)
        self.service.audit_event(EXPORT, employee_id or "", out=target, rows=count, summary=summary,
                                 date_from=start, date_to=end)
        return count

    # -- settings ---------------------------------------------------------------------------------

    def attendance_settings(self) -> dict[str, Any]:
        return {name: getattr(self.settings, name) for name in ATTENDANCE_SETTINGS}

    def save_attendance_settings(self, **values: Any) -> dict[str, Any]:
        """Validate everything first (ValueError naming the setting; nothing saved), then write
        kiosk.toml atomically, audit what changed, and let the store follow. Returns the changes."""
        unknown = set(values) - set(ATTENDANCE_SETTINGS)
        if unknown:
            raise ValueError(Sentence("setting.not_attendance", setting=", ".join(sorted(unknown))))
        coerced: dict[str, Any] = {}
        for name, value in values.items():
            try:
                coerced[name] = coerce_setting(name, value)
            except (TypeError, ValueError) as exc:
                raise ValueError(Sentence("setting.refused", setting=name, problem=sentence_of(exc) or str(exc))) \
                    from exc
        candidate = dataclasses.replace(self.settings, **coerced)
        check_attendance_settings(candidate)
        changes = self.settings.save_changes(coerced)
        if changes:
            self.follow_settings()
            self.service.audit_event(SETTING_CHANGE, "attendance", **changes)
        return {k: change["to"] for k, change in changes.items()}

    def follow_settings(self) -> None:
        """The stores record with the saved cooldown, zone and punch rule from now on."""
        stores = {id(s): s for s in (self.service.db, self.service.local_db)}.values()
        for store in stores:
            store.cooldown_seconds = int(self.settings.cooldown_seconds)
            store.punch_rule = PunchRule.from_settings(self.settings)
            store.zone = self.policy.zone


def check_attendance_settings(settings: Any) -> None:
    """Every attendance setting valid together, or a ValueError saying which and why."""
    if int(settings.cooldown_seconds) < 0:
        raise ValueError(Sentence("setting.cooldown", value=str(settings.cooldown_seconds)))
    if not 0 <= int(settings.auto_close_after_minutes) <= 24 * 60:
        raise ValueError(Sentence("setting.auto_close"))
    PunchRule.from_settings(settings)
    policy_from_settings(settings)


def punch_export_row(p: dict) -> tuple:
    return (p["timestamp"][:10], p["timestamp"][11:], p["employee_id"], p["name"], p["direction"] or "",
            p["method"] or "", p["kiosk_id"] or "", p["utc"] or "", p["tz"] or "",
            "" if p["utc_offset"] is None else p["utc_offset"], p["reason"] or "", p["added_by"] or "",
            p["voided_at"] or "", p["void_reason"] or "", p["voided_by"] or "")
