"""Answers of a day that do not fit together are found, and only those."""

from __future__ import annotations

import pytest

from sciatica_tui.domain.records import Reach
from sciatica_tui.domain.validation.contradictions import contradictions

CASES = [
    # leg pain, pain reach, numbness, numbness reach -> fields warned about
    pytest.param(3, Reach.NONE, None, None, ["pain_reach"], id="leg-pain-but-no-pain"),
    pytest.param(1, Reach.NONE, None, None, ["pain_reach"], id="leg-pain-1-is-enough"),
    pytest.param(0, Reach.NONE, None, None, [], id="no-pain-anywhere"),
    pytest.param(0, Reach.FOOT, None, None, ["pain_reach"], id="foot-but-leg-pain-0"),
    pytest.param(0, Reach.BELOW_KNEE, None, None, ["pain_reach"], id="below-knee-leg-pain-0"),
    pytest.param(0, Reach.THIGH, None, None, ["pain_reach"], id="thigh-leg-pain-0"),
    pytest.param(0, Reach.BUTTOCK, None, None, [], id="buttock-is-not-the-leg"),
    pytest.param(0, Reach.LOWER_BACK, None, None, [], id="back-is-not-the-leg"),
    pytest.param(5, Reach.FOOT, None, None, [], id="foot-with-leg-pain"),
    pytest.param(None, Reach.NONE, None, None, [], id="leg-pain-not-given"),
    pytest.param(4, None, None, None, [], id="reach-not-given"),
    pytest.param(None, None, 0, Reach.THIGH, ["numbness_reach"], id="numb-reach-numbness-0"),
    pytest.param(None, None, 0, Reach.NONE, [], id="no-numbness-anywhere"),
    pytest.param(None, None, 0, None, [], id="numb-reach-not-given"),
    pytest.param(None, None, None, Reach.FOOT, [], id="numbness-not-given"),
    pytest.param(None, None, 2, Reach.FOOT, [], id="numbness-with-reach"),
    pytest.param(2, Reach.NONE, 0, Reach.FOOT, ["pain_reach", "numbness_reach"], id="two-at-once"),
]


@pytest.mark.parametrize(("leg", "reach", "numb", "numb_reach", "fields"), CASES)
def test_what_does_not_fit_is_found(
    leg: int | None,
    reach: Reach | None,
    numb: int | None,
    numb_reach: Reach | None,
    fields: list[str],
) -> None:
    found = contradictions(leg_pain=leg, pain_reach=reach, numbness=numb, numbness_reach=numb_reach)
    assert [c.field for c in found] == fields


def test_the_words_name_both_answers() -> None:
    (leg,) = contradictions(leg_pain=4, pain_reach=Reach.NONE, numbness=None, numbness_reach=None)
    assert "Leg pain is 4" in leg.message and "no pain" in leg.message
    (foot,) = contradictions(leg_pain=0, pain_reach=Reach.FOOT, numbness=None, numbness_reach=None)
    assert "down to the foot" in foot.message and "leg pain is 0" in foot.message
    (numb,) = contradictions(
        leg_pain=None, pain_reach=None, numbness=0, numbness_reach=Reach.BELOW_KNEE
    )
    assert "Numbness is 0" in numb.message and "below the knee" in numb.message
