"""The result cache: storage, damage, concurrency, and everything that must invalidate it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from standards_lint.api import check
from standards_lint.config import load_standards
from standards_lint.engine import profile as profile_module
from standards_lint.engine import run as run_module
from standards_lint.engine.cache import (
    FORMAT_VERSION,
    OWNER_NAME,
    ResultCache,
    clear_cache,
    encode_entry,
    entry_key,
)
from standards_lint.model import (
    Definition,
    FileResult,
    Report,
    Severity,
    Span,
    Suppression,
    Violation,
)

RESULT = FileResult(
    "src/a.py",
    (Violation("PRB001", "probe-marker", Severity.ERROR, "src/a.py", Span(1, 2, 1, 3), "m"),),
    (Suppression(4, 4, ("PRB002",), "why"),),
    {"probe-lines": 12},
)


def entries(directory: Path) -> list[Path]:
    return sorted(p for p in (directory / f"v{FORMAT_VERSION}").glob("*/*") if p.is_file())


# the store -------------------------------------------------------------------


def test_round_trip(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    key = entry_key(b"x = 1\n", "src/a.py", "fingerprint")
    assert cache.get(key) is None
    cache.put(key, RESULT)
    assert cache.get(key) == RESULT
    assert ResultCache(tmp_path / "cache").get(key) == RESULT


def test_an_entry_can_be_read_without_its_definitions(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    key = entry_key(b"def f(): pass\n", "src/a.py", "fingerprint")
    defined = dataclasses.replace(RESULT, definitions=(Definition("f", "function", 1, 1, 1, 1),))
    cache.put(key, defined)
    assert cache.get(key) == defined
    assert cache.get(key, definitions=False) == RESULT


def test_an_entry_that_grew_after_it_was_measured_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path / "cache")
    key = entry_key(b"x = 1\n", "src/a.py", "fingerprint")
    cache.put(key, RESULT)
    real = os.fstat
    monkeypatch.setattr(
        os,
        "fstat",
        lambda descriptor: os.stat_result([*real(descriptor)[:6], 3, *real(descriptor)[7:]]),
    )
    assert cache.get(key) == RESULT


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_place_of_an_entry_is_a_miss_without_blocking(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    key = entry_key(b"x = 1\n", "src/a.py", "fingerprint")
    cache.put(key, RESULT)
    entry = entries(tmp_path / "cache")[0]
    entry.unlink()
    os.mkfifo(entry)
    assert cache.get(key) is None


def test_the_directory_is_tagged_and_ignored_by_git(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    cache.put("ab" * 32, RESULT)
    tag = (tmp_path / "cache" / "CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    owner = json.loads((tmp_path / "cache" / OWNER_NAME).read_text(encoding="utf-8"))
    assert (owner["owner"], owner["format"]) == ("standards-lint", FORMAT_VERSION)
    version = f"v{FORMAT_VERSION}"
    assert entries(tmp_path / "cache") == [tmp_path / "cache" / version / "ab" / ("ab" * 32)]


def test_an_entry_is_json_that_ends_with_the_checksum_of_what_precedes_it(
    tmp_path: Path,
) -> None:
    cache = ResultCache(tmp_path)
    cache.put("ab" * 32, RESULT)
    (entry,) = entries(tmp_path)
    data = entry.read_bytes()
    document = json.loads(data)
    assert (document["format"], document["key"]) == (FORMAT_VERSION, "ab" * 32)
    assert list(document) == ["format", "key", "result", "sha256"]
    head = data[: data.rindex(b',"sha256"') + 1]
    assert document["sha256"] == hashlib.sha256(head).hexdigest()


def test_the_key_depends_on_content_path_and_fingerprint() -> None:
    base = entry_key(b"x = 1\n", "a.py", "f")
    assert base == entry_key(b"x = 1\n", "a.py", "f")
    assert (
        len(
            {
                base,
                entry_key(b"x = 2\n", "a.py", "f"),
                entry_key(b"x = 1\n", "b.py", "f"),
                entry_key(b"x = 1\n", "a.py", "g"),
            }
        )
        == 4
    )
    # The separator keeps (path, fingerprint) pairs apart.
    assert entry_key(b"", "a", "bc") != entry_key(b"", "ab", "c")


VALID_ENTRY = encode_entry("cd" * 32, RESULT)


def resealed(data: bytes) -> bytes:
    """``data`` with a checksum that matches it again, as a forger would write it."""
    head = data[: data.rindex(b'"sha256"')]
    return head + b'"sha256":"' + hashlib.sha256(head).hexdigest().encode() + b'"}'


def edited(old: bytes, new: bytes) -> bytes:
    assert old in VALID_ENTRY
    return resealed(VALID_ENTRY.replace(old, new))


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json",
        b'{"not": "a result"}',
        VALID_ENTRY[:-5],
        VALID_ENTRY.replace(b'"PRB001"', b'"PRB002"'),
        encode_entry("ef" * 32, RESULT),
        edited(f'{{"format":{FORMAT_VERSION}'.encode(), b'{"format":1'),
        edited(b'"error"', b'"fatal"'),
        edited(b"[1,2,1,3]", b'["1",2,1,3]'),
        edited(b"[1,2,1,3]", b"[true,2,1,3]"),
        edited(b',"m",', b",NaN,"),
        edited(b'{"probe-lines":12}', b'{"probe-lines":{"set":[1]}}'),
        edited(b'{"probe-lines":12}', b'{"probe-lines":{"float":"big"}}'),
        edited(b"[4,4,", b"[4,4,4,"),
        edited(b'"result":[', b'"extra":1,"result":['),
        resealed(b"[" * 100_000 + b"]" * 100_000 + b'"sha256":"'),
        pickle.dumps(RESULT),
    ],
    ids=[
        "empty",
        "garbage",
        "wrong-shape",
        "truncated",
        "edited",
        "another-key",
        "another-format",
        "unknown-severity",
        "string-for-int",
        "bool-for-int",
        "nan-literal",
        "unknown-tag",
        "bad-float-tag",
        "extra-field",
        "extra-member",
        "deeply-nested",
        "old-pickle",
    ],
)
def test_a_damaged_entry_reads_as_a_miss_and_is_rewritten(tmp_path: Path, damage: bytes) -> None:
    cache = ResultCache(tmp_path)
    key = "cd" * 32
    cache.put(key, RESULT)
    (entry,) = entries(tmp_path)
    entry.write_bytes(damage)
    assert cache.get(key) is None
    cache.put(key, RESULT)
    assert cache.get(key) == RESULT


def test_an_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-directory"
    blocker.write_text("", encoding="utf-8")
    cache = ResultCache(blocker / "cache")
    cache.put("ef" * 32, RESULT)
    assert cache.get("ef" * 32) is None


def _hammer(directory: str, key: str, rounds: int) -> int:
    cache = ResultCache(Path(directory))
    bad = 0
    for index in range(rounds):
        result = FileResult(f"f{index % 3}.py", RESULT.violations * 50, facts={"i": index % 3})
        cache.put(key, result)
        read = cache.get(key)
        if (
            read is None
            or read.path not in {"f0.py", "f1.py", "f2.py"}
            or len(read.violations) != 50
        ):
            bad += 1
    return bad


def test_concurrent_writers_never_expose_half_an_entry(tmp_path: Path) -> None:
    key = "0a" * 32
    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool:
        bad = pool.starmap(_hammer, [(str(tmp_path), key, 150)] * 4)
    assert bad == [0, 0, 0, 0]
    assert [p.name for p in (tmp_path / f"v{FORMAT_VERSION}" / "0a").iterdir()] == [key]


def test_clear_cache(tmp_path: Path) -> None:
    ResultCache(tmp_path / "cache").put("12" * 32, RESULT)
    assert clear_cache(tmp_path / "cache") is True
    assert not (tmp_path / "cache").exists()
    assert clear_cache(tmp_path / "cache") is False


# invalidation through a whole run -------------------------------------------


@pytest.fixture
def analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Display paths of the files actually analysed (the run stays in this process)."""
    seen: list[str] = []
    real = run_module.analyze_file

    def counting(path: str, raw: bytes, profile: Any) -> FileResult:
        seen.append(path)
        return real(path, raw, profile)

    monkeypatch.setattr(run_module, "analyze_file", counting)
    return seen


