"""`check --fix --unsafe-fixes` over a real package keeps it working, and settles in one run.

h11 0.16.0's sdist ships its test suite inside the package (h11/tests, 78
tests in seconds, no network). Its tests are run on a pristine copy and on a
copy fixed with every rule selected: every file must still compile, the fixed
package must import (from the copy, not an installed h11), its tests must give
the same counts, and a second run must find nothing to fix. Well-kept code
has little to fix: h11's one bare `except:` re-raises, which STY011 accepts
unless bare-except-allow-reraise is false, so it is set false here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from .harness import run_process

pytestmark = pytest.mark.slow

PACKAGE, VERSION = "h11", "0.16.0"
TESTS = ["h11/tests"]
#: Downloads are kept between runs, outside the working tree.
CACHE = Path.home() / ".cache" / "standards-lint-tests" / "sdists"
STANDARDS = 'select = ["ALL"]\n\n[style]\nbare-except-allow-reraise = false\n'


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked sdist, downloaded once into the cache."""
    archive = CACHE / f"{PACKAGE}-{VERSION}.tar.gz"
    if not archive.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
             f"{PACKAGE}=={VERSION}", "-d", str(CACHE)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0 or not archive.is_file():
            pytest.skip(f"cannot download {PACKAGE}=={VERSION} (no network?): {done.stderr[-300:]}")
    where = tmp_path_factory.mktemp("sdist")
    with tarfile.open(archive) as unpacked:
        unpacked.extractall(where, filter="data")
    return where / f"{PACKAGE}-{VERSION}"


def copy(sdist: Path, target: Path) -> Path:
    shutil.copytree(sdist / PACKAGE, target / PACKAGE)
    (target / "standards.toml").write_text(STANDARDS, encoding="utf-8")
    return target


def suite_outcome(root: Path) -> dict[str, int]:
    """The counts of the package's own tests, run on the copy at ``root``."""
    run = run_process(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS], root, timeout=300
    )
    counts = {
        word: int(number)
        for number, word in re.findall(r"(\d+) (passed|failed|error|errors|skipped)", run.stdout)
    }
    assert counts.get("passed"), run.stdout + run.stderr
    return counts


def test_fixing_idna_keeps_it_working(sdist: Path, tmp_path: Path) -> None:
    before = suite_outcome(copy(sdist, tmp_path / "pristine"))
    fixed = copy(sdist, tmp_path / "fixed")
    original = {path: path.read_bytes() for path in fixed.rglob("*.py")}

    first = run_process(
        ["standards-lint", "check", "--no-cache", "--fix", "--unsafe-fixes"], fixed, timeout=600
    )
    assert first.exit_code in (0, 1), first.stderr
    assert "not fixed" not in first.stderr
    # Other rules' fixes count too, as rules gain them; STY011's is certain.
    assert re.search(
        r"standards-lint: fixed \d+ violations? in \d+ files? \(.*STY011 1\b", first.stderr
    ), first.stderr
    changed = [path for path, content in original.items() if path.read_bytes() != content]
    assert changed, "the fixes changed nothing: the test would prove nothing"

    for path in fixed.rglob("*.py"):
        compile(path.read_bytes(), str(path), "exec")
    imported = run_process(
        [
            sys.executable,
            "-c",
            "import h11; print(h11.__file__); print(h11.Connection(h11.CLIENT).our_state)",
        ],
        fixed,
    )
    assert imported.exit_code == 0, imported.stderr
    assert imported.lines == [str(fixed / "h11" / "__init__.py"), "IDLE"]
    assert suite_outcome(fixed) == before

    second = run_process(
        ["standards-lint", "check", "--no-cache", "--fix", "--unsafe-fixes"], fixed, timeout=600
    )
    assert "standards-lint: nothing to fix" in second.stderr, second.stderr
    assert second.exit_code == first.exit_code
