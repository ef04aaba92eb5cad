"""File formats: workbooks, clause documents, report PDF and Excel. No Qt, no SQLAlchemy."""
