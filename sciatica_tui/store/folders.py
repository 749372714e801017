"""Where the diary lives: ``--data-dir``, else ``SCIATICA_TUI_DATA``, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "SCIATICA_TUI_DATA"


def data_folder(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the diary, its backups and its lock."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("sciatica-tui", appauthor=False))
