"""``make bench``: standards-lint against LibCST's parser, Fixit and import-linter, in one run.

On each corpus (see corpora.py: pip and rich, and Django), with the same
machine and the same files, it measures:

* LibCST parse-only CPU time (the floor for any LibCST linter);
* standards-lint cold (``--no-cache``), one job and all jobs, every rule on;
* Fixit 2.2.1 with its default rules (on the first corpus; ``--fixit-all``
  for every corpus);
* standards-lint warm with nothing changed, and with one large module changed;
* the peak memory of each.

Then the Django contracts case (contracts.py): a layers, a forbidden, an
independence, an acyclic and a protected contract over Django, checked by
``lint-imports`` and by ``standards-lint check`` (architecture rules only), each
with its cache warm, on one copy of Django.

Warm runs are repeated and the fastest kept. Every ratio is printed beside its
target with a met or missed mark, and everything is written to
``benchmarks/results/latest.json`` (``readme_table.py`` turns it into the
README's table). The corpora, Fixit's environment and the copy of the tool
that is measured live in ``~/.cache/standards-lint-bench``
(``STANDARDS_LINT_BENCH_DIR`` to change it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import contracts  # standards-lint: ignore[TEC101] a module beside this script
import corpora  # standards-lint: ignore[TEC101] a module beside this script

HERE = Path(__file__).resolve().parent
WORK = Path(
    os.environ.get("STANDARDS_LINT_BENCH_DIR", Path.home() / ".cache" / "standards-lint-bench")
)
FIXIT = "fixit==2.2.1"
#: How often each warm run is repeated; the fastest counts.
WARM_REPEATS = 3
CONTRACT_REPEATS = 9


@dataclass(frozen=True)
class Measurement:
    """One measured command (the fastest of ``repeats`` runs)."""

    name: str
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    exit_code: int
    repeats: int = 1


@dataclass(frozen=True)
class Target:
    """A measured figure and the target an open issue sets for it."""

    corpus: str
    name: str
    measured: float
    comparison: str  # "<=", ">=" or "<"
    target: float
    unit: str = "ratio"  # or "s"

    @property
    def met(self) -> bool:
        """Whether the measured figure meets the target."""
        if self.comparison == "<=":
            return self.measured <= self.target
        if self.comparison == ">=":
            return self.measured >= self.target
        return self.measured < self.target


def measure(
    name: str,
    command: list[str],
    cwd: Path,
    *,
    environment: Mapping[str, str] | None = None,
    accept: tuple[int, ...] = (0, 1),
) -> Measurement:
    """Run ``command`` under measure.py in ``cwd``; exit codes outside ``accept`` fail."""
    # Installed tools have compiled bytecode; measure them that way.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(environment or {})
    output = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *command],
        cwd=cwd,
        env=env,
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


def fastest(runs: list[Measurement]) -> Measurement:
    """The fastest run (by wall time), with how many runs there were."""
    best = min(runs, key=lambda m: m.wall_s)
    return Measurement(
        best.name, best.wall_s, best.cpu_s, best.peak_rss_mb, best.exit_code, len(runs)
    )


def count_lines(source: Path) -> tuple[int, int]:
    """How many Python files and lines a tree has."""
    files = sorted(source.rglob("*.py"))
    return len(files), sum(len(path.read_bytes().splitlines()) for path in files)


def prepare_fixit() -> Path:
    """A virtual environment with Fixit, apart from standards-lint's."""
    venv = WORK / "fixit-venv"
    fixit = venv / "bin" / "fixit"
    if not fixit.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", FIXIT], check=True)
    return fixit


def _print(measured: Measurement) -> None:
    repeats = f" (fastest of {measured.repeats})" if measured.repeats > 1 else ""
    print(
        f"  {measured.name}: {measured.wall_s:.2f} s wall, {measured.cpu_s:.2f} s CPU,"
        f" {measured.peak_rss_mb:.0f} MB{repeats}",
        flush=True,
    )


