"""JUnit XML, the test report Jenkins, GitLab and Azure Pipelines all read.

``<testsuites>`` holds a ``<testsuite>`` per checked file (and per other
place a violation is reported against, such as the standards file). Each
violation is a failing ``<testcase>`` named after its rule and position,
whose ``<failure>`` carries the message and the rule's summary; a file with
no violation has one passing test case, so the report shows it was checked.
Violations held back by a suppression comment or the baseline are
``<skipped>`` test cases: visible, never failing.

The XML is built with :mod:`xml.etree.ElementTree`, which escapes markup;
characters XML 1.0 cannot hold at all (most control characters) become
U+FFFD first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from typing import Final

from standards_lint.model import HeldBy, Report, SuppressedViolation, Violation
from standards_lint.reporters.context import RenderContext

#: What XML 1.0 forbids: C0 controls but tab, LF and CR; surrogates; U+FFFE and U+FFFF.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
CLEAN_CASE_NAME: Final = "meets the standards"


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def render_junit(report: Report, context: RenderContext) -> str:
    """The report as a JUnit XML document."""
    by_path: dict[str, list[Violation]] = defaultdict(list)
    for violation in report.violations:
        by_path[violation.path].append(violation)
    held_by_path: dict[str, list[SuppressedViolation]] = defaultdict(list)
    for held in report.suppressed:
        held_by_path[held.violation.path].append(held)
    root = ElementTree.Element("testsuites", name=context.tool_name)
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for path in sorted({*report.checked_paths, *by_path, *held_by_path}):
        suite = _suite(path, by_path[path], held_by_path[path], context)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _suite(
    path: str,
    violations: list[Violation],
    held: list[SuppressedViolation],
    context: RenderContext,
) -> ElementTree.Element:
    shown = xml_text(context.source_path(path))
    suite = ElementTree.Element("testsuite", name=shown)
    for violation in violations:
        case = _case(violation, shown)
        rule = context.rule(violation.rule, violation.name)
        failure = ElementTree.SubElement(
            case, "failure", message=xml_text(violation.message), type=violation.rule
        )
        details = [
            f"{shown}:{violation.span.line}:{violation.span.column}: {violation.rule}"
            f" [{violation.name}] ({violation.severity.value}) {violation.message}"
        ]
        if rule.summary:
            details.append(f"{rule.summary} See {rule.help_uri}")
        failure.text = xml_text("\n".join(details))
        suite.append(case)
    for item in held:
        case = _case(item.violation, shown)
        why = "the baseline" if item.held_by is HeldBy.BASELINE else "a suppression comment"
        reason = f"held back by {why}" + (f": {item.reason}" if item.reason else "")
        ElementTree.SubElement(case, "skipped", message=xml_text(reason))
        suite.append(case)
    if not violations and not held:
        ElementTree.SubElement(suite, "testcase", name=CLEAN_CASE_NAME, classname=shown, file=shown)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(len(violations)))
    suite.set("errors", "0")
    suite.set("skipped", str(len(held)))
    return suite


def _case(violation: Violation, shown_path: str) -> ElementTree.Element:
    span = violation.span
    return ElementTree.Element(
        "testcase",
        name=xml_text(f"{violation.rule} {violation.name} at {span.line}:{span.column}"),
        classname=shown_path,
        file=shown_path,
        line=str(span.line),
    )
