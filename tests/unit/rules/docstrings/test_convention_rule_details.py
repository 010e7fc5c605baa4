"""DOC301-DOC306 details: where reports land, the default convention, non-parameter names."""

from __future__ import annotations

from standards_lint.testing import run_rule

GOOGLE = {"convention": "google"}


def test_the_default_convention_checks_the_summary_only() -> None:
    code = 'def f(x, y):\n    """Do it\n\n    Args:\n        z: Nothing.\n    """\n    return x\n'

    assert [v.rule for v in run_rule("DOC301", code)] == ["DOC301"]
    for code_of_rule in ("DOC302", "DOC303", "DOC304", "DOC305", "DOC306"):
        assert run_rule(code_of_rule, code) == []


def test_a_report_lands_on_the_docstring_line_of_the_entry_at_fault() -> None:
    code = (
        "class C:\n"
        "    def f(self, x):\n"
        '        """Do it.\n'
        "\n"
        "        Args:\n"
        "            x: The x.\n"
        "            y: The y.\n"
        '        """\n'
    )

    (violation,) = run_rule("DOC303", code, options=GOOGLE)

    assert (violation.line, violation.span.column) == (7, 9)
    assert "'y'" in violation.message


def test_escaped_newlines_do_not_push_a_report_off_the_docstring() -> None:
    code = 'def f(x):\n    """Do it.\\n\\nArgs:\\n    x: The x.\\n    y: The y.\\n"""\n'

    (violation,) = run_rule("DOC303", code, options=GOOGLE)

    assert violation.line == 2


def test_command_line_options_documented_as_params_are_not_compared_with_the_signature() -> None:
    code = (
        "def cc(paths, min='A'):\n"
        '    """Analyze the modules.\n'
        "\n"
        "    :param paths: Where to look.\n"
        "    :param -n, --min <str>: The minimum complexity.\n"
        '    """\n'
    )

    assert run_rule("DOC303", code, options={"convention": "sphinx"}) == []


def test_private_items_docstrings_are_checked_too() -> None:
    code = 'def _f(x):\n    """Do it.\n\n    Args:\n        y: The y.\n    """\n'

    messages = [v.message for v in run_rule("DOC303", code, options=GOOGLE)]

    assert sorted(messages) == [
        "'y' is documented but is not a parameter of _f()",
        "parameter 'x' of _f() is not documented",
    ]
