"""The table of every violation: searchable, filterable and paged by the page's script.

Without the script every row shows, so a printed or script-less page still
lists everything. Each row links its rule to the rule's explanation on the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from standards_lint.model import Violation
from standards_lint.reporters.context import RenderContext, area_of
from standards_lint.reporters.html.markup import anchor, text


def violations_table(violations: Sequence[Violation], context: RenderContext) -> str:
    """The filter controls and the table of ``violations``."""
    if not violations:
        return '<p class="empty">No violations.</p>'
    areas = sorted({area_of(context, item.rule, item.name) for item in violations})
    area_options = "".join(f'<option value="{text(area)}">{text(area)}</option>' for area in areas)
    controls = (
        '<div class="filters" id="filters">'
        '<label>Search <input type="search" id="filter-text"'
        ' placeholder="path, rule or message"></label>'
        '<label>Severity <select id="filter-severity"><option value="">all</option>'
        '<option value="error">error</option><option value="warning">warning</option>'
        '<option value="info">info</option></select></label>'
        '<label>Area <select id="filter-area"><option value="">all</option>'
        f"{area_options}</select></label>"
        '<span id="filter-count" aria-live="polite"></span>'
        '<button type="button" id="page-previous">previous</button>'
        '<button type="button" id="page-next">next</button></div>'
    )
    rows = "".join(_row(item, context) for item in violations)
    return (
        f'{controls}<table id="violations" data-total="{len(violations)}"><thead><tr>'
        "<th>where</th><th>rule</th><th>severity</th><th>message</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _row(violation: Violation, context: RenderContext) -> str:
    area = area_of(context, violation.rule, violation.name)
    where = f"{violation.path}:{violation.span.line}"
    doc = context.rule(violation.rule, violation.name)
    search = f"{where} {violation.rule} {violation.name} {violation.message}".lower()
    return (
        f'<tr data-severity="{violation.severity.value}" data-area="{text(area)}"'
        f' data-search="{text(search)}">'
        f"<td>{text(where)}</td>"
        f'<td><a href="#{anchor("rule", violation.rule)}" title="{text(doc.summary)}">'
        f"{text(violation.rule)}</a> {text(violation.name)}</td>"
        f'<td class="severity-{violation.severity.value}">{violation.severity.value}</td>'
        f"<td>{text(violation.message)}</td></tr>"
    )
