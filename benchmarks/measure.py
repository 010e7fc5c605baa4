"""Run one command and print its wall time, CPU time and peak memory as JSON.

CPU time is user + system time of the command and every process it waited
for; peak memory is the largest resident set of any one of those processes.
Run as ``python measure.py COMMAND...``; a fresh process per measurement keeps
the peak of one run from leaking into the next.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> None:
    """Measure ``sys.argv[1:]``."""
    command = sys.argv[1:]
    started = time.perf_counter()
    completed = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "wall_s": round(wall, 3),
                "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
                "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                "exit_code": completed.returncode,
                "stderr_tail": completed.stderr.decode(errors="replace")[-500:],
            }
        )
    )


if __name__ == "__main__":
    main()
