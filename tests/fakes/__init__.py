"""Fakes for unit tests, one set in one place. Each raises on anything it does not know."""
