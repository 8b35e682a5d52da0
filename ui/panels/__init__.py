"""One widget per panel; each takes its core object(s) in ``__init__`` and connects to their signals."""
