"""``python -m dateline`` runs the command-line interface."""
from dateline.cli import main

# Guarded: ingest's worker processes are spawned and import the main module again.
if __name__ == "__main__":
    raise SystemExit(main())
