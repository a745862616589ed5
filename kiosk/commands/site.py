"""`kiosk site`: the site's shared database (kiosk.site) from the command line: its status,
moving a single kiosk's data folder in (`import`) and back out (`export`), the site's shared
settings (`set threshold=0.62`)."""
from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.app.settings import coerce_setting
from kiosk.app.site_transfer import export_folder, import_folder
from kiosk.commands.common import emit, open_service
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
                    "masked_margin) and cooldown_seconds for every kiosk; value 'default' clears one.")
    p.add_argument("action", choices=["status", "import", "export", "set"])
    p.add_argument("folder", nargs="?", help="import/export: the data folder")
    p.add_argument("values", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--database-url", help="the site's database (else database_url of this kiosk's settings)")
    p.add_argument("--replace", action="store_true", help="import: replace people the site already has")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_site)
    return p
