"""sciatica-tui: a calm terminal companion for recovering from sciatica at home.

This package holds the core: the App shell, the command line, storage and the pure
domain logic. Importing it does no work; every heavy import happens where it is used.
"""

__version__ = "0.1.0"
