"""Allow ``python -m sciatica_tui``."""

from sciatica_tui.cli import main

raise SystemExit(main())
