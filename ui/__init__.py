"""The PySide6 window over the core. Widgets take their core object in ``__init__``; no logic here."""
