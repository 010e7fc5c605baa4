"""``standards-lint clean`` removes the cache it created and nothing else.

``cache-dir`` is whatever the standards file says, so ``clean`` must check
what it is about to remove: a mistyped ``cache-dir = "src"`` or ``"."`` must
cost nothing but an error message.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from functional.harness import Invoke, Run, assert_no_traceback

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks are POSIX here")

CACHE = ".standards-lint-cache"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# a tag\n"


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    write(project, "standards.toml", 'select = ["line-too-long"]\n')
    write(project, "src/app.py", '"""App."""\n\nVALUE = 1\n')
    write(project, "README.md", "# a project\n")
    return project


def use_cache_dir(root: Path, cache_dir: str) -> None:
    write(root, "standards.toml", f'select = ["line-too-long"]\ncache-dir = "{cache_dir}"\n')


def snapshot(directory: Path) -> dict[str, str]:
    """Every path below ``directory`` with what it is: a link's target, a file's text."""
    found = {}
    for path in sorted(directory.rglob("*")):
        relative = str(path.relative_to(directory))
        if path.is_symlink():
            found[relative] = f"-> {path.readlink()}"
        elif path.is_file():
            found[relative] = path.read_text(encoding="utf-8", errors="replace")
        else:
            found[relative] = "/"
    return found


def assert_refused(run: Run, *fragments: str) -> None:
    assert run.exit_code == 2, run
    assert_no_traceback(run)
    assert run.stderr.startswith("standards-lint: error: not removing ")
    for fragment in fragments:
        assert fragment in run.stderr


@pytest.mark.parametrize("cache_dir", ["src", ".", "./src/"], ids=["sources", "root", "spelt"])
def test_clean_refuses_a_directory_it_did_not_create(
    cli: Invoke, root: Path, cache_dir: str
) -> None:
    use_cache_dir(root, cache_dir)
    cli("check", cwd=root)  # which must not have marked it either
    before = snapshot(root)
    run = cli("clean", cwd=root)
    assert_refused(run, "is not a standards-lint cache", "CACHEDIR.TAG")
    assert snapshot(root) == before


def test_clean_refuses_a_regular_file(cli: Invoke, root: Path) -> None:
    use_cache_dir(root, "README.md")
    run = cli("clean", cwd=root)
    assert_refused(run, "README.md: it is not a directory")
    assert (root / "README.md").read_text(encoding="utf-8") == "# a project\n"


def test_clean_refuses_a_symlink_even_to_a_real_cache(
    cli: Invoke, root: Path, tmp_path: Path
) -> None:
    real = tmp_path / "elsewhere" / "project"
    write(real, "standards.toml", 'select = ["line-too-long"]\n')
    write(real, "a.py", "x = 1\n")
    assert cli("check", cwd=real).exit_code == 0
    (root / CACHE).symlink_to(real / CACHE, target_is_directory=True)
    before = snapshot(real)
    run = cli("clean", cwd=root)
    assert_refused(run, "it is a symbolic link")
    assert (root / CACHE).is_symlink()
    assert snapshot(real) == before


def test_clean_refuses_a_symlink_to_the_sources(cli: Invoke, root: Path) -> None:
    (root / "cache-link").symlink_to(root / "src", target_is_directory=True)
    use_cache_dir(root, "cache-link")
    before = snapshot(root / "src")
    assert_refused(cli("clean", cwd=root), "it is a symbolic link")
    assert snapshot(root / "src") == before


def test_clean_removes_the_cache_that_check_created(cli: Invoke, root: Path) -> None:
    assert cli("check", cwd=root).exit_code == 0
    assert (root / CACHE / "standards-lint-cache.json").is_file()
    run = cli("clean", cwd=root)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == f"Removed {root / CACHE}.\n"
    assert not (root / CACHE).exists()
    assert set(snapshot(root)) == {"README.md", "src", "src/app.py", "standards.toml"}
    again = cli("clean", cwd=root)
    assert (again.exit_code, again.stdout) == (0, f"No cache at {root / CACHE}.\n")


def test_clean_removes_a_cache_of_the_pickle_format(cli: Invoke, root: Path) -> None:
    write(root, f"{CACHE}/CACHEDIR.TAG", TAG)
    write(root, f"{CACHE}/.gitignore", "*\n")
    write(root, f"{CACHE}/v1/ab/" + "ab" * 32, "an old entry")
    run = cli("clean", cwd=root)
    assert run.exit_code == 0, run
    assert not (root / CACHE).exists()


@pytest.mark.parametrize(
    "files",
    [
        {"CACHEDIR.TAG": TAG, "data.sqlite": "another tool's cache"},
        {"CACHEDIR.TAG": TAG, ".gitignore": "*\n", "v1/x": "", "notes.txt": "mine"},
        {"CACHEDIR.TAG": TAG, ".gitignore": "build/\n", "v1/x": ""},
        {"standards-lint-cache.json": '{"owner": "standards-lint"}', "v2/x": ""},
        {"CACHEDIR.TAG": "not a tag\n", "standards-lint-cache.json": '{"owner": "standards-lint"}'},
        {"CACHEDIR.TAG": TAG, "standards-lint-cache.json": '{"owner": "another-tool"}'},
    ],
    ids=["other-tool", "extra-file", "own-gitignore", "no-tag", "bad-tag", "other-owner"],
)
def test_clean_refuses_a_directory_without_both_marks(
    cli: Invoke, root: Path, files: dict[str, str]
) -> None:
    for relative, text in files.items():
        write(root, f"{CACHE}/{relative}", text)
    before = snapshot(root)
    assert_refused(cli("clean", cwd=root), "is not a standards-lint cache")
    assert snapshot(root) == before


def test_clean_refuses_a_marked_cache_that_also_holds_other_files(
    cli: Invoke, root: Path
) -> None:
    assert cli("check", cwd=root).exit_code == 0
    write(root, f"{CACHE}/my-notes.txt", "kept here by mistake")
    before = snapshot(root)
    assert_refused(cli("clean", cwd=root), "it holds my-notes.txt")
    assert snapshot(root) == before


def test_links_inside_the_cache_are_removed_as_links_never_followed(
    cli: Invoke, root: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    write(outside, "precious.txt", "keep me")
    write(outside, "deep/precious.txt", "keep me too")
    assert cli("check", cwd=root).exit_code == 0
    cache = root / CACHE
    (version,) = cache.glob("v*")
    (shard,) = [path for path in version.iterdir() if path.is_dir()]
    (shard / "link-to-directory").symlink_to(outside, target_is_directory=True)
    (shard / "link-to-file").symlink_to(outside / "precious.txt")
    (version / "zz").symlink_to(outside / "deep", target_is_directory=True)
    before = snapshot(outside)
    run = cli("clean", cwd=root)
    assert run.exit_code == 0, run
    assert not cache.exists()
    assert snapshot(outside) == before
