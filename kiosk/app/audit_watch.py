"""The audit trail checked without anyone asking (issue 27): its triggers can be dropped by anyone
who can write attendance.db, and the hash chain only shows an edit when it is walked. The kiosk
walks it at start-up and daily (kiosk.ui.main_window, beside the retention purge), the HR screens
show a warning while it is broken, and `kiosk doctor` reports it."""
from __future__ import annotations

import logging
from typing import Protocol

from kiosk.app.settings import Settings
from kiosk.attendance.errors import STORE_ERRORS, explain
from kiosk.security.audit import AuditLog, ChainCheck

log = logging.getLogger(__name__)


class _Service(Protocol):
    settings: Settings
    audit_check: ChainCheck | None

    @property
    def audit(self) -> AuditLog: ...

    def check_audit(self) -> ChainCheck: ...


def chain_warning(check: ChainCheck) -> str:
    """What a person is told when the chain is broken: what, and what to do."""
    return (f"The audit trail is broken: {check.problem}. Someone with access to this machine may have "
            f"changed or removed records of what HR did. Keep a copy of the data folder as it is, find out "
            f"who had access, and restore attendance.db from a backup if needed (`kiosk audit verify` "
            f"checks it again).")


class AuditWatch:
    """Mixed into KioskService: the last walk of the audit chain and its warning."""

    audit_check: ChainCheck | None = None  # None: not walked yet by this service

    def check_audit(self: _Service) -> ChainCheck:
        """Walk the audit chain now and remember the result (a database that cannot be read
        counts as broken: the trail cannot be shown to be intact)."""
        try:
            check = self.audit.verify()
        except STORE_ERRORS as exc:
            check = ChainCheck(False, 0, f"the audit trail cannot be read ({explain(exc, self.settings.db_path)})")
        self.audit_check = check
        if not check.ok:
            log.warning("audit chain broken: %s", check.problem)
        return check

    def audit_warning(self: _Service) -> str | None:
        """The HR screens' banner: None while the chain is intact (walked now if never before)."""
        check = self.audit_check if self.audit_check is not None else self.check_audit()
        return None if check.ok else chain_warning(check)