class Session:
    """The measurements of one corpus or case, printed as they are taken."""

    def __init__(self, cwd: Path, environment: Mapping[str, str]) -> None:
        self.cwd = cwd
        self.environment = environment
        self.results: list[Measurement] = []

    def record(
        self,
        name: str,
        command: list[str],
        *,
        repeats: int = 1,
        before_each: Callable[[int], None] | None = None,
        accept: tuple[int, ...] = (0, 1),
    ) -> Measurement:
        """Measure ``command`` ``repeats`` times, keep the fastest, print and record it."""
        runs = []
        for attempt in range(repeats):
            if before_each is not None:
                before_each(attempt)
            runs.append(
                measure(name, command, self.cwd, environment=self.environment, accept=accept)
            )
        measured = fastest(runs)
        self.results.append(measured)
        _print(measured)
        return measured

    def record_alternating(
        self, first: tuple[str, list[str]], second: tuple[str, list[str]], *, repeats: int
    ) -> tuple[Measurement, Measurement]:
        """Measure two (name, command) pairs in turn, ``repeats`` times each; the fastest of each.

        Taking turns, rather than one command's runs and then the other's,
        gives both the same share of a machine whose load drifts.
        """
        runs: tuple[list[Measurement], list[Measurement]] = ([], [])
        for _ in range(repeats):
            for (name, command), kept in zip((first, second), runs, strict=True):
                kept.append(measure(name, command, self.cwd, environment=self.environment))
        measured = (fastest(runs[0]), fastest(runs[1]))
        for one in measured:
            self.results.append(one)
            _print(one)
        return measured

    def untimed(self, command: list[str]) -> None:
        """Run ``command`` as a measured run would be, without recording it (a warm-up)."""
        measure("warm-up", command, self.cwd, environment=self.environment)


def bench_corpus(
    corpus: corpora.Corpus, tool: Path, snapshot: Path, *, fixit: bool
) -> tuple[dict[str, object], list[Target]]:
    """Measure one corpus; return its JSON record and its targets."""
    python = Path(sys.executable)
    files, lines = count_lines(corpus.source)
    large = corpus.large_module.read_bytes()
    large_lines = len(large.splitlines())
    jobs = os.cpu_count() or 1
    cache = WORK / "cache" / corpus.name
    config = corpus.source / "standards.toml"
    lint = [str(tool), "check", "--config", str(config), "--exit-zero", "--format", "json"]
    print(f"\ncorpus {corpus.name}: {corpus.description}: {files} files, {lines} lines", flush=True)
    session = Session(corpus.source, {"PYTHONPATH": str(snapshot)})
    record = session.record

    parse = record("libcst parse only", [str(python), str(HERE / "parse_only.py"), "."])
    cold_one = record("standards-lint cold, 1 job", [*lint, "--no-cache", "--jobs", "1", "."])
    cold_all = record(
        f"standards-lint cold, {jobs} jobs", [*lint, "--no-cache", "--jobs", str(jobs), "."]
    )
    shutil.rmtree(cache, ignore_errors=True)
    cached = [*lint, "--cache-dir", str(cache)]
    session.untimed([*cached, "--jobs", str(jobs), "."])
    warm = record("standards-lint warm, nothing changed", [*cached, "."], repeats=WARM_REPEATS)

    def change(attempt: int) -> None:
        # A new change each time, so that no repetition finds it cached.
        corpus.large_module.write_bytes(large + f"\n# benchmark change {attempt}\n".encode())

    relative = corpus.large_module.relative_to(corpus.source)
    try:
        one = record(
            f"standards-lint warm, {relative} ({large_lines} lines) changed",
            [*cached, "."],
            repeats=WARM_REPEATS,
            before_each=change,
        )
    finally:
        corpus.large_module.write_bytes(large)
    fixit_run = None
    if fixit:
        # Fixit's exit code counts what it found; any count is a finished run.
        fixit_run = record(
            "fixit 2.2.1, default rules",
            [str(prepare_fixit()), "lint", "."],
            accept=tuple(range(256)),
        )

    name = corpus.name
    cpu = cold_one.cpu_s / parse.cpu_s
    nothing = warm.wall_s / cold_all.wall_s
    changed = f"warm, one large module ({large_lines} lines) changed"
    targets = [
        Target(name, "cold CPU, 1 job / LibCST parse-only CPU", cpu, "<=", 1.5),
        Target(name, "warm, nothing changed / cold wall, all jobs", nothing, "<=", 0.03),
        Target(name, changed, one.wall_s, "<", 0.5, "s"),
    ]
    if fixit_run is not None:
        ours = max(m.peak_rss_mb for m in session.results if m.name.startswith("standards-lint"))
        memory = ours / fixit_run.peak_rss_mb
        speed = fixit_run.wall_s / cold_all.wall_s
        targets += [
            Target(name, "Fixit wall / cold wall, all jobs", speed, ">=", 10),
            Target(name, "peak memory per process, ours / Fixit's", memory, "<=", 1),
        ]
    data = {
        "name": corpus.name,
        "description": corpus.description,
        "files": files,
        "lines": lines,
        "large_module": {"path": str(relative), "lines": large_lines},
        "measurements": [asdict(m) for m in session.results],
    }
    return data, targets


