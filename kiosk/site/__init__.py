"""A site: several kiosks and HR desks sharing one PostgreSQL database (issue 14).

A single kiosk keeps its SQLite file and embeddings folder. When `database_url` is set
(kiosk.toml or KIOSK_DATABASE_URL) the server holds the site's truth: people and their
templates, attendance, the access log, PINs and the site's thresholds. Each kiosk keeps its
embeddings folder as a local cache (it starts and recognises without the server), follows the
server's changes by LISTEN/NOTIFY with a periodic check as a safety net (sync.py), and keeps
the check-ins it cannot write in its outbox until the server is back (kiosk.attendance.outbox).
"""
