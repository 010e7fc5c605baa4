"""The HTML report: one self-contained page for the team and the people it reports to.

:func:`render_html` is an ordinary format (``--output-format html:report.html``);
the ``report`` command adds what a format cannot know by itself (Git's change
frequency, the recorded history, the layer contracts) through
:class:`PageExtras`.
"""

from __future__ import annotations

from standards_lint.model import Report
from standards_lint.reporters.context import RenderContext
from standards_lint.reporters.html.graph import LayerContract
from standards_lint.reporters.html.page import PageExtras, render_page

__all__ = ["LayerContract", "PageExtras", "render_html", "render_page"]


def render_html(report: Report, context: RenderContext) -> str:
    """The report as an HTML page, from the run's data alone."""
    return render_page(report, context)
