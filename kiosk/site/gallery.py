"""The gallery on the site's server, and the kiosk's embeddings folder as its local cache.

A person travels as their folder's files (GalleryStore.files_of / put_files): metadata.json
becomes `people.metadata`, each .npy template one `templates` row of float32 bytes, photos and
learned-mask crops `person_files` rows. Every change takes the next `site_revision` under one
advisory lock (so revisions commit in the order they were taken and a kiosk that asks for
"newer than N" never skips one) and sends NOTIFY kiosk_site in the same transaction."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

import numpy as np

from kiosk.common import worker_id
from kiosk.gallery.folders import GalleryError, taken_message
from kiosk.gallery.store import GalleryStore
from kiosk.security.at_rest import array_bytes, bytes_array
from kiosk.site.connection import Connections

log = logging.getLogger(__name__)

CHANNEL = "kiosk_site"
GALLERY_LOCK = 0x6B696F736C  # every gallery or settings change queues on it
# The settings a site shares (kiosk.app.settings.Settings names); everything else stays per kiosk.
SITE_SETTINGS = ("threshold", "masked_threshold", "margin", "masked_margin", "cooldown_seconds")


@dataclass
class PersonChange:
    """One person as the server has them at `revision` (files empty for a deletion)."""

    user_id: str
    name: str
    revision: int
    deleted: bool
    changed_by: str = ""
    files: dict[str, bytes] = field(default_factory=dict)


def split_files(files: dict[str, bytes]) -> tuple[dict, list[tuple[str, int, bytes]], list[tuple[str, bytes]]]:
    """A person's files as (metadata, template rows (path, dim, float32 bytes), other files)."""
    metadata = json.loads(files.get("metadata.json", b"{}").decode("utf-8"))
    templates, others = [], []
    for rel, data in files.items():
        if rel == "metadata.json":
            continue
        if rel.endswith(".npy"):
            vector = bytes_array(data).astype("<f4")
            templates.append((rel, int(vector.shape[0]), vector.tobytes()))
        else:
            others.append((rel, data))
    return metadata, templates, others


def join_files(metadata: dict, templates: list[tuple[str, int, bytes]], others: list[tuple[str, bytes]]) -> dict:
    files = {"metadata.json": json.dumps(metadata, indent=2, ensure_ascii=False).encode("utf-8")}
    for rel, dim, data in templates:
        vector = np.frombuffer(bytes(data), dtype="<f4")
        if vector.shape[0] != dim:
            raise GalleryError(f"template {rel} has {vector.shape[0]} numbers, the server says {dim}")
        files[rel] = array_bytes(vector.astype(np.float32))
    files |= {rel: bytes(data) for rel, data in others}
    return files


