"""Alembic environment, configured in code by ``annotator.storage.database.migrate``.

The connection comes in ``config.attributes["connection"]``; there is no alembic.ini.
"""

from alembic import context

from annotator.storage.models import Base
from annotator.storage.search_index import is_index_table

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("annotator migrations run through annotator.storage.database.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    # The full-text index's tables are FTS5's, made by their migration, not by the models.
    include_name=lambda name, type_, parents: not (type_ == "table" and is_index_table(name)),
)
with context.begin_transaction():
    context.run_migrations()
