"""The diary's storage: the only code in the project that imports TinyDB or writes a file.

Import what you need from its modules (``store.diary_store``, ``store.errors``…): this package
imports nothing itself, so the command line's quick paths stay light.
"""
