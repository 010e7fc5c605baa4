"""What every coverage rule shares: reading the data once, and placing a file's findings.

A finding about a measured file is reported on that file when it is one of
the checked files, at line 1; a measured file that standards-lint does not
check (excluded by the standards, or outside the root) is named in a finding
against the standards file instead, since coverage.py's report counts it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from standards_lint.rule import ProjectFacts, ProjectRule

from .file_shape import SHAPE_FACT
from .options import CoverageOptions
from .reading import SHARED_READER, CoverageData


class CoverageProjectRule(ProjectRule[CoverageOptions]):
    """A rule over the project's coverage data (see :mod:`.reading`)."""

    area = "coverage"
    facts = (SHAPE_FACT,)

    def coverage_data(self, project: ProjectFacts) -> CoverageData | None:
        """The run's coverage data, or None when the standards ask nothing of coverage."""
        if not self.options.asks_for_coverage:
            return None
        root = Path(project.root) if project.root is not None else Path.cwd()
        return SHARED_READER.read(project, root.resolve(), self.options.data_file)

    def report_on_file(
        self,
        project_paths: Mapping[str, str],
        path: str,
        message: str,
        *,
        value: float | None = None,
    ) -> None:
        """Report ``message`` about the measured file ``path`` (root-relative) where it belongs.

        ``project_paths`` maps root-relative paths to display paths (see
        :func:`display_paths`).
        """
        display = project_paths.get(path)
        if display is not None:
            self.report(message, path=display, line=1, value=value)
        else:
            self.report(f"{path}: {message}", value=value)


def display_paths(project: ProjectFacts) -> dict[str, str]:
    """Each checked file's display path, by its path relative to the standards' root."""
    return {root_path: display for display, root_path in project.root_paths.items()}
