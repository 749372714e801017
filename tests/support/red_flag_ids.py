"""The red-flag question ids, written out by hand rather than read from the content, so
that the tests check the rules independently of it."""

from __future__ import annotations

EMERGENCY_IDS = (
    "bladder",
    "bowel",
    "saddle_area",
    "sexual_function",
    "both_legs",
    "severe_weakness",
)
URGENT_IDS = (
    "mild_weakness",
    "injury",
    "fever_unwell",
    "weight_loss_cancer",
    "immune_risk",
    "strong_or_night_pain",
)
ALL_IDS = EMERGENCY_IDS + URGENT_IDS

# The six questions of the first version of the check.
OLD_IDS = (
    "bladder_bowel",
    "saddle_numbness",
    "leg_weakness",
    "severe_pain",
    "trauma",
    "fever_weight_loss",
)
