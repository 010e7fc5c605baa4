"""``standards-lint report`` and ``check --record`` on the example project, checked in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.functional.harness import REPO, run_process

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A private copy of the example project."""
    target = tmp_path / "shop"
    shutil.copytree(
        REPO / "examples" / "shop",
        target,
        ignore=shutil.ignore_patterns(".standards-lint-cache", "__pycache__"),
    )
    return target


def _chromium(*arguments: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--enable-logging=stderr",
        "--v=0",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _figures(dom: str) -> dict[str, int]:
    return {
        name: int(value)
        for name, value in re.findall(r'data-figure="(\w+)" data-value="(\d+)"', dom)
    }


def test_check_record_appends_a_line_the_report_draws(shop: Path) -> None:
    history = shop / "history.jsonl"
    for _ in range(2):
        run = run_process(
            ["standards-lint", "check", "--record", "--history", str(history), "--no-cache"], shop
        )
        assert run.exit_code == 1, run.stderr
    lines = history.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    recorded = json.loads(lines[0])
    found = json.loads(
        run_process(["standards-lint", "check", "--format", "json", "--no-cache"], shop).stdout
    )
    assert recorded["total"] == len(found["violations"])
    run = run_process(
        ["standards-lint", "report", "--history", str(history), "-o", "out.html", "--no-cache"],
        shop,
    )
    assert run.exit_code == 0, run.stderr
    page = (shop / "out.html").read_text(encoding="utf-8")
    assert 'data-chart="trend"' in page
    assert "Git is not available" in page  # the copy is no Git work tree


@needs_chromium
def test_the_page_loads_cleanly_and_shows_the_json_report_figures(shop: Path) -> None:
    run = run_process(["standards-lint", "report", "-o", "report.html", "--no-cache"], shop)
    assert run.exit_code == 0, run.stderr
    found = json.loads(
        run_process(["standards-lint", "check", "--format", "json", "--no-cache"], shop).stdout
    )
    loaded = _chromium("--dump-dom", (shop / "report.html").as_uri())
    assert loaded.returncode == 0, loaded.stderr
    assert "CONSOLE" not in loaded.stderr, loaded.stderr
    dom = loaded.stdout
    figures = _figures(dom)
    assert figures["total"] == len(found["violations"])
    assert figures["files_checked"] == found["files_checked"]
    for severity, count in found["summary"].items():
        assert figures[severity] == count
    # The script ran: it pages and counts the table.
    assert f"of {len(found['violations'])}" in dom
    by_rule = dict(re.findall(r'<g class="bar" data-label="(\w+) [\w-]+" data-value="(\d+)"', dom))
    for entry in json.loads(re.search(r'id="report-data">(.*?)</script>', dom, re.DOTALL).group(1))[
        "statistics"
    ][:15]:
        assert int(by_rule[entry["rule"]]) == entry["count"]


@needs_chromium
def test_a_console_error_would_be_seen(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><script>console.error('seen')</script>", encoding="utf-8")
    loaded = _chromium("--dump-dom", page.as_uri())
    assert "CONSOLE" in loaded.stderr


@needs_chromium
def test_the_screenshot_renders_the_charts(shop: Path) -> None:
    run_process(["standards-lint", "report", "-o", "report.html", "--no-cache"], shop)
    shot = shop / "report.png"
    taken = _chromium(
        "--window-size=1200,2400", f"--screenshot={shot}", (shop / "report.html").as_uri()
    )
    assert taken.returncode == 0, taken.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes
