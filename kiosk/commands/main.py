"""`python -m kiosk ...` / `kiosk ...`: every operation of the kiosk without a screen.

Errors a user can cause (bad files, bad details, missing weights) print one line and exit 1;
`--json` prints machine-readable data on stdout and messages on stderr."""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

from kiosk.app.from_settings import decision_rule, live_decision_rule
from kiosk.app.settings import load_settings
from kiosk.attendance.db import COOLDOWN, STATUS_PRESENT
from kiosk.attendance.outbox import QUEUED
from kiosk.commands.common import emit, open_service, parse_date, positive_int, read_pin
from kiosk.commands.staff_access import authorize
from kiosk.common import worker_id
from kiosk.common.errors import CliError, SiteError
from kiosk.common.private import private_process
from kiosk.enrollment.templates import EnrollmentError
from kiosk.gallery.folders import GalleryError
from kiosk.gallery.learned import LearnedTemplates
from kiosk.recognition import selfcheck
from kiosk.recognition.liveness import load_liveness
from kiosk.recognition.pin_checkin import reembed_learned
from kiosk.vision import models, quality
from kiosk.vision.image_io import ImageError, bounded, load_image
from kiosk.vision.models import FetchError
from kiosk.vision.pipeline import load_pipeline

# Batch tools register their own sub-commands (each module has add_parser(subparsers)).
TOOL_MODULES = ("kiosk.research.augment", "kiosk.research.evaluate", "kiosk.commands.clean", "kiosk.commands.video",
                "kiosk.research.cluster", "kiosk.commands.bench", "kiosk.commands.doctor",
                "kiosk.commands.privacy", "kiosk.commands.liveness", "kiosk.commands.site",
                "kiosk.commands.attendance", "kiosk.commands.staff_access")
# Commands that may create a data folder that is not there yet (the first enrolment, fetching
# models); every other command refuses a --data-dir that does not exist (a typo, not an empty kiosk).
CREATES_DATA_DIR = ("enroll", "models", "gallery")
# Batch tools work on folders they are given, not on the kiosk's data folder.
NO_DATA_DIR = ("augment", "evaluate", "clean", "cluster", "video", "bench", "liveness", "evaluate-liveness")


# ---- commands ---------------------------------------------------------------------------------

def cmd_enroll(args) -> int:
    if len(args.images) != 3:
        raise CliError(f"enrollment takes exactly 3 photos, {len(args.images)} given")
    images = [load_image(p) for p in args.images]
    service = open_service(args)

    def progress(done: int, total: int, message: str) -> None:
        if not args.json:
            print(f"\r[{done}/{total}] {message:<40}", end="", file=sys.stderr, flush=True)

    record = service.enroll(args.id, args.name, args.mobile, images, replace=args.replace,
                            allow_duplicate=args.allow_duplicate, masks=not args.no_masks, progress=progress)
    if not args.json:
        print(file=sys.stderr)
    meta = record.metadata
    data = {"user_id": record.user_id, "name": record.name, "folder": str(record.folder),
            "embedder": record.embedder, "total_embeddings": int(meta.get("total_embeddings", 0)),
            "masked_embeddings": meta.get("masked_embeddings"), "warnings": meta.get("warnings", []),
            "quality": meta.get("quality")}
    text = (f"enrolled {record.name} ({record.user_id}): {data['total_embeddings']} embeddings with "
            f"{record.embedder} in {record.folder}")
    for warning in data["warnings"]:
        text += f"\nwarning: {warning}"
    emit(args, data, text)
    return 0


def cmd_recognize(args) -> int:
    image = load_image(args.image)
    service = open_service(args)
    results = service.recognize(image, record=args.record, source="cli", top_k=args.top_k)
    data = {"image": str(args.image), "model": service.pipeline.description, "recorded": args.record,
            "threshold": service.threshold, "faces": [r.as_dict() for r in results]}
    for warning in service.gallery_warnings:
        print(f"warning: {warning}", file=sys.stderr)
    unwritten = next((r.write_error for r in results if r.write_error), None)
    if unwritten:
        print(f"error: {unwritten}", file=sys.stderr)
        print(f"error: this attendance is kept in {service.outbox.folder} and is written once the "
              f"database works again", file=sys.stderr)
    if not results:
        emit(args, data, f"no face found in {args.image}")
        return 1
    lines = []
    for r in results:
        d = r.as_dict() | {"status": checked_in_status(r, args.record)}
        mask = " (masked template)" if d["masked_template"] and d["accepted"] else ""
        if r.match.unsure:  # over the threshold, too close to a second person: nobody is named
            mask = f" (closest {r.match.candidates[0].name}, lead {d['lead']:.3f} < {d['margin']:.2f})"
        if "liveness" in d:  # a photo or screen is logged as spoof_suspected, never checked in
            mask += f"  liveness {d['liveness']['score']:.2f}{'' if d['liveness']['live'] else ' (not live)'}"
        lines.append(f"{d['name']:<24} {d['status']:<28} similarity {d['similarity']:.3f}{mask}  "
                     f"box {d['box']}  {d['time']}")
    if not args.record:
        lines.append("nothing recorded (add --record to check these people in)")
    emit(args, data, "\n".join(lines))
    return 1 if unwritten else 0


