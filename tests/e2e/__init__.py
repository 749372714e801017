"""End-to-end tests: the real ``sciatica`` command in a real terminal (tmux)."""
