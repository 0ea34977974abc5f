"""Minimal online env.py for the generated converge projects: sqlalchemy.url from alembic.ini, no metadata.

The database is a throw-away sqlite file, so it is not synced to disk (a commit per migration would dominate the run).
"""
from alembic import context
from sqlalchemy import engine_from_config, event, pool

config = context.config
engine = engine_from_config(
    config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool
)


@event.listens_for(engine, "connect")
def _unsynced(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous = OFF")
    cursor.execute("PRAGMA journal_mode = MEMORY")
    cursor.close()


with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
