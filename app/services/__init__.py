"""Use cases over storage and files, one transaction each, taking and returning domain values."""
