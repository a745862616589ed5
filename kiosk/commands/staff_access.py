"""Who may run which `kiosk` command: everything that changes people, PINs, templates or settings,
and everything that shows or exports personal data, needs the HR or admin PIN, checked with the
screens' lockout (kiosk.security.staff_pins); the audit trail then records the role that signed
in (and the shell user) instead of "cli". Read-only operational commands stay open. The table
is docs/privacy.md's "Command line" section.

The PIN comes from `--pin-file FILE` (a global option, before the command: the file's first
line), else a prompt without echo on a terminal; a script with neither is refused. A fresh kiosk
has no admin PIN: `kiosk set-admin-pin` sets the first one (and works only then), so privileged
commands are closed from the start instead of open until someone thinks of it."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from kiosk.app.settings import load_settings
from kiosk.commands.common import emit, open_service
from kiosk.common.errors import CliError
from kiosk.security.audit import PIN_CHANGE, Actor
from kiosk.security.pin_hash import pin_problem
from kiosk.security.staff_pins import ROLE_ADMIN, ROLE_HR, StaffPins, role_label

STAFF = (ROLE_ADMIN, ROLE_HR)
ADMIN = (ROLE_ADMIN,)
OPEN = None

# command -> the roles whose PIN opens it (None: open), or a function of the parsed arguments.
RULES = {
    "enroll": STAFF,
    "recognize": lambda a: STAFF if a.record else OPEN,
    "users": STAFF,
    "delete": STAFF,
    "rename-id": STAFF,
    "stats": OPEN,
    "calibrate": lambda a: ADMIN if a.apply else OPEN,
    "export": STAFF,
    "check-photo": OPEN,
    "models": OPEN,
    "reembed": ADMIN,
    "checkin": OPEN,  # the person's own PIN, with its own lockout
    "set-pin": STAFF,
    "learned": STAFF,
    "audit": lambda a: OPEN if a.action == "verify" else ADMIN,
    "purge": lambda a: OPEN if a.dry_run else ADMIN,
    "gallery": ADMIN,
    "person": STAFF,
    "site": lambda a: OPEN if a.action == "status" or (a.action == "pin-secret" and not (a.new or a.export or a.import_file))
    else ADMIN,
    "report": STAFF,
    "punch": STAFF,
    "doctor": lambda a: ADMIN if getattr(a, "repair", False) else OPEN,
    "set-admin-pin": OPEN,  # only while no admin PIN is set
    "set-staff-pin": ADMIN,
    "video": lambda a: STAFF if a.record else OPEN,  # --record writes attendance
}


def required_roles(args) -> tuple[str, ...] | None:
    """The roles whose PIN `args.command` needs, or None. Commands not in RULES (the batch tools
    on folders they are given: augment, evaluate, clean, cluster, bench, liveness) are open."""
    rule = RULES.get(args.command, OPEN)
    return rule(args) if callable(rule) else rule


def read_pin_file(path: str) -> str:
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"the PIN file {path} cannot be read ({exc.strerror or exc})") from None
    return (text.splitlines() or [""])[0].strip()


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise CliError("this command needs the HR or admin PIN: give --pin-file FILE before the command "
                       "(e.g. kiosk --pin-file ~/.kiosk-pin export ...), or run it on a terminal to be asked")
    return getpass.getpass(prompt)


def authorize(args) -> None:
    """Refuse (CliError) unless the command is open or the PIN given is one of its roles'; on
    success `args.actor` is who signed in."""
    roles = required_roles(args)
    if not roles:
        return
    tool_dir = getattr(args, "tool_data_dir", None)  # `kiosk video --data-dir DIR`: that kiosk's PINs
    pins = StaffPins(load_settings(tool_dir) if tool_dir else args.settings)
    if not pins.has_role_pin(ROLE_ADMIN):
        raise CliError(f"`kiosk {args.command}` needs the admin PIN, and this kiosk has none yet: set it "
                       f"first with `kiosk set-admin-pin` (or on the kiosk's screen)")
    who = " or ".join(role_label(r) for r in roles)
    pin = read_pin_file(args.pin_file) if args.pin_file else _ask(f"{who} PIN: ")
    result = pins.check(pin, roles)
    if not result.ok:
        if roles == ADMIN and result.locked_seconds == 0 and pins.has_role_pin(ROLE_HR):
            raise CliError(f"`kiosk {args.command}` needs the admin PIN: {result.message}")
        raise CliError(result.message)
    args.actor = Actor(result.role, Actor.shell_user().name)


def _new_pin(args, role: str) -> str:
    """The new PIN: --new-pin-file, else asked twice on a terminal."""
    if args.new_pin_file:
        pin = read_pin_file(args.new_pin_file)
    else:
        pin = _ask(f"New {role_label(role)} PIN: ")
        problem = pin_problem(pin)
        if problem:
            raise ValueError(problem)
        if _ask(f"Repeat the new {role_label(role)} PIN: ") != pin:
            raise ValueError("the two PINs differ: nothing changed")
    return pin


def cmd_set_admin_pin(args) -> int:
    pins = StaffPins(args.settings)
    if pins.has_role_pin(ROLE_ADMIN):
        raise CliError("this kiosk already has an admin PIN: change it with `kiosk set-staff-pin admin` "
                       "(which asks for the current admin PIN)")
    pins.set_pin(_new_pin(args, ROLE_ADMIN), ROLE_ADMIN)
    service = open_service(args)
    service.actor = Actor(ROLE_ADMIN, Actor.shell_user().name)
    service.audit_event(PIN_CHANGE, role=ROLE_ADMIN, first=True)
    emit(args, {"set": ROLE_ADMIN}, f"admin PIN set in {args.settings.settings_path}")
    return 0


def cmd_set_staff_pin(args) -> int:
    StaffPins(args.settings).set_pin(_new_pin(args, args.role), args.role)
    open_service(args).audit_event(PIN_CHANGE, role=args.role)
    emit(args, {"set": args.role}, f"{role_label(args.role)} PIN set in {args.settings.settings_path}")
    return 0


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("set-admin-pin", help="set the first admin PIN of a new kiosk (only while none is set)",
                              description="A new kiosk has no admin PIN and refuses every privileged command "
                                          "until one is set. The new PIN: --new-pin-file FILE, or asked twice.")
    p.add_argument("--new-pin-file", metavar="FILE", help="the new PIN (the file's first line)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_set_admin_pin)
    p = subparsers.add_parser("set-staff-pin", help="change the admin PIN or set the HR PIN (needs the admin PIN)",
                              description="Needs the current admin PIN (--pin-file before the command, or asked). "
                                          "The new PIN: --new-pin-file FILE, or asked twice.")
    p.add_argument("role", choices=[ROLE_ADMIN, ROLE_HR])
    p.add_argument("--new-pin-file", metavar="FILE", help="the new PIN (the file's first line)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_set_staff_pin)
