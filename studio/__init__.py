"""Studio Console's core: asyncio, no Qt. Used by the GUI (``ui/``), the CLI and the tests."""

__version__ = "0.1.0"
APP_NAME = "studio-console"
