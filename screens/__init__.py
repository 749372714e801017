"""One module per tab of the app: Textual widgets only, talking to ``sciatica_tui``."""
