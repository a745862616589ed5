"""`kiosk site`: the site's shared database (kiosk.site) from the command line: its status,
moving a single kiosk's data folder in (`import`) and back out (`export`), the site's shared
settings (`set threshold=0.62`), and the site's check-in PIN secret (`pin-secret`)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.app.settings import coerce_setting
from kiosk.app.site_transfer import export_folder, import_folder
from kiosk.commands.common import emit, open_service
from kiosk.security.at_rest import KeyStore
from kiosk.security.audit import SITE_PIN_SECRET
from kiosk.site import pin_secret
from kiosk.site.gallery import SITE_SETTINGS


def _site(args):
    if getattr(args, "database_url", None):
        args.settings.database_url = args.database_url
    if not args.settings.database_url:
        raise ValueError("no site database: set database_url in kiosk.toml, KIOSK_DATABASE_URL, or --database-url")
    return open_service(args, recover=False)


def _value(key: str, text: str):
    """One shared setting from the command line, typed as kiosk.toml types it ('default' clears)."""

    if key not in SITE_SETTINGS:
        raise ValueError(f"not a site setting: {key} (site settings: {', '.join(SITE_SETTINGS)})")
    if text.strip().lower() in ("", "none", "default"):
        return None
    try:
        return coerce_setting(key, text.strip())
    except ValueError:
        raise ValueError(f"{key} needs a number, got {text!r}") from None


def _pin_secret(args, service) -> int:
    """The site's PIN pepper: made once (--new), carried between kiosks (--export / --import)."""
    service.site.ensure_schema()
    connections, data_dir = service.site.connections, service.settings.data_dir
    chosen = [flag for flag in ("new", "export", "import_file") if getattr(args, flag)]
    if len(chosen) > 1:
        raise ValueError("site pin-secret takes one of --new, --export FILE, --import FILE")
    if args.new:
        key_id = pin_secret.create(connections, data_dir)
        service.audit_event(SITE_PIN_SECRET, "", step="new", secret=key_id)
        text = (f"made the site's PIN secret {key_id}; PINs set or used from now on are peppered. Carry it to "
                f"the site's other kiosks: kiosk site pin-secret --export FILE here, --import FILE there")
    elif args.export:
        key_id = pin_secret.export(connections, Path(args.export))
        service.audit_event(SITE_PIN_SECRET, "", step="export", secret=key_id)
        text = f"wrote the site's PIN secret {key_id} to {args.export} (0600): import it on the other kiosks, then delete it"
        print(f"warning: {args.export} lets whoever holds it with the site's database test PINs offline",
              file=sys.stderr)
    elif args.import_file:
        key_id = pin_secret.import_secret(connections, Path(args.import_file), data_dir)
        service.audit_event(SITE_PIN_SECRET, "", step="import", secret=key_id)
        text = f"this kiosk now holds the site's PIN secret {key_id}"
    else:
        key_id = pin_secret.pepper_id(connections)
        held = key_id is not None and KeyStore().load(key_id) is not None
        text = ("the site has no PIN secret: its check-in PINs are plain scrypt (kiosk site pin-secret --new)"
                if key_id is None else f"the site's PIN secret is {key_id}; this kiosk "
                                       f"{'holds it' if held else 'does NOT hold it (kiosk site pin-secret --import FILE)'}")
        emit(args, {"secret": key_id, "held_here": held}, text)
        return 0
    emit(args, {"secret": key_id}, text)
    return 0


def cmd_site(args) -> int:
    service = _site(args)
    site = service.site
    if args.action == "status":
        site.ensure_schema()
        changed = site.pull()
        settings, _ = site.gallery.settings()
        data = {"database": site.describe(), "online": site.online, "site_id": site.state.site_id,
                "people": len(site.gallery.people_ids()), "revision": site.state.revision,
                "pulled_changes": changed, "settings": settings, "outbox": len(service.outbox),
                "notes": site.notes}
        text = (f"site database {data['database']}: online, {data['people']} people, revision {data['revision']}"
                f"{', ' + str(changed) + ' changes applied here' if changed else ''}\n"
                f"site settings: {settings or 'none (each kiosk its own)'}\n"
                f"outbox of this kiosk: {data['outbox']} waiting" + "".join(f"\n{n}" for n in site.notes))
        emit(args, data, text)
        return 0
    if args.action == "pin-secret":
        return _pin_secret(args, service)
    if args.action == "import":
        if not args.folder:
            raise ValueError("site import needs the data folder to import (the one holding embeddings/)")
        report = import_folder(site, Path(args.folder), replace=args.replace)
        site.pull()
        text = (f"imported {report.people} people, {report.employees} employees, {report.attendance_rows} "
                f"check-ins and {report.access_rows} access-log rows into {site.describe()}"
                + "".join(f"\nskipped {s}" for s in report.skipped))
        emit(args, report.as_dict(), text)
        return 0
    if args.action == "export":
        if not args.folder:
            raise ValueError("site export needs a new folder to write")
        report = export_folder(site, Path(args.folder))
        emit(args, report.as_dict(), f"wrote {report.people} people, {report.employees} employees, "
                                      f"{report.attendance_rows} check-ins and {report.access_rows} access-log rows "
                                      f"to {args.folder}")
        return 0
    values = {}
    for item in ([args.folder] if args.folder else []) + args.values:  # `set` has no folder
        key, sep, raw = item.partition("=")
        if not sep:
            raise ValueError(f"site set takes key=value (e.g. threshold=0.62), got {item!r}")
        values[key.strip()] = _value(key.strip(), raw)
    if not values:
        raise ValueError("site set needs at least one key=value")
    service.set_site_settings(**values)
    emit(args, values, f"site settings set: {values} (every kiosk applies them within seconds)")
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "site", help="the site's shared PostgreSQL database: status, import, export, set",
        description="status: is the server there, how many people, what this kiosk applied. "
                    "import FOLDER: a single kiosk's data folder (embeddings/, attendance.db) into the site. "
                    "export FOLDER: the site as a single kiosk's data folder (seed layout). "
                    "set key=value ...: the site's thresholds (threshold, masked_threshold, margin, "
                    "masked_margin) and cooldown_seconds for every kiosk; value 'default' clears one. "
                    "pin-secret: whether the site peppers its check-in PINs and this kiosk holds the secret; "
                    "--new makes it (once per site), --export FILE / --import FILE carry it between kiosks.")
    p.add_argument("action", choices=["status", "import", "export", "set", "pin-secret"])
    p.add_argument("folder", nargs="?", help="import/export: the data folder")
    p.add_argument("values", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--database-url", help="the site's database (else database_url of this kiosk's settings)")
    p.add_argument("--replace", action="store_true", help="import: replace people the site already has")
    p.add_argument("--new", action="store_true", help="pin-secret: make the site's PIN secret (once per site)")
    p.add_argument("--export", metavar="FILE", help="pin-secret: write the secret to a new 0600 FILE")
    p.add_argument("--import", dest="import_file", metavar="FILE", help="pin-secret: keep the secret from FILE here")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_site)
    return p
