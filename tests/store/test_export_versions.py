"""Exports written by older versions (2, 3 and 4): imported unchanged, exported as today's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sciatica_tui.domain.doses import Dose
from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import EVERY_PHASE
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.export_format import (
    ImportProblems,
    from_document,
    to_document,
)
from tests.support.export_samples import (
    FUTURE,
    TODAY,
    by_key,
    sample_document,
)
from tests.support.export_versions import as_exported_now


def version_4_document() -> dict[str, Any]:
    """The sample as version 4 wrote it: no tags, no flare-ups, no name on reports, no scan
    findings, and each visit with its own medicines (no id, no kind), a name given twice in
    two spellings."""
    document = sample_document()
    del document["custom_tags"], document["flare_ups"], document["medicines"]
    del document["profile"]["report_name"]
    for log in document["daily_logs"]:
        log.pop("tags", None)
        log.pop("medicine_doses", None)
    for visit in document["visits"]:
        for scan in visit["imaging"]:
            del scan["findings"]
    paracetamol = {
        "name": "Paracetamol",
        "dose": "1 g",
        "how_often": "up to 4 times a day",
        "since": "October",
        "helps": "a little",
        "side_effects": "",
    }
    visit = document["visits"][0]
    earlier = {**visit, "id": "v2025-10-01", "date": "2025-10-01", "questions": []}
    earlier["medicines"] = [
        {**paracetamol, "name": "paracetamol ", "dose": "500 mg", "helps": ""},
        {"name": "Vitamin D", "dose": "", "how_often": "", "since": "", "helps": "",
         "side_effects": ""},
    ]  # fmt: skip
    document["visits"] = [{**visit, "medicines": [paracetamol]}, earlier]
    return {**document, "version": 4}


def test_a_version_4_export_imports_unchanged_with_no_tags() -> None:
    old = from_document(version_4_document(), today=TODAY)
    assert old.custom_tags == old.flare_ups == []
    assert all(log.tags == () and log.medicine_doses == {} for log in old.daily_logs)
    assert old.profile.report_name is None
    assert [scan.findings for visit in old.visits for scan in visit.imaging] == ["", ""]
    assert to_document(old) == as_exported_now(version_4_document())


def test_a_version_4_export_shares_the_medicines_its_visits_held_once_each() -> None:
    old = from_document(version_4_document(), today=TODAY)
    # One list, one medicine per name; the later visit's words win, the earlier fills in.
    assert old.medicines == [
        Medicine(
            "paracetamol",
            "Paracetamol",
            "1 g",
            MedicineKind.PAIN_RELIEF,
            how_often="up to 4 times a day",
            since="October",
            helps="a little",
        ),
        Medicine("vitamin-d", "Vitamin D"),
    ]
    exported = to_document(old)
    assert all("medicines" not in visit for visit in exported["visits"])
    assert [visit["questions"] for visit in exported["visits"]] == [
        ["When can I drive again?"],
        [],
    ]
    # The days keep their plain count: nothing is made up from the medicines.
    assert [log.pain_med_doses for log in old.daily_logs] == [2, None]


def test_a_version_4_export_with_a_bad_medicine_names_it() -> None:
    document = version_4_document()
    document["visits"][0]["medicines"] = [{"name": "Ibuprofen", "dose": "x" * 300}]
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    # Named in the one list it joins: after the earlier visit's two.
    assert refused.value.problems == ["medicines[2].dose: is 300 characters long, more than 200"]


def version_3_document() -> dict[str, Any]:
    """The sample as version 3 wrote it: no plan, and each own exercise in one phase."""
    document = version_4_document()
    del document["rehab_plan"]
    document["custom_exercises"] = [{**e, "phase": 2} for e in document["custom_exercises"]]
    return {**document, "version": 3}


def version_2_document() -> dict[str, Any]:
    """The sample as version 2 wrote it: no check-ins (and no plan)."""
    document = version_3_document()
    del document["check_ins"]
    return {**document, "version": 2}


def test_a_version_3_export_imports_unchanged_with_an_empty_plan() -> None:
    old = from_document(version_3_document(), today=TODAY)
    assert old.rehab_plan == []
    assert [e.phase for e in old.custom_exercises] == [2]
    assert to_document(old) == as_exported_now(version_3_document())


def test_a_version_3_export_with_a_plan_is_checked_like_any_record() -> None:
    document = {**version_3_document(), "rehab_plan": [{"id": "ice", "hidden": "yes"}]}
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    assert any(line.startswith("rehab_plan[0].hidden:") for line in refused.value.problems)


def test_the_plan_survives_an_export_and_import_through_the_app_folder(tmp_path: Path) -> None:
    incoming = from_document(sample_document(), today=TODAY)
    plan = [
        PlanItem("bridges", dose=Dose(sets=3, reps=12, times_per_day=2)),
        PlanItem("heat"),
        PlanItem("ice", hidden=True),
        PlanItem("towel_stretch", dose=Dose(hold_seconds=30)),
    ]
    assert incoming.rehab_plan == plan
    assert incoming.rehab_days[0].done == ("pelvic_tilt", "walk_10", "pelvic_tilt")
    with DiaryStore.open(tmp_path / "diary") as store:
        store.import_snapshot(incoming, overwrite=False)
    with DiaryStore.open(tmp_path / "diary") as reopened:
        assert reopened.rehab_plan() == plan
        assert reopened.rehab_days()[0].done == ("pelvic_tilt", "walk_10", "pelvic_tilt")
        assert reopened.custom_exercises()[0].phase == EVERY_PHASE
        exported = to_document(reopened.snapshot())
    assert exported["rehab_plan"] == sample_document()["rehab_plan"]


def test_a_version_2_export_imports_unchanged_with_no_check_ins() -> None:
    old = from_document(version_2_document(), today=TODAY)
    assert old.check_ins == []
    current = from_document({**version_3_document(), "check_ins": []}, today=TODAY)
    assert by_key(old) == by_key(current)
    assert to_document(old) == as_exported_now({**version_3_document(), "check_ins": []})


def test_a_version_2_export_with_check_ins_is_refused_as_made_up() -> None:
    """Version 2 had no check-ins: one that names them was not written by this app, but the
    migration keeps them to be checked like any other record, never silently dropped."""
    document = {**version_2_document(), "check_ins": [{"date": FUTURE}]}
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    assert any(line.startswith("check_ins[0].date:") for line in refused.value.problems)


def test_check_ins_survive_an_export_and_import_through_the_app_folder(tmp_path: Path) -> None:
    incoming = from_document(sample_document(), today=TODAY)
    assert [len(c.activities) for c in incoming.check_ins] == [3, 1]
    with DiaryStore.open(tmp_path / "diary") as store:
        store.import_snapshot(incoming, overwrite=False)
        assert store.check_ins() == incoming.check_ins
        assert to_document(store.snapshot())["check_ins"] == sample_document()["check_ins"]
