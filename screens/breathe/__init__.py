"""The Breathe tab: a guided box-breathing session."""
