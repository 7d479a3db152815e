"""The corpus layer: ingest at volume into a store, duplicates, stories, search and export."""
