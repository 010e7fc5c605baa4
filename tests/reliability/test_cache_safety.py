"""A cache that someone else can write: it may change findings at most, never run code.

CI restores the cache between jobs, so whoever can write that cache writes
the files the next run reads. These tests plant what such a writer could
plant and check what the next ``check`` makes of it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from functional.harness import Invoke

from standards_lint.engine.cache import FORMAT_VERSION

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the payload uses a POSIX shell")

CACHE = ".standards-lint-cache"
LONG_LINE = 'TEXT = "' + "x" * 120 + '"\n'
FILES = {
    "standards.toml": 'select = ["ALL"]\n',
    "pkg/__init__.py": '"""A package."""\n',
    "pkg/core.py": (
        '"""Core."""\n\nimport os\n\nfrom pkg import helpers\n\n\n'
        "def total(values):\n    return sum(values) + helpers.ONE\n"
    ),
    "pkg/helpers.py": '"""Helpers."""\n\nONE = 1\n' + LONG_LINE,
}


def write_project(root: Path, files: dict[str, str] = FILES) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project")


def entries(root: Path, cache: str = CACHE) -> list[Path]:
    return sorted(path for path in (root / cache).glob("v*/*/*") if path.is_file())


def entry_containing(root: Path, text: bytes) -> Path:
    (found,) = [entry for entry in entries(root) if text in entry.read_bytes()]
    return found


def seal(key: str, result: object) -> bytes:
    """An entry for ``key`` holding ``result``, with a checksum that matches: a forger's."""
    head = (
        f'{{"format":{FORMAT_VERSION},"key":{json.dumps(key)},"result":'
        f"{json.dumps(result, separators=(',', ':'))},"
    ).encode()
    return head + b'"sha256":"' + hashlib.sha256(head).hexdigest().encode() + b'"}'


