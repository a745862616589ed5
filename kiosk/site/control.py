"""What the kiosk's service does for a site (kiosk.app.service.KioskService mixes this in): follow
the server, apply its shared settings, send changes made here, say where the store stands."""
from __future__ import annotations

import logging

from kiosk.attendance.outbox import StoreStatus
from kiosk.recognition.pin_checkin import rename_review_frames
from kiosk.security.audit import THRESHOLD_CHANGE
from kiosk.site.gallery import SITE_SETTINGS

log = logging.getLogger(__name__)


class SiteControl:
    """Needs `site` (kiosk.site.node.Site or None), `settings`, `outbox`, `_own_settings`,
    `_pipeline`, `reload()` and `audit_event()` of the service."""

    def start_site(self) -> None:
        """Follow the site's server on a thread (the kiosk and the HR desk call this)."""
        if self.site is not None:
            self.site.start()

    def stop_site(self) -> None:
        if self.site is not None:
            self.site.stop()

    def _site_changed(self) -> None:
        """The sync thread changed the local cache: rebuild the matcher now, not at the next face."""
        try:
            if self._pipeline is not None:
                self.reload()
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

    def set_site_settings(self, **values) -> None:
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
        self.audit_event(THRESHOLD_CHANGE, **values)
        if self._pipeline is not None:
            self.reload()

    def gallery_changed(self, user_id: str) -> None:
        """A person's folder changed here without an enrolment (a learned mask, an approval):
        the site gets it (now, or once it is back), the matcher reloads."""
        if self.site is not None:
            self.site.changed_here(user_id)
        self.reload()

    def site_status(self) -> StoreStatus | None:
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
