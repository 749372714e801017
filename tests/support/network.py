"""The error the autouse ``no_network`` fixture (tests/conftest.py) raises."""

from __future__ import annotations


class NetworkUsed(AssertionError):
    """Raised when code under test tries to reach the network."""
