"""pytest's collection rules as the TST rules read them, and TST102-TST104 case by case."""

from __future__ import annotations

import textwrap

import pytest

from standards_lint.rules.tests.collection import is_test_module, matches_prefix_or_glob
from standards_lint.rules.tests.options import TestStandardsOptions
from standards_lint.testing import run_rule

TEST_FILE = "tests/test_orders.py"


def reported(rule: str, code: str, path: str = TEST_FILE, **options: object) -> list[int]:
    """The lines ``rule`` reports in ``code``."""
    found = run_rule(rule, textwrap.dedent(code), path=path, options=options)
    return [violation.line for violation in found]


@pytest.mark.parametrize(
    ("name", "patterns", "collected"),
    [
        ("test_total", ("test",), True),
        ("testfoo", ("test",), True),  # a prefix, not a word: pytest collects it
        ("_test_total", ("test",), False),
        ("Test_total", ("test",), False),
        ("check_total", ("check_*",), True),
        ("total_check", ("*_check",), True),
        ("total", ("*_check",), False),
    ],
)
def test_names_follow_pytests_prefix_or_glob_rule(
    name: str, patterns: tuple[str, ...], collected: bool
) -> None:
    assert matches_prefix_or_glob(name, patterns) is collected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tests/test_orders.py", True),
        ("tests/orders_test.py", True),
        ("tests/conftest.py", False),
        ("tests/helpers.py", False),
        ("test_orders.pyi", False),
    ],
)
def test_test_modules_are_named_as_pytest_names_them(path: str, expected: bool) -> None:
    assert is_test_module(path, TestStandardsOptions()) is expected


def test_test_paths_restrict_where_test_modules_live() -> None:
    options = TestStandardsOptions(test_paths=("tests/",))
    assert is_test_module("tests/unit/test_orders.py", options)
    assert not is_test_module("scripts/test_orders.py", options)


def test_options_refuse_unusable_values() -> None:
    with pytest.raises(ValueError, match="python-functions must list at least one pattern"):
        TestStandardsOptions(python_functions=())
    with pytest.raises(ValueError, match="must contain"):
        TestStandardsOptions(test_names=("tests/test_x.py",))


# TST102 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("import pytest\n@pytest.mark.skip()\ndef test_a():\n    assert a()\n", [2]),
        ("import pytest\n@pytest.mark.skip('')\ndef test_a():\n    assert a()\n", [2]),
        ("import pytest\n@pytest.mark.skip(reason='slow')\ndef test_a():\n    assert a()\n", []),
        ("from pytest import mark\n@mark.xfail\ndef test_a():\n    assert a()\n", [2]),
        (
            "import pytest\n@pytest.mark.xfail(True, reason='bug 12')\n"
            "def test_a():\n    assert a()\n",
            [],
        ),
        (
            "import pytest\n@pytest.mark.parametrize('x', [pytest.param(1, marks="
            "pytest.mark.xfail)])\ndef test_a(x):\n    assert x\n",
            [2],
        ),
        ("import unittest\n@unittest.skip\ndef test_a():\n    assert a()\n", [2]),
        ("import unittest\n@unittest.skipIf(True)\ndef test_a():\n    assert a()\n", [2]),
        ("import unittest\n@unittest.skipIf(True, 'win')\ndef test_a():\n    assert a()\n", []),
        ("import unittest\n@unittest.expectedFailure\ndef test_a():\n    assert a()\n", []),
        ("import pytest\ndef test_a():\n    pytest.skip(reason='  ')\n", [3]),
        ("import pytest\ndef test_a():\n    pytest.xfail()\n", [3]),
        ("import unittest\ndef test_a():\n    raise unittest.SkipTest\n", [3]),
        ("import unittest\ndef test_a():\n    raise unittest.SkipTest('no db')\n", []),
        (
            "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n"
            "        self.skipTest('')\n",
            [4],
        ),
        ("import pytest\ndef test_a(**kw):\n    pytest.skip(**kw)\n", []),
    ],
)
def test_skips_without_a_reason(code: str, lines: list[int]) -> None:
    assert reported("TST102", code) == lines


# TST103 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("def _test_a():\n    assert a()\n", [1]),
        ("def xtest_a():\n    assert a()\n", [1]),
        ("def DISABLED_test_a():\n    assert a()\n", [1]),
        ("def tst_a():\n    assert a()\n", [1]),
        ("def Test_a():\n    assert a()\n", [1]),
        ("def testfoo():\n    assert a()\n", []),  # collected by pytest
        ("import pytest\n@pytest.fixture\ndef _test_data():\n    return 1\n", []),
        ("def _test_a():\n    assert a()\n\ncheckers = [_test_a]\n", []),
        (
            "def _test_a():\n    assert a()\n\n"
            "def test_b(request):\n    request.getfixturevalue('_test_a')\n",
            [],
        ),
        ("def _testing_db():\n    return 1\n\ndef test_b():\n    assert _testing_db()\n", []),
        (
            "import unittest\nclass T(unittest.TestCase):\n    def _test_a(self):\n"
            "        self.assertTrue(a())\n",
            [3],
        ),
        ("class _TestOrder:\n    def test_a(self):\n        assert a()\n", [1]),
        ("class _TestOrder:\n    def helper(self):\n        assert a()\n", []),
    ],
)
def test_disabled_tests(code: str, lines: list[int]) -> None:
    assert reported("TST103", code) == lines


def test_disabled_tests_follow_configured_names() -> None:
    code = "def _check_a():\n    assert a()\n"
    assert reported("TST103", code) == []
    assert reported("TST103", code, **{"python-functions": ["check_"]}) == [1]


# TST104 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("class OrderTests:\n    def test_a(self):\n        assert a()\n", [1]),
        ("class OrderTests(object):\n    def test_a(self):\n        assert a()\n", [1]),
        (
            "from base import Base\nclass OrderTests(Base):\n"
            "    def test_a(self):\n        assert a()\n",
            [],
        ),
        (
            "class OrderTests:\n    __test__ = False\n    def test_a(self):\n        assert a()\n",
            [],
        ),
        (
            "class TestOrder:\n    def __init__(self):\n        self.x = 1\n"
            "    def test_a(self):\n        assert self.x\n",
            [1],
        ),
        ("class TestOrder:\n    def __init__(self):\n        self.x = 1\n", []),
        ("def check_a():\n    assert a()\n", [1]),
        ("def check_a():\n    assert a()\n\ndef test_b():\n    check_a()\n", []),
        ("def _check_a():\n    assert a()\n", []),
        ("def setup_module():\n    assert ready()\n", []),
        ("def pytest_configure(config):\n    assert config\n", []),
        (
            "class TestOrder:\n    def check_a(self):\n        assert a()\n"
            "    def test_b(self):\n        assert b()\n",
            [2],
        ),
        (
            "import unittest\nclass T(unittest.TestCase):\n    def setUp(self):\n"
            "        self.assertTrue(ready())\n",
            [],
        ),
    ],
)
def test_tests_pytest_never_collects(code: str, lines: list[int]) -> None:
    assert reported("TST104", code) == lines


def test_custom_class_names_change_what_is_collected() -> None:
    code = "class OrderTests:\n    def test_a(self):\n        assert a()\n"
    assert reported("TST104", code, **{"python-classes": ["Test", "*Tests"]}) == []
    [violation] = run_rule("TST104", code, path=TEST_FILE, options={"python-classes": ["Check"]})
    assert "classes named Check*" in violation.message
