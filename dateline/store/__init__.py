"""The embedded store: one SQLite file with full-text search; one writer, read-only readers."""
