"""Running the checks: flags on one span fold into the most specific, every flag has a
calibrated confidence, and a check mostly wrong on dev is off by default.
"""

from __future__ import annotations

from align.checks import default_checks, one_per_problem, run_checks
from align.types import Flag, Severity
from tests.helpers import check_context


def test_flags_on_one_span_fold_into_the_most_specific():
    a = Flag("literal", "accuracy/mistranslation", Severity.MAJOR, 0, (0,), (0,), "长三角",
             "long triangle", target_offsets=(4, 17), confidence=0.9, message="literal")
    b = Flag("consistency", "terminology/inconsistent", Severity.MINOR, 0, (0,), (0,),
             "长三角", "long triangle", target_offsets=(4, 17), confidence=0.3, message="inconsistent")
    c = Flag("numbers", "locale/number", Severity.MAJOR, 0, (0,), (0,), "", "5",
             target_offsets=(30, 31), message="number")
    kept = one_per_problem([b, a, c])
    assert [f.check for f in kept] == ["literal", "numbers"]
    assert "also consistency: inconsistent" in kept[0].message and kept[0].confidence == 0.9


# ------------------------------------------------------------------ confidence

def test_every_flag_has_a_calibrated_confidence():
    flags = run_checks(check_context([("五个城市参加。", "Four cities took part."),
                                 ("推动长三角一体化。", "Promote the long triangle.")]),
                       ["numbers", "literal"])
    assert flags and all(0 < f.confidence < 1 for f in flags)


def test_a_check_mostly_wrong_on_dev_is_off_by_default():
    from align.checks.calibration import confidence, default_min_confidence

    assert confidence("sense", "sense") < default_min_confidence()
    assert "sense" not in default_checks() and "numbers" in default_checks()
