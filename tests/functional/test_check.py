"""``standards-lint check`` over sample projects: (project, arguments) -> exit code and output."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from .harness import Invoke, MakeProject, assert_lines, assert_no_traceback


@dataclass(frozen=True)
class Case:
    """One run: the sample project, where to run from, the arguments, what must come out."""

    asset: str
    args: tuple[str, ...]
    exit_code: int
    lines: tuple[str | re.Pattern[str], ...]
    cwd: str = "."


def case(
    name: str,
    asset: str,
    args: list[str],
    exit_code: int,
    lines: list[str | re.Pattern[str]],
    *,
    cwd: str = ".",
    marks: tuple[pytest.MarkDecorator, ...] = (),
) -> object:
    """A parametrised case with a readable id."""
    run = Case(asset, tuple(args), exit_code, tuple(lines), cwd)
    return pytest.param(run, id=name, marks=marks)


#: The command line's --ignore is merged into the file's own ignore list, where
#: the most specific selector wins, so `--ignore style` loses to the file's
#: `select = ["line-too-long"]` and the rule still runs.


def too_long(path: str, line: int, length: int, limit: int) -> str:
    """The text report of one STY001 violation."""
    return (
        f"{path}:{line}:{limit + 1}: STY001 [line-too-long]"
        f" line is {length} characters long ({length} > {limit})"
    )


REPORT_4 = too_long("app/report.py", 4, 61, 60)
REPORT_9 = too_long("app/report.py", 9, 76, 60)
TWO_ERRORS = "Found 2 violations (2 errors) in 3 files."
ALL_MET_3 = "All standards met in 3 files."
UNUSED = (
    "inline.py:3:1: SL003 [*] [unused-suppression] this suppression of STY001 suppresses nothing"
)
FIXABLE_1 = "Fixable: 1 with `standards-lint check --fix` (marked [*])."
IN_STRING = too_long("inline.py", 4, 75, 60)
WITHOUT_REASON = (
    "SL004 [suppression-without-reason] say why the rule does not apply here, after the codes"
)
DISCOVERY_LINE = too_long("{}", 1, 52, 40)
FRAGILE_CRASH = re.compile(
    r"src/target\.py:1:1: SL002 \[internal-error\] rule FRG001 \(crashes-on-trigger\) failed:"
    r" ZeroDivisionError: the rule divided by zero at .*fragile_rules\.py:\d+"
)
FRAGILE_REPORTS = [
    "src/bystander.py:1:10: FRG002 [no-eval] do not call eval",
    FRAGILE_CRASH,
    "src/target.py:1:11: FRG002 [no-eval] do not call eval",
    too_long("src/target.py", 2, 67, 60),
    "",
    "Found 4 violations (4 errors) in 2 files.",
]

SUPPRESSED_5 = "Suppressed: 5 violations by comments in the code (hidden)."

CASES = [
    # Exit codes.
    case("clean-project-passes", "clean", [], 0, ["All standards met in 2 files."]),
    case("violations-fail", "violations", [], 1, [REPORT_4, REPORT_9, "", TWO_ERRORS]),
    case("exit-zero", "violations", ["--exit-zero"], 0, [REPORT_4, REPORT_9, "", TWO_ERRORS]),
    case("one-clean-file", "violations", ["app/ok.py"], 0, ["All standards met in 1 file."]),
    case(
        "one-file",
        "violations",
        ["app/report.py"],
        1,
        [REPORT_4, REPORT_9, "", "Found 2 violations (2 errors) in 1 file."],
    ),
    case(
        "repeated-paths-count-once",
        "violations",
        ["app", "app/report.py", "."],
        1,
        [REPORT_4, REPORT_9, "", TWO_ERRORS],
    ),
    case(
        "severity-warning-passes",
        "violations",
        ["--config", "as_warnings.toml"],
        0,
        [REPORT_4, REPORT_9, "", "Found 2 violations (2 warnings) in 3 files."],
    ),
    # --select and --ignore by code, prefix, name and area, comma-separated or repeated.
    *(
        case(
            f"select-{how}",
            "violations",
            ["--select", selector],
            1,
            [REPORT_4, REPORT_9, "", TWO_ERRORS],
        )
        for how, selector in [
            ("code", "STY001"),
            ("prefix", "STY"),
            ("lowercase", "sty001"),
            ("name", "line-too-long"),
            ("area", "style"),
        ]
    ),
    *(
        case(f"ignore-{how}", "violations", ["--ignore", selector], 0, [ALL_MET_3])
        for how, selector in [
            ("code", "STY001"),
            ("prefix", "STY"),
            ("name", "line-too-long"),
            ("area", "style"),
        ]
    ),
    case("select-other-area", "violations", ["--select", "tool"], 0, [ALL_MET_3]),
    case(
        "select-comma-list",
        "violations",
        ["--select", "SL001,STY001"],
        1,
        [REPORT_4, REPORT_9, "", TWO_ERRORS],
    ),
    case(
        "select-repeated",
        "violations",
        ["--select", "SL001", "--select", "STY001"],
        1,
        [REPORT_4, REPORT_9, "", TWO_ERRORS],
    ),
    case(
        "ignore-beats-select",
        "violations",
        ["--select", "STY001", "--ignore", "line-too-long"],
        0,
        [ALL_MET_3],
    ),
    # Suppressions.
    case(
        "suppressions",
        "suppressions",
        [],
        1,
        [
            UNUSED,
            IN_STRING,
            "",
            "Found 2 violations (1 error, 1 warning) in 2 files.",
            FIXABLE_1,
            SUPPRESSED_5,
        ],
    ),
    case(
        "suppression-reason-required",
        "suppressions",
        ["--config", "require_reason.toml"],
        1,
        [
            f"inline.py:2:1: {WITHOUT_REASON}",
            UNUSED,
            IN_STRING,
            f"inline.py:5:1: {WITHOUT_REASON}",
            "",
            "Found 4 violations (3 errors, 1 warning) in 2 files.",
            FIXABLE_1,
            SUPPRESSED_5,
        ],
    ),
    case(
        "unused-suppression-ignored",
        "suppressions",
        ["--ignore", "SL003"],
        1,
        [IN_STRING, "", "Found 1 violation (1 error) in 2 files.", SUPPRESSED_5],
    ),
    case(
        "suppressions-apply-to-the-selection",
        "suppressions",
        ["--select", "STY001"],
        1,
        [IN_STRING, "", "Found 1 violation (1 error) in 2 files.", SUPPRESSED_5],
    ),
    # [[overrides]] by path: ignore, area options, severity.
    case(
        "overrides",
        "overrides",
        [],
        1,
        [
            too_long("legacy/billing/invoice.py", 2, 109, 100),
            too_long("scripts/migrate.py", 1, 72, 60),
            too_long("src/app.py", 2, 74, 60),
            "",
            "Found 3 violations (2 errors, 1 warning) in 4 files.",
        ],
    ),
    case(
        "overrides-scripts-warn-only",
        "overrides",
        ["scripts", "tests"],
        0,
        [
            too_long("scripts/migrate.py", 1, 72, 60),
            "",
            "Found 1 violation (1 warning) in 2 files.",
        ],
    ),
    case(
        "overrides-apply-from-a-subdirectory",
        "overrides",
        [".", "../legacy"],
        1,
        [
            too_long("../legacy/billing/invoice.py", 2, 109, 100),
            "",
            "Found 1 violation (1 error) in 2 files.",
        ],
        cwd="tests",
    ),
    # Finding the standards file.
    case(
        "pyproject-found-from-a-subdirectory",
        "pyproject",
        [],
        1,
        [
            too_long("sub/mod.py", 1, 55, 50),
            "",
            "Found 1 violation (1 error) in 2 files.",
        ],
        cwd="src/pkg",
    ),
    case(
        "pyproject-paths-relative-to-the-working-directory",
        "pyproject",
        ["src"],
        1,
        [
            too_long("src/pkg/sub/mod.py", 1, 55, 50),
            "",
            "Found 1 violation (1 error) in 2 files.",
        ],
    ),
    case(
        "config-option",
        "pyproject",
        ["--config", "alt/standards.toml", "src/pkg/sub"],
        1,
        [
            too_long("src/pkg/sub/mod.py", 1, 55, 40),
            "",
            "Found 1 violation (1 error) in 1 file.",
        ],
    ),
    case(
        "extends",
        "extends",
        [],
        0,
        [
            too_long("handlers.py", 2, 57, 50),
            "",
            "Found 1 violation (1 warning) in 1 file.",
        ],
        cwd="service",
    ),
    # Which files are checked: include, exclude, .gitignore.
    case(
        "gitignore-include-exclude",
        "discovery",
        [],
        1,
        [
            *(
                DISCOVERY_LINE.format(path)
                for path in [
                    "app/keep_generated.py",
                    "app/main.py",
                    "app/sub/shared.py",
                    "bin/manage",
                ]
            ),
            "",
            "Found 4 violations (4 errors) in 4 files.",
        ],
    ),
    case(
        "respect-gitignore-false",
        "discovery",
        ["--config", "no_gitignore.toml"],
        1,
        [
            *(
                DISCOVERY_LINE.format(path)
                for path in [
                    "app/keep_generated.py",
                    "app/main.py",
                    "app/models_generated.py",
                    "app/sub/local.py",
                    "app/sub/shared.py",
                    "bin/manage",
                    "ignored_dir/x.py",
                ]
            ),
            "",
            "Found 7 violations (7 errors) in 7 files.",
        ],
    ),
    # A pre-commit hook passes excluded files by name: they stay excluded, and
    # the run says so.
    case(
        "named-excluded-files-stay-excluded",
        "discovery",
        ["migrations/m0001.py", "app/models_generated.py", "notes.txt"],
        0,
        [
            "Skipped migrations/m0001.py: excluded by the standards' exclude"
            " (or a default exclude).",
            "Skipped app/models_generated.py: ignored by .gitignore.",
            "Skipped notes.txt: not matched by include (*.py, bin/*).",
            "",
            "No files were checked: every path named was skipped (see above).",
        ],
    ),
    # Files that cannot be read as Python are violations, not crashes.
    case(
        "syntax-error",
        "syntax_error",
        [],
        1,
        [
            re.compile(r"broken\.py:4:\d+: SL001 \[syntax-error\] cannot parse: .+"),
            too_long("healthy.py", 1, 66, 60),
            re.compile(r"latin1\.py:1:1: SL005 \[undecodable-file\] cannot decode the file: .+"),
            "",
            "Found 3 violations (3 errors) in 3 files.",
        ],
    ),
    # A rule that raises is isolated: the others still report, and the run exits 2.
    case("failing-rule", "failing_plugin", [], 2, FRAGILE_REPORTS),
    case("failing-rule-exit-zero-still-2", "failing_plugin", ["--exit-zero"], 2, FRAGILE_REPORTS),
    case(
        "failing-rule-ignored",
        "failing_plugin",
        ["--ignore", "crashes-on-trigger"],
        1,
        [
            *(line for line in FRAGILE_REPORTS[:-1] if line is not FRAGILE_CRASH),
            "Found 3 violations (3 errors) in 2 files.",
        ],
    ),
]


@pytest.mark.parametrize("run_case", CASES)
def test_check(run_case: Case, cli: Invoke, project: MakeProject) -> None:
    root = project(run_case.asset)
    result = cli("check", *run_case.args, cwd=root / run_case.cwd)
    assert_no_traceback(result)
    assert_lines(result.lines, run_case.lines)
    assert result.exit_code == run_case.exit_code, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    "run_case",
    # The same cases without their xfail marks: a bug in the first run repeats in the second.
    [pytest.param(*param.values, id=param.id) for param in CASES],  # type: ignore[attr-defined]
)
def test_second_run_from_the_cache_gives_the_same_result(
    run_case: Case, cli: Invoke, project: MakeProject
) -> None:
    root = project(run_case.asset)
    first = cli("check", *run_case.args, cwd=root / run_case.cwd)
    second = cli("check", *run_case.args, cwd=root / run_case.cwd)
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    if "No files were checked" not in first.stdout:
        assert any(root.rglob("CACHEDIR.TAG")), "the first run should have filled a cache"


@pytest.mark.parametrize(
    ("head", "line"),
    [("X = 1\n\f\n", 3), ("X = '\u2028'\n", 2), ("X = '\x1c'\n", 2)],
    ids=["form-feed", "line-separator-in-string", "file-separator-in-string"],
)
def test_line_numbers_count_python_line_breaks_only(
    head: str, line: int, cli: Invoke, project: MakeProject
) -> None:
    root = project("violations")
    text = head + f"TEXT = '{'x' * 70}'\n"
    (root / "app" / "paged.py").write_text(text, encoding="utf-8")
    result = cli("check", "app/paged.py", cwd=root)
    assert result.lines[0] == too_long("app/paged.py", line, 79, 60)
