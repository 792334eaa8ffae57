"""``python -m studio.cli``."""

from studio.cli import main

raise SystemExit(main())
