"""TST101 (a test that asserts nothing), through the engine, case by case."""

from __future__ import annotations

import textwrap

import pytest

from standards_lint.testing import run_rule

TEST_FILE = "tests/test_prices.py"


def reported(code: str, **options: object) -> list[int]:
    """The lines TST101 reports in ``code`` as a test module."""
    found = run_rule("TST101", textwrap.dedent(code), path=TEST_FILE, options=options)
    return [violation.line for violation in found]


@pytest.mark.parametrize(
    "code",
    [
        # pytest's checks, as a context and through `from pytest import ...`
        """
        from pytest import raises as expect_raises
        def test_empty():
            with expect_raises(ValueError):
                total([])
        """,
        """
        import pytest
        def test_warns():
            with pytest.warns(UserWarning):
                old()
        """,
        """
        import pytest
        def test_fails():
            if broken():
                pytest.fail("broken")
        """,
        # a mock's assertion, a numpy-style assertion function
        """
        def test_sends(mailer):
            notify(mailer)
            mailer.send.assert_called_once_with("hi")
        """,
        """
        from numpy.testing import assert_allclose
        def test_close():
            assert_allclose(total([0.1, 0.2]), 0.3)
        """,
        # a fixture of the module that asserts, requested by the test
        """
        import pytest
        @pytest.fixture
        def clean_server():
            server = start()
            yield server
            assert server.stopped_cleanly
        def test_start(clean_server):
            clean_server.ping()
        """,
        # an autouse fixture that asserts covers every test of the module
        """
        import pytest
        @pytest.fixture(autouse=True)
        def no_leaks():
            yield
            assert not open_handles()
        def test_start():
            start()
        """,
        # helper of a helper, defined after its use
        """
        def test_total():
            check_total([1, 2], 3)
        def check_total(items, expected):
            expect(total(items), expected)
        def expect(actual, expected):
            assert actual == expected
        """,
        # a nested function that asserts and is handed on as a callback
        """
        def test_each():
            def check(value):
                assert value > 0
            for_each([1, 2], check)
        """,
        # a helper that raises when the expected error does not come
        """
        def parse_error(text):
            try:
                parse(text)
            except ParseError as error:
                return error
            raise ValueError(text)
        def test_weird_line():
            parse_error("!!")
        """,
        # warnings turned into errors: a check that none is issued
        """
        import warnings
        def test_no_warning():
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                register()
        """,
        # unittest's own checks, and a method inherited from a base defined elsewhere
        """
        import unittest
        class PriceTests(unittest.TestCase):
            def test_fail(self):
                if total([1]) != 1:
                    self.fail("wrong")
        """,
        """
        from support import PriceCase
        class TestPrice(PriceCase):
            def test_total(self):
                self.check_total([1], 1)
        """,
        # expected failures, skipped tests and benchmarks need not assert
        """
        import pytest
        @pytest.mark.xfail(reason="rounding bug")
        def test_total():
            total([0.1])
        """,
        """
        import pytest
        pytestmark = pytest.mark.benchmark()
        def test_speed():
            total(range(1000))
        """,
        """
        def test_speed(benchmark):
            benchmark(total, range(1000))
        """,
        # not collected: conftest-style fixtures and functions pytest does not run
        """
        import pytest
        @pytest.fixture
        def test_data():
            return [1, 2]
        """,
        """
        class TestPrice:
            __test__ = False
            def test_total(self):
                total([1])
        """,
    ],
)
def test_checks_are_recognised(code: str) -> None:
    assert reported(code) == []


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        # a nested function that asserts but is never used does not check anything
        (
            """
            def test_open():
                def cli(name):
                    assert name
                open_file("-")
            """,
            [2],
        ),
        # a module helper that does not assert is no check
        (
            """
            def make(items):
                return total(items)
            def test_total():
                make([1])
            """,
            [4],
        ),
        # a method defined in the module, in a class with no outside base, is read
        (
            """
            class TestPrice:
                def helper(self):
                    return total([1])
                def test_total(self):
                    self.helper()
            """,
            [5],
        ),
        # a test method of a mixin runs through the collected subclass
        (
            """
            class PriceMixin:
                def test_total(self):
                    total([1])
            class TestPrice(PriceMixin):
                pass
            """,
            [3],
        ),
        # a raise inside a nested callback is the behaviour under test, not a check
        (
            """
            def test_errors_are_logged():
                def boom():
                    raise ValueError("x")
                run(boom)
            """,
            [2],
        ),
        # a fixture that does not assert does not make its tests check anything
        (
            """
            import pytest
            @pytest.fixture
            def server():
                return start()
            def test_start(server):
                server.ping()
            """,
            [6],
        ),
    ],
)
def test_hollow_tests_are_reported(code: str, lines: list[int]) -> None:
    assert reported(code) == lines


def test_assertion_helpers_are_matched_by_glob_on_the_last_name_part() -> None:
    code = """
    import helpers
    def test_total():
        helpers.verify_total([1], 1)
    """
    assert reported(code) == [3]
    assert reported(code, **{"assertion-helpers": ["verify_*"]}) == []


def test_exempt_decorators_can_be_replaced() -> None:
    code = """
    from hypothesis import given, strategies as st
    @given(st.integers())
    def test_never_raises(number):
        total([number])
    """
    assert reported(code) == []
    assert reported(code, **{"exempt-decorators": []}) == [4]


def test_the_message_names_the_class_and_the_way_out() -> None:
    code = "class TestPrice:\n    def test_total(self):\n        total([1])\n"
    [violation] = run_rule("TST101", code, path=TEST_FILE)
    assert violation.message.startswith("TestPrice.test_total asserts nothing")
    assert "assertion-helpers" in violation.message
    assert violation.span.column == 5


def test_only_test_modules_are_read() -> None:
    code = "def test_total():\n    total([1])\n"
    assert run_rule("TST101", code, path="tests/helpers.py") == []
    assert run_rule("TST101", code, path="tests/conftest.py") == []
    assert len(run_rule("TST101", code, path="tests/prices_test.py")) == 1
    assert (
        run_rule("TST101", code, path="other/test_x.py", options={"test-paths": ["tests/"]}) == []
    )
