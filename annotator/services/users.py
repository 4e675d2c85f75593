"""The users table: names and roles (annotator, curator)."""

from __future__ import annotations

from annotator.domain.model import Role
from annotator.domain.validation import check_owner_name
from annotator.services.errors import ServiceError
from annotator.services.retrying import retried
from annotator.services.workspace import Workspace


@retried
def add_user(workspace: Workspace, name: str, role: Role) -> bool:
    """Add a user, or change an existing user's role; True when the user is new."""
    problems = check_owner_name(name, allow_gold=False)
    if problems:
        raise ServiceError("; ".join(problems))
    with workspace.store.write() as repo:
        return repo.put_user(name, Role(role).value)


def list_users(workspace: Workspace) -> list[tuple[str, Role]]:
    with workspace.store.read() as repo:
        return [(name, Role(role)) for name, role in repo.users()]
