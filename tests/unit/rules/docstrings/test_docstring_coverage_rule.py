"""DOC201 through the engine: the published figure, the thresholds, and what counts where."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

import pytest

from standards_lint.api import check
from standards_lint.config import ConfigError, load_standards
from standards_lint.model import Report
from standards_lint.rules.docstrings.coverage import Tally, falls_short

DOCUMENTED = '"""A module."""\n\n\ndef f():\n    """Do it."""\n'  # 2 of 2
HALF = '"""A module."""\n\n\ndef f():\n    pass\n'  # 1 of 2
NONE = "def f():\n    pass\n"  # 0 of 2


def run(tmp_path: Path, standards: str, files: Mapping[str, str], *, cache: bool = False) -> Report:
    """Write ``files`` and a standards file, and check the project."""
    for relative, text in files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = tmp_path / "standards.toml"
    config.write_text(textwrap.dedent(standards), encoding="utf-8")
    return check([tmp_path], load_standards(config), use_cache=cache, cwd=tmp_path)


def messages(report: Report, code: str = "DOC201") -> list[str]:
    return [violation.message for violation in report.violations if violation.rule == code]


def test_the_figure_is_documented_items_over_counted_items_across_files(tmp_path: Path) -> None:
    report = run(
        tmp_path, 'select = ["DOC201"]\n', {"a.py": DOCUMENTED, "b.py": HALF, "c.py": NONE}
    )

    assert report.metrics["docstring_coverage"] == pytest.approx(3 / 6 * 100)
    assert messages(report) == []


def test_missing_fail_under_is_reported_against_the_standards_file(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        """\
        select = ["DOC201"]
        [docstrings]
        fail-under = 80
        """,
        {"a.py": DOCUMENTED, "b.py": HALF},
    )

    (violation,) = [v for v in report.violations if v.rule == "DOC201"]
    assert (violation.path, violation.line) == ("standards.toml", 1)
    assert violation.message == (
        "docstring coverage is 75.0% (3 of 4 counted items documented), below fail-under 80%"
    )
    assert report.exit_code == 1


@pytest.mark.parametrize(
    ("percent", "threshold", "short"),
    [
        (79.96, 80.0, False),  # rounded to one decimal, as interrogate does
        (79.94, 80.0, True),
        (66.666, 66.67, False),
        (66.666, 66.68, True),
        (99.4, 99.0, False),
        (100.0, 100.0, False),
    ],
)
def test_thresholds_are_compared_as_interrogate_compares_them(
    percent: float, threshold: float, short: bool
) -> None:
    assert falls_short(percent, threshold) is short


def test_nothing_counted_is_full_coverage() -> None:
    assert Tally().percent == 100.0


def test_each_path_threshold_is_checked_on_the_files_matching_its_glob(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        """\
        select = ["DOC201"]
        [docstrings]
        fail-under = 40
        [[docstrings.paths]]
        glob = "src/api/"
        fail-under = 90
        [[docstrings.paths]]
        glob = "src/**/models.py"
        fail-under = 100
        [[docstrings.paths]]
        glob = "scripts/"
        fail-under = 100
        """,
        {
            "src/api/views.py": HALF,
            "src/api/urls.py": DOCUMENTED,
            "src/shop/models.py": DOCUMENTED,
            "tools/run.py": NONE,
        },
    )

    assert report.metrics["docstring_coverage"] == pytest.approx(5 / 8 * 100)
    # src/api/ misses 90%; src/**/models.py meets 100%; scripts/ matches no file.
    assert messages(report) == [
        "docstring coverage of files matching 'src/api/' is 75.0% (3 of 4 counted items"
        " documented), below fail-under 90%"
    ]


def test_files_whose_overrides_ignore_doc201_are_left_out_of_the_figure(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        """\
        select = ["DOC201"]
        [docstrings]
        fail-under = 100
        [[overrides]]
        paths = ["tests/"]
        ignore = ["DOC201"]
        """,
        {"src/a.py": DOCUMENTED, "tests/test_a.py": NONE},
    )

    assert report.metrics["docstring_coverage"] == 100.0
    assert messages(report) == []


def test_each_file_is_counted_under_its_own_override_options(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        """\
        select = ["DOC201"]
        [[overrides]]
        paths = ["tests/"]
        [overrides.docstrings]
        ignore-regex = ["test_"]
        ignore-module = true
        """,
        {"src/a.py": HALF, "tests/test_a.py": "def test_it():\n    pass\n"},
    )

    assert report.metrics["docstring_coverage"] == pytest.approx(50.0)


def test_stub_files_count_only_when_ext_asks_for_them(tmp_path: Path) -> None:
    files = {"a.py": DOCUMENTED, "a.pyi": "def f() -> None: ...\n"}

    without = run(tmp_path, 'select = ["DOC201"]\n', files)
    with_stubs = run(tmp_path, 'select = ["DOC201"]\n[docstrings]\next = ["pyi"]\n', files)

    assert without.metrics["docstring_coverage"] == 100.0
    assert with_stubs.metrics["docstring_coverage"] == pytest.approx(50.0)


def test_an_unparsable_file_counts_for_nothing_and_is_reported_once(tmp_path: Path) -> None:
    report = run(
        tmp_path, 'select = ["DOC"]\n', {"a.py": DOCUMENTED, "broken.py": "def f(:\n    pass\n"}
    )

    assert report.metrics["docstring_coverage"] == 100.0
    assert report.internal_errors == 0
    assert [v.rule for v in report.violations] == ["SL001"]


def test_the_figure_survives_the_cache(tmp_path: Path) -> None:
    files = {"a.py": DOCUMENTED, "b.py": HALF}
    standards = 'select = ["DOC201"]\ncache-dir = ".cache"\n'

    first = run(tmp_path, standards, files, cache=True)
    second = run(tmp_path, standards, files, cache=True)

    assert first.metrics == second.metrics == {"docstring_coverage": 75.0}


def test_no_figure_without_files(tmp_path: Path) -> None:
    report = run(tmp_path, 'select = ["DOC201"]\n', {"notes.txt": "no Python here\n"})

    assert "docstring_coverage" not in report.metrics


@pytest.mark.parametrize(
    ("section", "culprit"),
    [
        ("fail-under = 120", "fail-under must be between 0 and 100"),
        ('ignore-regex = ["("]', "ignore-regex: '(' is not a valid regular expression"),
        ('whitelist-regex = ["[a-"]', "whitelist-regex: '[a-' is not a valid"),
        ('convention = "epytext"', "convention"),
        ('style = "numpy"', "style"),
        ("[[docstrings.paths]]\nfail-under = 90", "needs a glob"),
        ('[[docstrings.paths]]\nglob = "src/"\nfail-under = -1', "between 0 and 100"),
        ("ignore-setter = true", "ignore-setters"),
    ],
)
def test_invalid_options_are_refused_naming_the_key(
    tmp_path: Path, section: str, culprit: str
) -> None:
    config = tmp_path / "standards.toml"
    config.write_text(f"[docstrings]\n{section}\n", encoding="utf-8")

    with pytest.raises(ConfigError) as raised:
        load_standards(config)

    assert culprit in str(raised.value)
