SCHEMA = {"type": "object", "properties": {"id": {"type": "string"}}}
