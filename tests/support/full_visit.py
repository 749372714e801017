"""The test diary's visit with everything the report can hold: a name for reports, a scan
with what it found, flare-ups (one set off by the person's own tag) and two weekly
check-ins. For the report's tests and the README's example page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import ActivityScore, CheckIn
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.domain.visits import ImagingReport
from tests.support.visit_diary import FIXTURE_DIARY, FIXTURE_PROFILE, FIXTURE_VISIT

REPORT_NAME = "Sam Taylor"
FINDINGS = "L5/S1 disc bulge touching the S1 root"
GARDEN = CustomTag("gardening", "Gardening", TagKind.SET_OFF)

# The last four weeks are 25 Oct to 21 Nov 2026: five flare-ups, worst 9; sitting long set
# three off, heat helped three. Two in the four weeks before.
FLARE_UPS = [
    FlareUp(datetime(2026, 10, 10, 10, 0), 9),
    FlareUp(datetime(2026, 10, 24, 22, 0), 8),  # the last day of the weeks before
    FlareUp(datetime(2026, 10, 25, 15, 0), 8, triggers=("sitting_long",), helped=("heat",)),
    FlareUp(
        datetime(2026, 10, 30, 9, 0), 9, triggers=("sitting_long", "driving"), helped=("walking",)
    ),
    FlareUp(datetime(2026, 11, 4, 18, 0), 7, triggers=("gardening",), helped=("heat",)),
    FlareUp(datetime(2026, 11, 12, 7, 0), 6, triggers=("sitting_long",)),
    FlareUp(datetime(2026, 11, 19, 20, 0), 5, triggers=("gardening",), helped=("heat",)),
]
FLARE_UP_LINE = (
    "Flare-ups: 5 in the last 4 weeks (worst 9/10, most often after sitting long; "
    "heat helped most often); 2 in the 4 weeks before."
)
CHECK_INS = [
    CheckIn(
        date(2026, 10, 3),
        -1,
        (ActivityScore("Sit through a film", 2), ActivityScore("Put on socks", 3)),
    ),
    CheckIn(
        date(2026, 11, 20),
        2,
        (
            ActivityScore("Sit through a film", 5),
            ActivityScore("Put on socks", 7),
            ActivityScore("Walk the dog", 4),
        ),
    ),
]
FULL_DIARY = replace(
    FIXTURE_DIARY,
    profile=replace(FIXTURE_PROFILE, report_name=REPORT_NAME),
    flare_ups=FLARE_UPS,
    check_ins=CHECK_INS,
    custom_tags=(GARDEN,),
)
FULL_VISIT = replace(
    FIXTURE_VISIT,
    imaging=(ImagingReport("MRI", "2026-10-05", "City hospital", True, FINDINGS),),
)
