SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'pdf_exports' AND schema_name = 'main'
