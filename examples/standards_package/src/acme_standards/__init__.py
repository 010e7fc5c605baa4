"""ACME's shared standards for standards-lint: ``standards.toml`` and the rules it loads."""
