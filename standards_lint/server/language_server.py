"""The language server: documents in, diagnostics, code actions and hovers out.

Checks run on a worker thread, one at a time, so that the event loop keeps
answering; a change waits :data:`DEBOUNCE_SECONDS` and is dropped when a newer
one arrives first. The whole project is analysed (through the cache) on
another thread when it is first seen and after each save, for project rules.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from lsprotocol import types as lsp
from pygls import uris
from pygls.lsp.server import LanguageServer

from standards_lint.config import StandardsResolver
from standards_lint.config.discovery import PYPROJECT
from standards_lint.gate.baseline import BaselineError, baseline_path, load_baseline, write_baseline
from standards_lint.model import FixSafety, Violation
from standards_lint.server.actions import (
    can_baseline,
    fix_all_edit,
    fix_title,
    suppression_edit,
    text_edits,
    with_accepted,
)
from standards_lint.server.diagnostics import problem_diagnostic, violation_diagnostic
from standards_lint.server.hover import hover_text
from standards_lint.server.positions import TextLines
from standards_lint.server.project import DocumentCheck, ProjectContext, standards_start
from standards_lint.version import tool_version

#: How long a change waits for the next keystroke before it is checked.
DEBOUNCE_SECONDS: Final = 0.2
ADD_TO_BASELINE: Final = "standards-lint.addToBaseline"
FIX_ALL_KIND: Final = f"{lsp.CodeActionKind.SourceFixAll.value}.standards-lint"
#: Names of the files the standards can be read from: a change to one reloads them.
STANDARDS_FILE_NAMES: Final = frozenset({"standards.toml", ".standards.toml", PYPROJECT})

#: Allocations between two collections of the youngest objects (Python's default: 700).
_COLLECT_AFTER_ALLOCATIONS: Final = 50_000


@dataclass(frozen=True, slots=True)
class _Outcome:
    """What one check gives the event loop to publish."""

    uri: str
    check: DocumentCheck | None
    #: Problems of the standards file, by its URI, when it has any.
    problems: dict[str, list[lsp.Diagnostic]]


class StandardsServer(LanguageServer):
    """The ``standards-lint server`` language server."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("standards-lint", tool_version())
        self.debounce = debounce
        self.contexts: dict[Path, ProjectContext] = {}
        self.checked: dict[str, DocumentCheck] = {}
        self.pending: dict[str, asyncio.Future[None]] = {}
        self.problem_uris: set[str] = set()
        #: The last "fix all" edit of each document, with the text it is for.
        self.fixed_all: dict[str, tuple[str, lsp.TextEdit | None]] = {}
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check")
        self.analyser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="facts")
        #: The event loop, once the first document arrives (threads hand results back to it).
        self.loop: asyncio.AbstractEventLoop | None = None

    # Contexts -------------------------------------------------------------------

    def context_for(self, path: Path) -> ProjectContext:
        """The project context of ``path``, read (and its facts analysed) on first use."""
        start = standards_start(path)
        context = self.contexts.get(start)
        if context is None:
            context = ProjectContext.load(start)
            self.contexts[start] = context
            self.refresh_facts(context)
        return context

    def refresh_facts(self, context: ProjectContext) -> None:
        """Analyse ``context``'s project in the background, then check the open documents again."""
        if context.problems or not context.has_project_rules or self.loop is None:
            return
        loop = self.loop
        future = self.analyser.submit(context.refresh_facts)
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self.check_open_documents))

    def reload(self) -> None:
        """Read the standards again and check every open document with them."""
        self.contexts.clear()
        self.check_open_documents()

    # Checking -------------------------------------------------------------------

    def check_open_documents(self) -> None:
        """Check every open document now."""
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0.0)

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, dropping a check of it still waiting."""
        self.loop = asyncio.get_event_loop()
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        if document.path is None:
            return
        texts = self.open_texts()
        loop = asyncio.get_running_loop()
        work = functools.partial(self._check, uri, Path(document.path), document.source, texts)
        try:
            outcome = await loop.run_in_executor(self.checker, work)
        except Exception:  # noqa: BLE001 - the editor's log shows it; the server goes on
            self.window_log_message(
                lsp.LogMessageParams(type=lsp.MessageType.Error, message=traceback.format_exc())
            )
            return
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]
        self._publish(outcome, document.version)

    def open_texts(self) -> dict[Path, str]:
        """The unsaved text of every open document, by path."""
        return {
            Path(each.path): each.source
            for each in self.workspace.text_documents.values()
            if each.path is not None
        }

    def _check(self, uri: str, path: Path, text: str, texts: dict[Path, str]) -> _Outcome:
        context = self.context_for(path)
        problems = _problem_diagnostics(context)
        if problems or not context.checks(path):
            return _Outcome(uri, None, problems)
        return _Outcome(uri, context.check_document(path, text, texts), problems)

    def _publish(self, outcome: _Outcome, version: int | None) -> None:
        # The standards files' problems are published as a whole each time, so
        # that a file mended since the last check gets its diagnostics cleared.
        diagnostics: list[lsp.Diagnostic] = []
        if outcome.check is not None:
            self.checked[outcome.uri] = outcome.check
            lines = TextLines(outcome.check.text)
            diagnostics = [violation_diagnostic(each, lines) for each in outcome.check.violations]
        else:
            self.checked.pop(outcome.uri, None)
        if outcome.uri not in outcome.problems:
            self.publish(outcome.uri, diagnostics, version)
        for uri in self.problem_uris - set(outcome.problems):
            self.publish(uri, [], None)
        for uri, found in outcome.problems.items():
            self.publish(uri, found, None)
        self.problem_uris = set(outcome.problems)

    def publish(self, uri: str, diagnostics: list[lsp.Diagnostic], version: int | None) -> None:
        """Send ``uri``'s diagnostics to the client."""
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def fix_all_of(
        self, uri: str, context: ProjectContext, checked: DocumentCheck, texts: dict[Path, str]
    ) -> lsp.TextEdit | None:
        """The "fix all" edit of ``checked``, kept while the text stays the same.

        Editors ask for code actions at every move of the cursor; the rounds
        of check-and-fix run once per text.
        """
        known = self.fixed_all.get(uri)
        if known is not None and known[0] == checked.text:
            return known[1]
        edit = _fix_all(context, checked, texts)
        self.fixed_all[uri] = (checked.text, edit)
        return edit

    def current(self, uri: str) -> DocumentCheck | None:
        """The last check of ``uri``, if it was of the document's current text."""
        checked = self.checked.get(uri)
        if checked is None or self.workspace.get_text_document(uri).source != checked.text:
            return None
        return checked


