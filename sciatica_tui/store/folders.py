"""Where the diary lives (``--data-dir``, else ``SCIATICA_TUI_DATA``, else the user data
folder), and where the reports a person takes to a visit go."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # pathlib is imported only where a Path is made: see data_folder_name
if TYPE_CHECKING:
    from pathlib import Path

ENV_VAR = "SCIATICA_TUI_DATA"


def data_folder(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the diary, its backups and its lock."""
    from pathlib import Path

    typed = _typed_folder(override)
    return Path(_user_data_folder() if typed is None else Path(typed).expanduser())


def data_folder_name(override: str | os.PathLike[str] | None = None) -> str:
    """``data_folder`` as a string, for ``sciatica status`` and ``remind``: they run at every
    prompt, and importing pathlib was a tenth of their time."""
    typed = _typed_folder(override)
    return _user_data_folder() if typed is None else os.path.expanduser(os.fspath(typed))


def _typed_folder(override: str | os.PathLike[str] | None) -> str | os.PathLike[str] | None:
    """The folder the person named (``--data-dir``, else the variable), if any."""
    return override or os.environ.get(ENV_VAR) or None


def _user_data_folder() -> str:
    from platformdirs import user_data_dir

    return user_data_dir("sciatica-tui", appauthor=False)


DOCUMENTS_ENV_VAR = "SCIATICA_TUI_DOCUMENTS"
DOCUMENTS_SUBFOLDER = "Sciatica"


def documents_folder() -> Path:
    """Where the app puts the reports a person takes to a visit: ``Sciatica`` in their
    documents folder (in their home folder when there is none); ``SCIATICA_TUI_DOCUMENTS``
    names another folder to use as it is."""
    from pathlib import Path

    from_env = os.environ.get(DOCUMENTS_ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    if not documents.is_dir():
        documents = Path.home()
    return documents / DOCUMENTS_SUBFOLDER
