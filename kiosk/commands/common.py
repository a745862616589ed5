"""What every `kiosk` command shares: printing a result (text or --json), opening the service,
argument types and reading a PIN. Public here so command modules never reach into each other."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date

from kiosk.app.service import KioskService


def emit(args, data, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        print(text)


def open_service(args, recover: bool = True):
    """The service of args.settings, acting as whoever signed in with a staff PIN
    (kiosk.commands.staff_access sets args.actor), else as the shell user."""
    service = KioskService(args.settings)
    actor = getattr(args, "actor", None)
    if actor is not None:
        service.actor = actor
    if recover:
        for note in service.recover():  # what a crashed earlier run left, put right first
            print(f"recovered: {note}", file=sys.stderr)
    return service


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return number


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def read_pin(args) -> str:
    """--pin, else a hidden prompt on a terminal, else one line of stdin (scripts)."""
    if args.pin is not None:
        return args.pin
    if sys.stdin.isatty():
        return getpass.getpass("PIN: ")
    return sys.stdin.readline().strip()
