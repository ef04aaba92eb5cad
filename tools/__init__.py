"""Developer tools that are not part of the application (the bundle build)."""
