"""Who may write which set: an annotator their own; a curator also gold and others' sets.

The scheme is the team's: only a curator changes it, except while the database
has no curator at all (one person working alone, or a team before its lead has
registered), when anyone may.
"""

from __future__ import annotations

from annotator.domain.limits import NAME_LENGTH, name_problem
from annotator.domain.model import GOLD, SCHEME_OWNER, Role
from annotator.domain.suggestions import is_suggestion_set
from annotator.i18n import _
from annotator.services.errors import ServiceError
from annotator.storage.repository import Repository


class NotAllowed(ServiceError):
    pass


def identity_refusal(repo: Repository, user: str) -> str | None:
    """On PostgreSQL a team member acts as their login: why ``user`` is not who this session is."""
    if repo.login is not None and user != repo.login:
        return _("you are logged in to the server as {login!r}; you act as yourself, not as {user!r} "
                 "(connect as {user} to act as them)").format(login=repo.login, user=user)
    return None


def refusal(repo: Repository, owner: str, user: str) -> str | None:
    """Why ``user`` may not write ``owner``'s set, or None when they may.

    Costs no query in the common case (annotators writing their own set). On
    PostgreSQL the server enforces the same rules itself (row-level security).
    """
    problem = name_problem(user, _("user name"), NAME_LENGTH)
    if problem:
        return problem
    wrong_identity = identity_refusal(repo, user)
    if wrong_identity:
        return wrong_identity
    if owner not in (GOLD, SCHEME_OWNER) and user == owner:
        return None
    if is_suggestion_set(owner):  # suggestions are nobody's work: anyone proposes (migration 0007)
        return None
    role = repo.user_role(user)
    if role == Role.CURATOR.value:
        return None
    if owner == SCHEME_OWNER:
        # Alone with a file (or before the team has a curator) anyone may; a server's members never.
        if repo.login is None and not repo.has_role(Role.CURATOR.value):
            return None
        return _("{user!r} is not a curator: only curators change the scheme "
                 "(annotator users add {name} --role curator)").format(user=user, name=user)
    if owner == GOLD:
        return _("{user!r} is not a curator: only curators write gold "
                 "(annotator users add {name} --role curator)").format(user=user, name=user)
    return _("{user!r} cannot change {owner!r}'s set; each annotator writes only their own").format(
        user=user, owner=owner)


def check_may_write(repo: Repository, owner: str, user: str) -> None:
    reason = refusal(repo, owner, user)
    if reason:
        raise NotAllowed(reason)
