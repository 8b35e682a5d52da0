"""``python -m studio.cli …``: the CLI without the GUI launcher (same commands)."""

import sys

from studio.cli import main

sys.exit(main())
