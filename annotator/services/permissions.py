"""Who may write which set: an annotator their own; a curator also gold and others' sets."""

from __future__ import annotations

from annotator.domain.model import GOLD, Role
from annotator.services.errors import ServiceError
from annotator.storage.repository import Repository


class NotAllowed(ServiceError):
    pass


def refusal(repo: Repository, owner: str, user: str) -> str | None:
    """Why ``user`` may not write ``owner``'s set, or None when they may.

    Costs no query in the common case (annotators writing their own set).
    """
    if owner != GOLD and user == owner:
        return None
    role = repo.user_role(user)
    if role == Role.CURATOR.value:
        return None
    if owner == GOLD:
        return (f"{user!r} is not a curator: only curators write gold "
                f"(annotator users add {user} --role curator)")
    return f"{user!r} cannot change {owner!r}'s set; each annotator writes only their own"


def check_may_write(repo: Repository, owner: str, user: str) -> None:
    reason = refusal(repo, owner, user)
    if reason:
        raise NotAllowed(reason)
