"""``standards-lint server`` driven over stdio by a real LSP client (pytest-lsp).

Each test starts the server on its own copy of tests/assets/server and talks
to it as an editor would: open, change, ask for code actions and hovers,
change the standards file.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types as lsp
from pygls import uris
from pygls.workspace import TextDocument
from pytest_lsp import LanguageClient, make_test_lsp_client

from standards_lint.api import check_source
from standards_lint.cli import server_command
from standards_lint.config import read_standards
from standards_lint.gate.baseline import load_baseline
from standards_lint.server import ADD_TO_BASELINE
from standards_lint.server.language_server import FIX_ALL_KIND

from .harness import copy_asset

#: Long enough for a slow machine, short enough that a hang fails quickly.
WAIT_SECONDS = 20.0
TEXT = (
    "name = 'café 😀 and a line that is too long'\n"
    "spaced = 1   \n"
    "try:\n"
    "    run()\n"
    "except:\n"
    "    pass\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The server's sample project: max-line-length 40, a local rule with a safe fix."""
    return copy_asset("server", tmp_path)


@pytest_asyncio.fixture
async def client(project: Path) -> AsyncIterator[LanguageClient]:
    """A client connected to ``standards-lint server`` running in ``project``."""
    lsp_client = make_test_lsp_client()
    lsp_client.diagnostics = _Published()
    assert server_command.server.name == "server"
    await lsp_client.start_io(
        sys.executable, "-m", "standards_lint", "server", "--debounce", "0.05", cwd=str(project)
    )
    root = uris.from_fs_path(str(project))
    assert root is not None
    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri=root,
            workspace_folders=[lsp.WorkspaceFolder(uri=root, name="project")],
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()
    await lsp_client.stop()


def _uri(path: Path) -> str:
    uri = uris.from_fs_path(str(path))
    assert uri is not None
    return uri


class _Published(dict[str, Sequence[lsp.Diagnostic]]):
    """The client's diagnostics by URI, which also queues each publication as it arrives.

    pytest-lsp stores every publication in ``client.diagnostics``; queueing
    them too means none is missed while a test waits for another.
    """

    def __init__(self) -> None:
        super().__init__()
        self.arrived: asyncio.Queue[tuple[str, Sequence[lsp.Diagnostic]]] = asyncio.Queue()

    def __setitem__(self, uri: str, diagnostics: Sequence[lsp.Diagnostic]) -> None:
        super().__setitem__(uri, diagnostics)
        self.arrived.put_nowait((uri, diagnostics))


async def _published(
    client: LanguageClient, uri: str, codes: set[str] | None = None
) -> list[lsp.Diagnostic]:
    """The next diagnostics published for ``uri`` (with exactly ``codes``, when given).

    A background re-check of the project may publish once more in between,
    so a test that waits for a result names the codes it waits for.
    """
    assert isinstance(client.diagnostics, _Published)
    queue = client.diagnostics.arrived

    async def wait() -> list[lsp.Diagnostic]:
        while True:
            published, diagnostics = await queue.get()
            if published != uri:
                continue
            if codes is None or {d.code for d in diagnostics} == codes:
                return list(diagnostics)

    return await asyncio.wait_for(wait(), WAIT_SECONDS)


async def _open(client: LanguageClient, path: Path, text: str) -> list[lsp.Diagnostic]:
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(
                uri=_uri(path), language_id="python", version=1, text=text
            )
        )
    )
    return await _published(client, _uri(path))


def _change(client: LanguageClient, path: Path, text: str, version: int) -> None:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=_uri(path), version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def _standards_changed(client: LanguageClient, project: Path) -> None:
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[
                lsp.FileEvent(uri=_uri(project / "standards.toml"), type=lsp.FileChangeType.Changed)
            ]
        )
    )


def _applied(text: str, edits: Sequence[lsp.TextEdit]) -> str:
    """``text`` after ``edits``, applied by pygls's own document model (UTF-16 positions)."""
    document = TextDocument("file:///applied.py", text)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        document.apply_change(
            lsp.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        )
    return document.source


