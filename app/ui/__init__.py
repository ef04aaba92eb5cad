"""The desktop window (PySide6 is imported only inside this package)."""
