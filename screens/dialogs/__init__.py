"""Dialogs and full screens shown over the tabs: choices, text, welcome, help, the alert."""
