"""studio's Qt layer: widgets and panels that show core objects and send edits back."""
