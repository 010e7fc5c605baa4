SOURCE = "postgresql://reporting@db.internal.example.com:5432/warehouse"
