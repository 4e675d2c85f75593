"""Use cases over the store: every user action is first a call here.

Services take a :class:`~annotator.services.workspace.Workspace`, run one
transaction per unit of work, and return domain values (never ORM rows).
"""
