"""The store: SQLAlchemy models, engine set-up, migrations and repositories.

The only package that speaks SQL. Services use :class:`Store` and the
:class:`Repository` it hands out per unit of work; they get domain values back.
"""

from annotator.storage.actions import StaleAction
from annotator.storage.database import Busy, Conflict, DatabaseError, Refused, Store, open_store

__all__ = ["Busy", "Conflict", "DatabaseError", "Refused", "StaleAction", "Store", "open_store"]
