"""The site side of a kiosk's service (kiosk.app.service.KioskService holds one): follow the
server, apply its shared settings, send changes made here, say where the store stands.

A separate object, not a base class of the service: it gets what it needs when it is made (the
settings, the gallery, the outbox and three of the service's callbacks), so the application core
and the site's cache do not share one namespace."""
from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.attendance.outbox import Outbox, StoreStatus
from kiosk.gallery.store import GalleryStore
from kiosk.recognition.pin_checkin import rename_review_frames
from kiosk.security.audit import THRESHOLD_CHANGE
from kiosk.site.gallery import SITE_SETTINGS
from kiosk.site.node import Site

log = logging.getLogger(__name__)


class SiteControl:
    """`site` is the kiosk.site.node.Site this kiosk follows, or None for a single kiosk on its own
    SQLite file. `reload` rebuilds the service's matcher; `matcher_loaded` says whether there is
    one to rebuild (the models are loaded); `audit_event` writes the HR audit trail;
    `deliver_outbox` sends what waited once the server answers again."""

    def __init__(self, settings, store: GalleryStore, outbox: Outbox, *, reload: Callable[[], object],
                 matcher_loaded: Callable[[], bool], audit_event: Callable[..., object],
                 deliver_outbox: Callable[[], object]):
        self.settings = settings
        self.store = store
        self.outbox = outbox
        self._reload = reload
        self._matcher_loaded = matcher_loaded
        self._audit_event = audit_event
        self.site: Site | None = None
        if settings.database_url:  # the embeddings folder is then the site's local cache
            self._own_settings = {k: getattr(settings, k) for k in SITE_SETTINGS}
            self.site = Site(settings, store, on_change=self._site_changed, on_settings=self._apply_site_settings,
                             on_online=deliver_outbox, on_rename=self._site_renamed)
            self._apply_site_settings(self.site.cached_settings)  # what it last saw: it may start offline

    def start(self) -> None:
        """Follow the site's server on a thread (the kiosk and the HR desk call this)."""
        if self.site is not None:
            self.site.start()

    def stop(self) -> None:
        if self.site is not None:
            self.site.stop()

    def _site_changed(self) -> None:
        """The sync thread changed the local cache: rebuild the matcher now, not at the next face."""
        try:
            if self._matcher_loaded():
                self._reload()
        except Exception as exc:  # noqa: BLE001 - the next face reloads; the sync thread must go on
            log.warning("gallery reload after a site change failed: %s", exc)

    def _site_renamed(self, old: str, new: str) -> None:
        """A person was renamed on the site: this kiosk's PIN check-in frames of theirs follow."""

        try:
            if rename_review_frames(self.store, self.settings.data_dir, old, new):
                log.info("PIN check-in frames of %s renamed to %s", old, new)
        except OSError as exc:  # a full disk: tried again at the next catch-up (the metadata keeps saying it)
            log.warning("PIN check-in frames of %s not renamed to %s: %s", old, new, exc)

    def _apply_site_settings(self, values: dict) -> None:
        """The site's shared settings over this kiosk's own (a cleared one: the kiosk's own)."""
        for key in SITE_SETTINGS:
            value = values.get(key)
            setattr(self.settings, key, self._own_settings[key] if value is None else value)
        if self.site is not None:  # the cooldown is judged on the server, with this kiosk's value
            self.site.attendance.cooldown_seconds = int(self.settings.cooldown_seconds)

    def set_settings(self, **values) -> None:
        """Thresholds and the cooldown for every kiosk of the site (audited); a single kiosk
        writes them to its kiosk.toml."""

        if self.site is not None:
            self.site.set_settings(values)
            self.site.pull()
        else:
            for key, value in values.items():
                if key not in SITE_SETTINGS:
                    raise ValueError(f"not a shared setting: {key}")
                setattr(self.settings, key, value)
            self.settings.save()
        self._audit_event(THRESHOLD_CHANGE, **values)
        if self._matcher_loaded():
            self._reload()

    def gallery_changed(self, user_id: str) -> None:
        """A person's folder changed here without an enrolment (a learned mask, an approval):
        the site gets it (now, or once it is back), the matcher reloads."""
        if self.site is not None:
            self.site.changed_here(user_id)
        self._reload()

    def status(self) -> StoreStatus | None:
        """What the status line says about the store: None for a single kiosk with nothing
        waiting (nothing to show); else online/offline and the outbox count. Cheap: a folder
        listing, no database round trip (the screens poll it)."""
        queued = len(self.outbox)
        if self.site is None:
            return StoreStatus(None, queued) if queued else None
        online = self.site.connections.online
        if online is None:  # not asked yet (the first seconds after start): nothing to say
            return StoreStatus(False, queued) if queued else None
        return StoreStatus(online, queued)
