"""Where the content files live, for the content tests."""

from __future__ import annotations

from sciatica_tui.domain.content_loader import default_content_dir

CONTENT_DIR = default_content_dir()
