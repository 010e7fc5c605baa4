"""Neovim, as a real editor, receives from ``standards-lint server`` what ``check`` reports.

Neovim runs headless with no configuration of its own: a small Lua script
starts the server with ``vim.lsp.start_client`` (which Neovim 0.7, Debian's,
has), attaches it to files of a copy of examples/shop, waits for their
diagnostics and writes them as JSON. The test is skipped only where Neovim is
not installed (``make test`` installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .harness import REPO

#: A file with per-file rules of several areas and a local plugin's rule, and
#: one with a project rule (TST001, from the other files' facts).
FILES = ("shop/inventory.py", "shop/notifications.py")
#: vim.diagnostic.severity: ERROR 1, WARN 2, INFO 3 (as LSP's).
SEVERITIES = {"error": 1, "warning": 2, "info": 3}

SCRIPT = r"""
local cmd = vim.fn.json_decode(os.getenv("SL_CMD"))
local expected = vim.fn.json_decode(os.getenv("SL_EXPECTED"))
local client = vim.lsp.start_client({
  name = "standards-lint", cmd = cmd, root_dir = os.getenv("SL_ROOT"),
})
local result = {}
for path, count in pairs(expected) do
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("SL_ROOT") .. "/" .. path))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  -- Stop waiting once as many arrived as check reports; the test compares them.
  vim.wait(60000, function() return #vim.diagnostic.get(buf) == count end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local original = (d.user_data or {}).lsp or {}
    table.insert(found, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, code = original.code or d.code,
      fingerprint = (original.data or {}).fingerprint,
    })
  end
  result[path] = found
end
local out = io.open(os.getenv("SL_OUT"), "w")
out:write(vim.fn.json_encode(result))
out:close()
vim.lsp.stop_client(client)
vim.cmd("qa!")
"""


def _byte_column(line: str, column: int) -> int:
    """Neovim's 0-based byte column of a 1-based character column."""
    return len(line[: column - 1].encode("utf-8"))


def _as_neovim_shows(violation: dict[str, Any], lines: list[str]) -> dict[str, Any]:
    line, end_line = violation["line"], violation["end_line"]
    return {
        "lnum": line - 1,
        "col": _byte_column(lines[line - 1], violation["column"]),
        "end_lnum": end_line - 1,
        "end_col": _byte_column(lines[end_line - 1], violation["end_column"]),
        "severity": SEVERITIES[violation["severity"]],
        "message": violation["message"],
        "code": violation["rule"],
        "fingerprint": violation["fingerprint"],
    }


def _order(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda item: (item["lnum"], item["col"], item["code"]))


def test_neovim_receives_what_check_reports(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("Neovim (nvim) is not installed; `apt-get install neovim` provides it")
    project = tmp_path / "shop"
    shutil.copytree(
        REPO / "examples" / "shop",
        project,
        ignore=shutil.ignore_patterns("__pycache__", ".standards-lint-cache"),
    )
    expected: dict[str, list[dict[str, Any]]] = {}
    for path in FILES:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "standards_lint",
                "check",
                "--no-cache",
                "--format",
                "json",
                path,
            ],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode in (0, 1), run.stderr
        lines = (project / path).read_text(encoding="utf-8").splitlines()
        expected[path] = [
            _as_neovim_shows(violation, lines)
            for violation in json.loads(run.stdout)["violations"]
            if violation["path"] == path
        ]
    assert all(expected.values()), "the example's files were chosen for their violations"
    script = tmp_path / "diagnostics.lua"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {
        **os.environ,
        "SL_CMD": json.dumps([sys.executable, "-m", "standards_lint", "server"]),
        "SL_ROOT": str(project),
        "SL_EXPECTED": json.dumps({path: len(found) for path, found in expected.items()}),
        "SL_OUT": str(out),
    }
    subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {script}"],
        cwd=project,
        env=env,
        timeout=180,
        check=True,
        capture_output=True,
    )
    received = json.loads(out.read_text(encoding="utf-8"))
    for path in FILES:
        assert _order(received[path]) == _order(expected[path]), path