class SiteGallery:
    def __init__(self, connections: Connections, kiosk_id: str):
        self.connections = connections
        self.kiosk_id = kiosk_id

    def _next_revision(self, cur) -> int:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [GALLERY_LOCK])
        cur.execute("SELECT nextval('site_revision')")
        revision = cur.fetchone()[0]
        cur.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(revision)])
        return revision

    def site_id(self) -> str:
        with self.connections.transaction() as cur:
            cur.execute("SELECT site_id::text FROM site_identity")
            return cur.fetchone()[0]

    def push(self, user_id: str, files: dict[str, bytes], *, replace: bool, base: int | None = None) -> int:
        """Store one person's files as the new version. `replace` False refuses a person the
        site already has (enrolled at another desk meanwhile); `base` (the revision this change
        started from) refuses a change made over a newer one. Returns the new revision."""
        problem = worker_id.problem(user_id)
        if problem:
            raise GalleryError(problem)
        metadata, templates, others = split_files(files)
        name = str(metadata.get("name") or user_id)
        with self.connections.transaction() as cur:
            revision = self._next_revision(cur)  # under the gallery lock: nobody takes the ID meanwhile
            cur.execute("SELECT revision, deleted, changed_by FROM people WHERE user_id = %s", [user_id])
            current = cur.fetchone()
            if current is None or current[1]:  # a new person: nobody may hold the ID in another case
                self._refuse_case_twin(cur, user_id)
            if current is not None and not current[1]:
                if not replace:
                    raise GalleryError(f"worker ID {user_id} is already enrolled on the site (by {current[2]})")
                if base is not None and current[0] != base:
                    raise GalleryError(f"{user_id} was changed on the site meanwhile (by {current[2]}): "
                                       f"this kiosk's change is not sent")
            self._put_person(cur, user_id, name, metadata, revision)
            cur.execute("DELETE FROM templates WHERE user_id = %s", [user_id])
            cur.executemany("INSERT INTO templates (user_id, path, dim, vector) VALUES (%s, %s, %s, %s)",
                            [(user_id, rel, dim, data) for rel, dim, data in templates])
            cur.execute("DELETE FROM person_files WHERE user_id = %s AND NOT path = ANY(%s)",
                        [user_id, [rel for rel, _ in others]])
            # the same content sent again keeps its age (photo retention counts from the first time)
            cur.executemany("""INSERT INTO person_files (user_id, path, data) VALUES (%s, %s, %s)
                               ON CONFLICT (user_id, path) DO UPDATE SET data = excluded.data,
                                   stored_at = CASE WHEN person_files.data = excluded.data
                                                    THEN person_files.stored_at ELSE now() END""",
                            [(user_id, rel, data) for rel, data in others])
        return revision

    def _put_person(self, cur, user_id: str, name: str, metadata: dict, revision: int) -> None:
        """The `people` row of one person at `revision` (a tombstone of that ID comes back to life)."""
        cur.execute("""INSERT INTO people (user_id, name, mobile, embedder, metadata, revision, deleted,
                                           changed_at, changed_by)
                       VALUES (%s, %s, %s, %s, %s, %s, false, now(), %s)
                       ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, mobile = excluded.mobile,
                           embedder = excluded.embedder, metadata = excluded.metadata,
                           revision = excluded.revision, deleted = false, changed_at = now(),
                           changed_by = excluded.changed_by""",
                    [user_id, name, str(metadata.get("mobile") or ""), str(metadata.get("embedder") or ""),
                     json.dumps(metadata, ensure_ascii=False), revision, self.kiosk_id])

    @staticmethod
    def _refuse_case_twin(cur, user_id: str, but: str | None = None) -> None:
        """Raise when someone on the site (other than `but`) has `user_id` in another case."""
        cur.execute("""SELECT user_id, name FROM people WHERE lower(user_id) = lower(%s) AND user_id <> %s
                       AND user_id <> %s AND NOT deleted ORDER BY user_id LIMIT 1""",
                    [user_id, user_id, but or user_id])
        twin = cur.fetchone()
        if twin is not None:
            raise GalleryError(taken_message(user_id, twin[0], twin[1]) + " (on the site)")

    def purge_photos(self, cutoff, dry_run: bool) -> int:
        """Retention of enrolment photos on the site: the photos stored before `cutoff` are
        removed, and their people take a new revision so every kiosk's cache drops them too."""
        with self.connections.transaction() as cur:
            cur.execute("""SELECT user_id, count(*) FROM person_files
                           WHERE path LIKE 'photos/%%' AND stored_at < %s GROUP BY 1""", [cutoff])
            found = dict(cur.fetchall())
            if dry_run or not found:
                return sum(found.values())
            for user_id in found:
                revision = self._next_revision(cur)
                cur.execute("DELETE FROM person_files WHERE user_id = %s AND path LIKE 'photos/%%' AND stored_at < %s",
                            [user_id, cutoff])
                cur.execute("UPDATE people SET revision = %s, changed_at = now(), changed_by = %s WHERE user_id = %s",
                            [revision, self.kiosk_id, user_id])
        return sum(found.values())

    def delete(self, user_id: str) -> int:
        """Leave a tombstone (kiosks that were offline remove the person when they catch up)."""
        with self.connections.transaction() as cur:
            revision = self._next_revision(cur)
            cur.execute("""UPDATE people SET deleted = true, revision = %s, changed_at = now(), changed_by = %s
                           WHERE user_id = %s AND NOT deleted""", [revision, self.kiosk_id, user_id])
            if cur.rowcount == 0:
                raise GalleryError(f"no enrolled person has worker ID {user_id} on the site")
            cur.execute("DELETE FROM templates WHERE user_id = %s", [user_id])
            cur.execute("DELETE FROM person_files WHERE user_id = %s", [user_id])
        return revision

    def latest(self) -> int:
        with self.connections.transaction() as cur:
            cur.execute("SELECT coalesce(max(r), 0) FROM (SELECT max(revision) r FROM people "
                        "UNION ALL SELECT max(revision) FROM site_settings) x")
            return cur.fetchone()[0]

    def changes(self, since: int, *, skip: dict[str, int] | None = None, limit: int = 200) -> list[PersonChange]:
        """People changed after revision `since`, oldest first, with their files; `skip` maps
        user_id -> a revision this kiosk already holds (its own pushes): those come without files."""
        skip = skip or {}
        with self.connections.transaction() as cur:
            cur.execute("""SELECT user_id, name, revision, deleted, changed_by, metadata FROM people
                           WHERE revision > %s ORDER BY revision LIMIT %s""", [since, limit])
            rows = cur.fetchall()
            out = []
            for user_id, name, revision, deleted, changed_by, metadata in rows:
                change = PersonChange(user_id, name, revision, deleted, changed_by)
                if not deleted and skip.get(user_id) != revision:
                    cur.execute("SELECT path, dim, vector FROM templates WHERE user_id = %s", [user_id])
                    templates = cur.fetchall()
                    cur.execute("SELECT path, data FROM person_files WHERE user_id = %s", [user_id])
                    change.files = join_files(metadata, templates, cur.fetchall())
                out.append(change)
        return out

    def people_ids(self) -> set[str]:
        with self.connections.transaction() as cur:
            cur.execute("SELECT user_id FROM people WHERE NOT deleted")
            return {row[0] for row in cur.fetchall()}

    # -- the site's shared settings ------------------------------------------------------

    def settings(self) -> tuple[dict, int]:
        """The site's settings and the newest revision among them."""
        with self.connections.transaction() as cur:
            cur.execute("SELECT key, value, revision FROM site_settings")
            rows = cur.fetchall()
        return {k: v for k, v, _ in rows}, max((r for _, _, r in rows), default=0)

    def set_settings(self, values: dict) -> int:
        """Set (a value) or clear (None) shared settings; every kiosk applies them."""
        unknown = set(values) - set(SITE_SETTINGS)
        if unknown:
            raise ValueError(f"not a site setting: {', '.join(sorted(unknown))} (site settings: "
                             f"{', '.join(SITE_SETTINGS)})")
        with self.connections.transaction() as cur:
            revision = self._next_revision(cur)
            for key, value in values.items():  # a cleared one is a JSON null: it must reach the kiosks too
                cur.execute("""INSERT INTO site_settings (key, value, revision, changed_by)
                               VALUES (%s, %s, %s, %s)
                               ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                                   revision = excluded.revision, changed_at = now(), changed_by = excluded.changed_by""",
                            [key, json.dumps(value), revision, self.kiosk_id])
        return revision


def apply_change(store: GalleryStore, change: PersonChange) -> str:
    """Bring the local cache to the server's version of one person. Returns what was done."""
    if change.deleted:
        if store.folder_of(change.user_id, exact=True) is None:
            return "absent"
        store.delete(change.user_id, exact=True)
        return "deleted"
    if not change.files:
        return "kept"  # this kiosk's own version
    store.put_files(change.user_id, change.name, change.files).commit()
    return "written"
