"""Opening a store: engine, SQLite pragmas, and the Alembic upgrade at open.

SQLite runs in WAL mode with foreign keys on, ``synchronous=FULL`` (an action
is durable once committed) and a busy timeout; write transactions start with
``BEGIN IMMEDIATE`` so two writers queue instead of failing half-way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import orjson
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from annotator import paths
from annotator.i18n import _

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file


def _json_dumps(value) -> str:
    return orjson.dumps(value).decode("utf-8")


class DatabaseError(Exception):
    """A database that cannot be opened as it is, with the reason for the user."""


def _is_url(target: str) -> bool:
    return "://" in target


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a file path or a URL (``postgresql://`` becomes psycopg 3)."""
    if not _is_url(target):
        return f"sqlite:///{Path(target).expanduser()}"
    url = make_url(target)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, not the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _alembic_config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    config.attributes["connection"] = connection
    return config


def _sqlite_file(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _backup_sqlite(path: Path, revision: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.{revision}.{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        target = sqlite3.connect(backup)
        with target:
            source.backup(target)  # consistent even with a WAL file beside it
        target.close()
    finally:
        source.close()
    return backup


def migrate(engine: Engine) -> str | None:
    """Bring the database to the code's revision; returns the backup made, if any."""
    with engine.connect() as connection:
        config = _alembic_config(connection)
        script = ScriptDirectory.from_config(config)
        head = script.get_current_head()
        current = MigrationContext.configure(connection).get_current_revision()
        if current is None and inspect(connection).get_table_names():
            raise DatabaseError(
                _("{database}: holds tables but no annotator revision; it is not an annotator database")
                .format(database=engine.url.render_as_string())
            )
        if current is not None:
            try:
                script.get_revision(current)
            except Exception:
                raise DatabaseError(
                    _("{database}: made by a newer annotator "
                      "(database revision {revision}, this version knows up to {head}); "
                      "upgrade annotator to open it").format(
                        database=engine.url.render_as_string(), revision=current, head=head)
                ) from None
        connection.rollback()  # end the read that autobegan; the upgrade has its own transaction
        if current == head:
            return None
        backup = None
        sqlite_file = _sqlite_file(engine)
        if current is not None and sqlite_file is not None:
            backup = str(_backup_sqlite(sqlite_file, current))
        with connection.begin():
            command.upgrade(config, "head")
        return backup


class Store:
    """An open database. Units of work come from :meth:`write` and :meth:`read`."""

    def __init__(self, engine: Engine, backup: str | None = None):
        self.engine = engine
        self.backup_made = backup
        self._reader = engine.execution_options(sqlite_begin="DEFERRED")

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def file(self) -> Path | None:
        """The SQLite file, or None for a server or an in-memory database."""
        return _sqlite_file(self.engine)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator["Repository"]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        from annotator.storage.repository import Repository

        with self.engine.begin() as connection:
            yield Repository(connection)

    @contextmanager
    def read(self) -> Iterator["Repository"]:
        from annotator.storage.repository import Repository

        with self._reader.connect() as connection:
            with connection.begin():
                yield Repository(connection)

    def close(self) -> None:
        self.engine.dispose()


def open_store(target: str, *, create: bool = True) -> Store:
    """Open (and upgrade) the database at a file path or URL."""
    if not _is_url(target):
        path = Path(target).expanduser()
        if not path.exists():
            if not create:
                raise DatabaseError(_("{database}: no such database").format(database=path))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(_("{database}: cannot create the database: {error}").format(
                    database=path, error=exc.strerror or exc)) from None
        else:
            _refuse_what_is_not_sqlite(path)
    try:
        engine = create_engine(database_url(target), json_serializer=_json_dumps, json_deserializer=orjson.loads)
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            _("{database}: needs the database driver {driver!r}; for PostgreSQL install annotator[postgres]")
            .format(database=target, driver=exc.name)
        ) from None
    except ArgumentError:
        raise DatabaseError(_("{database}: not a database file or URL that annotator can open "
                              "(a SQLite file or postgresql://…)").format(database=target)) from None
    if engine.dialect.name == "sqlite":
        _set_up_sqlite(engine)
    try:
        backup = migrate(engine)
        if engine.dialect.name == "sqlite":
            # Persistent in the file; set only once the file is known to be ours and current,
            # so that a database we refuse is left exactly as it was.
            raw = engine.raw_connection()  # outside any transaction, which WAL requires
            try:
                raw.cursor().execute("PRAGMA journal_mode = WAL")
            finally:
                raw.close()
            # A file another program holds locked is refused now, with a reason, rather than
            # at the first action the user makes.
            with engine.begin():
                pass
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as exc:  # locked, read-only, unreachable, refused login, a file SQLite calls corrupt
        engine.dispose()
        raise DatabaseError(_describe_failure(target, exc)) from None
    return Store(engine, backup)


def _describe_failure(target: str, exc: DBAPIError) -> str:
    error = " ".join(str(exc.orig).split())  # one line: a driver's message may have several
    if "database is locked" in error:
        return _("{database}: another program holds the database locked; close it there and try again") \
            .format(database=target)
    if "file is not a database" in error:
        return _("{database}: not a SQLite database (another kind of file, or a damaged one)") \
            .format(database=target)
    return _("{database}: cannot open the database: {error}").format(database=target, error=error)


def _refuse_what_is_not_sqlite(path: Path) -> None:
    """An existing file must be a SQLite database (or empty): anything else is left exactly as it is."""
    if path.is_dir():
        raise DatabaseError(_("{database}: is a folder, not a database").format(database=path))
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(_("{database}: cannot read: {error}").format(
            database=path, error=exc.strerror or exc)) from None
    if head and head != SQLITE_MAGIC:
        raise DatabaseError(_("{database}: not a SQLite database (another kind of file, or a damaged one)")
                            .format(database=path))
