"""Per-document stages. Each module exposes pure ``compute`` helpers and one ``run(doc, settings)``."""
