"""Written by tools/import_catalogue.py from the supplier's feed. Do not edit."""

PRODUCTS = [
    {"sku": "MUG-1", "title": "Enamel mug", "price": "12.50", "supplier": "Northwind Enamelware Ltd", "origin": "PT"},
    {"sku": "TEA-7", "title": "Breakfast tea, 250 g", "price": "6.90", "supplier": "Harbour Tea Importers", "origin": "LK"},
]
