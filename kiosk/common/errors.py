"""Errors every layer may raise or recognise: a server that cannot be used, a command's one-line failure."""
from __future__ import annotations


class SiteError(ConnectionError):
    """The site's PostgreSQL server is unreachable or refused the work. A ConnectionError (so an
    OSError): every place that already keeps a write for later when the disk or the SQLite file
    refuses it does the same for the server, and the screens say the message as it is."""


class CliError(Exception):
    """A failure to report as one line, exit code 1."""
