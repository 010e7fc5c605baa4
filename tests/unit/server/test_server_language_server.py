"""The server's code actions and feature table, in process (the end-to-end tests drive stdio)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types as lsp

from standards_lint.server import ADD_TO_BASELINE, build_server
from standards_lint.server.language_server import (
    FIX_ALL_KIND,
    code_actions_for,
    wanted_kinds,
)
from standards_lint.server.project import DocumentCheck, ProjectContext

TEXT = "value = 1  \ntry:\n    run()\nexcept:\n    pass\n"
URI = "file:///project/module.py"


def _checked(root: Path, text: str = TEXT) -> DocumentCheck:
    return ProjectContext.load(root).check_document(root / "module.py", text, {})


def _range(line: int) -> lsp.Range:
    position = lsp.Position(line=line, character=0)
    return lsp.Range(start=position, end=position)


def test_actions_on_a_line_concern_only_its_violations(server_project: Path) -> None:
    checked = _checked(server_project)
    fix_all = lsp.TextEdit(range=_range(0), new_text="")
    actions = code_actions_for(URI, checked, _range(3), lambda: fix_all)
    titles = [action.title for action in actions]
    assert titles == [
        "Fix STY011: Catch `Exception`, not every exception (unsafe)",
        "Suppress STY011 on this line",
        "Add this STY011 violation to the baseline",
        "Apply all safe standards-lint fixes in the file",
    ]
    baseline = actions[2]
    bare = next(v for v in checked.violations if v.rule == "STY011")
    assert baseline.command == lsp.Command(
        title="Add to the baseline", command=ADD_TO_BASELINE, arguments=[URI, bare.fingerprint]
    )
    assert actions[3].edit == lsp.WorkspaceEdit(changes={URI: [fix_all]})


def test_fix_all_is_not_offered_without_a_safe_fix(server_project: Path) -> None:
    checked = _checked(server_project, "try:\n    run()\nexcept:\n    pass\n")
    asked: list[bool] = []

    def fix_all() -> lsp.TextEdit | None:
        asked.append(True)
        return None

    actions = code_actions_for(URI, checked, _range(2), fix_all)
    assert FIX_ALL_KIND not in {action.kind for action in actions}
    assert asked == []


def test_only_the_asked_kinds_are_returned() -> None:
    quick = lsp.CodeAction(title="quick", kind=lsp.CodeActionKind.QuickFix)
    fix_all = lsp.CodeAction(title="all", kind=FIX_ALL_KIND)
    actions = [quick, fix_all]
    assert wanted_kinds(actions, None) == actions
    assert wanted_kinds(actions, [lsp.CodeActionKind.QuickFix]) == [quick]
    assert wanted_kinds(actions, ["source"]) == [fix_all]
    assert wanted_kinds(actions, [lsp.CodeActionKind.SourceFixAll]) == [fix_all]
    assert wanted_kinds(actions, ["refactor"]) == []


def test_the_server_answers_the_features_editors_use() -> None:
    server = build_server(debounce=0.5)
    assert server.debounce == 0.5
    features = set(server.protocol.fm.features)
    assert {
        lsp.TEXT_DOCUMENT_DID_OPEN,
        lsp.TEXT_DOCUMENT_DID_CHANGE,
        lsp.TEXT_DOCUMENT_DID_SAVE,
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.TEXT_DOCUMENT_HOVER,
        lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
    } <= features
    assert ADD_TO_BASELINE in server.protocol.fm.commands


def test_fix_all_runs_once_per_text(server_project: Path) -> None:
    server = build_server()
    context = ProjectContext.load(server_project)
    checked = _checked(server_project)
    first = server.fix_all_of(URI, context, checked, {})
    assert first is not None and first.new_text == ""
    assert server.fix_all_of(URI, context, checked, {}) is first
    changed = _checked(server_project, "other = 2  \n" + TEXT)
    again = server.fix_all_of(URI, context, changed, {})
    assert again is not first and again is not None
