"""Preprocessing: declared operations, pipelines (JSON), export to Python, batch runs."""
