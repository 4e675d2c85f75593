"""An open database and the scheme in force: what every service call works on."""

from __future__ import annotations

import orjson

from annotator import paths
from annotator.domain.scheme import Scheme
from annotator.i18n import _
from annotator.storage import DatabaseError, Store, open_store
from annotator.storage.repository import Repository

__all__ = ["DatabaseError", "Workspace", "default_scheme_body"]  # DatabaseError: what opening may raise


def default_scheme_body() -> dict:
    return orjson.loads(paths.default_scheme_file().read_bytes())


class Workspace:
    def __init__(self, store: Store):
        self.store = store
        self._scheme: Scheme | None = None
        # Read first: opening a database that has its scheme must not wait for a writer (an import).
        with store.read() as repo:
            has_scheme = repo.active_scheme_version() is not None
        if not has_scheme:
            with store.write() as repo:
                if repo.active_scheme_version() is None:  # checked again under the lock: two first opens
                    repo.add_scheme_version(default_scheme_body(), author=None, note=_("default scheme"))

    @classmethod
    def open(cls, target: str, *, create: bool = True) -> Workspace:
        return cls(open_store(target, create=create))

    @property
    def login(self) -> str | None:
        """On a PostgreSQL server, the team member this session is logged in as (who acts);
        None on SQLite and for the database's owner."""
        return self.store.login

    @property
    def is_server(self) -> bool:
        return not self.store.is_sqlite

    def scheme(self, repo: Repository) -> Scheme:
        """The active scheme as seen in this transaction (parsed once per version)."""
        version = repo.active_scheme_version()
        if self._scheme is None or self._scheme.version != version:
            version, body = repo.active_scheme()  # type: ignore[misc]
            self._scheme = Scheme.from_dict(body, version=version)
        return self._scheme

    def current_scheme(self) -> Scheme:
        with self.store.read() as repo:
            return self.scheme(repo)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