@pytest.fixture
def project(
    tmp_path: Path,
    write_standards: Callable[..., Path],
    write_files: Callable[..., list[Path]],
) -> Iterator[Callable[[], Report]]:
    write_standards('select = ["probe"]\n[probe]\nlabel = "first"\n')
    write_files(
        {
            "src/a.py": "x = 1  # PROBE\n",
            "src/b.py": "bad = 2\n",
            "src/c.py": "y = 3\n",
        }
    )

    def run() -> Report:
        standards = load_standards(tmp_path / "standards.toml")
        return check([tmp_path / "src"], standards, cwd=tmp_path)

    yield run


#: The probe pack has project rules, which see the whole project: the plugin
#: file itself is analysed (and cached) with the checked ones.
EVERY_FILE = ["plugins/probe_rules.py", "src/a.py", "src/b.py", "src/c.py"]


def messages(report: Report) -> list[str]:
    return [f"{v.path}:{v.line} {v.rule} {v.message}" for v in report.violations]


def test_a_warm_cache_analyses_nothing(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    first = project()
    assert sorted(analyses) == EVERY_FILE
    assert len(entries(tmp_path / ".standards-lint-cache")) == len(EVERY_FILE)
    analyses.clear()
    second = project()
    assert analyses == []
    assert second == first
    assert "src/a.py:1 PRB001 PROBE found (first)" in messages(first)


def test_a_changed_file_is_analysed_again(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    project()
    analyses.clear()
    (tmp_path / "src" / "c.py").write_text("y = 3  # PROBE\n", encoding="utf-8")
    report = project()
    assert analyses == ["src/c.py"]
    assert "src/c.py:1 PRB001 PROBE found (first)" in messages(report)


def test_changed_options_invalidate_every_file(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    project()
    analyses.clear()
    standards = tmp_path / "standards.toml"
    standards.write_text(standards.read_text().replace('"first"', '"second"'), encoding="utf-8")
    report = project()
    assert sorted(analyses) == EVERY_FILE
    assert "src/a.py:1 PRB001 PROBE found (second)" in messages(report)


def test_options_of_an_area_no_selected_rule_uses_keep_the_cache(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    project()
    analyses.clear()
    standards = tmp_path / "standards.toml"
    standards.write_text(
        standards.read_text() + "[style]\nmax-line-length = 50\n", encoding="utf-8"
    )
    project()
    assert analyses == []


def test_a_changed_plugin_file_invalidates_every_file(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    project()
    analyses.clear()
    plugin = tmp_path / "plugins" / "probe_rules.py"
    plugin.write_text(plugin.read_text() + "\n# an edit\n", encoding="utf-8")
    project()
    assert sorted(analyses) == EVERY_FILE


def test_an_edited_plugin_runs_its_new_code(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    project()
    plugin = tmp_path / "plugins" / "probe_rules.py"
    plugin.write_text(plugin.read_text().replace("PROBE found", "PROBE seen"), encoding="utf-8")
    report = project()
    assert "src/a.py:1 PRB001 PROBE seen (first)" in messages(report)


def test_a_new_tool_version_invalidates_every_file(
    project: Callable[[], Report], analyses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project()
    analyses.clear()
    monkeypatch.setattr(profile_module, "tool_version", lambda: "999.0")
    project()
    assert sorted(analyses) == EVERY_FILE
    analyses.clear()
    project()
    assert analyses == []


def test_a_corrupt_entry_is_survived_and_rewritten(
    project: Callable[[], Report], analyses: list[str], tmp_path: Path
) -> None:
    first = project()
    analyses.clear()
    stored = entries(tmp_path / ".standards-lint-cache")
    for entry in stored:
        entry.write_bytes(b"\x80\x04 damaged")
    assert project() == first
    assert sorted(analyses) == EVERY_FILE
    analyses.clear()
    assert project() == first
    assert analyses == []


# a fully cached run does not import libcst -----------------------------------

TREE_PLUGIN = '''\
"""A tree rule that, like the built-in ones, reaches LibCST through the lazy proxy."""

from standards_lint.lazy_libcst import libcst as cst
from standards_lint.rule import Area, Rule, RulePack


class NoTodoName(Rule):
    code = "LZY001"
    name = "no-todo-name"
    area = "lazy"
    summary = "s"
    rationale = "r"

    def visit_Name(self, node) -> None:
        if isinstance(node, cst.Name) and node.value == "todo":
            self.report(node, "a name called todo")


PACK = RulePack("lazy", [NoTodoName], [Area("lazy", "LZY", "Lazy")])
'''

CHILD = """\
import json, sys, traceback
from pathlib import Path


class WhoImportsLibcst:
    # Records where libcst is first imported from, then lets the import go on.
    stack = None

    def find_spec(self, name, path=None, target=None):
        if name == "libcst" and WhoImportsLibcst.stack is None:
            WhoImportsLibcst.stack = "".join(traceback.format_stack()[:-1])
        return None


sys.meta_path.insert(0, WhoImportsLibcst())

from standards_lint.api import check
from standards_lint.config import load_standards

root = Path(sys.argv[1])
report = check([root / "src"], load_standards(root / "standards.toml"), cwd=root)
print(json.dumps({
    "libcst": "libcst" in sys.modules,
    "importer": WhoImportsLibcst.stack,
    "violations": sorted(f"{v.path}:{v.line}:{v.rule}" for v in report.violations),
}))
"""


def run_child(root: Path, *options: str) -> Any:
    done = subprocess.run(
        [sys.executable, *options, "-c", CHILD, str(root)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return json.loads(done.stdout.splitlines()[-1]), done.stderr


def libcst_import_chain(stderr: str) -> str:
    """The modules being imported when libcst was first imported (from -X importtime)."""
    lines = [line.split("|")[-1].rstrip() for line in stderr.splitlines() if "|" in line]
    for index, line in enumerate(lines):
        if line.strip() == "libcst":
            depth = len(line) - len(line.lstrip())
            chain = ["libcst"]
            for later in lines[index + 1 :]:
                indent = len(later) - len(later.lstrip())
                if indent < depth:
                    chain.append(later.strip())
                    depth = indent
            if depth > 0 or len(chain) == 1:
                chain.append("(code run outside an import: a plugin file or a function body)")
            return " <- ".join(chain)
    return "libcst was not imported"


def test_a_fully_cached_run_does_not_import_libcst(tmp_path: Path) -> None:
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "lazy_rules.py").write_text(TREE_PLUGIN, encoding="utf-8")
    (tmp_path / "standards.toml").write_text(
        'select = ["ALL"]\nplugins = ["plugins/lazy_rules.py"]\n', encoding="utf-8"
    )
    files = {
        "src/pkg/__init__.py": '"""A package."""\n',
        "src/pkg/core.py": textwrap.dedent(
            '''\
            """Core."""


            def add(a: int, b: int) -> int:
                """Add."""
                todo = a + b
                return todo
            '''
        ),
        "src/pkg/long.py": '"""Long."""\n\nVALUE = "' + "x" * 120 + '"\n',
    }
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")

    cold, _ = run_child(tmp_path)
    assert cold["libcst"] is True, "the tree rule must have parsed the files on the cold run"
    assert "src/pkg/core.py:6:LZY001" in cold["violations"]

    warm, stderr = run_child(tmp_path, "-X", "importtime")
    assert warm["violations"] == cold["violations"]
    assert warm["libcst"] is False, (
        f"import chain: {libcst_import_chain(stderr)}\nfirst imported at:\n{warm['importer']}"
    )


@pytest.mark.parametrize(
    "fact",
    [lambda: None, {1, 2}, object(), Path("a.py")],
    ids=["function", "set", "object", "path"],
)
def test_a_result_that_is_not_plain_data_is_not_cached_and_not_a_crash(
    tmp_path: Path, fact: object
) -> None:
    cache = ResultCache(tmp_path)
    cache.put("34" * 32, FileResult("a.py", (), (), {"fact": fact}))
    assert cache.get("34" * 32) is None
    assert list(tmp_path.rglob("*/34*")) == []
    assert list(tmp_path.rglob(".tmp-*")) == []
