"""The sample projects are data, not tests: never collect anything below here."""

collect_ignore_glob = ["*"]
