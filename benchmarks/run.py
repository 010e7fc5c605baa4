"""``make bench``: standards-lint against LibCST's parser and Fixit, in one run.

It downloads a pinned corpus (the wheels of pip and rich: pure-Python source,
about 158k lines), installs Fixit into a separate virtual environment, then
measures, with the same machine and the same files:

* LibCST parse-only CPU time (the floor for any LibCST linter);
* standards-lint cold (``--no-cache``), one job and all jobs, every rule on;
* Fixit 2.2.1 with its default rules;
* standards-lint warm with nothing changed, and with one file changed;
* the peak memory of each.

It prints a table of times and ratios and writes it to
``benchmarks/results/latest.json``. The corpus and Fixit's environment live in
``~/.cache/standards-lint-bench`` (``STANDARDS_LINT_BENCH_DIR`` to change it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Outside the repository: Fixit skips files that a .gitignore above them ignores.
WORK = Path(
    os.environ.get("STANDARDS_LINT_BENCH_DIR", Path.home() / ".cache" / "standards-lint-bench")
)
CORPUS_WHEELS = ("pip==24.2", "rich==13.9.4")
FIXIT = "fixit==2.2.1"
STANDARDS = 'select = ["ALL"]\nrespect-gitignore = false\n'


@dataclass(frozen=True)
class Measurement:
    """One measured command."""

    name: str
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    exit_code: int


def _run(command: list[str], **kwargs: object) -> None:
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def prepare_corpus(python: Path) -> Path:
    """Download and unpack the pinned wheels once; return the source directory."""
    source = WORK / "src"
    marker = WORK / "corpus.txt"
    if marker.exists() and marker.read_text() == "\n".join(CORPUS_WHEELS):
        return source
    shutil.rmtree(WORK / "wheels", ignore_errors=True)
    shutil.rmtree(source, ignore_errors=True)
    _run(
        [
            str(python),
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "-d",
            str(WORK / "wheels"),
            *CORPUS_WHEELS,
        ]
    )
    for wheel in sorted((WORK / "wheels").glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(source / wheel.name.split("-")[0])
    (source / "standards.toml").write_text(STANDARDS)
    marker.write_text("\n".join(CORPUS_WHEELS))
    return source


def prepare_fixit() -> Path:
    """A virtual environment with Fixit, apart from standards-lint's."""
    venv = WORK / "fixit-venv"
    fixit = venv / "bin" / "fixit"
    if not fixit.exists():
        _run([sys.executable, "-m", "venv", str(venv)])
        _run([str(venv / "bin" / "pip"), "install", "--quiet", FIXIT])
    return fixit


def measure(
    name: str, command: list[str], cwd: Path, accept: tuple[int, ...] = (0, 1)
) -> Measurement:
    """Run ``command`` under measure.py in ``cwd``; exit codes outside ``accept`` fail."""
    # Installed tools have compiled bytecode; measure them that way.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    output = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *command],
        cwd=cwd,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = json.loads(output)
    if found["exit_code"] not in accept:
        tail = found["stderr_tail"]
        raise SystemExit(f"{name} failed with exit code {found['exit_code']}:\n{tail}")
    return Measurement(
        name, found["wall_s"], found["cpu_s"], found["peak_rss_mb"], found["exit_code"]
    )


def count_lines(source: Path) -> tuple[int, int]:
    """How many Python files and lines the corpus has."""
    files = sorted(source.rglob("*.py"))
    return len(files), sum(len(path.read_bytes().splitlines()) for path in files)


def main() -> None:
    """Prepare, measure, print and save."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--skip-fixit", action="store_true", help="do not run Fixit (it is slow)")
    arguments = parser.parse_args()

    python = Path(sys.executable)
    tool = python.parent / "standards-lint"
    source = prepare_corpus(python)
    files, lines = count_lines(source)
    jobs = os.cpu_count() or 1
    cache = WORK / "cache"
    lint = [
        str(tool),
        "check",
        "--config",
        str(source / "standards.toml"),
        "--exit-zero",
        "--format",
        "json",
    ]
    corpus = ", ".join(CORPUS_WHEELS)
    print(f"corpus: {corpus}: {files} files, {lines} lines; {jobs} cores", flush=True)

    results: list[Measurement] = []

    def record(name: str, command: list[str], accept: tuple[int, ...] = (0, 1)) -> Measurement:
        measured = measure(name, command, source, accept)
        results.append(measured)
        print(
            f"  {name}: {measured.wall_s:.2f} s wall, {measured.cpu_s:.2f} s CPU,"
            f" {measured.peak_rss_mb:.0f} MB",
            flush=True,
        )
        return measured

    parse = record("libcst parse only", [str(python), str(HERE / "parse_only.py"), str(source)])
    cold_one = record("standards-lint cold, 1 job", [*lint, "--no-cache", "--jobs", "1", "."])
    cold_all = record(
        f"standards-lint cold, {jobs} jobs", [*lint, "--no-cache", "--jobs", str(jobs), "."]
    )
    shutil.rmtree(cache, ignore_errors=True)
    measure("fill the cache", [*lint, "--cache-dir", str(cache), "--jobs", str(jobs), "."], source)
    warm = record("standards-lint warm, nothing changed", [*lint, "--cache-dir", str(cache), "."])
    changed = source / "pip" / "pip" / "_internal" / "cli" / "main.py"
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + b"\n# a change for the benchmark\n")
        one = record(
            "standards-lint warm, one file changed", [*lint, "--cache-dir", str(cache), "."]
        )
    finally:
        changed.write_bytes(original)
    fixit = None
    if not arguments.skip_fixit:
        # Fixit's exit code counts what it found; any count is a finished run.
        fixit_lint = [str(prepare_fixit()), "lint", "."]
        fixit = record("fixit 2.2.1, default rules", fixit_lint, accept=tuple(range(256)))

    ratios = {
        "cold 1 job CPU / parse-only CPU (target <= 2)": cold_one.cpu_s / parse.cpu_s,
        "warm nothing changed / cold all jobs, wall (target <= 0.05)": (
            warm.wall_s / cold_all.wall_s
        ),
        "warm one file changed, wall seconds (target < 1)": one.wall_s,
    }
    if fixit is not None:
        ratios["fixit wall / cold all jobs wall (target >= 5)"] = fixit.wall_s / cold_all.wall_s
        ratios["peak memory, ours / fixit's (target <= 1)"] = (
            max(m.peak_rss_mb for m in results if m.name.startswith("standards-lint"))
            / fixit.peak_rss_mb
        )
    print("\nratios:")
    for name, value in ratios.items():
        print(f"  {name}: {value:.3f}")
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(
        json.dumps(
            {
                "machine": {
                    "platform": platform.platform(),
                    "python": platform.python_version(),
                    "cores": jobs,
                },
                "corpus": {"wheels": CORPUS_WHEELS, "files": files, "lines": lines},
                "measurements": [asdict(m) for m in results],
                "ratios": ratios,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {arguments.output}")


if __name__ == "__main__":
    main()