def checked_in_status(result, recorded: bool) -> str:
    """What the image led to, said as it happened: a recognised person is "Present" only when
    --record wrote the check-in, not when the cooldown kept it out or nothing was written."""
    status = result.match.status
    liveness = result.face.extra.get("liveness")
    if status != STATUS_PRESENT:
        return status
    if liveness is not None and not liveness.live:
        return "Not checked in (not live)"
    if not recorded:
        return "Recognised (not recorded)"
    checkin = result.checkin
    if checkin.recorded:
        return STATUS_PRESENT
    if checkin.outcome == COOLDOWN:
        return "Already checked in (within the cooldown)"
    return "Present (queued)" if checkin.outcome == QUEUED else checkin.outcome


def cmd_users(args) -> int:
    service = open_service(args)
    records, warnings = service.store.load_all()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    rows = [{"user_id": r.user_id, "name": r.name, "mobile": r.mobile, "embedder": r.embedder,
             "embeddings": int(r.metadata.get("total_embeddings", len(r.originals))),
             "registered": r.metadata.get("registration_date", ""), "department": r.metadata.get("department", ""),
             "status": "left" if r.metadata.get("left_at") else "active"} for r in records]
    text = "\n".join(f"{r['user_id']:<12} {r['name']:<30} {r['embeddings']:>3} embeddings  {r['registered']}"
                     f"{'  ' + r['department'] if r['department'] else ''}{'  (left)' if r['status'] == 'left' else ''}"
                     for r in rows) or "nobody is enrolled yet"
    emit(args, rows, text)
    return 0


def cmd_delete(args) -> int:
    service = open_service(args)
    user_id = service.resolve_id(args.id)
    if not args.yes:
        confirm_delete(service, user_id)
    service.delete(user_id)
    emit(args, {"deleted": user_id}, f"deleted {user_id} (attendance history kept)")
    return 0


