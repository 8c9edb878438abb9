"""``python -m nonequivalent``: the same as the ``nonequivalent`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
