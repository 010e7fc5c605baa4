"""Guessing the docstring convention from the docstrings' sections."""

from __future__ import annotations

from standards_lint.starter.conventions import docstrings_of, guess_convention

GOOGLE = '''
def f(x):
    """Do it.

    Args:
        x: the thing.
    """
'''
NUMPY = '''
def g(x):
    """Do it.

    Parameters
    ----------
    x : int
    """
'''
SPHINX = '''
def h(x):
    """Do it.

    :param x: the thing.
    """
'''


def test_docstrings_of_a_module_its_classes_and_functions() -> None:
    source = '"""Module."""\nclass C:\n    """Class."""\n    def m(self):\n        """Method."""\n'
    assert docstrings_of(source) == ["Module.", "Class.", "Method."]
    assert docstrings_of("def (:") == []


def test_a_convention_every_marked_docstring_follows_is_chosen() -> None:
    guess = guess_convention([GOOGLE] * 4)
    assert guess.convention == "google"
    assert guess.counts == {"google": 4, "numpy": 0, "sphinx": 0}
    assert guess_convention([NUMPY] * 3).convention == "numpy"
    assert guess_convention([SPHINX] * 3).convention == "sphinx"


def test_no_convention_when_mixed_or_too_few() -> None:
    mixed = guess_convention([GOOGLE, GOOGLE, SPHINX, SPHINX, NUMPY])
    assert mixed.convention is None
    assert mixed.marked == 5
    assert guess_convention([GOOGLE, GOOGLE]).convention is None
    assert guess_convention(['"""Plain."""\n'] * 10).marked == 0