def _edits(action: lsp.CodeAction, uri: str) -> list[lsp.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


@pytest.mark.asyncio
async def test_diagnostics_on_open_are_what_check_reports(
    client: LanguageClient, project: Path
) -> None:
    path = project / "module.py"
    diagnostics = await _open(client, path, TEXT)
    expected = check_source(TEXT, path, read_standards(start=project).standards).violations
    assert [(d.code, d.message) for d in diagnostics] == [(v.rule, v.message) for v in expected]
    assert [d.data["fingerprint"] for d in diagnostics] == [v.fingerprint for v in expected]
    by_code = {d.code: d for d in diagnostics}
    assert set(by_code) == {"STY001", "TRL001", "STY011"}
    # Column 41 (1-based) of line 1, after an emoji that takes two UTF-16 units.
    assert by_code["STY001"].range.start == lsp.Position(line=0, character=41)
    assert by_code["TRL001"].range == lsp.Range(
        start=lsp.Position(line=1, character=10), end=lsp.Position(line=1, character=13)
    )
    assert by_code["STY011"].severity == lsp.DiagnosticSeverity.Error
    description = by_code["STY011"].code_description
    assert description is not None and description.href.endswith("#sty011-bare-except")
    assert all(d.source == "standards-lint" for d in diagnostics)


@pytest.mark.asyncio
async def test_diagnostics_follow_changes_and_only_the_last_one_counts(
    client: LanguageClient, project: Path
) -> None:
    path = project / "module.py"
    assert await _open(client, path, "value = 1\n") == []
    _change(client, path, "value = 'far too long for forty characters!'\n", 2)
    _change(client, path, "value = 1  \n", 3)
    # The first change was dropped for the second: only its diagnostics come.
    assert [d.code for d in await _published(client, _uri(path))] == ["TRL001"]


@pytest.mark.asyncio
async def test_code_actions_fix_suppress_and_fix_all(client: LanguageClient, project: Path) -> None:
    path = project / "module.py"
    uri = _uri(path)
    diagnostics = await _open(client, path, TEXT)
    bare = next(d for d in diagnostics if d.code == "STY011")
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=bare.range,
            context=lsp.CodeActionContext(diagnostics=[bare]),
        )
    )
    assert actions is not None
    by_title = {action.title: action for action in actions if isinstance(action, lsp.CodeAction)}
    # lsprotocol reads any code action that carries a command as a bare Command
    # (its _code_action_hook), so this one is only looked for by title here;
    # tests/unit/server checks its command, and the baseline test runs it.
    titles = {action.title for action in actions}
    fix = by_title["Fix STY011: Catch `Exception`, not every exception (unsafe)"]
    assert fix.kind == lsp.CodeActionKind.QuickFix and not fix.is_preferred
    assert _applied(TEXT, _edits(fix, uri)).endswith("except Exception:\n    pass\n")
    suppress = by_title["Suppress STY011 on this line"]
    assert "except:  # standards-lint: ignore[STY011] reason: ...\n" in _applied(
        TEXT, _edits(suppress, uri)
    )
    assert "Add this STY011 violation to the baseline" in titles
    fix_all = by_title["Apply all safe standards-lint fixes in the file"]
    assert fix_all.kind == FIX_ALL_KIND
    fixed = _applied(TEXT, _edits(fix_all, uri))
    assert fixed == TEXT.replace("spaced = 1   \n", "spaced = 1\n")


@pytest.mark.asyncio
async def test_a_safe_fix_is_preferred_and_only_asked_kinds_come(
    client: LanguageClient, project: Path
) -> None:
    path = project / "module.py"
    uri = _uri(path)
    diagnostics = await _open(client, path, "x = 'é😀'  \n")
    (trailing,) = diagnostics
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri),
            range=trailing.range,
            context=lsp.CodeActionContext(
                diagnostics=[trailing], only=[lsp.CodeActionKind.QuickFix]
            ),
        )
    )
    assert actions is not None
    kinds = {action.kind for action in actions if isinstance(action, lsp.CodeAction)}
    assert kinds == {lsp.CodeActionKind.QuickFix}
    fix = next(a for a in actions if isinstance(a, lsp.CodeAction) and a.title.startswith("Fix"))
    assert fix.is_preferred
    assert _applied("x = 'é😀'  \n", _edits(fix, uri)) == "x = 'é😀'\n"


