"""The monthly attendance report for 1,000 people x 31 days x 4 punches (issue 23: <= 2 s here).

Synthetic punch dicts shaped as the store returns them (IN, break out, break in, OUT a day, with
jitter, some late, some forgotten check-outs, a night-shift department), in Europe/Paris over
October 2026 (the autumn clock change). Prints the time of each report; exits 1 over the target.

    python benchmarks/attendance_report.py [--people 1000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.attendance.clock import resolve_zone, utc_text  # noqa: E402
from kiosk.attendance.reports import daily_rows, month_bounds, monthly_summary  # noqa: E402
from kiosk.attendance.shifts import policy_from_settings  # noqa: E402

TARGET_SECONDS = 2.0


class SiteSettings:
    """The Settings attributes the policy reads (kiosk.app is not needed here)."""
    time_zone = "Europe/Paris"
    cooldown_seconds = 300
    default_shift = "day"
    shifts = {"day": {"start": "09:00", "end": "17:30", "hours": "pairs"},
              "night": {"start": "22:00", "end": "06:00", "overnight": True, "days_off": ["sun"]}}
    department_shifts = {"Security": "night"}
    holidays = [{"date": "2026-10-05", "name": "Founders' Day"}]
    auto_close_out = True
    auto_close_after_minutes = 60
    max_session_hours = 16.0


def synthetic(people: int, start: date, days: int, seed: int = 23) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    zone = resolve_zone(SiteSettings.time_zone)
    employees, punches = [], []
    for n in range(people):
        night = n % 10 == 0
        employees.append({"id": f"E{n:04d}", "name": f"Person {n:04d}", "active": 1,
                          "department": "Security" if night else "Office",
                          "enrolled_at": "2025-01-01T08:00:00", "left_at": None, "shift": None})
        for d in range(days):
            day = start + timedelta(days=d)
            first = datetime.combine(day, datetime.min.time()).replace(hour=21 if night else 8) \
                + timedelta(minutes=rng.randint(30, 110))
            times = [first, first + timedelta(hours=3, minutes=rng.randint(0, 60))]
            times.append(times[-1] + timedelta(minutes=rng.randint(30, 60)))
            times.append(times[-1] + timedelta(hours=4, minutes=rng.randint(0, 90)))
            directions = ["in", "break_out", "break_in", "out"]
            if rng.random() < 0.02:  # a forgotten check-out
                times, directions = times[:3], directions[:3]
            for moment, direction in zip(times, directions):
                instant = moment.replace(tzinfo=zone).astimezone(timezone.utc)
                punches.append({"id": len(punches) + 1, "employee_id": f"E{n:04d}", "name": f"Person {n:04d}",
                                "timestamp": moment.isoformat(timespec="seconds"), "utc": utc_text(instant),
                                "tz": zone.key, "utc_offset": int(instant.astimezone(zone).utcoffset()
                                                                  .total_seconds() // 60),
                                "direction": direction, "direction_source": "auto", "method": "face",
                                "score": 0.8, "masked": 0, "kiosk_id": "entrance", "reason": None,
                                "added_by": None, "voided_at": None, "void_reason": None, "voided_by": None})
    punches.sort(key=lambda p: (p["utc"], p["id"]))
    return employees, punches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    start, end = month_bounds(2026, 10)
    employees, punches = synthetic(args.people, start, (end - start).days + 1)
    now = datetime(2026, 11, 2, 12, tzinfo=timezone.utc)
    print(f"{len(employees)} people, {len(punches)} punches, {start} .. {end}")
    best = float("inf")
    for _ in range(args.repeat):
        policy = policy_from_settings(SiteSettings)  # a fresh policy: its shift-day cache starts empty
        began = time.perf_counter()
        summaries = monthly_summary(employees, punches, policy, start, end, now)
        took = time.perf_counter() - began
        best = min(best, took)
        print(f"monthly_summary: {took:.3f} s ({len(summaries)} people)")
    policy = policy_from_settings(SiteSettings)
    began = time.perf_counter()
    rows = daily_rows(employees, punches, policy, start, end, now)
    print(f"daily_rows: {time.perf_counter() - began:.3f} s ({len(rows)} rows)")
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    print("statuses:", ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    print(f"best monthly report: {best:.3f} s (target <= {TARGET_SECONDS:.1f} s): "
          f"{'ok' if best <= TARGET_SECONDS else 'TOO SLOW'}")
    return 0 if best <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
