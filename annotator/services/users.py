"""The team's users: names and roles (annotator, curator).

On SQLite the users table is the whole story: the name is whatever the person
typed, so roles keep honest people apart but protect nothing. Once the team has
a curator, only a curator adds users or changes roles.

On PostgreSQL a user is also a login of the server and a member of the
database's annotator or curator group role; adding one creates the login (with
the password given) and grants the role, and the server itself checks that the
session adding it is a curator (or the database's owner, for the first
curator). See ``db/versions/0005_server_roles.py``.
"""

from __future__ import annotations

from annotator.domain.model import Role
from annotator.domain.validation import check_owner_name
from annotator.i18n import _
from annotator.services.errors import ServiceError
from annotator.services.permissions import NotAllowed, identity_refusal
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace


@retried
def add_user(workspace: Workspace, name: str, role: Role, *, user: str | None = None,
             password: str | None = None) -> bool:
    """Add a user, or change an existing user's role; True when the user is new.

    ``user``: who does it (on a server, the session's login by default). On a
    server a new login gets ``password`` (without one it cannot log in until a
    password is set by running this again with one)."""
    problems = check_owner_name(name, allow_gold=False)
    if problems:
        raise ServiceError("; ".join(problems))
    with workspace.store.write() as repo:
        if user is not None:
            wrong_identity = identity_refusal(repo, user)
            if wrong_identity:
                raise NotAllowed(wrong_identity)
        if repo.is_server:
            # The database's owner (login None) administers; a member must be a curator.
            if repo.login is not None and repo.user_role(repo.login) != Role.CURATOR.value:
                raise NotAllowed(_("only a curator adds users; the first curator is added by the "
                                   "database's owner"))
        elif repo.has_role(Role.CURATOR.value) and (user is None or repo.user_role(user) != Role.CURATOR.value):
            raise NotAllowed(_("only a curator adds users or changes roles once the team has one "
                               "(--user CURATOR)"))
        new = repo.user_role(name) is None
        if repo.is_server:
            repo.add_login(name, Role(role).value, password)
        else:
            repo.put_user(name, Role(role).value)
        return new


def has_login(workspace: Workspace, name: str) -> bool:
    """On a server: whether ``name`` is already a login (a new one needs a password)."""
    with workspace.store.read() as repo:
        return repo.has_login(name) if repo.is_server else False


def list_users(workspace: Workspace) -> list[tuple[str, Role]]:
    with workspace.store.read() as repo:
        return [(name, Role(role)) for name, role in repo.users()]
