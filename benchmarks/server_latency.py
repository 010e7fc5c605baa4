"""How soon after a change the language server publishes a 2,000-line file's diagnostics.

Starts ``standards-lint server`` over stdio on a copy of examples/shop, opens a
generated 2,000-line module in it, lets the first full analysis finish, then
changes the module a few times and times each change until its diagnostics
arrive. The figure is that time less the server's debounce (the pause it
waits for the next keystroke on purpose); the target is 300 ms. For scale it
also prints the floor: LibCST's parse of the same text alone, in this process
(every change is parsed afresh). Prints JSON.
Run as ``python benchmarks/server_latency.py [ROUNDS]``.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import libcst
from lsprotocol import types as lsp
from pygls import uris
from pygls.lsp.client import LanguageClient

from standards_lint.server import DEBOUNCE_SECONDS

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 300
LINES = 2000
#: Longer than a cold first analysis of the example project takes.
SETTLE_SECONDS = 5.0

_BLOCK = '''

def total_{index}(items, limit=10):
    """The total of the first ``limit`` items, skipping negative ones."""
    total = 0
    for position, item in enumerate(items):
        if position >= limit:
            break
        if item < 0:
            continue
        total += item
    return total
'''


def generated_module(lines: int) -> str:
    """A module of about ``lines`` lines of small, documented functions."""
    parts = ['"""A generated module for the latency benchmark."""\n']
    index = 0
    while sum(part.count("\n") for part in parts) < lines:
        parts.append(_BLOCK.format(index=index))
        index += 1
    return "".join(parts)


async def measure(rounds: int) -> dict[str, object]:
    """Start the server, open the module, and time ``rounds`` changes."""
    with tempfile.TemporaryDirectory() as directory:
        project = Path(directory) / "shop"
        shutil.copytree(REPO / "examples" / "shop", project)
        path = project / "shop" / "generated_big.py"
        text = generated_module(LINES)
        path.write_text(text, encoding="utf-8")
        uri = uris.from_fs_path(str(path))
        assert uri is not None
        arrived: asyncio.Queue[str] = asyncio.Queue()
        client = LanguageClient("server-latency", "1")

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            """Note which document's diagnostics arrived."""
            arrived.put_nowait(params.uri)

        await client.start_io(sys.executable, "-m", "standards_lint", "server", cwd=str(project))
        await client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(), root_uri=uris.from_fs_path(str(project))
            )
        )
        client.initialized(lsp.InitializedParams())
        client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                text_document=lsp.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=text
                )
            )
        )
        await _next(arrived, uri)
        await asyncio.sleep(SETTLE_SECONDS)  # the project's first analysis, for project rules
        while not arrived.empty():
            arrived.get_nowait()
        latencies = []
        for version in range(2, rounds + 2):
            changed = f"{text}\n# change {version}\n"
            started = time.perf_counter()
            client.text_document_did_change(
                lsp.DidChangeTextDocumentParams(
                    text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=changed)],
                )
            )
            await _next(arrived, uri)
            latencies.append((time.perf_counter() - started - DEBOUNCE_SECONDS) * 1000)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    floor = []
    for _ in range(3):
        started = time.perf_counter()
        libcst.parse_module(text)
        floor.append((time.perf_counter() - started) * 1000)
    return {
        "lines": text.count("\n"),
        "parse_floor_ms": round(statistics.median(floor), 1),
        "rounds": rounds,
        "debounce_ms": DEBOUNCE_SECONDS * 1000,
        "median_ms": round(statistics.median(latencies), 1),
        "max_ms": round(max(latencies), 1),
        "target_ms": TARGET_MS,
        "meets_target": statistics.median(latencies) <= TARGET_MS,
    }


async def _next(arrived: asyncio.Queue[str], uri: str) -> None:
    while await asyncio.wait_for(arrived.get(), 60) != uri:
        pass


def main() -> None:
    """Print the measurement as JSON."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(json.dumps(asyncio.run(measure(rounds))))


if __name__ == "__main__":
    main()
