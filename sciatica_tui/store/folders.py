"""Where the diary lives (``--data-dir``, else ``SCIATICA_TUI_DATA``, else the user data
folder), and where the reports a person takes to a visit go."""

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


DOCUMENTS_ENV_VAR = "SCIATICA_TUI_DOCUMENTS"
DOCUMENTS_SUBFOLDER = "Sciatica"


def documents_folder() -> Path:
    """Where the app puts the reports a person takes to a visit: ``Sciatica`` in their
    documents folder (in their home folder when there is none); ``SCIATICA_TUI_DOCUMENTS``
    names another folder to use as it is."""
    from_env = os.environ.get(DOCUMENTS_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    if not documents.is_dir():
        documents = Path.home()
    return documents / DOCUMENTS_SUBFOLDER
