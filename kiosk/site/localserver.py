"""A throwaway PostgreSQL server from Debian's packages, in a folder of its own, on a free
local port: for the tests, the site benchmark and an admin trying a site on one machine.
Nothing is mocked: it is the real server, started with initdb and pg_ctl and stopped after.

PostgreSQL refuses to run as root; as root the server runs as the `postgres` user that
Debian's package creates (the folder is handed to it)."""
from __future__ import annotations

import argparse
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

INSTALL_HINT = "install Debian's PostgreSQL server: installer/postgres.sh (apt-get install postgresql)"


def pg_bin(tool: str) -> Path:
    """A PostgreSQL server program (initdb, pg_ctl), newest installed version first."""
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0, reverse=True)
    found = candidates[0] if candidates else shutil.which(tool)
    if not found:
        raise FileNotFoundError(f"PostgreSQL's {tool} was not found: {INSTALL_HINT}")
    return Path(found)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """`with LocalServer() as server: server.url` - a running server with one database."""

    def __init__(self, folder: str | os.PathLike | None = None, port: int | None = None, dbname: str = "kiosk"):
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.port = port or free_port()
        self.dbname = dbname
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "sock"
        self.user = "kiosk"
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{self.dbname}"

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as, *argv], capture_output=True, text=True, check=check, timeout=120)

    def init(self) -> None:
        if (self.data / "PG_VERSION").is_file():
            return
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self._as:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        try:
            self._run(str(pg_bin("initdb")), "-D", str(self.data), "-U", self.user, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8")
        except subprocess.CalledProcessError as exc:
            raise RuntimeError(f"initdb failed: {exc.stderr.strip()}") from exc

    def start(self) -> LocalServer:
        self.init()
        try:
            self._run(str(pg_bin("pg_ctl")), "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w",
                      "-t", "60", "-o",
                      f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=on "
                      f"-c max_connections=200", "start")
        except subprocess.CalledProcessError as exc:
            log = (self.folder / "server.log")
            tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
            raise RuntimeError(f"PostgreSQL did not start: {exc.stderr.strip()} {tail}") from exc
        self._ensure_database()
        return self

    def _ensure_database(self) -> None:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres",
                                     autocommit=True, connect_timeout=3) as conn:
                    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.dbname]).fetchone():
                        conn.execute(f'CREATE DATABASE "{self.dbname}"')
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self, mode: str = "fast") -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(pg_bin("pg_ctl")), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def running(self) -> bool:
        return self._run(str(pg_bin("pg_ctl")), "-D", str(self.data), "status", check=False).returncode == 0

    def remove(self) -> None:
        self.stop("immediate")
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.remove()


def main(argv: list[str] | None = None) -> int:
    """`python -m kiosk.site.localserver start|stop FOLDER`: the test command's server
    (run.sh test starts one, exports its URL as KIOSK_TEST_DATABASE_URL, and stops it after)."""

    parser = argparse.ArgumentParser(prog="python -m kiosk.site.localserver", description=main.__doc__)
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    port_file = args.folder / "port"
    if args.action == "start":
        args.folder.mkdir(parents=True, exist_ok=True)
        server = LocalServer(args.folder, port=int(port_file.read_text()) if port_file.is_file() else None)
        server.start()
        port_file.write_text(str(server.port))
        print(server.url)
    else:
        if port_file.is_file():
            LocalServer(args.folder, port=int(port_file.read_text())).stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
