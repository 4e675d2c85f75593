"""Opening a store: engine, SQLite pragmas, and the Alembic upgrade at open.

SQLite runs in WAL mode with foreign keys on, ``synchronous=FULL`` (an action
is durable once committed) and a busy timeout; write transactions start with
``BEGIN IMMEDIATE`` so two writers queue instead of failing half-way.

PostgreSQL runs many writers at once, so each write transaction says what it
changes and first takes transaction-scoped advisory locks for that (see
:meth:`Store.write`): one owner's actions on one document queue one behind the
other (reading the undo history and appending to it is one step), an owner's
undo across all documents waits for all of that owner's actions, and a write
that changes everything (an import, the scheme) waits for every action and
holds off every other. Reads never wait for writers on either backend.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import orjson
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError

from annotator import paths
from annotator.i18n import _

BUSY_TIMEOUT_MS = 10_000
QUEUE_TIMEOUT_S = BUSY_TIMEOUT_MS / 1000  # a writer of this process waits as long for the others
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database file


def _json_dumps(value) -> str:
    return orjson.dumps(value).decode("utf-8")


class DatabaseError(Exception):
    """A database that cannot be opened or written as it is, with the reason for the user."""


class Busy(DatabaseError):
    """SQLite: another writer (an import) held the file's write lock for longer than the busy timeout."""


class Refused(DatabaseError):
    """PostgreSQL refused a write that the login's role may not make (row-level security, grants)."""


class Conflict(DatabaseError):
    """PostgreSQL reported a clash with a concurrent transaction (serialisation failure, deadlock,
    a unique key taken by a racing writer): nothing was written, and running it again may succeed."""


# SQLSTATEs of a clash with a concurrent transaction: serialization_failure, deadlock_detected,
# unique_violation; and of a lock not granted within the busy timeout (lock_not_available).
_CONFLICT_STATES = {"40001", "40P01", "23505"}
_BUSY_STATE = "55P03"
_REFUSED_STATE = "42501"  # insufficient_privilege: a row-level security policy or a grant said no
# The key of the lock that every write takes (shared) and a write of everything takes (exclusive):
# the two-int form, which PostgreSQL keeps apart from the one-bigint keys of owners and documents.
_ALL_KEY = (0x616E6E6F, 0)


def _lock_key(*parts: str) -> int:
    """A stable signed 64-bit advisory lock key for an owner or an (owner, document) pair."""
    digest = hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


_LOCK_MIGRATION = text(f"SELECT pg_advisory_lock({_ALL_KEY[0]}, 1)")
_UNLOCK_MIGRATION = text(f"SELECT pg_advisory_unlock({_ALL_KEY[0]}, 1)")
_WHO_AM_I = text(
    "SELECT current_user::text, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role("
    "current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')")
_DATABASE_OWNER = text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
# One round trip per write: the busy timeout for this transaction, a notification for the other
# desktops' watches (storage/watch.py; delivered at commit, dropped on rollback), then its locks,
# left to right.
_TIMEOUT = "set_config('lock_timeout', :timeout, true), pg_notify('annotator_actions', '')"
_LOCK_ALL = text(f"SELECT {_TIMEOUT}, pg_advisory_xact_lock({_ALL_KEY[0]}, {_ALL_KEY[1]})")
_LOCK_OWNER = text(f"SELECT {_TIMEOUT}, pg_advisory_xact_lock_shared({_ALL_KEY[0]}, {_ALL_KEY[1]}), "
                   "pg_advisory_xact_lock(:owner)")
_LOCK_DOCUMENT = text(f"SELECT {_TIMEOUT}, pg_advisory_xact_lock_shared({_ALL_KEY[0]}, {_ALL_KEY[1]}), "
                      "pg_advisory_xact_lock_shared(:owner), pg_advisory_xact_lock(:document)")


def _is_url(target: str) -> bool:
    return "://" in target


def _shown(target: str) -> str:
    """A path or URL as a message may show it: never a password."""
    return make_url(target).render_as_string(hide_password=True) if _is_url(target) else target


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
        _record.info["synchronous"] = "FULL"
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        options = connection.get_execution_options()
        synchronous = "NORMAL" if options.get("relaxed") else "FULL"
        info = connection.connection.info
        if info.get("synchronous") != synchronous:  # a pragma that cannot change inside a transaction
            connection.exec_driver_sql(f"PRAGMA synchronous = {synchronous}")
            info["synchronous"] = synchronous
        connection.exec_driver_sql(f"BEGIN {options.get('sqlite_begin', 'IMMEDIATE')}")


def _set_up_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # psycopg prepares a statement on the server once it has run 5 times, and after 5 more the
        # server may plan it once for any parameters: a search's tsquery is a parameter, and a plan
        # made without it walks the ordinal index testing every row (measured at 10,000 documents:
        # a search over spans 17 ms, then 80 ms from its sixth run on). Each run planned for its
        # own values costs a millisecond or so of planning.
        dbapi_connection.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_connection.commit()


