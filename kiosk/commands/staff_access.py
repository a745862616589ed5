"""Who may run which `kiosk` command: everything that changes people, PINs, templates or settings,
and everything that shows or exports personal data, needs the HR or admin PIN, checked with the
screens' lockout (kiosk.security.staff_pins); the audit trail then records the role that signed
in (and the shell user) instead of "cli". Read-only operational commands stay open. The table
is docs/privacy.md's "Command line" section.

The PIN comes from `--pin-file FILE` (a global option, before the command: the file's first
line), else a prompt without echo on a terminal; a script with neither is refused. A fresh kiosk
has no admin PIN: `kiosk set-admin-pin` sets the first one (and works only then), so privileged
commands are closed from the start instead of open until someone thinks of it; it also shows the
one-time recovery code that `kiosk reset-admin-pin` takes when the admin PIN is forgotten."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from kiosk.app.first_run import InitialSettings, complete_setup, needs_setup, new_recovery_code, reset_admin_pin
from kiosk.app.settings import load_settings
from kiosk.commands.common import emit, open_service
from kiosk.common.errors import CliError
from kiosk.security.audit import PIN_CHANGE, Actor
from kiosk.security.pin_hash import pin_problem
from kiosk.security.recovery_code import code_problem
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
    "reset-admin-pin": OPEN,  # the recovery code is the credential, under the staff lockout
    "new-recovery-code": ADMIN,
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


def _say_code(code: str) -> str:
    return (f"Recovery code (shown this once: write it down and keep it apart from the kiosk; it resets a "
            f"forgotten admin PIN with `kiosk reset-admin-pin`):\n    {code}")


def cmd_set_admin_pin(args) -> int:
    """The first run from the command line: the admin PIN, a recovery code and the initial
    settings, written once (kiosk.app.first_run), as the set-up screen does."""
    if not needs_setup(args.settings):
        raise CliError("this kiosk already has an admin PIN: change it with `kiosk set-staff-pin admin` "
                       "(which asks for the current admin PIN)")
    initial = InitialSettings.of(args.settings)
    for name in ("kiosk_id", "time_zone", "camera"):
        if getattr(args, name) is not None:
            setattr(initial, name, getattr(args, name))
    problems = initial.problems()
    if problems:  # said before the PIN is asked for
        raise ValueError(" ".join(problems.values()))
    pin = _new_pin(args, ROLE_ADMIN)
    service = open_service(args)
    service.actor = Actor(ROLE_ADMIN, Actor.shell_user().name)
    code = complete_setup(args.settings, pin, initial, audit=service.audit_event)
    emit(args, {"set": ROLE_ADMIN, "recovery_code": code},
         f"admin PIN set in {args.settings.settings_path}\n{_say_code(code)}")
    return 0


def cmd_reset_admin_pin(args) -> int:
    code = args.recovery_code if args.recovery_code is not None else _ask("Recovery code: ")
    problem = code_problem(code)
    if problem:  # a typo costs no try
        raise ValueError(problem)
    pin = _new_pin(args, ROLE_ADMIN)
    service = open_service(args)
    service.actor = Actor(ROLE_ADMIN, Actor.shell_user().name)
    result, next_code = reset_admin_pin(args.settings, code, pin, audit=service.audit_event)
    if not result.ok:
        raise CliError(result.message)
    emit(args, {"set": ROLE_ADMIN, "recovery_code": next_code},
         f"admin PIN reset in {args.settings.settings_path}; the code used no longer works.\n{_say_code(next_code)}")
    return 0


def cmd_new_recovery_code(args) -> int:
    code = new_recovery_code(args.settings, audit=open_service(args).audit_event)
    emit(args, {"recovery_code": code}, f"the earlier recovery code no longer works.\n{_say_code(code)}")
    return 0


def cmd_set_staff_pin(args) -> int:
    StaffPins(args.settings).set_pin(_new_pin(args, args.role), args.role)
    open_service(args).audit_event(PIN_CHANGE, role=args.role)
    emit(args, {"set": args.role}, f"{role_label(args.role)} PIN set in {args.settings.settings_path}")
    return 0


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("set-admin-pin", help="first run: the admin PIN (only while none is set), its recovery code, "
                                                   "the kiosk's name, time zone and camera",
                              description="A new kiosk has no admin PIN and refuses every privileged command "
                                          "until one is set. The new PIN: --new-pin-file FILE, or asked twice.")
    p.add_argument("--new-pin-file", metavar="FILE", help="the new PIN (the file's first line)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_set_admin_pin)
    p.add_argument("--kiosk-id", help="this kiosk's name (default: kiosk.toml's, else the host name)")
    p.add_argument("--time-zone", help="the site's IANA time zone, e.g. Europe/Paris (default: this machine's)")
    p.add_argument("--camera", help="device index, video file or stream URL (default: 0)")
    p = subparsers.add_parser("reset-admin-pin", help="reset a forgotten admin PIN with the recovery code",
                              description="The recovery code shown when the admin PIN was first set (or last "
                                          "reset) replaces the admin PIN; it is then spent and a new code is "
                                          "shown. Wrong codes count towards the staff PINs' lockout.")
    p.add_argument("--recovery-code", metavar="CODE", help="the code (asked without echo when not given)")
    p.add_argument("--new-pin-file", metavar="FILE", help="the new PIN (the file's first line)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_reset_admin_pin)
    p = subparsers.add_parser("new-recovery-code", help="replace the admin PIN's recovery code (needs the admin PIN)",
                              description="Makes a new recovery code and shows it once; the earlier one stops working.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_new_recovery_code)
    p = subparsers.add_parser("set-staff-pin", help="change the admin PIN or set the HR PIN (needs the admin PIN)",
                              description="Needs the current admin PIN (--pin-file before the command, or asked). "
                                          "The new PIN: --new-pin-file FILE, or asked twice.")
    p.add_argument("role", choices=[ROLE_ADMIN, ROLE_HR])
    p.add_argument("--new-pin-file", metavar="FILE", help="the new PIN (the file's first line)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_set_staff_pin)