@pytest.mark.asyncio
async def test_adding_to_the_baseline_writes_it_and_hides_the_violation(
    client: LanguageClient, project: Path
) -> None:
    path = project / "module.py"
    uri = _uri(path)
    diagnostics = await _open(client, path, TEXT)
    bare = next(d for d in diagnostics if d.code == "STY011")
    await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command=ADD_TO_BASELINE, arguments=[uri, bare.data["fingerprint"]])
    )
    republished = await _published(client, uri, {"STY001", "TRL001"})
    assert {d.code for d in republished} == {"STY001", "TRL001"}
    baseline = load_baseline(read_standards(start=project).standards)
    assert baseline is not None
    assert [(e.path, e.rule, e.fingerprints) for e in baseline.entries] == [
        ("module.py", "STY011", (bare.data["fingerprint"],))
    ]


@pytest.mark.asyncio
async def test_hover_shows_the_rationale_and_the_option_that_set_the_limit(
    client: LanguageClient, project: Path
) -> None:
    path = project / "module.py"
    diagnostics = await _open(client, path, TEXT)
    long_line = next(d for d in diagnostics if d.code == "STY001")
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=_uri(path)), position=long_line.range.start
        )
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    text = hover.contents.value
    assert text.startswith("**STY001** `line-too-long` (error)")
    assert "Long lines hide code" in text
    assert "`max-line-length = 40` (from standards.toml)" in text


@pytest.mark.asyncio
@pytest.mark.parametrize("how", ["watched", "saved"])
async def test_a_change_to_the_standards_file_reloads_them(
    client: LanguageClient, project: Path, how: str
) -> None:
    path = project / "module.py"
    diagnostics = await _open(client, path, TEXT)
    assert "STY001" in {d.code for d in diagnostics}
    standards = project / "standards.toml"
    standards.write_text(
        standards.read_text(encoding="utf-8").replace("= 40", "= 100"), encoding="utf-8"
    )
    if how == "watched":
        _standards_changed(client, project)
    else:
        # Edited in the editor and saved there.
        client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(
                text_document=lsp.TextDocumentIdentifier(uri=_uri(standards))
            )
        )
    republished = await _published(client, _uri(path), {"TRL001", "STY011"})
    assert {d.code for d in republished} == {"TRL001", "STY011"}


@pytest.mark.asyncio
async def test_a_broken_standards_file_is_a_diagnostic_on_it(
    client: LanguageClient, project: Path
) -> None:
    path = project / "module.py"
    assert await _open(client, path, TEXT)
    standards = project / "standards.toml"
    good = standards.read_text(encoding="utf-8")
    standards.write_text(good.replace("= 40", "= 'forty'"), encoding="utf-8")
    _standards_changed(client, project)
    on_standards = await _published(client, _uri(standards))
    (problem,) = on_standards
    assert "max-line-length" in problem.message
    assert problem.range.start.line == 4
    # While the standards are broken the module shows nothing (a check that
    # was under way when the file broke may publish once before that).
    if list(client.diagnostics[_uri(path)]):
        assert await _published(client, _uri(path), set()) == []
    # The server is still there: mending the file brings the diagnostics back.
    standards.write_text(good, encoding="utf-8")
    _standards_changed(client, project)
    republished = await _published(client, _uri(path), {"STY001", "TRL001", "STY011"})
    assert {d.code for d in republished} == {"STY001", "TRL001", "STY011"}
    if list(client.diagnostics[_uri(standards)]):
        assert await _published(client, _uri(standards), set()) == []


def test_check_never_imports_the_language_server(project: Path) -> None:
    probe = (
        "import sys\n"
        "from standards_lint.cli import run\n"
        "sys.argv = ['standards-lint', 'check', '--no-cache', '.']\n"
        "try:\n"
        "    run()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('pygls', 'lsprotocol')"
        " or name.startswith('standards_lint.server')))\n"
    )
    (project / "module.py").write_text("value = 1\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, check=False
    )
    assert run.stdout.strip().splitlines()[-1] == "[]", run.stderr


@pytest.mark.asyncio
async def test_saving_a_module_checks_it_again(client: LanguageClient, project: Path) -> None:
    path = project / "module.py"
    assert await _open(client, path, "value = 1\n") == []
    # A save checks the document again (and refreshes the project's facts).
    client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=_uri(path)))
    )
    assert await _published(client, _uri(path)) == []