def confirm_delete(service, user_id: str) -> None:
    """Deleting a person needs a yes: asked on a terminal, --yes in a script (stdin not a
    terminal), so a stray command in a pipe never removes anyone."""
    if not sys.stdin.isatty():
        raise CliError(f"not deleting {user_id}: confirm with --yes (stdin is not a terminal to ask on)")
    name = next((r.name for r in service.people() if r.user_id == user_id), "")
    answer = input(f"Delete {user_id} ({name})? [y/N] " if name else f"Delete {user_id}? [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        raise CliError(f"not deleted: {user_id} is kept")


def cmd_rename_id(args) -> int:
    service = open_service(args)
    report = service.rename_id(args.old, args.new)
    what = "their gallery folder, " if report.gallery else ""
    emit(args, report.as_dict(), f"{report.old} is now {report.new}: moved {what}{report.summary()}")
    return 0


def cmd_stats(args) -> int:
    service = open_service(args)
    records = service.store.load_all()[0]
    stats = service.db.stats()
    stats["enrolled"] = len(records)
    stats["embeddings"] = int(sum(r.metadata.get("total_embeddings", len(r.originals)) for r in records))
    text = "\n".join(f"{k}: {v}" for k, v in stats.items() if not isinstance(v, list))
    emit(args, stats, text)
    return 0


def cmd_calibrate(args) -> int:
    service = open_service(args)
    # Through the configured live path: a stranger meets the door's rule for camera frames (with
    # the fast live detector, its own; kiosk.app.from_settings). What --apply writes is a floor on
    # both paths' rules (decision_rule), so a value measured here never loosens the photo rule.
    live = service.live_rule
    result = selfcheck.check(service.matcher, live)
    lines = [result.summary(), f"rule (camera frames, {service.settings.live_detection} live detection): {result.rule}"]
    if result.pairs:
        lines.append("closest look-alike pairs (best score of one's photo against the other):")
        lines += [f"  {p.score:.3f}  {p.user_id} {p.name}  <->  {p.other_id} {p.other_name}" for p in result.pairs]
    changed = (result.suggested_threshold is not None and result.suggested_threshold != live.threshold) or \
              (result.suggested_margin is not None and result.suggested_margin != live.margin)
    if changed:
        lines.append(f"suggested site values: threshold {result.suggested_threshold}, margin {result.suggested_margin}"
                     + ("" if args.apply else " (run with --apply to write them to kiosk.toml)"))
        if args.apply:
            settings = args.settings
            lift = result.suggested_threshold - live.threshold
            service.set_site_settings(threshold=result.suggested_threshold,
                                      masked_threshold=round(live.masked[0] + lift, 3),
                                      margin=result.suggested_margin)
            lines.append(f"written to {service.site.describe() if service.site else settings.settings_path}")
    else:
        lines.append("the current thresholds keep every enrolled photo off the other people: nothing to change")
    emit(args, result.as_dict() | {"applied": bool(args.apply and changed)}, "\n".join(lines))
    return 0


def cmd_export(args) -> int:
    service = open_service(args)
    employee_id = service.resolve_id(args.id) if args.id else None
    to_stdout = args.out == "-"  # the CSV is the output: the message goes to stderr
    count = service.timesheet.export_checkins(sys.stdout if to_stdout else Path(args.out), args.date_from, args.date_to,
                                              employee_id=employee_id, summary=args.summary)
    where = "stdout" if to_stdout else str(args.out)
    data, text = {"rows": count, "out": where}, f"wrote {count} rows to {where}"
    if to_stdout:
        print(json.dumps(data) if args.json else text, file=sys.stderr)
    else:
        emit(args, data, text)
    return 0


def cmd_check_photo(args) -> int:
    image = bounded(load_image(args.image))  # graded at the size enrollment works on
    pipeline = load_pipeline(args.settings)
    faces = pipeline.detect(image)
    graded = quality.assess(image, faces)
    data = graded.as_dict() | {"image": str(args.image)}
    verdict = "OK for enrollment" if graded.ok else "not usable: " + "; ".join(graded.problems)
    emit(args, data, f"{args.image}: {graded.width}x{graded.height}, {graded.face_count} face(s), "
                      f"{quality.describe(graded)}: {verdict}")
    return 0 if graded.ok else 1


def cmd_models(args) -> int:
    settings = args.settings
    if args.action == "fetch":
        dest = settings.models_dir or settings.own_models_dir
        keys = args.keys or ["scrfd_10g", "facenet_vggface2"]
        for key in keys:
            if key not in models.REGISTRY:
                raise CliError(f"unknown model {key!r}; known: {', '.join(models.REGISTRY)}")
            path = models.fetch(key, Path(dest), timeout=args.timeout, progress=not args.json)
            print(f"{key}: {path}", file=sys.stderr)
        return 0
    if args.action == "install":
        if not args.keys:
            raise CliError("give the file(s) to install: kiosk models install FILE...")
        for name in args.keys:
            target = models.copy_into(Path(name), Path(settings.models_dir or settings.own_models_dir))
            print(f"installed {target}")
        return 0

    rows = models.status(settings.models_dir, settings.own_models_dir)
    pipeline = load_pipeline(settings)
    rule = decision_rule(pipeline.embedder, settings)
    live_rule = live_decision_rule(pipeline, settings)
    service_threshold = rule.threshold
    liveness = _liveness_status(settings)
    data = {
        "detector": {"name": pipeline.detector.name, "why": pipeline.detector_choice.reason,
                     "notes": pipeline.detector_choice.notes},
        "embedder": {"name": pipeline.embedder.name, "why": pipeline.embedder_choice.reason,
                     "notes": pipeline.embedder_choice.notes, "threshold": service_threshold,
                     "decision_rule": rule.describe(), "live_decision_rule": live_rule.describe()},
        "liveness": liveness,
        "files": rows,
    }
    lines = [f"detector: {pipeline.detector.name}  ({pipeline.detector_choice.reason})",
             f"embedder: {pipeline.embedder.name}  ({pipeline.embedder_choice.reason}); threshold {service_threshold}",
             f"decision (photos): {rule.describe()}",
             f"decision (camera frames, {pipeline.live_detector.name}): {live_rule.describe()}",
             f"liveness: {liveness['why']}"]
    lines += [f"  note: {n}" for n in pipeline.detector_choice.notes + pipeline.embedder_choice.notes]
    lines.append("files:")
    lines += [f"  {'found  ' if r['found'] else 'missing'} {r['file']:<30} {r['found'] or ''}" for r in rows]
    emit(args, data, "\n".join(lines))
    return 0


def _liveness_status(settings) -> dict:
    """Whether the liveness check is active, and why (kiosk.recognition.liveness)."""

    try:
        checker, why = load_liveness(settings)
    except Exception as exc:  # a broken file: reported, the rest of the status still shown
        checker, why = None, f"off: the liveness model could not be loaded ({exc})"
    return {"active": checker is not None, "why": why,
            "models": [m.name for m in checker.models] if checker else [],
            "threshold": checker.threshold if checker else None}


def cmd_reembed(args) -> int:
    service = open_service(args)
    records = service.store.load_all()[0]
    target = service.pipeline.embedder.name
    wanted = {service.resolve_id(i) for i in args.ids}
    todo = [r for r in records if (not wanted or r.user_id in wanted) and (args.force or r.embedder != target)]
    done, failed = [], []
    for record in todo:
        photos = record.photo_paths()
        if len(photos) != 3:
            failed.append(f"{record.user_id}: no stored photos; enroll them again")
            continue
        try:
            service.enroll(record.user_id, record.name, record.mobile,
                           [service.store.load_photo(p) for p in photos], replace=True, allow_duplicate=True)
            # The learned real-mask templates came along (store.save); re-embed them from their crops.
            failed += reembed_learned(service, record.user_id, force=args.force)[1]
            done.append(record.user_id)
        except Exception as exc:  # one bad person must not stop the others
            failed.append(f"{record.user_id}: {exc}")
    for message in failed:
        print(f"error: {message}", file=sys.stderr)
    emit(args, {"reembedded": done, "failed": failed}, f"re-embedded {len(done)} people with {target}")
    return 1 if failed else 0


def cmd_checkin(args) -> int:
    image = load_image(args.image) if args.image else None
    service = open_service(args)
    result = service.pin_checkin(args.id, read_pin(args), image)
    if not result.accepted:
        if args.json:
            emit(args, result.as_dict(), "")
        raise CliError(result.message)
    lines = [result.message]
    if result.learning is not None:
        lines.append(f"mask template: {result.learning.action} ({result.learning.reason})")
    emit(args, result.as_dict(), "\n".join(lines))
    return 0


def cmd_set_pin(args) -> int:
    service = open_service(args)
    user_id = service.resolve_id(args.id)
    if args.clear:
        found = service.pins.clear_pin(user_id)
        emit(args, {"id": user_id, "cleared": found}, f"PIN of {user_id} {'cleared' if found else 'was not set'}")
        return 0
    service.set_pin(user_id, read_pin(args))
    emit(args, {"id": user_id, "set": True}, f"PIN of {user_id} set")
    return 0


def cmd_learned(args) -> int:
    service = open_service(args)
    store = LearnedTemplates(service.store)
    ids = [service.resolve_id(i) for i in args.ids]
    if args.approve or args.remove:
        if len(ids) != 1:
            raise CliError("--approve/--remove need exactly one worker ID")
        (service.approve_learned if args.approve else service.remove_learned)(ids[0], args.approve or args.remove)
        emit(args, {"id": ids[0], "approved" if args.approve else "removed": args.approve or args.remove},
              f"{'approved' if args.approve else 'removed'} {args.approve or args.remove} of {ids[0]}")
        return 0
    people = [r.user_id for r in service.people() if not ids or r.user_id in ids]
    data = {uid: store.list(uid) for uid in people}
    lines = [f"{uid} {e['name']:<8} {e['status']:<8} {e['source']:<5} {e['date']} similarity {e.get('similarity', '')}"
             for uid, entries in data.items() for e in entries]
    emit(args, data, "\n".join(lines) or "no learned mask templates")
    return 0


# ---- parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Offline face-recognition attendance kiosk.")
    parser.add_argument("--data-dir", help="folder of embeddings/ and attendance.db "
                                           "(default: $KIOSK_DATA_DIR or the current folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("--pin-file", metavar="FILE", help="the HR or admin PIN for privileged commands (the file's "
                                                            "first line; default: asked on the terminal)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, func, help: str, json_flag: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    p = command("enroll", cmd_enroll, "enroll a person from three photos")
    p.add_argument("--id", required=True, help=f"worker ID: {worker_id.RULE_TEXT}")
    p.add_argument("--name", required=True)
    p.add_argument("--mobile", default="", help="mobile number (optional; checked when given)")
    p.add_argument("images", nargs="+", metavar="IMG")
    p.add_argument("--replace", action="store_true", help="re-enroll an existing worker ID")
    p.add_argument("--allow-duplicate", action="store_true", help="enroll even if the face matches someone else")
    p.add_argument("--no-masks", action="store_true", help="store the 3 originals only (faster, worse on masks)")

    p = command("recognize", cmd_recognize, "recognise every face in an image; --record checks them in")
    p.add_argument("image")
    p.add_argument("--record", action="store_true", help="write attendance (with the cooldown) and the access log")
    p.add_argument("--no-record", action="store_false", dest="record", help=argparse.SUPPRESS)  # the old default
    p.add_argument("--top-k", type=positive_int, default=3, help="candidates to show per face (>= 1)")

    command("users", cmd_users, "list enrolled people")
    p = command("delete", cmd_delete, "delete an enrolled person (attendance history is kept); asks first")
    p.add_argument("id", help="worker ID (any case)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation (needed when stdin is not a terminal)")
    p = command("rename-id", cmd_rename_id, "give a person a new worker ID: their gallery folder, check-ins, "
                                            "access log, PIN and PIN check-in frames move with it (audited)")
    p.add_argument("old", help="the worker ID now (any case)")
    p.add_argument("new", help=f"the new worker ID: {worker_id.RULE_TEXT}")
    command("stats", cmd_stats, "counts: enrolled, present today, check-ins")
    p = command("calibrate", cmd_calibrate, "site self-check: the closest look-alikes among enrolled people and the "
                                            "false-accept risk at the current thresholds; --apply sets site thresholds")
    p.add_argument("--apply", action="store_true", help="write the suggested thresholds to kiosk.toml")

    p = command("export", cmd_export, "export attendance to CSV")
    p.add_argument("--from", dest="date_from", type=parse_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=parse_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="FILE.csv", help="the CSV file, or - for stdout")
    p.add_argument("--id", help="only this worker ID")
    p.add_argument("--summary", action="store_true", help="daily first-in / last-out instead of events")

    p = command("check-photo", cmd_check_photo, "check a photo's quality for enrollment")
    p.add_argument("image")

    p = command("models", cmd_models, "show which detector and embedder are active; fetch weights")
    p.add_argument("action", nargs="?", choices=["status", "fetch", "install"], default="status")
    p.add_argument("keys", nargs="*", help="fetch: model keys (default: the specified pair); install: files")
    p.add_argument("--timeout", type=float, default=15.0, help="network timeout in seconds")

    p = command("reembed", cmd_reembed, "re-embed people from their stored photos with the active model")
    p.add_argument("ids", nargs="*", help="worker IDs (default: everyone enrolled with another model)")
    p.add_argument("--force", action="store_true", help="also people already on the active model")

    p = command("checkin", cmd_checkin, "check in by worker ID and personal PIN (the kiosk's keypad); "
                                        "IMAGE: the camera frame, kept for HR and used to learn a real mask")
    p.add_argument("--id", required=True, help="worker ID")
    p.add_argument("--pin", help="the personal PIN (default: asked for, or one line of stdin)")
    p.add_argument("image", nargs="?", help="the face frame (optional)")
    p = command("set-pin", cmd_set_pin, "set (or --clear) a person's check-in PIN (4-6 digits)")
    p.add_argument("id")
    p.add_argument("--pin", help="the new PIN (default: asked for, or one line of stdin)")
    p.add_argument("--clear", action="store_true", help="remove the PIN (no worker-ID check-in)")
    p = command("learned", cmd_learned, "list learned real-mask templates; --approve / --remove one")
    p.add_argument("ids", nargs="*", help="worker IDs (default: everyone)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--approve", metavar="NAME", help="approve a pending template (e.g. real_2)")
    group.add_argument("--remove", metavar="NAME", help="remove a template")

    for module_name in TOOL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    private_process()  # every file a command writes (exports included) is the user's only
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        named = args.data_dir or os.environ.get("KIOSK_DATA_DIR")
        if named and args.command not in CREATES_DATA_DIR + NO_DATA_DIR and not Path(named).expanduser().is_dir():
            where = "--data-dir" if args.data_dir else "KIOSK_DATA_DIR"
            raise CliError(f"the data folder {named} does not exist (check {where})")
        args.settings = load_settings(args.data_dir)
        authorize(args)  # privileged commands: the HR or admin PIN (kiosk.commands.staff_access)
        return args.func(args)
    except (CliError, ImageError, EnrollmentError, GalleryError, FetchError, FileNotFoundError,
            ValueError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"error: {message}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        from kiosk.attendance.errors import explain

        settings = getattr(args, "settings", None)
        print(f"error: {explain(exc, settings.db_path if settings else 'attendance.db')}", file=sys.stderr)
        return 1
    except SiteError as exc:  # the site's server: the message names it and says what is wrong
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        from kiosk.common.fsutil import describe_os_error

        print(f"error: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
