"""A worker-ID rename on a site's server (kiosk.app.worker_id_change): the person's gallery rows and every
attendance row of theirs move in one transaction. The old ID becomes a tombstone (kiosks drop
the old folder when they catch up, offline ones later) and the new ID takes the next revision
with the same templates and files, its metadata naming the old ID (`renamed_from`) so that each
kiosk renames its own PIN check-in frames (Site.pull)."""
from __future__ import annotations

import json
from datetime import datetime

from kiosk.attendance.db import local_now
from kiosk.attendance.renames import move_rows
from kiosk.common import worker_id
from kiosk.gallery.folders import GalleryError, taken_message
from kiosk.gallery.renaming import renamed_metadata
from kiosk.site.gallery import SiteGallery


def rename_on_site(site, old: str, new: str, frame_path=None, now: datetime | None = None) -> tuple[dict, bool]:
    """Rename `old` to `new` on the server. Returns (rows moved per table, whether an enrolled
    person moved: False for someone known only to the attendance tables, a deleted person)."""
    problem = worker_id.problem(new)
    if problem:
        raise GalleryError(problem)
    site.ensure_schema()
    with site.connections.transaction() as cur:
        tombstone = site.gallery._next_revision(cur)  # the gallery lock: nobody takes `new` meanwhile
        SiteGallery._refuse_case_twin(cur, new, but=old)
        cur.execute("""SELECT user_id FROM people WHERE user_id = %(new)s AND NOT deleted
                       UNION SELECT id FROM employees WHERE lower(id) = lower(%(new)s) AND id <> %(old)s""",
                    {"new": new, "old": old})
        holder = cur.fetchone()  # someone else's history is never merged into this person's
        if holder is not None:
            raise GalleryError(taken_message(new, holder[0]) + " (on the site)")
        cur.execute("SELECT name, metadata FROM people WHERE user_id = %s AND NOT deleted FOR UPDATE", [old])
        person = cur.fetchone()
        if person is not None:
            cur.execute("""UPDATE people SET deleted = true, revision = %s, changed_at = now(), changed_by = %s
                           WHERE user_id = %s""", [tombstone, site.kiosk_id, old])
            site.gallery._put_person(cur, new, person[0], renamed_metadata(person[1], old, new),
                                     site.gallery._next_revision(cur))
            for table in ("templates", "person_files"):  # the files keep their age (photo retention)
                cur.execute(f"DELETE FROM {table} WHERE user_id = %s", [new])
                cur.execute(f"UPDATE {table} SET user_id = %s WHERE user_id = %s", [new, old])
        moved = move_rows(lambda sql, params: cur.execute(sql.replace("?", "%s"), params),
                          old, new, local_now(now), frame_path)
    return moved, person is not None


def renamed_from(files: dict[str, bytes]) -> list[str]:
    """The earlier IDs a person's metadata.json names (after a rename on the site)."""
    try:
        history = json.loads(files.get("metadata.json", b"{}").decode("utf-8")).get("renamed_from")
    except (ValueError, AttributeError):
        return []
    return [i for i in history if isinstance(i, str)] if isinstance(history, list) else []