def _problem_diagnostics(context: ProjectContext) -> dict[str, list[lsp.Diagnostic]]:
    """The standards file's problems as diagnostics, by the URI of the file each is in."""
    found: dict[str, list[lsp.Diagnostic]] = {}
    for problem in context.problems:
        file = Path(problem.file) if problem.file is not None else context.standards.path
        if file is None:
            continue
        uri = uris.from_fs_path(str(file if file.is_absolute() else context.root / file))
        if uri is not None:
            found.setdefault(uri, []).append(problem_diagnostic(problem))
    return found


def _in_range(violation: Violation, lines: TextLines, wanted: lsp.Range) -> bool:
    start, end = lines.span_range(violation.span)
    # A violation's range touches the asked range (inclusive, for empty ranges).
    before = (end.line, end.character) < (wanted.start.line, wanted.start.character)
    after = (start.line, start.character) > (wanted.end.line, wanted.end.character)
    return not before and not after


def _contains(violation: Violation, lines: TextLines, position: lsp.Position) -> bool:
    return _in_range(violation, lines, lsp.Range(start=position, end=position))


def _workspace_edit(uri: str, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(changes={uri: edits})


def code_actions_for(
    uri: str,
    checked: DocumentCheck,
    wanted: lsp.Range,
    fix_all: Callable[[], lsp.TextEdit | None],
) -> list[lsp.CodeAction]:
    """The code actions for the violations of ``checked`` that touch ``wanted``."""
    lines = TextLines(checked.text)
    actions: list[lsp.CodeAction] = []
    here = [each for each in checked.violations if _in_range(each, lines, wanted)]
    for violation in here:
        diagnostic = violation_diagnostic(violation, lines)
        if violation.fix is not None:
            actions.append(
                lsp.CodeAction(
                    title=fix_title(violation),
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=violation.fix.safety is FixSafety.SAFE,
                    edit=_workspace_edit(uri, text_edits(checked.text, violation.fix.edits)),
                )
            )
        suppression = suppression_edit(checked.text, violation)
        if suppression is not None:
            actions.append(
                lsp.CodeAction(
                    title=f"Suppress {violation.rule} on this line",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=_workspace_edit(uri, text_edits(checked.text, [suppression])),
                )
            )
        if can_baseline(violation):
            actions.append(
                lsp.CodeAction(
                    title=f"Add this {violation.rule} violation to the baseline",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    command=lsp.Command(
                        title="Add to the baseline",
                        command=ADD_TO_BASELINE,
                        arguments=[uri, violation.fingerprint],
                    ),
                )
            )
    safe = [v for v in checked.violations if v.fix and v.fix.safety is FixSafety.SAFE]
    if safe:
        edit = fix_all()
        if edit is not None:
            actions.append(
                lsp.CodeAction(
                    title="Apply all safe standards-lint fixes in the file",
                    kind=FIX_ALL_KIND,
                    edit=_workspace_edit(uri, [edit]),
                )
            )
    return actions


def _kind_name(kind: str | lsp.CodeActionKind | None) -> str:
    return kind.value if isinstance(kind, lsp.CodeActionKind) else str(kind or "")


def wanted_kinds(
    actions: list[lsp.CodeAction], only: Sequence[str | lsp.CodeActionKind] | None
) -> list[lsp.CodeAction]:
    """The ``actions`` of the kinds in ``only``, or below them (``source`` takes ``source.x``)."""
    if not only:
        return actions
    asked = [_kind_name(kind) for kind in only]
    return [
        action
        for action in actions
        if any(
            _kind_name(action.kind) == kind or _kind_name(action.kind).startswith(f"{kind}.")
            for kind in asked
        )
    ]


def initialized(ls: StandardsServer, params: lsp.InitializedParams) -> None:
    """Ask the client to report changes to standards files, where it can."""
    watching = ls.client_capabilities.workspace
    dynamic = watching and watching.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        ls.client_register_capability(_watch_registration())


def did_open(ls: StandardsServer, params: lsp.DidOpenTextDocumentParams) -> None:
    """Check an opened document at once."""
    ls.schedule(params.text_document.uri, 0.0)


def did_change(ls: StandardsServer, params: lsp.DidChangeTextDocumentParams) -> None:
    """Check a changed document once the typing pauses."""
    ls.schedule(params.text_document.uri, ls.debounce)


def did_save(ls: StandardsServer, params: lsp.DidSaveTextDocumentParams) -> None:
    """A saved standards file reloads the standards; a saved module refreshes the facts."""
    path = uris.to_fs_path(params.text_document.uri)
    if path is not None and Path(path).name in STANDARDS_FILE_NAMES:
        ls.reload()
        return
    ls.schedule(params.text_document.uri, 0.0)
    for context in list(ls.contexts.values()):
        ls.refresh_facts(context)


def did_close(ls: StandardsServer, params: lsp.DidCloseTextDocumentParams) -> None:
    """Forget a closed document and clear its diagnostics."""
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.fixed_all.pop(uri, None)
    checked = ls.checked.pop(uri, None)
    if checked is not None:
        for context in ls.contexts.values():
            context.forget(checked.path)
    ls.publish(uri, [], None)


def did_change_watched_files(ls: StandardsServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    """A standards file changed: reload; another file (the baseline, say): check again."""
    names = {Path(uris.to_fs_path(change.uri) or "").name for change in params.changes}
    if names & STANDARDS_FILE_NAMES:
        ls.reload()
    else:
        ls.check_open_documents()


async def code_action(
    ls: StandardsServer, params: lsp.CodeActionParams
) -> list[lsp.CodeAction] | None:
    """The code actions for the asked range, computed on the checking thread."""
    uri = params.text_document.uri
    checked = ls.current(uri)
    if checked is None:
        return None
    context = ls.context_for(checked.path)
    texts = ls.open_texts()
    probe = [lsp.CodeAction(title="", kind=FIX_ALL_KIND)]
    fix_all: Callable[[], lsp.TextEdit | None] = _nothing_to_fix
    if wanted_kinds(probe, params.context.only):
        fix_all = functools.partial(ls.fix_all_of, uri, context, checked, texts)
    loop = asyncio.get_running_loop()
    work = functools.partial(code_actions_for, uri, checked, params.range, fix_all)
    actions = await loop.run_in_executor(ls.checker, work)
    return wanted_kinds(actions, params.context.only)


def _nothing_to_fix() -> lsp.TextEdit | None:
    return None


def _fix_all(
    context: ProjectContext, checked: DocumentCheck, texts: dict[Path, str]
) -> lsp.TextEdit | None:
    """The one text edit that applies every safe fix of ``checked``'s text, round by round."""

    def check_text(text: str) -> list[Violation]:
        """The violations of ``text`` as the document's content."""
        return list(context.check_document(checked.path, text, texts).violations)

    edit = fix_all_edit(checked.text, check_text)
    return None if edit is None else text_edits(checked.text, [edit])[0]


def hover(ls: StandardsServer, params: lsp.HoverParams) -> lsp.Hover | None:
    """Explain the violations under the cursor."""
    checked = ls.current(params.text_document.uri)
    if checked is None:
        return None
    lines = TextLines(checked.text)
    found = [each for each in checked.violations if _contains(each, lines, params.position)]
    if not found:
        return None
    reading = ls.context_for(checked.path).reading
    text = "\n\n---\n\n".join(hover_text(each, reading, checked.path) for each in found)
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))


