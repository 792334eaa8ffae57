"""Labels from other tools: the import dialog and its menu entry."""
