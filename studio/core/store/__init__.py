"""studio's SQLite store: the database, where it lives, which windows have it open."""
