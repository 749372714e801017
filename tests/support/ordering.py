"""The order the suite runs in: the tests that take longest, one at the head of each
worker's share.

``-n auto --dist worksteal`` (pyproject.toml) hands the collected tests out in equal,
contiguous shares, one per worker, and a worker that runs out takes half of what is left at
the end of another's share. So a test's place decides which worker runs it and when. Sorted
to the front together, the slow tests all fell in the first share: one worker ran the
real-minute breathing session, the tmux journeys and the 5,000-event monkey test one after
another (250 s), and the suite waited on it. Dealt one per share, each starts at once on
its own worker and its waiting overlaps everyone's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import TypeVar

Test = TypeVar("Test")


def share_sizes(count: int, workers: int) -> list[int]:
    """How pytest-xdist's work-stealing scheduler splits ``count`` tests among ``workers``
    (xdist/scheduler/worksteal.py, ``check_schedule``)."""
    sizes = []
    for index in range(workers):
        size = count // (workers - index)
        sizes.append(size)
        count -= size
    return sizes


def slow_at_each_head(slow: Sequence[Test], rest: Sequence[Test], workers: int) -> list[Test]:
    """``slow`` (longest first) dealt one per share in turn, each share then filled from
    ``rest`` in its order: every worker starts on a slow test, the longest on different
    workers."""
    workers = max(1, workers)
    dealt: list[list[Test]] = [list(slow[index::workers]) for index in range(workers)]
    remaining = iter(rest)
    order: list[Test] = []
    for share, size in zip(dealt, share_sizes(len(slow) + len(rest), workers), strict=True):
        order.extend(share)
        order.extend(islice(remaining, max(0, size - len(share))))
    order.extend(remaining)  # only when the slow tests outnumber a share's room
    return order
