"""``standards-lint report`` and ``check --record`` on the example and on Django, in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import django
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


def _set_history_file(shop: Path, value: str) -> None:
    standards = shop / "standards.toml"
    written = standards.read_text(encoding="utf-8")
    standards.write_text(f"history-file = {value}\n{written}", encoding="utf-8")


def test_the_standards_file_names_the_history_and_the_option_overrides_it(shop: Path) -> None:
    _set_history_file(shop, '"ci/debt.jsonl"')
    named = shop / "ci" / "debt.jsonl"
    # The runs share the copy's own cache, so only the first analyses the files.
    for _ in range(2):
        run = run_process(["standards-lint", "check", "--record"], shop)
        assert run.exit_code == 1, run.stderr
    assert len(named.read_text(encoding="utf-8").splitlines()) == 2
    assert not (shop / ".standards-lint-history.jsonl").exists()
    # Relative to the standards file, wherever the command runs.
    run = run_process(["standards-lint", "report", "-o", "../out.html"], shop / "shop")
    assert run.exit_code == 0, run.stderr
    assert 'data-chart="trend"' in (shop / "out.html").read_text(encoding="utf-8")
    other = shop / "other.jsonl"
    run = run_process(["standards-lint", "check", "--record", "--history", str(other)], shop)
    assert run.exit_code == 1, run.stderr
    assert len(other.read_text(encoding="utf-8").splitlines()) == 1
    assert len(named.read_text(encoding="utf-8").splitlines()) == 2
    run = run_process(
        ["standards-lint", "report", "--history", str(other), "-o", "out.html"],
        shop,
    )
    assert run.exit_code == 0, run.stderr
    page = (shop / "out.html").read_text(encoding="utf-8")
    assert 'data-chart="trend"' not in page
    assert "So far one run is recorded" in page


def test_a_history_file_that_is_not_text_is_a_problem_of_the_standards(shop: Path) -> None:
    _set_history_file(shop, "3")
    run = run_process(["standards-lint", "check", "--record", "--no-cache"], shop)
    assert run.exit_code == 2
    assert "history-file" in run.stderr


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
    page = _read_page(dom)
    assert page.ready_ms is not None, "the page's script did not finish"
    assert len(page.ids) == len(set(page.ids))
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


class _PageReading(HTMLParser):
    """What the tests read back from a loaded page: every id, the rows and the verdicts."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.rows = 0
        self.shown_rows = 0
        self.ready_ms: int | None = None
        self.verdicts: dict[str, tuple[int, int]] = {}
        self._in_table = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"] or "")
        if tag == "html" and found.get("data-ready-ms"):
            self.ready_ms = int(found["data-ready-ms"] or "")
        if tag == "table":
            self._in_table = found.get("id") == "violations"
        if tag == "tr" and self._in_table and "data-severity" in found:
            self.rows += 1
            self.shown_rows += "hidden" not in found
        if tag == "article" and "data-area" in found:
            errors, others = int(found["data-errors"] or ""), int(found["data-others"] or "")
            self.verdicts[found["data-area"] or ""] = (errors, others)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_table = False


def _read_page(dom: str) -> _PageReading:
    reading = _PageReading()
    reading.feed(dom)
    reading.close()
    return reading


#: A generous bound on the browser's own measure of when the page can be used, for a shared
#: machine; on an idle one the Django page is ready in about three seconds.
READY_WITHIN_MS = 20_000


@pytest.mark.slow
@needs_chromium
def test_the_page_for_djangos_source_loads_and_shows_the_json_report_figures(
    tmp_path: Path,
) -> None:
    shutil.copytree(
        Path(django.__file__).parent,
        tmp_path / "django",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (tmp_path / "standards.toml").write_text("# The default rules.\n", encoding="utf-8")
    cache = ["--cache-dir", str(tmp_path / "cache"), "--jobs", "2"]
    checked = run_process(
        ["standards-lint", "check", "--format", "json", "--statistics", *cache, "django"],
        tmp_path,
        timeout=600,
    )
    assert checked.exit_code == 1, checked.stderr
    found = json.loads(checked.stdout)
    # The same cache: the report analyses nothing again unless the tool's code changed.
    run = run_process(
        ["standards-lint", "report", "-o", "report.html", *cache, "django"], tmp_path, timeout=600
    )
    assert run.exit_code == 0, run.stderr
    loaded = _chromium("--dump-dom", (tmp_path / "report.html").as_uri())
    assert loaded.returncode == 0, loaded.stderr
    assert "CONSOLE" not in loaded.stderr, loaded.stderr
    dom = loaded.stdout
    page = _read_page(dom)
    total = len(found["violations"])
    assert total > 1000  # a large page, as the page size below assumes
    assert page.ready_ms is not None, "the page's script did not finish"
    assert page.ready_ms < READY_WITHIN_MS
    # Every violation has its row, and the script shows one page of them.
    assert page.rows == total
    assert page.shown_rows == 100
    assert f"showing 1\u2013100 of {total}" in dom
    assert len(page.ids) == len(set(page.ids))
    figures = _figures(dom)
    assert figures["total"] == total
    assert figures["files_checked"] == found["files_checked"]
    for severity, count in found["summary"].items():
        assert figures[severity] == count
    _assert_counts_by_area_and_rule(dom, page, found, tmp_path)


def _assert_counts_by_area_and_rule(
    dom: str, page: _PageReading, found: dict[str, Any], directory: Path
) -> None:
    """The page's verdicts and bars count what the JSON report holds, area by area, rule by rule."""
    listed = run_process(["standards-lint", "rules", "--format", "json"], directory)
    area_of = {rule["code"]: rule["area"] for rule in json.loads(listed.stdout)}
    expected = Counter(
        (area_of[item["rule"]], item["severity"] == "error") for item in found["violations"]
    )
    shown: Counter[tuple[str, bool]] = Counter()
    for area, (errors, others) in page.verdicts.items():
        shown[area, True], shown[area, False] = errors, others
    assert +shown == expected
    chart = re.search(r'<svg class="chart" data-chart="by-rule".*?</svg>', dom, re.DOTALL)
    assert chart is not None
    bars = dict(
        re.findall(r'<g class="bar" data-label="([^"]+)" data-value="(\d+)"', chart.group(0))
    )
    by_rule = {f"{entry['rule']} {entry['name']}": entry["count"] for entry in found["statistics"]}
    # The fifteen largest rules have a bar each; the rest share one.
    largest = sorted(by_rule.values(), reverse=True)[:15]
    drawn = {label: int(value) for label, value in bars.items() if label in by_rule}
    assert all(by_rule[label] == count for label, count in drawn.items())
    assert sorted(drawn.values(), reverse=True) == largest
    rest = sum(by_rule.values()) - sum(largest)
    assert {label: int(value) for label, value in bars.items() if label not in by_rule} == (
        {f"{len(by_rule) - 15} more": rest} if rest else {}
    )
