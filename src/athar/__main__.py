"""``python -m athar``: the command line."""

import sys

from athar.cli import main

sys.exit(main())
