"""Reading coverage reports, the figures' rules, and a file's shape, without running coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from standards_lint.rules.coverage.cobertura import CoverageReportError, parse_cobertura
from standards_lint.rules.coverage.figures import falls_short, line_ranges, shown
from standards_lint.rules.coverage.file_shape import collect_shape
from standards_lint.rules.coverage.measurement import Measurement, Tally
from standards_lint.rules.coverage.options import CoverageOptions, PathThreshold
from standards_lint.rules.coverage.reading import DataMissing, DataUnreadable, read_coverage
from standards_lint.source import SourceFile

COBERTURA = b"""<?xml version="1.0" ?>
<coverage branches-valid="4" lines-valid="3">
  <sources><source>SOURCE</source></sources>
  <packages><package name="shop"><classes>
    <class filename="shop/prices.py">
      <lines>
        <line number="1" hits="1"/>
        <line number="2" hits="1" branch="true" condition-coverage="50% (1/2)"/>
        <line number="3" hits="0"/>
      </lines>
    </class>
    <class filename="shop/prices.py">
      <lines>
        <line number="3" hits="2"/>
        <line number="7" hits="0" branch="true" condition-coverage="0% (0/2)"/>
      </lines>
    </class>
  </classes></package></packages>
</coverage>
"""


def test_cobertura_merges_a_file_listed_in_several_classes(tmp_path: Path) -> None:
    (tmp_path / "src" / "shop").mkdir(parents=True)
    (tmp_path / "src" / "shop" / "prices.py").write_text("x = 1\n")
    (tmp_path / "coverage.xml").write_bytes(
        COBERTURA.replace(b"SOURCE", str(tmp_path / "src").encode())
    )
    found = read_coverage(tmp_path, "coverage.xml")
    assert isinstance(found, Measurement)
    [prices] = found.files
    assert prices.path == "src/shop/prices.py"
    assert prices.exists
    assert prices.missing == {7}
    assert prices.tally == Tally(statements=4, covered_lines=3, branches=4, covered_branches=1)
    assert found.has_branches


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b'<!DOCTYPE c [<!ENTITY a "b">]><coverage>&a;</coverage>', "declares XML entities"),
        (b'<!DOCTYPE c [<!ENTITY a SYSTEM "file:///etc/passwd">]><coverage/>', "entities"),
        (b"<coverage><class filename='a.py'>", "not well-formed"),
        (b"<report/>", "not <coverage>"),
        (b"<coverage><class><lines/></class></coverage>", "no filename"),
        (b"<coverage><class filename='a.py'><line number='x'/></class></coverage>", "number"),
    ],
)
def test_cobertura_refuses_unsafe_or_broken_documents(document: bytes, reason: str) -> None:
    with pytest.raises(CoverageReportError, match=reason):
        parse_cobertura(document)


def test_a_json_report_of_the_wrong_shape_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "coverage.json").write_text('{"files": {"a.py": {"summary": {}}}}')
    found = read_coverage(tmp_path, "coverage.json")
    assert isinstance(found, DataUnreadable)
    assert "num_statements of a.py is not a count" in found.reason


def test_the_default_data_files_are_looked_for_in_order(tmp_path: Path) -> None:
    assert read_coverage(tmp_path, None) == DataMissing(
        (".coverage", "coverage.json", "coverage.xml")
    )
    (tmp_path / "coverage.xml").write_bytes(b"<coverage/>")
    (tmp_path / "coverage.json").write_text('{"files": {}}')
    found = read_coverage(tmp_path, None)
    assert isinstance(found, Measurement)
    assert found.data_format == "JSON report"


def test_the_configured_data_file_name_is_used(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.coverage.run]\ndata_file = "build/cov"\n')
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "cov.a.1").write_text("")
    found = read_coverage(tmp_path, None)
    assert found == DataMissing(("build/cov", "coverage.json", "coverage.xml"), ("build/cov.a.1",))


@pytest.mark.parametrize(
    ("percent", "threshold", "short"),
    [
        (79.6, 80, False),  # coverage.py rounds to the threshold's decimals
        (79.4, 80, True),
        (79.96, 80.0, False),
        (92.44, 92.5, True),
        (99.999, 100, True),  # 100 must really be 100
        (100.0, 100, False),
    ],
)
def test_thresholds_are_judged_as_coverage_py_judges_fail_under(
    percent: float, threshold: float, short: bool
) -> None:
    assert falls_short(percent, threshold) is short


def test_figures_are_never_shown_rounded_to_0_or_100() -> None:
    assert shown(99.999) == "99.99%"
    assert shown(0.0001) == "0.01%"
    assert shown(100.0) == "100.00%"
    assert shown(66.6666, 66.667) == "66.667%"


def test_lines_collapse_into_ranges() -> None:
    assert line_ranges([9, 3, 4, 5, 12, 13]) == "3-5, 9, 12-13"
    assert line_ranges([]) == ""


def test_a_file_shape_knows_where_no_statement_can_start() -> None:
    source = SourceFile("a.py", 'x = 1\n\n# note\n  \ny = """\n\n"""\n')
    shape = collect_shape(source, CoverageOptions())
    assert shape.line_count == 7
    assert [shape.cannot_hold_statement(line) for line in range(1, 9)] == [
        False, True, True, True, False, True, False, True,
    ]  # fmt: skip


def test_tally_figures_follow_coverage_py() -> None:
    tally = Tally(statements=938, covered_lines=905, branches=314, covered_branches=281)
    assert tally.percent == pytest.approx(94.7284, abs=1e-4)
    assert tally.line_percent == pytest.approx(96.4819, abs=1e-4)
    assert Tally().percent == 100.0


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"fail_under": 101}, "fail-under must be between 0 and 100"),
        ({"new_code_fail_under": -1}, "new-code-fail-under must be"),
        ({"data_file": " "}, "data-file may not be empty"),
    ],
)
def test_options_refuse_impossible_values(options: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        CoverageOptions(**options)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a glob"):
        PathThreshold(glob="")


def test_coverage_is_asked_for_only_by_a_threshold_or_a_data_file() -> None:
    assert not CoverageOptions().asks_for_coverage
    assert CoverageOptions(data_file="coverage.xml").asks_for_coverage
    assert CoverageOptions(paths=(PathThreshold("src/", 90),)).asks_for_coverage
