"""`python -m tayho …` is the `tayho` command."""

import sys

from .cli import main

sys.exit(main())
