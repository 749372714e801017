"""The suite's order puts one slow test at the head of each worker's share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.support.ordering import share_sizes, slow_at_each_head


def test_shares_are_split_as_xdist_splits_them() -> None:
    assert share_sizes(10, 4) == [2, 2, 3, 3]
    assert share_sizes(2520, 4) == [630, 630, 630, 630]
    assert share_sizes(3, 1) == [3]


def test_each_share_starts_with_a_slow_test_the_longest_on_different_workers() -> None:
    slow = ["breathing", "monkey", "tmux-a", "tmux-b", "tmux-c"]
    rest = [f"t{n}" for n in range(15)]
    order = slow_at_each_head(slow, rest, workers=4)
    heads = [order[start] for start in (0, 5, 10, 15)]
    assert heads == ["breathing", "monkey", "tmux-a", "tmux-b"]
    assert order[1] == "tmux-c"  # the fifth goes second on the first worker
    assert order[2:5] == ["t0", "t1", "t2"]  # the rest keep their order


@given(
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=1, max_value=8),
)
def test_every_test_runs_once(slow_count: int, rest_count: int, workers: int) -> None:
    slow = [("slow", n) for n in range(slow_count)]
    rest = [("rest", n) for n in range(rest_count)]
    order = slow_at_each_head(slow, rest, workers)
    assert sorted(order) == sorted(slow + rest)
    assert [test for test in order if test[0] == "rest"] == rest
