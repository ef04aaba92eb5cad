"""Storage: SQLAlchemy models, engine, migrations, audit trail, attachment store. No Qt."""