def add_to_baseline(ls: StandardsServer, *arguments: Any) -> None:
    """Accept one violation (``uri, fingerprint``) in the baseline file, then check again."""
    uri, fingerprint = str(arguments[0]), str(arguments[1])
    checked = ls.checked.get(uri)
    found = [
        each for each in (checked.violations if checked else ()) if each.fingerprint == fingerprint
    ]
    if checked is None or not found:
        ls.window_show_message(_message(lsp.MessageType.Warning, "that violation is gone"))
        return
    standards = ls.context_for(checked.path).standards
    root_path = StandardsResolver(standards).relative(checked.path)
    try:
        accepted = with_accepted(load_baseline(standards), found[0], root_path, standards)
        write_baseline(baseline_path(standards), accepted)
    except BaselineError as error:
        ls.window_show_message(_message(lsp.MessageType.Error, str(error)))
        return
    ls.check_open_documents()


#: Each LSP feature the server answers, with its options and its handler.
_FEATURES: Final[tuple[tuple[str, Any, Callable[..., Any]], ...]] = (
    (lsp.INITIALIZED, None, initialized),
    (lsp.TEXT_DOCUMENT_DID_OPEN, None, did_open),
    (lsp.TEXT_DOCUMENT_DID_CHANGE, None, did_change),
    (lsp.TEXT_DOCUMENT_DID_SAVE, None, did_save),
    (lsp.TEXT_DOCUMENT_DID_CLOSE, None, did_close),
    (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, None, did_change_watched_files),
    (
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]),
        code_action,
    ),
    (lsp.TEXT_DOCUMENT_HOVER, None, hover),
)