# The newest migration in db/versions (a test holds this to Alembic's own answer). Opening a
# database already there needs no Alembic at all: importing it and reading every migration script
# to learn the head cost a fifth of the window's start-up.
HEAD_REVISION = "0023"


def _alembic_config(connection):
    from alembic.config import Config

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
    """Bring the database to the code's revision; returns the backup made, if any.

    The check only reads (SQLite: a deferred transaction), so that opening a current database
    never waits for a writer; only an upgrade takes the write lock."""
    with engine.execution_options(sqlite_begin="DEFERRED").connect() as connection:
        if engine.dialect.name == "postgresql":
            # Two desktops opening a new or older database at once: one migrates, the other waits,
            # then finds it current. A session lock, taken before reading the revision.
            connection.execute(_LOCK_MIGRATION)
            connection.commit()
        try:
            return _migrate(engine, connection)
        finally:
            if engine.dialect.name == "postgresql":
                connection.rollback()
                connection.execute(_UNLOCK_MIGRATION)
                connection.commit()


def _stored_revision(connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _migrate(engine: Engine, connection) -> str | None:
    if _stored_revision(connection) == HEAD_REVISION:
        connection.rollback()
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

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
    if current == head:
        connection.rollback()
        return None
    if engine.dialect.name == "postgresql":
        _refuse_a_members_upgrade(engine, connection, current, head)
    connection.rollback()  # end the read that autobegan; the upgrade has its own transaction
    backup = None
    sqlite_file = _sqlite_file(engine)
    if current is not None and sqlite_file is not None:
        backup = str(_backup_sqlite(sqlite_file, current))
    with engine.connect() as writer, writer.begin():  # SQLite: BEGIN IMMEDIATE, the write lock
        command.upgrade(_alembic_config(writer), "head")
    return backup


def _refuse_a_members_upgrade(engine: Engine, connection, current: str | None, head: str) -> None:
    """Only the database's owner (or a superuser) may create or upgrade its tables: a team member's
    login is told so, and by whom, instead of the server's "must be owner of table" half-way."""
    login, administers = connection.execute(_WHO_AM_I).one()
    if administers:
        return
    owner = connection.execute(_DATABASE_OWNER).scalar()
    database = engine.url.render_as_string(hide_password=True)
    if current is None:
        raise DatabaseError(_(
            "{database}: has no annotator tables yet, and only the database's owner ({owner}) may create "
            "them; {owner} opens it once with annotator, then you can (you are logged in as {login})"
        ).format(database=database, owner=owner, login=login))
    raise DatabaseError(_(
        "{database}: was made by an older annotator (database revision {revision}; this version needs {head}), "
        "and only the database's owner ({owner}) may upgrade it; {owner} opens it once with this version of "
        "annotator, then you can (you are logged in as {login})"
    ).format(database=database, revision=current, head=head, owner=owner, login=login))


_FILE_WRITERS: dict[str, threading.RLock] = {}
_FILE_WRITERS_LOCK = threading.Lock()


def _writer_lock(file: Path | None) -> threading.RLock:
    """The lock this process's writers of one SQLite file queue on before ``BEGIN IMMEDIATE``.

    SQLite's busy handler polls for the file's lock with sleeps that grow to 25, 50 and 100 ms, so
    an action that found the background indexer's batch committing (~20 ms) could sleep on for
    tens of milliseconds after the lock was free.
    Writers of this process wait here instead and take the file as soon as it is let go; other
    processes' writers still meet the busy timeout. Re-entrant: a nested write on one thread fails
    as it did before (busy), instead of waiting for itself."""
    key = str(file.resolve()) if file is not None else ""
    with _FILE_WRITERS_LOCK:
        return _FILE_WRITERS.setdefault(key, threading.RLock())


class Store:
    """An open database. Units of work come from :meth:`write` and :meth:`read`."""

    def __init__(self, engine: Engine, backup: str | None = None):
        self.engine = engine
        self.backup_made = backup
        self._reader = engine.execution_options(sqlite_begin="DEFERRED")
        self._relaxed = engine.execution_options(relaxed=True)
        self.login = self._member_login()
        file = self.file if self.is_sqlite else None
        self._writers = _writer_lock(file) if file is not None else threading.RLock() if self.is_sqlite else None

    def _member_login(self) -> str | None:
        """PostgreSQL: the session's login when it is a team member (who acts is then proved by the
        server, not named on the command line); None on SQLite, and for the database's owner or a
        superuser, who administer the database and may act in anyone's name."""
        if self.is_sqlite:
            return None
        with self.engine.connect() as connection:
            login, administers = connection.execute(_WHO_AM_I).one()
        return None if administers else login

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
    def write(self, *, owner: str | None = None, document_id: str | None = None,
              durable: bool = True) -> Iterator["Repository"]:
        """One transaction: committed when the block ends, rolled back on any exception.

        ``durable=False`` is for what can be made again from the rest (the index of repeated
        passages): its commit does not wait for the disk (SQLite ``synchronous=NORMAL``, which in WAL
        mode keeps the file whole; PostgreSQL ``synchronous_commit=off``), so it holds the write lock
        a few milliseconds instead of a flush; a power cut may lose the last such commits, never an
        action, and never out of order (a later durable commit flushes them too).

        What it may change: ``owner``'s set of ``document_id``; ``owner``'s sets of any document
        (no ``document_id``); or, with neither, anything. On PostgreSQL the transaction first takes
        the advisory locks that make it wait for the writes it could clash with (in one fixed
        order: everything, owner, document, so two writers never wait for each other). SQLite has
        one writer at a time anyway (``BEGIN IMMEDIATE``); a writer that cannot get the file's lock
        within the busy timeout gets :class:`Busy`. A clash PostgreSQL reports is :class:`Conflict`.
        """
        from annotator.storage.repository import Repository

        with self._queued():
            try:
                with (self.engine if durable else self._relaxed).begin() as connection:
                    if not self.is_sqlite:
                        if not durable:
                            connection.exec_driver_sql("SET LOCAL synchronous_commit = off")
                        timeout = f"{BUSY_TIMEOUT_MS}ms"
                        if owner is None:
                            connection.execute(_LOCK_ALL, {"timeout": timeout})
                        elif document_id is None:
                            connection.execute(_LOCK_OWNER, {"timeout": timeout, "owner": _lock_key(owner)})
                        else:
                            connection.execute(_LOCK_DOCUMENT, {"timeout": timeout, "owner": _lock_key(owner),
                                                                "document": _lock_key(owner, document_id)})
                    yield Repository(connection, login=self.login)
            except DBAPIError as exc:
                raise self._translated(exc) from exc

    @contextmanager
    def _queued(self) -> Iterator[None]:
        """SQLite: wait for this process's other writers of the file (see :func:`_writer_lock`)."""
        if self._writers is None:
            yield
            return
        if not self._writers.acquire(timeout=QUEUE_TIMEOUT_S):
            raise self._busy()
        try:
            yield
        finally:
            self._writers.release()

    def _busy(self) -> Busy:
        return Busy(_("busy: another import is running (or someone else is changing all of {database}); "
                      "nothing was saved, try again when it is done").format(database=self.url))

    def _translated(self, exc: DBAPIError) -> Exception:
        """A lock timeout or a clash with another writer as a message for the user; anything else as it is."""
        state = getattr(exc.orig, "sqlstate", None)
        if (self.is_sqlite and isinstance(exc, OperationalError) and "locked" in str(exc.orig)) or (
                state == _BUSY_STATE):
            return self._busy()
        if self.is_sqlite:
            return exc
        if state == _REFUSED_STATE:
            return Refused(_("the server refused it: {login} may not make this change ({error})").format(
                login=self.login, error=str(exc.orig).splitlines()[0]))
        if state in _CONFLICT_STATES and isinstance(exc, (OperationalError, IntegrityError)):
            return Conflict(_("your change clashed with another person's change saved at the same time "
                              "and was not saved; try again ({error})").format(
                error=str(exc.orig).splitlines()[0]))
        return exc

    @contextmanager
    def read(self) -> Iterator["Repository"]:
        from annotator.storage.repository import Repository

        with self._reader.connect() as connection:
            with connection.begin():
                yield Repository(connection, login=self.login)

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
            .format(database=_shown(target), driver=exc.name)
        ) from None
    except ArgumentError:
        raise DatabaseError(_("{database}: not a database file or URL that annotator can open "
                              "(a SQLite file or postgresql://…)").format(database=_shown(target))) from None
    if engine.dialect.name == "sqlite":
        _set_up_sqlite(engine)
    else:
        _set_up_postgresql(engine)
    try:
        backup = migrate(engine)
        if engine.dialect.name == "sqlite":
            # Persistent in the file; set only once the file is known to be ours and current,
            # so that a database we refuse is left exactly as it was.
            raw = engine.raw_connection()  # outside any transaction, which WAL requires
            try:
                cursor = raw.cursor()
                # Asked only when it is not WAL yet: opening must never wait for a writer's lock.
                if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    cursor.execute("PRAGMA journal_mode = WAL")
            finally:
                raw.close()
        return Store(engine, backup)
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as exc:  # locked, read-only, unreachable, refused login, a file SQLite calls corrupt,
        # or (a member's login) may not upgrade it
        engine.dispose()
        raise DatabaseError(_describe_failure(_shown(target), exc)) from None


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
