"""ISV-assistent: the Internationale Sociale Voorwaarden from tender to yearly report."""

__version__ = "0.1.0"