def build_server(debounce: float = DEBOUNCE_SECONDS) -> StandardsServer:
    """The server with every feature and command registered."""
    server = StandardsServer(debounce)
    for name, options, handler in _FEATURES:
        server.feature(name, options)(handler)
    server.command(ADD_TO_BASELINE)(add_to_baseline)
    return server


def _message(kind: lsp.MessageType, text: str) -> lsp.ShowMessageParams:
    return lsp.ShowMessageParams(type=kind, message=f"standards-lint: {text}")


def _watch_registration() -> lsp.RegistrationParams:
    watchers = [
        lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in sorted(STANDARDS_FILE_NAMES)
    ]
    return lsp.RegistrationParams(
        registrations=[
            lsp.Registration(
                id="standards-lint-watch",
                method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
        ]
    )


def serve(debounce: float = DEBOUNCE_SECONDS) -> None:
    """Run the server over standard input and output until the client ends it."""
    # A check allocates a syntax tree of many small nodes; with the default
    # thresholds the collector runs dozens of times per keystroke for garbage
    # that reference counting frees anyway. Collections stay, less often.
    gc.set_threshold(_COLLECT_AFTER_ALLOCATIONS, 20, 20)
    build_server(debounce).start_io()


__all__ = ["ADD_TO_BASELINE", "DEBOUNCE_SECONDS", "StandardsServer", "build_server", "serve"]