class PlantedPickle:
    """Unpickling this runs a shell command that creates ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {shlex.quote(str(self.marker))}",))


def check_json(cli: Invoke, root: Path, *options: str) -> tuple[int, object, str]:
    run = cli("check", "--format", "json", "--jobs", "1", *options, cwd=root)
    return run.exit_code, json.loads(run.stdout), run.stderr


def test_the_planted_pickle_runs_code_when_unpickled(tmp_path: Path) -> None:
    # The payload the next test plants is live: unpickling it creates the marker.
    marker = tmp_path / "marker"
    payload = pickle.dumps(PlantedPickle(marker))
    unpickle = "import pickle, sys; pickle.loads(sys.stdin.buffer.read())"
    subprocess.run([sys.executable, "-c", unpickle], input=payload, check=True)
    assert marker.exists()


def test_a_planted_pickle_is_never_unpickled_and_leaves_the_report_alone(
    cli: Invoke, root: Path, tmp_path: Path
) -> None:
    first = check_json(cli, root)
    assert first[0] == 1
    marker = tmp_path / "code-ran"
    stored = {entry: entry.read_bytes() for entry in entries(root)}
    assert len(stored) == 3
    for entry in stored:
        entry.write_bytes(pickle.dumps(PlantedPickle(marker)))
    second = check_json(cli, root)
    assert not marker.exists(), "a cache entry ran code"
    assert second == first
    assert {entry: entry.read_bytes() for entry in entries(root)} == stored


def test_one_changed_byte_leaves_the_report_alone_and_the_entry_is_rewritten(
    cli: Invoke, root: Path
) -> None:
    first = check_json(cli, root)
    assert "characters long" in json.dumps(first[1])
    entry = entry_containing(root, b"characters long")
    original = entry.read_bytes()
    entry.write_bytes(original.replace(b"characters long", b"charactErs long", 1))
    assert check_json(cli, root) == first
    assert entry.read_bytes() == original


@pytest.mark.parametrize(
    "planted",
    [
        {"dataclass": ["os", "system", ["touch {marker}"]]},
        {"dataclass": ["subprocess", "Popen", [["touch", "{marker}"]]]},
        {"dataclass": ["builtins", "eval", ["open('{marker}', 'w')"]]},
        {"dataclass": ["standards_lint.lazy_libcst", "libcst.Module", []]},
        {"dataclass": ["pkg.core", "Anything", []]},
        {"pickle": "touch {marker}"},
    ],
    ids=["os.system", "Popen", "eval", "lazy-proxy", "linted-module", "unknown-tag"],
)
def test_a_forged_entry_naming_other_classes_or_tags_is_a_miss(
    cli: Invoke, root: Path, tmp_path: Path, planted: object
) -> None:
    first = check_json(cli, root)
    marker = tmp_path / "code-ran"
    entry = entry_containing(root, b"characters long")
    original = entry.read_bytes()
    document = json.loads(original)
    document["result"][3]["docstrings.coverage"] = json.loads(
        json.dumps(planted).replace("{marker}", str(marker))
    )
    entry.write_bytes(seal(entry.name, document["result"]))
    assert check_json(cli, root) == first
    assert not marker.exists()
    assert "pkg.core" not in sys.modules
    assert entry.read_bytes() == original


def test_a_forged_entry_can_change_findings_which_is_why_ci_restores_only_trusted_caches(
    cli: Invoke, root: Path
) -> None:
    # The limit of what a cache can promise: a well-formed entry is believed.
    check_json(cli, root)
    entry = entry_containing(root, b"characters long")
    document = json.loads(entry.read_bytes())
    forged = json.dumps(document["result"]).replace("characters long", "forged finding")
    entry.write_bytes(seal(entry.name, json.loads(forged)))
    _, report, _ = check_json(cli, root)
    assert "forged finding" in json.dumps(report)


def test_entries_of_another_key_are_misses(cli: Invoke, root: Path) -> None:
    first = check_json(cli, root)
    a, b = entries(root)[:2]
    swapped_a, swapped_b = b.read_bytes(), a.read_bytes()
    a.write_bytes(swapped_a)
    b.write_bytes(swapped_b)
    assert check_json(cli, root) == first
    assert (a.read_bytes(), b.read_bytes()) == (swapped_b, swapped_a)


# never adopting a directory the cache did not create ------------------------------


def listing(directory: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(directory)): path.read_bytes() if path.is_file() else None
        for path in sorted(directory.rglob("*"))
    }


@pytest.mark.parametrize(
    ("cache_dir", "flag"),
    [("pkg", False), (".", False), ("pkg", True)],
    ids=["sources", "project-root", "sources-by-flag"],
)
def test_a_directory_with_other_content_is_never_written_into(
    cli: Invoke, root: Path, cache_dir: str, flag: bool
) -> None:
    if not flag:
        (root / "standards.toml").write_text(
            f'select = ["ALL"]\ncache-dir = "{cache_dir}"\n', encoding="utf-8"
        )
    before = listing(root)
    options = ("--cache-dir", cache_dir) if flag else ()
    for _ in range(2):
        code, report, stderr = check_json(cli, root, *options)
        assert code == 1
        assert "characters long" in json.dumps(report)
        assert "warning: not caching this run" in stderr
        assert "is not a standards-lint cache" in stderr
        assert listing(root) == before


def test_a_regular_file_named_as_the_cache_is_left_alone_with_a_warning(
    cli: Invoke, root: Path
) -> None:
    (root / "standards.toml").write_text(
        'select = ["ALL"]\ncache-dir = "notes.txt"\n', encoding="utf-8"
    )
    (root / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, _, stderr = check_json(cli, root)
    assert code == 1
    assert "notes.txt is not a directory" in stderr
    assert (root / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_an_empty_directory_is_adopted_silently(cli: Invoke, root: Path) -> None:
    (root / CACHE).mkdir()
    _, _, stderr = check_json(cli, root)
    assert stderr == ""
    marks = {"CACHEDIR.TAG", "standards-lint-cache.json"}
    assert marks <= {path.name for path in (root / CACHE).iterdir()}
    assert len(entries(root)) == 3


def test_a_cache_of_the_pickle_format_is_taken_over_and_its_entries_never_read(
    cli: Invoke, root: Path, tmp_path: Path
) -> None:
    old = root / CACHE
    (old / "v1" / "ab").mkdir(parents=True)
    (old / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    (old / ".gitignore").write_text("*\n")
    marker = tmp_path / "code-ran"
    (old / "v1" / "ab" / ("ab" * 32)).write_bytes(pickle.dumps(PlantedPickle(marker)))
    code, _, stderr = check_json(cli, root)
    assert (code, stderr) == (1, "")
    assert not marker.exists()
    assert (old / "standards-lint-cache.json").is_file()
    assert len(entries(root)) == 4  # the old entry, untouched, and the new ones
