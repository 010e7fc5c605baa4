"""TST102: skips and expected failures that do not say why."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping

from standards_lint.rule import Invalid, Rule, Valid
from standards_lint.rules.tests.collection import is_conftest, is_test_module
from standards_lint.rules.tests.marks import Mark, as_mark, is_blank_text, keyword
from standards_lint.rules.tests.names import import_aliases, qualified_name
from standards_lint.rules.tests.options import TestStandardsOptions

_TEST_FILE = "tests/test_sync.py"
#: Calls that skip or fail a running test, and the keywords that carry their reason.
_IMPERATIVE = {
    "pytest.skip": ("reason", "msg"),
    "pytest.xfail": ("reason",),
}
_SKIP_EXCEPTIONS = frozenset({"unittest.SkipTest", "pytest.skip.Exception"})


def _reason_given(call: ast.Call, keywords: tuple[str, ...], position: int) -> bool:
    """Whether ``call`` passes a non-blank reason, by one of ``keywords`` or at ``position``."""
    for name in keywords:
        value = keyword(call, name)
        if value is not None:
            return not is_blank_text(value)
    if len(call.args) > position:
        return not is_blank_text(call.args[position])
    return any(argument.arg is None for argument in call.keywords)  # **kwargs: cannot tell


def _mark_lacks_reason(mark: Mark) -> bool:
    """Whether a skip, skipif, skipUnless or xfail mark says nothing about why."""
    call = mark.call
    if mark.library == "unittest":
        if mark.kind == "xfail":
            return False  # unittest.expectedFailure takes no reason
        position = 0 if mark.kind == "skip" else 1
        return call is None or not _reason_given(call, ("reason",), position)
    if mark.kind == "skip":
        return call is None or not _reason_given(call, ("reason",), 0)
    if mark.kind in ("skipif", "xfail"):
        # Their positional arguments are conditions: the reason is keyword-only.
        return call is None or not _reason_given(call, ("reason",), len(call.args))
    return False


def _written(mark: Mark) -> str:
    if mark.library == "unittest":
        return {"skip": "unittest.skip", "skipif": "unittest.skipIf"}.get(
            mark.kind, "unittest.skipUnless"
        )
    return f"pytest.mark.{mark.kind}"


def unexplained_skips(
    tree: ast.Module, aliases: Mapping[str, str]
) -> Iterator[tuple[ast.AST, str]]:
    """Every mark, skip call and skip exception in the module that gives no reason."""
    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            found = _unexplained_raise(node.exc, aliases)
            if found:
                yield node, found
            continue
        if not isinstance(node, (ast.Call, ast.Attribute, ast.Name)) or id(node) in called:
            continue
        mark = as_mark(node, aliases)
        if mark is not None:
            if _mark_lacks_reason(mark):
                yield node, _written(mark)
        elif isinstance(node, ast.Call):
            found = _unexplained_call(node, aliases)
            if found:
                yield node, found


def _unexplained_call(call: ast.Call, aliases: Mapping[str, str]) -> str | None:
    """``pytest.skip()``, ``pytest.xfail()`` or ``self.skipTest()`` with no reason, if it is one."""
    name = qualified_name(call.func, aliases)
    if name in _IMPERATIVE and not _reason_given(call, _IMPERATIVE[name], 0):
        return f"{name}()"
    if name in ("self.skipTest", "cls.skipTest") and not _reason_given(call, ("reason",), 0):
        return "self.skipTest()"
    return None


def _unexplained_raise(exception: ast.expr, aliases: Mapping[str, str]) -> str | None:
    """``raise unittest.SkipTest`` with no message, if that is what is raised."""
    call = exception if isinstance(exception, ast.Call) else None
    name = qualified_name(call.func if call else exception, aliases)
    if name not in _SKIP_EXCEPTIONS:
        return None
    if call is not None and _reason_given(call, ("reason", "msg"), 0):
        return None
    return f"raise {name}"


class SkipWithoutReason(Rule[TestStandardsOptions]):
    """Reports skips, skip conditions and expected failures that give no reason."""

    code = "TST102"
    name = "skip-without-reason"
    area = "tests"
    summary = "A skip, skipif or xfail (mark, decorator or call) gives no reason."
    rationale = (
        "A skipped test is a test that protects nothing, and an expected failure is a"
        " known bug. Both are fine for a while, when everyone can see why: the reason"
        " shows in pytest's summary (-rs, -rx) and tells the next reader whether the"
        " cause is gone and the test can run again. Without one, skips pile up and"
        " nobody dares remove them. Reported, in test modules and conftest.py:"
        " pytest.mark.skip with no reason, skipif and xfail without reason= (their"
        " positional arguments are conditions), unittest.skip, skipIf and skipUnless"
        " without a message, pytest.skip() and pytest.xfail() calls, self.skipTest() and"
        " raise unittest.SkipTest with no message. A blank reason counts as none."
    )
    options_used = ("python-files", "test-paths")
    valid = (
        Valid(
            "import pytest\n\n@pytest.mark.skip(reason='needs the staging database')\n"
            "def test_sync():\n    assert sync()\n",
            path=_TEST_FILE,
        ),
        Valid(
            "import sys\nimport pytest\n\n"
            "@pytest.mark.skipif(sys.platform == 'win32', reason='no fork on Windows')\n"
            "def test_fork():\n    assert fork()\n",
            path=_TEST_FILE,
        ),
        Valid(
            "import unittest\n\nclass SyncTests(unittest.TestCase):\n"
            "    @unittest.skip('flaky until the retry lands')\n"
            "    def test_sync(self):\n        self.assertTrue(sync())\n",
            path=_TEST_FILE,
        ),
        Valid(
            "import pytest\n\ndef test_sync():\n    if offline():\n"
            "        pytest.skip('needs the network')\n    assert sync()\n",
            path=_TEST_FILE,
        ),
        Valid("import pytest\n\n@pytest.mark.skip\ndef run():\n    pass\n", path="sync.py"),
    )
    invalid = (
        Invalid(
            "import pytest\n\n@pytest.mark.skip\ndef test_sync():\n    assert sync()\n",
            path=_TEST_FILE,
            line=3,
            message="pytest.mark.skip gives no reason",
        ),
        Invalid(
            "import sys\nimport pytest\n\n@pytest.mark.skipif(sys.platform == 'win32')\n"
            "def test_fork():\n    assert fork()\n",
            path=_TEST_FILE,
            line=4,
            message="pytest.mark.skipif",
        ),
        Invalid(
            "import pytest\n\n@pytest.mark.xfail(raises=KeyError)\n"
            "def test_lookup():\n    lookup('x')\n",
            path=_TEST_FILE,
            line=3,
            message="pytest.mark.xfail",
        ),
        Invalid(
            "from unittest import TestCase, skip\n\nclass SyncTests(TestCase):\n"
            "    @skip('')\n    def test_sync(self):\n        self.assertTrue(sync())\n",
            path=_TEST_FILE,
            line=4,
            message="unittest.skip",
        ),
        Invalid(
            "import pytest\n\ndef test_sync():\n    if offline():\n        pytest.skip()\n",
            path=_TEST_FILE,
            line=5,
            message="pytest.skip()",
        ),
        Invalid(
            "import pytest\n\npytestmark = pytest.mark.skip\n",
            path="tests/conftest.py",
            line=3,
        ),
    )

    def start_file(self) -> bool:
        """Report every unexplained skip in a test module or conftest.py."""
        path = self.source.path
        if not (is_test_module(path, self.options) or is_conftest(path)):
            return False
        tree = self.source.ast_module
        found = sorted(
            unexplained_skips(tree, import_aliases(tree)),
            key=lambda item: (getattr(item[0], "lineno", 0), getattr(item[0], "col_offset", 0)),
        )
        for node, written in found:
            self.report_at(
                getattr(node, "lineno", 1),
                getattr(node, "col_offset", 0) + 1,
                f"{written} gives no reason: say why the test does not run, so that"
                " someone can tell when it may run again",
            )
        return False
