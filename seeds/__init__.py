"""The bundled seed coverage: five scraped articles on UK–Russia defence relations (package data)."""
