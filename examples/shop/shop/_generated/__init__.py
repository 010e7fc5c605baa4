"""Written by tools/import_catalogue.py from the supplier's feed. Do not edit."""
