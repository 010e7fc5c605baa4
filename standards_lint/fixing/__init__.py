"""Applying the fixes that rules propose: to text in memory, then to files.

:mod:`~standards_lint.fixing.edits` applies a set of fixes to one text
(overlapping fixes never both apply); :mod:`~standards_lint.fixing.session`
repeats check-and-fix on a file until nothing changes and writes it only if
it still parses (:mod:`~standards_lint.fixing.writing`);
:mod:`~standards_lint.fixing.diff` shows what would change.
"""
