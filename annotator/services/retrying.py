"""Running a unit of work again when the database reports a clash with a concurrent writer.

On PostgreSQL a deadlock, a serialisation failure or a unique key taken by a
racing writer rolls the whole transaction back, so running the service call
again from the start is safe: it reads the store afresh. After a few tries the
:class:`Conflict` (a message for the user, never a traceback) goes to the caller.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import TypeVar

from annotator.storage import Conflict

ATTEMPTS = 5
F = TypeVar("F", bound=Callable)


def retried(function: F) -> F:
    @functools.wraps(function)
    def run(*args, **kwargs):
        for attempt in range(ATTEMPTS):
            try:
                return function(*args, **kwargs)
            except Conflict:
                if attempt == ATTEMPTS - 1:
                    raise
                time.sleep(random.uniform(0, 0.01 * 2 ** attempt))  # spread the retries apart
        raise AssertionError("unreachable")

    return run  # type: ignore[return-value]