def bench_contracts(tool: Path, snapshot: Path) -> tuple[dict[str, object], list[Target]]:
    """The Django contracts, standards-lint against import-linter, both caches warm."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    with tempfile.TemporaryDirectory(prefix="standards-lint-contracts-") as directory:
        root = Path(directory)
        corpora.copy_python_files(corpora.installed_package("django"), root / "django")
        contracts.write_contracts(root)
        files, lines = count_lines(root)
        description = f"django=={corpora.django_version()}"
        print(
            f"\nDjango contracts ({len(contracts.DJANGO_CONTRACTS)}): {description},"
            f" {files} files, {lines} lines",
            flush=True,
        )
        # grimp finds the package through the import path; the tool comes from the copy.
        session = Session(root, {"PYTHONPATH": os.pathsep.join([str(root), str(snapshot)])})
        theirs_command = [str(lint_imports), "--no-logo", contracts.IMPORT_LINTER_CONFIG]
        theirs_cold = session.record("lint-imports, first run (fills its cache)", theirs_command)
        their_cache = (root / ".import_linter_cache").is_dir()
        ours_command = [
            str(tool), "check", "--config", "standards.toml", "--exit-zero", "--format", "json",
            "--cache-dir", str(root / ".standards-lint-cache"), ".",
        ]  # fmt: skip
        ours_cold = session.record("standards-lint, first run (fills its cache)", ours_command)
        theirs, ours = session.record_alternating(
            ("lint-imports, cache warm", theirs_command),
            ("standards-lint, cache warm", ours_command),
            repeats=CONTRACT_REPEATS,
        )
    print(f"  import-linter's cache is {'on' if their_cache else 'off'} (.import_linter_cache)")
    case = "django contracts"
    wall, cpu = ours.wall_s / theirs.wall_s, ours.cpu_s / theirs.cpu_s
    targets = [
        Target(case, "standards-lint warm / lint-imports warm, wall", wall, "<=", 1.2),
        Target(case, "standards-lint warm / lint-imports warm, CPU", cpu, "<=", 1.2),
    ]
    data = {
        "package": description,
        "files": files,
        "lines": lines,
        "contracts": [{"name": c["name"], "type": c["type"]} for c in contracts.DJANGO_CONTRACTS],
        "import_linter_cache": their_cache,
        "cold_ratio": ours_cold.wall_s / theirs_cold.wall_s,
        "measurements": [asdict(m) for m in session.results],
    }
    return data, targets


def machine() -> dict[str, object]:
    """The machine the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 1,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }


def print_targets(targets: list[Target]) -> None:
    """Every ratio beside its target, with a met or missed mark."""
    rows = [
        (
            t.corpus,
            t.name,
            f"{t.measured:.3f}{' s' if t.unit == 's' else ''}",
            f"{t.comparison} {t.target:g}{' s' if t.unit == 's' else ''}",
            "met" if t.met else "MISSED",
        )
        for t in targets
    ]
    header = ("corpus", "ratio", "measured", "target", "")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    print("\ntargets:")
    for row in [header, *rows]:
        print(
            "  "
            + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def main() -> None:
    """Prepare, measure, print and save."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument(
        "--corpus",
        choices=["all", "pip-rich", "django", "none"],
        default="all",
        help="which corpus to measure (default: both; none: the contracts case only)",
    )
    parser.add_argument("--skip-fixit", action="store_true", help="do not run Fixit (it is slow)")
    parser.add_argument("--fixit-all", action="store_true", help="run Fixit on every corpus")
    parser.add_argument(
        "--skip-contracts", action="store_true", help="do not run the Django contracts case"
    )
    arguments = parser.parse_args()

    python = Path(sys.executable)
    tool = python.parent / "standards-lint"
    WORK.mkdir(parents=True, exist_ok=True)
    snapshot = corpora.snapshot_tool(WORK)
    about = machine()
    print(
        f"{about['cpu']}, {about['cores']} cores, Python {about['python']}; the tool copied"
        f" to {snapshot}",
        flush=True,
    )
    chosen = []
    if arguments.corpus in ("all", "pip-rich"):
        chosen.append(corpora.pip_rich(WORK, python))
    if arguments.corpus in ("all", "django"):
        chosen.append(corpora.django(WORK))
    records, targets = [], []
    for number, corpus in enumerate(chosen):
        with_fixit = not arguments.skip_fixit and (number == 0 or arguments.fixit_all)
        data, found = bench_corpus(corpus, tool, snapshot, fixit=with_fixit)
        records.append(data)
        targets += found
    contracts_data = None
    if not arguments.skip_contracts:
        contracts_data, found = bench_contracts(tool, snapshot)
        targets += found
    print_targets(targets)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": about,
        "corpora": records,
        "contracts": contracts_data,
        "targets": [{**asdict(t), "met": t.met} for t in targets],
    }
    arguments.output.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten to {arguments.output}")


if __name__ == "__main__":
    main()
