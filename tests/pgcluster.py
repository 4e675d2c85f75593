"""A throw-away PostgreSQL cluster for the tests and benchmarks: initdb, start on a free port, stop.

The binaries come from ``pg_config --bindir`` or ``/usr/lib/postgresql/*/bin``
(Debian's ``postgresql`` package, which the README's test command installs).
initdb refuses to run as root, so as root the cluster belongs to the
``postgres`` system user (run through ``runuser``) in a directory it owns; as
anyone else it belongs to that user. The superuser ``postgres`` has a password
and TCP connections need one (scram), so the tests prove the logins they make.
Durability is off (fsync, synchronous commit) unless asked for: the cluster lives for one run.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "test-superuser"
TEMPLATE = "annotator_template"


def _bindir() -> Path:
    candidates = []
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
        candidates.append(Path(out))
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    raise RuntimeError(
        "PostgreSQL server binaries not found (pg_config --bindir, /usr/lib/postgresql/*/bin): "
        "install Debian's postgresql package, as the README's test command does")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, *, durable: bool = False, settings: dict[str, str] | None = None) -> None:
        self.durable = durable  # fsync and synchronous commit on, as a real server (benchmarks)
        self.settings = dict(settings or {})  # more server settings (a benchmark's pg_stat_statements)
        self.bindir = _bindir()
        self.as_root = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
        self.data = self.base / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._admin = None
        self._stopped = False

    # -------------------------------------------------------------- process
    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> "Cluster":
        pwfile = self.base / "pw"
        pwfile.write_text(SUPERUSER_PASSWORD + "\n")
        if self.as_root:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}", "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--no-sync")
        options = " ".join([
            "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''", "-c max_connections=300",
            "-c shared_buffers=64MB", "-c log_min_messages=fatal",
            *([] if self.durable else ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
            *(f"-c {name}={value}" for name, value in self.settings.items()),
        ])
        for attempt in range(5):
            self.port = _free_port()
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "log"), "-w", "-t", "60",
                          "-o", f"-p {self.port} {options}", "start")
                break
            except RuntimeError:
                if attempt == 4:
                    shutil.rmtree(self.base, ignore_errors=True)
                    raise
                time.sleep(0.2)
        atexit.register(self.stop)  # a run that ends without its teardown still stops the server
        try:
            self._template()
        except BaseException:  # a server that started must not outlive a start that failed
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        atexit.unregister(self.stop)
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    # ------------------------------------------------------------- databases
    def url(self, database: str, user: str = SUPERUSER, password: str = SUPERUSER_PASSWORD) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def admin(self):
        """An autocommit psycopg connection as the superuser, to the ``postgres`` database."""
        import psycopg

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER,
                                          password=SUPERUSER_PASSWORD, dbname="postgres", autocommit=True)
        return self._admin

    def _template(self) -> None:
        """A database at the code's head revision, copied for each test (far faster than migrating)."""
        from annotator.storage import open_store

        self.admin().execute(f'CREATE DATABASE "{TEMPLATE}"')
        open_store(self.url(TEMPLATE)).close()

    def create_database(self, *, empty: bool = False) -> str:
        """A fresh database, at the head revision (a copy of the template) or ``empty``."""
        name = f"t{next(self._names)}"
        template = "template0" if empty else TEMPLATE
        self.admin().execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
