"""``python -m standards_lint``."""

from standards_lint.cli import run

if __name__ == "__main__":
    run()
